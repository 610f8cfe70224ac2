/**
 * "Fill in a return" (the member's side): open a request file a lead provider sent (checked;
 * refused plainly with nothing changed), which makes a draft of its own on this computer, and the
 * returns already being filled in here, each with whether it has been sent back.
 */
import { useState } from 'react';
import { FileChooser } from '@/components/nhs/file-chooser';
import { BackLink, NotificationBanner } from '@/components/nhs/messages';
import { Tag } from '@/components/nhs/tag';
import { href, navigate } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { longDay } from '@/components/session/dates';
import { formatDate } from '@/domain/rules/values';
import { respondentReturns, useReturns } from '@/components/member-returns/use-returns';

const asked = { member: 'your practice’s part of the bid', declarant: 'your declaration of interests' };

export function FillInReturnPage() {
  const services = useAppServices();
  const returns = useReturns();
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle('Fill in a return', message !== null);
  const mine = respondentReturns(returns);

  const open = async () => {
    if (!file) {
      setMessage('Choose the request file you were sent.');
      return;
    }
    setBusy(true);
    try {
      const opened = await services.returns.openRequest(file);
      if (!opened.ok) {
        setMessage(opened.message);
        return;
      }
      navigate(paths.taskList(opened.draftId));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={href(paths.home())}>Home</BackLink>
        <h1 className="nhsuk-heading-l">Fill in a return</h1>
        <p className="nhsuk-body">
          A lead provider (for example your GP federation) bidding for a service may ask your practice for its part of
          the bid, or ask you to declare your interests. They send you a request file by NHSmail. Open it here, fill it
          in, and send the return file back to them. Everything you type stays on this computer until you send it.
        </p>
        {message ? (
          <NotificationBanner id="fill-in-message" title="There is a problem" role="alert">
            <p className="nhsuk-notification-banner__heading">{message}</p>
          </NotificationBanner>
        ) : null}
        <FileChooser
          id="request-file"
          label="Choose the request file"
          hint="A file named like aqp-request-….json."
          accept=".json,application/json"
          busy={busy}
          onChoose={(files) => {
            setFile(files[0] ?? null);
            setMessage(null);
          }}
          action={{ text: 'Open the request', onClick: () => void open() }}
        />
        {mine.length ? (
          <>
            <h2 className="nhsuk-heading-m">Returns on this computer</h2>
            <ul className="nhsuk-list">
              {mine.map((r) => (
                <li key={r.id} className="app-return-entry">
                  <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                    <a href={href(paths.taskList(r.draftId))}>
                      {r.request.subject.name}: {asked[r.request.subject.type]}
                    </a>
                  </h3>
                  <p className="nhsuk-body-s">
                    {r.sentAt ? <Tag colour="green">Sent back</Tag> : <Tag colour="blue">Not sent yet</Tag>} For{' '}
                    {r.request.from.organisation}.{' '}
                    {r.sentAt ? `Sent back on ${longDay(r.sentAt)}.` : `Reply by ${formatDate(r.request.replyBy)}.`}
                  </p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
