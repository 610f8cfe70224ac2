/**
 * Every evidence file attached for the organisation: what it is, how big, valid until when, which
 * questions it supports, and whether it is expired or expiring, with links to fix each one.
 */
import { formatFileSize } from '@/domain/answers/format-answer';
import { evidenceUses } from '@/domain/answers/evidence-uses';
import { evaluate } from '@/domain/rules/evaluate';
import { capitalise } from '@/domain/rules/validate-answer';
import { formatDate } from '@/domain/rules/values';
import { BackLink } from '@/components/nhs/messages';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths, withReturn } from '@/components/routing/paths';
import { useApplicationSession } from '@/components/session/application-session';

export function EvidencePage() {
  const session = useApplicationSession();
  const { application, checklist } = session;
  const evaluation = evaluate(session.evaluationInput());
  const issues = evaluation.issues.filter((i) => i.code.startsWith('evidence-'));
  const here = paths.evidence(application.id);
  usePageTitle('Check your evidence');
  const label = (id: string) => checklist.questions.get(id)?.question.label ?? id;
  const uses = evidenceUses(checklist, session.answers);
  return (
    <>
      <BackLink href={href(paths.taskList(application.id))}>Back to the task list</BackLink>
      <h1 className="nhsuk-heading-l">Check your evidence</h1>
      <p className="nhsuk-body">
        Files are kept on this computer for {session.profile.name} and can support several applications.
      </p>
      {issues.length ? (
        <>
          <h2 className="nhsuk-heading-m">To check</h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {issues.map((i, n) => (
              <li key={`${i.questionId}-${n}`}>
                <a href={href(withReturn(paths.page(application.id, i.sectionId, i.pageId), here))}>{i.message}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {session.evidence.length === 0 ? (
        <p className="nhsuk-body">
          No files attached yet. Questions that need a document have an “Attach a file” button.
        </p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Files attached for {session.profile.name}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              {['File', 'Size', 'Attached', 'Valid until', 'Supports'].map((h) => (
                <th className="nhsuk-table__header" scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {session.evidence.map((e) => (
              <tr className="nhsuk-table__row" key={e.id}>
                <td className="nhsuk-table__cell app-break-word">{e.name}</td>
                <td className="nhsuk-table__cell">{formatFileSize(e.size)}</td>
                <td className="nhsuk-table__cell">{formatDate(e.addedAt.slice(0, 10))}</td>
                <td className="nhsuk-table__cell">{e.validUntil ? formatDate(e.validUntil) : 'Not given'}</td>
                <td className="nhsuk-table__cell">
                  {capitalise((uses.get(e.id) ?? e.questionIds.map(label)).join('; ') || 'Not used yet')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
