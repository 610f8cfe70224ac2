/**
 * On the review page: "Ask your LMC to review this draft". Saves what is typed, then makes a
 * review file of the application (answers and the evidence list; the files themselves only if
 * asked, to keep it small) for the practice to send by NHSmail, and says what happens next.
 */
import { useState } from 'react';
import { Button } from '@/components/nhs/button';
import { NotificationBanner } from '@/components/nhs/messages';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { saveFile } from '@/components/services/save-file';
import { useApplicationSession } from '@/components/session/application-session';

export function SendForReview() {
  const session = useApplicationSession();
  const services = useAppServices();
  const [includeEvidence, setIncludeEvidence] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const appId = session.application.id;

  const send = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      await session.flush(true);
      const [application, profile] = await Promise.all([
        services.repositories.applications.get(appId),
        services.repositories.profiles.get(session.profile.id),
      ]);
      if (!application || !profile) {
        setOutcome({ ok: false, text: 'The application could not be read. Reload the page and try again.' });
        return;
      }
      const made = await services.exchange.makeReviewFile({ application, profile, includeEvidence });
      if (!made.ok) {
        setOutcome({ ok: false, text: made.message });
        return;
      }
      saveFile(made.blob, made.fileName);
      setOutcome({
        ok: true,
        text: `Review file saved as ${made.fileName}. Send it to your LMC by NHSmail. When they send their comments back, import them from “Comments from your LMC” on the task list.`,
      });
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof Error ? error.message : 'The review file could not be made.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="send-for-review" className="app-send-for-review">
      <h2 className="nhsuk-heading-m" id="send-for-review">
        Ask your LMC to review this draft
      </h2>
      <p className="nhsuk-body">
        Your Local Medical Committee can check a draft before you submit it. Download a review file and send it to them
        by NHSmail. They open it in this app, add comments to any question, and send a comments file back.
      </p>
      {outcome ? (
        <NotificationBanner
          id="review-file-message"
          success={outcome.ok}
          title={outcome.ok ? 'Review file ready' : 'There is a problem'}
          role="alert"
        >
          <p className="nhsuk-notification-banner__heading">{outcome.text}</p>
          {outcome.ok ? (
            <p>
              <a href={href(paths.comments(appId))}>Comments from your LMC</a>
            </p>
          ) : null}
        </NotificationBanner>
      ) : null}
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id="review-include-evidence"
              type="checkbox"
              checked={includeEvidence}
              onChange={(e) => setIncludeEvidence(e.target.checked)}
              aria-describedby="review-include-evidence-hint"
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="review-include-evidence">
              Include the evidence files
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id="review-include-evidence-hint">
              Without them the file is small and lists each document by name. With them it may be too large to email.
            </div>
          </div>
        </div>
      </div>
      <Button variant="secondary" onClick={() => void send()} disabled={busy}>
        Download a review file
      </Button>
    </section>
  );
}
