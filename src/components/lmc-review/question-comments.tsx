/**
 * On a question page: the LMC's comments on this page's questions (and on its section as a
 * whole), open ones first, each with reply and resolve; nothing when there are none.
 */
import type { Page, Section } from '@/domain/definition/checklist-schema';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useApplicationSession } from '@/components/session/application-session';
import { CommentCard } from './comment-card';
import { sentReviews, useReviews } from './use-reviews';

export function QuestionComments({ section, page }: { readonly section: Section; readonly page: Page }) {
  const session = useApplicationSession();
  const reviews = useReviews();
  const appId = session.application.id;
  const onPage = new Set(page.questions.map((q) => q.id));
  const shown = sentReviews(reviews, appId).flatMap((review) =>
    (review.received?.comments ?? [])
      .filter((c) => c.sectionId === section.id && (c.questionId === undefined || onPage.has(c.questionId)))
      .map((comment) => ({ review, comment })),
  );
  if (shown.length === 0) return null;
  const ordered = [...shown].sort(
    (a, b) => Number(a.comment.resolvedAt !== undefined) - Number(b.comment.resolvedAt !== undefined),
  );
  return (
    <aside className="app-question-comments" aria-labelledby="question-comments-heading">
      <h2 className="nhsuk-heading-m" id="question-comments-heading">
        Comments from your LMC
      </h2>
      {ordered.map(({ review, comment }) => (
        <CommentCard key={`${review.id}:${comment.id}`} review={review} comment={comment} linkPlace={false} />
      ))}
      <p className="nhsuk-body-s">
        <a href={href(paths.comments(appId))}>See all comments from your LMC</a>
      </p>
    </aside>
  );
}
