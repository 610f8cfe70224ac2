/**
 * One comment from the LMC, as the practice sees it: where it is (linked to its question page),
 * what it says, the practice's reply, and resolve or reopen. Saved to this computer at once.
 */
import { useState } from 'react';
import type { PracticeReview, ReceivedComment } from '@/domain/exchange/review-record';
import { Button } from '@/components/nhs/button';
import { Tag } from '@/components/nhs/tag';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { useApplicationSession } from '@/components/session/application-session';
import { saveReview } from './use-reviews';

/** Where a comment points, in words, with the page it is on. */
export function commentPlace(
  checklist: ReturnType<typeof useApplicationSession>['checklist'],
  appId: string,
  comment: Pick<ReceivedComment, 'sectionId' | 'questionId'>,
): { label: string; link?: string } {
  const section = checklist.sections.get(comment.sectionId);
  const entry = comment.questionId ? checklist.questions.get(comment.questionId) : undefined;
  if (entry) return { label: entry.question.label, link: href(paths.page(appId, entry.section.id, entry.page.id)) };
  return { label: `The whole section: ${section?.title ?? comment.sectionId}` };
}

export function CommentCard({
  review,
  comment,
  headingLevel = 3,
  showPlace = true,
  linkPlace = true,
}: {
  readonly review: PracticeReview;
  readonly comment: ReceivedComment;
  readonly headingLevel?: 2 | 3;
  readonly showPlace?: boolean;
  /** False on the question's own page, where a link to it would go nowhere. */
  readonly linkPlace?: boolean;
}) {
  const session = useApplicationSession();
  const services = useAppServices();
  const [reply, setReply] = useState(comment.reply);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const place = commentPlace(session.checklist, session.application.id, comment);
  const from = review.received?.reviewer;
  const id = `comment-${comment.id}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const change = async (update: (c: ReceivedComment) => ReceivedComment) => {
    setProblem(null);
    const problemText = await saveReview(
      (record) => services.repositories.reviews.save(record, { durable: true }),
      review,
      (r) =>
        r.received
          ? {
              ...r,
              received: {
                ...r.received,
                comments: r.received.comments.map((c) => (c.id === comment.id ? update(c) : c)),
              },
            }
          : r,
    );
    setProblem(problemText);
    return problemText === null;
  };
  const resolved = comment.resolvedAt !== undefined;

  return (
    <div className={`app-comment${resolved ? ' app-comment--resolved' : ''}`} id={id}>
      <Heading className="nhsuk-heading-s app-comment__heading">
        {showPlace ? (
          place.link && linkPlace ? (
            <a href={place.link}>{place.label}</a>
          ) : (
            place.label
          )
        ) : (
          `Comment from ${from?.organisation ?? 'your LMC'}`
        )}{' '}
        {resolved ? <Tag colour="green">Resolved</Tag> : <Tag colour="yellow">Open</Tag>}
      </Heading>
      {showPlace && from ? (
        <p className="nhsuk-body-s app-comment__from">
          From {from.name}, {from.organisation}
        </p>
      ) : null}
      <p className="nhsuk-body app-comment__text">{comment.text}</p>
      {problem ? (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-reply`}>
          Your reply (optional)
        </label>
        <div className="nhsuk-hint" id={`${id}-reply-hint`}>
          Kept on this computer with the comment, for your own record. It is not printed in the pack.
        </div>
        <textarea
          className="nhsuk-textarea"
          id={`${id}-reply`}
          rows={3}
          maxLength={5000}
          aria-describedby={`${id}-reply-hint`}
          value={reply}
          onChange={(e) => {
            setReply(e.target.value);
            setSaved(false);
          }}
        />
      </div>
      <div className="nhsuk-button-group">
        <Button
          variant="secondary"
          onClick={() => void change((c) => ({ ...c, reply })).then((ok) => setSaved(ok))}
          disabled={reply === comment.reply}
        >
          Save reply<span className="nhsuk-u-visually-hidden"> to this comment</span>
        </Button>
        {resolved ? (
          <Button
            variant="secondary"
            onClick={() =>
              void change((c) => ({
                id: c.id,
                sectionId: c.sectionId,
                ...(c.questionId ? { questionId: c.questionId } : {}),
                text: c.text,
                reply,
              }))
            }
          >
            Reopen<span className="nhsuk-u-visually-hidden"> this comment</span>
          </Button>
        ) : (
          <Button onClick={() => void change((c) => ({ ...c, reply, resolvedAt: services.now().toISOString() }))}>
            Mark as resolved<span className="nhsuk-u-visually-hidden">: {place.label}</span>
          </Button>
        )}
      </div>
      {saved ? (
        <p className="nhsuk-body-s" role="status">
          Reply saved.
        </p>
      ) : null}
    </div>
  );
}
