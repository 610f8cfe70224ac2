/**
 * Check your answers for the whole application, with the readiness panel and the export of the
 * application pack (a draft at any time; the final pack once nothing blocks). Prints cleanly.
 */
import { evaluate } from '@/domain/rules/evaluate';
import { readiness } from '@/domain/rules/readiness';
import { AnswerRows } from '@/components/answers/answer-rows';
import { BackLink } from '@/components/nhs/messages';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useApplicationSession } from '@/components/session/application-session';
import { SendForReview } from '@/components/lmc-review/send-for-review';
import { ExportPack } from './export-pack';
import { ReadinessPanel } from './readiness-panel';
import { outstandingNames } from '@/domain/exchange/return-subjects';
import { leadRequests, sessionSubjects, useReturns } from '@/components/member-returns/use-returns';

export function ReviewPage() {
  const session = useApplicationSession();
  const { application, profile, checklist } = session;
  const evaluation = evaluate(session.evaluationInput());
  const ready = readiness(evaluation);
  const here = paths.review(application.id);
  const returns = useReturns();
  usePageTitle(`Check your answers: ${profile.name}`);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds app-review">
        <BackLink href={href(paths.taskList(application.id))}>Back to the task list</BackLink>
        <span className="nhsuk-caption-l">{profile.name}</span>
        <h1 className="nhsuk-heading-l">Check your answers</h1>
        <ReadinessPanel
          readiness={ready}
          appId={application.id}
          returnTo={here}
          sectionTitle={(id) => checklist.sections.get(id)?.title ?? id}
          outstanding={outstandingNames(sessionSubjects(session, leadRequests(returns, application.id)))}
        />
        <ExportPack ready={ready.ready} />
        <SendForReview />
        {evaluation.visibleSections.map((section) => (
          <section key={section.id} aria-labelledby={`review-${section.id}`}>
            <h2 className="nhsuk-heading-m" id={`review-${section.id}`}>
              {section.title}
            </h2>
            <AnswerRows section={section} evaluation={evaluation} returnTo={here} />
          </section>
        ))}
      </div>
    </div>
  );
}
