/**
 * The task list's "Review by your LMC" entry: where this application's LMC review stands (not
 * sent, waiting for comments, how many comments are open, or all resolved), linking to the
 * comments page.
 */
import { TaskList, type Task } from '@/components/nhs/task-list';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { openCount, sentReviews, useReviews } from './use-reviews';

export function LmcReviewTask({ appId }: { readonly appId: string }) {
  const reviews = useReviews();
  const sent = sentReviews(reviews, appId);
  const answered = sent.filter((r) => r.received);
  const open = answered.reduce((n, r) => n + openCount(r), 0);
  const status: Pick<Task, 'status' | 'colour'> =
    sent.length === 0
      ? { status: 'Not sent', colour: 'grey' }
      : answered.length === 0
        ? { status: 'Waiting for comments', colour: 'blue' }
        : open > 0
          ? { status: `${open} open`, colour: 'yellow' }
          : { status: 'All resolved' };
  return (
    <>
      <h2 className="nhsuk-heading-m">Review by your LMC</h2>
      <TaskList
        idPrefix="tasks-lmc-review"
        tasks={[
          {
            id: 'comments',
            name: 'Comments from your LMC',
            hint:
              sent.length === 0
                ? 'Ask your LMC to check a draft: download a review file from “Check your answers”'
                : 'Import their comments file, reply and mark each comment as resolved',
            href: href(paths.comments(appId)),
            ...status,
          },
        ]}
      />
    </>
  );
}
