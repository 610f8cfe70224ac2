/**
 * The task list's "Returns from members and declarants" entry, shown once the application lists
 * member practices or declarants: how many returns are accepted, waiting or to check, linking to
 * the returns page.
 */
import { TaskList, type Task } from '@/components/nhs/task-list';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useApplicationSession } from '@/components/session/application-session';
import { leadRequests, sessionSubjects, useReturns } from './use-returns';

export function MemberReturnsTask() {
  const session = useApplicationSession();
  const returns = useReturns();
  const subjects = sessionSubjects(session, leadRequests(returns, session.application.id));
  if (subjects.length === 0) return null;
  const count = (kind: string) => subjects.filter((s) => s.status.kind === kind).length;
  const toCheck = count('returned');
  const waiting = count('asked');
  const accepted = count('accepted');
  const status: Pick<Task, 'status' | 'colour'> =
    toCheck > 0
      ? { status: `${toCheck} to check`, colour: 'yellow' }
      : waiting > 0
        ? { status: `${waiting} waiting`, colour: 'blue' }
        : accepted > 0
          ? {
              status: `${accepted} of ${subjects.length} accepted`,
              colour: accepted === subjects.length ? undefined : 'blue',
            }
          : { status: 'Not asked', colour: 'grey' };
  return (
    <>
      <h2 className="nhsuk-heading-m">Members and declarants</h2>
      <TaskList
        idPrefix="tasks-returns"
        tasks={[
          {
            id: 'returns',
            name: 'Returns from members and declarants',
            hint: 'Ask each member practice for its part, and each partner or director for their declaration of interests, then import what they send back',
            href: href(paths.returns(session.application.id)),
            ...status,
          },
        ]}
      />
    </>
  );
}
