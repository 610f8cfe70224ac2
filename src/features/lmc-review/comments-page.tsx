/**
 * "Comments from your LMC", for one application: import a comments file (checked; refused
 * plainly with nothing changed), then every review sent from here with its comments, each with
 * reply and resolve. Comments stay on this computer and are never printed in the pack.
 */
import { useState } from 'react';
import type { PracticeReview } from '@/domain/exchange/review-record';
import { FileChooser } from '@/components/nhs/file-chooser';
import { BackLink, InsetText, NotificationBanner } from '@/components/nhs/messages';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { useApplicationSession } from '@/components/session/application-session';
import { CommentCard } from '@/components/lmc-review/comment-card';
import { commentTargets, dayOf, openCount, sentReviews, useReviews } from '@/components/lmc-review/use-reviews';

export function CommentsPage() {
  const session = useApplicationSession();
  const services = useAppServices();
  const reviews = useReviews();
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const appId = session.application.id;
  const sent = sentReviews(reviews, appId);
  usePageTitle(`Comments from your LMC: ${session.profile.name}`);

  const runImport = async () => {
    if (!file) {
      setMessage({ ok: false, text: 'Choose the comments file your LMC sent you.' });
      return;
    }
    const result = await services.exchange.importComments(file, appId, commentTargets(session.checklist));
    setMessage(
      result.ok
        ? {
            ok: true,
            text: `Imported ${result.comments} comment${result.comments === 1 ? '' : 's'} from ${result.reviewer}.`,
          }
        : { ok: false, text: result.message },
    );
    if (result.ok) {
      setFile(null);
      // A fresh input, so choosing the same file again is seen (and refused as imported already).
      setInputKey((k) => k + 1);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={href(paths.taskList(appId))}>Back to the task list</BackLink>
        <span className="nhsuk-caption-l">{session.profile.name}</span>
        <h1 className="nhsuk-heading-l">Comments from your LMC</h1>
        {message ? (
          <NotificationBanner
            id="comments-message"
            success={message.ok}
            title={message.ok ? 'Comments imported' : 'There is a problem'}
            role="alert"
          >
            <p className="nhsuk-notification-banner__heading">{message.text}</p>
          </NotificationBanner>
        ) : null}
        {reviews.kind === 'failed' ? <p className="nhsuk-error-message">{reviews.message}</p> : null}
        {reviews.kind === 'ready' && sent.length === 0 ? (
          <InsetText>
            <p>
              You have not sent this application to your LMC for review from this computer. Download a review file from{' '}
              <a href={href(paths.review(appId))}>Check your answers</a> and send it to them.
            </p>
          </InsetText>
        ) : null}
        <h2 className="nhsuk-heading-m">Import comments</h2>
        <FileChooser
          id="comments-file"
          label="Choose the comments file from your LMC"
          hint="A file named like aqp-comments-….json, sent back after they reviewed your draft."
          accept=".json,application/json"
          resetKey={inputKey}
          onChoose={(files) => {
            setFile(files[0] ?? null);
            setMessage(null);
          }}
          action={{ text: 'Import comments', onClick: () => void runImport() }}
        />
        {sent.map((review) => (
          <ReviewComments
            key={review.id}
            review={review}
            changedSince={session.revision > review.applicationRevision}
          />
        ))}
      </div>
    </div>
  );
}

function ReviewComments({ review, changedSince }: { readonly review: PracticeReview; readonly changedSince: boolean }) {
  const received = review.received;
  const open = openCount(review);
  return (
    <section className="app-review-comments" aria-labelledby={`review-${review.id}`}>
      <h2 className="nhsuk-heading-m" id={`review-${review.id}`}>
        Review file sent on {dayOf(review.sentAt)}
      </h2>
      {!received ? (
        <p className="nhsuk-body">Waiting for comments. Import the comments file when your LMC sends it back.</p>
      ) : (
        <>
          <p className="nhsuk-body">
            Comments from {received.reviewer.name}, {received.reviewer.organisation}, sent on {dayOf(received.sentAt)}:{' '}
            {open} open, {received.comments.length - open} resolved.
          </p>
          {changedSince ? (
            <p className="nhsuk-body">You have changed the application since you sent it for review.</p>
          ) : null}
          {received.overall.trim() ? (
            <InsetText>
              <h3 className="nhsuk-heading-s">Overall</h3>
              <p className="app-comment__text">{received.overall}</p>
            </InsetText>
          ) : null}
          {received.comments.map((comment) => (
            <CommentCard key={comment.id} review={review} comment={comment} />
          ))}
        </>
      )}
    </section>
  );
}
