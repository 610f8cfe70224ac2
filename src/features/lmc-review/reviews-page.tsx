/**
 * For an LMC officer: "Review an application for a practice". Open a review file a practice sent
 * (checked; refused plainly when it is not one, or was edited), and the reviews already on this
 * computer, each with whether its comments have been sent back.
 */
import { useState } from 'react';
import { FileChooser } from '@/components/nhs/file-chooser';
import { BackLink, NotificationBanner } from '@/components/nhs/messages';
import { Tag } from '@/components/nhs/tag';
import { href, navigate } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { dayOf, openedReviews, useReviews } from '@/components/lmc-review/use-reviews';

export function ReviewsPage() {
  const services = useAppServices();
  const reviews = useReviews();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  usePageTitle('Review an application for a practice');
  const opened = openedReviews(reviews);

  const open = async () => {
    if (!file) {
      setProblem('Choose the review file the practice sent you.');
      return;
    }
    const result = await services.exchange.openReviewFile(file);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    navigate(paths.reviewer(result.id));
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={href(paths.home())}>Home</BackLink>
        <h1 className="nhsuk-heading-l">Review an application for a practice</h1>
        <p className="nhsuk-body">
          When a practice asks you to check a draft, they send you a review file. Open it here to read their answers,
          add comments to any question or section, and send a comments file back. Their answers cannot be changed here,
          and nothing is sent anywhere: the file and your comments stay on this computer until you send them.
        </p>
        {problem ? (
          <NotificationBanner id="review-open-message" title="There is a problem" role="alert">
            <p className="nhsuk-notification-banner__heading">{problem}</p>
          </NotificationBanner>
        ) : null}
        <FileChooser
          id="review-file"
          label="Choose the review file"
          hint="A file named like aqp-review-….json."
          accept=".json,application/json"
          // The problem is told in the banner above; the group is only marked in error.
          error={problem ? true : undefined}
          onChoose={(files) => {
            setFile(files[0] ?? null);
            setProblem(null);
          }}
          action={{ text: 'Open the review file', onClick: () => void open() }}
        />
        {opened.length ? (
          <>
            <h2 className="nhsuk-heading-m">Reviews on this computer</h2>
            <ul className="nhsuk-list app-reviews-list">
              {opened.map((r) => (
                <li key={r.id}>
                  <a href={href(paths.reviewer(r.id))}>{r.review.from.organisation || 'Unnamed organisation'}</a>
                  {': '}
                  {r.review.application.advert.commissioner}, sent on {dayOf(r.review.createdAt)}{' '}
                  {r.sentAt ? (
                    <Tag colour="green">Comments sent on {dayOf(r.sentAt)}</Tag>
                  ) : (
                    <Tag colour="blue">{r.comments.length} comments, not sent</Tag>
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
