/**
 * The engine's hard fails and warnings for one answer, shown where the answer is typed: a hard
 * fail as the NHS warning callout, a warning as inset text. The words are the engine's own, the
 * same as on the check-answers page and in the PDF. The answer is still saved as typed.
 */
import type { Issue } from '@/domain/rules/issues';
import { WarningCallout } from '@/components/nhs/messages';

export const hardFailHeading = 'This answer means you cannot qualify';

export function IssueCallouts({ issues }: { readonly issues: readonly Issue[] }) {
  return (
    <div aria-live="polite">
      {issues
        .filter((issue) => issue.severity !== 'blocking')
        .map((issue) =>
          issue.severity === 'hard-fail' ? (
            <WarningCallout key={issue.checkId ?? issue.message} heading={hardFailHeading}>
              <p>{issue.message}</p>
            </WarningCallout>
          ) : (
            <div className="nhsuk-inset-text app-warning" key={issue.checkId ?? issue.message}>
              <span className="nhsuk-u-visually-hidden">Warning: </span>
              <p>{issue.message}</p>
            </div>
          ),
        )}
    </div>
  );
}
