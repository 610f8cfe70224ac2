/**
 * The readiness panel: hard fails (the bid cannot qualify), what must be fixed before the final
 * pack, and warnings (such as evidence expiring), each linked to its question.
 */
import type { Issue } from '@/domain/rules/issues';
import type { Readiness } from '@/domain/rules/readiness';
import { href } from '@/components/routing/hash-location';
import { paths, withReturn } from '@/components/routing/paths';

function IssueList({
  issues,
  appId,
  returnTo,
  label,
}: {
  readonly issues: readonly Issue[];
  readonly appId: string;
  readonly returnTo: string;
  readonly label: (i: Issue) => string;
}) {
  return (
    <ul className="nhsuk-list nhsuk-list--bullet">
      {issues.map((issue, index) => (
        <li key={`${issue.questionId}-${issue.itemId ?? ''}-${issue.checkId ?? issue.code}-${index}`}>
          <a href={href(withReturn(paths.page(appId, issue.sectionId, issue.pageId), returnTo))}>{issue.message}</a>
          <span className="nhsuk-body-s app-issue-where"> ({label(issue)})</span>
        </li>
      ))}
    </ul>
  );
}

export function ReadinessPanel({
  readiness,
  appId,
  returnTo,
  sectionTitle,
  outstanding = [],
}: {
  readonly readiness: Readiness;
  readonly appId: string;
  readonly returnTo: string;
  readonly sectionTitle: (id: string) => string;
  /** Members and declarants asked for a return who have not yet sent one that was accepted. */
  readonly outstanding?: readonly string[];
}) {
  const label = (i: Issue) =>
    i.itemTitle ? `${sectionTitle(i.sectionId)}, ${i.itemTitle}` : sectionTitle(i.sectionId);
  const { hardFails, blocking, warnings } = readiness;
  return (
    <section className="app-readiness" aria-labelledby="readiness-heading">
      <h2 className="nhsuk-heading-m" id="readiness-heading">
        {readiness.ready ? 'Your application is ready' : 'What is still needed'}
      </h2>
      {readiness.ready ? (
        <p className="nhsuk-body">
          Nothing blocks your application. Check the warnings below, if any, then export the pack.
        </p>
      ) : null}
      {hardFails.length ? (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              {hardFails.length === 1 ? '1 answer means' : `${hardFails.length} answers mean`} you cannot qualify
            </span>
          </h3>
          <IssueList issues={hardFails} appId={appId} returnTo={returnTo} label={label} />
        </div>
      ) : null}
      {blocking.length ? (
        <>
          <h3 className="nhsuk-heading-s">
            {blocking.length} {blocking.length === 1 ? 'thing' : 'things'} to fix before the final pack
          </h3>
          <IssueList issues={blocking} appId={appId} returnTo={returnTo} label={label} />
        </>
      ) : null}
      {warnings.length ? (
        <>
          <h3 className="nhsuk-heading-s">
            {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
          </h3>
          <IssueList issues={warnings} appId={appId} returnTo={returnTo} label={label} />
        </>
      ) : null}
      {outstanding.length ? (
        <>
          <h3 className="nhsuk-heading-s">
            Still waiting for {outstanding.length === 1 ? 'a return' : `${outstanding.length} returns`}
          </h3>
          <p className="nhsuk-body">
            {outstanding.join(', ')}. Their part is as you typed it until their return is imported and accepted.{' '}
            <a href={href(paths.returns(appId))}>Returns from members and declarants</a>
          </p>
        </>
      ) : null}
    </section>
  );
}
