/**
 * "Returns from members and declarants", for one application (the lead's side): each member
 * practice and declarant with where their return stands, a request file to make for each (sent
 * by NHSmail), and the import of returns, one or many at once. Each file is checked on its own;
 * a refused one changes nothing. An imported return waits here until the lead checks it.
 */
import { useState } from 'react';
import { contactOf, type SubjectStatus } from '@/domain/exchange/return-subjects';
import { Button } from '@/components/nhs/button';
import { FileChooser } from '@/components/nhs/file-chooser';
import { BackLink, InsetText, NotificationBanner } from '@/components/nhs/messages';
import { TextInput } from '@/components/nhs/text-input';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { saveFile } from '@/components/services/save-file';
import { useApplicationSession } from '@/components/session/application-session';
import { ReturnStatusTag, statusWords } from '@/components/member-returns/return-status';
import { leadRequests, sessionSubjects, useReturns } from '@/components/member-returns/use-returns';

const parts = { member: 'Member practice: its part of the bid', declarant: 'Declaration of interests' };

export function ReturnsPage() {
  const session = useApplicationSession();
  const services = useAppServices();
  const returns = useReturns();
  const appId = session.application.id;
  const subjects = sessionSubjects(session, leadRequests(returns, appId));
  const [asker, setAsker] = useState(() => contactOf(session.answers));
  const [askerError, setAskerError] = useState<string | undefined>();
  const [made, setMade] = useState<{ ok: boolean; text: string } | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [imported, setImported] = useState<readonly { fileName: string; ok: boolean; message: string }[] | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [busy, setBusy] = useState(false);
  usePageTitle(`Returns from members and declarants: ${session.profile.name}`);

  const request = async (s: SubjectStatus) => {
    setMade(null);
    setImported(null);
    if (!asker.name.trim()) {
      setAskerError('Enter your name, so they know who is asking');
      document.getElementById('returns-asked-by')?.focus();
      return;
    }
    setAskerError(undefined);
    setBusy(true);
    try {
      await session.flush(true);
      const result = await services.returns.makeRequest({
        application: session.application,
        profile: session.profile,
        answers: session.answers,
        subject: s.subject,
        askedBy: asker.name.trim(),
        email: asker.email.trim(),
      });
      if (!result.ok) {
        setMade({ ok: false, text: result.message });
        return;
      }
      saveFile(result.blob, result.fileName);
      setMade({
        ok: true,
        text: `Request for ${s.subject.name} saved as ${result.fileName}. Send it to them by NHSmail. They open it from “Fill in a return” on this app’s home page and send a return file back.`,
      });
    } finally {
      setBusy(false);
    }
  };

  const runImport = async () => {
    setMade(null);
    if (files.length === 0) {
      setImported([{ fileName: '', ok: false, message: 'Choose the return files you were sent.' }]);
      return;
    }
    setBusy(true);
    try {
      setImported(await services.returns.importReturns(files, appId));
      setFiles([]);
      // A fresh input, so choosing the same file again is seen (and refused as imported already).
      setInputKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  };

  const refused = imported?.filter((r) => !r.ok) ?? [];
  const accepted = imported?.filter((r) => r.ok) ?? [];

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={href(paths.taskList(appId))}>Back to the task list</BackLink>
        <span className="nhsuk-caption-l">{session.profile.name}</span>
        <h1 className="nhsuk-heading-l">Returns from members and declarants</h1>
        <p className="nhsuk-body">
          Ask each member practice to fill in its part of the bid, and each partner or director to declare their own
          interests. Each request is a small file to send by NHSmail. They fill it in on this app, offline, and send a
          return file back for you to import here. Nothing they send changes your application until you accept it.
        </p>
        {imported ? (
          <NotificationBanner
            id="returns-import-message"
            success={refused.length === 0}
            title={refused.length === 0 ? 'Returns imported' : 'There is a problem'}
            role="alert"
          >
            <ul className="nhsuk-list">
              {[...refused, ...accepted].map((r, i) => (
                <li key={`${r.fileName}-${i}`}>
                  {r.fileName ? <strong>{r.fileName}: </strong> : null}
                  {r.message}
                </li>
              ))}
            </ul>
          </NotificationBanner>
        ) : null}
        {made ? (
          <NotificationBanner
            id="returns-request-message"
            success={made.ok}
            title={made.ok ? 'Request ready' : 'There is a problem'}
            role="alert"
          >
            <p className="nhsuk-notification-banner__heading">{made.text}</p>
          </NotificationBanner>
        ) : null}
        {returns.kind === 'failed' ? <p className="nhsuk-error-message">{returns.message}</p> : null}
        {subjects.length === 0 ? (
          <InsetText>
            <p>
              List your member practices (under “How you are bidding”) and the people who need to declare their
              interests (under “Conflicts of interest”) first. Then you can ask each of them for their part.
            </p>
          </InsetText>
        ) : (
          <>
            <h2 className="nhsuk-heading-m">Who is asking</h2>
            <TextInput
              id="returns-asked-by"
              label="Your name"
              hint="Shown to them on the request, so they know who asked."
              value={asker.name}
              onChange={(name) => setAsker((a) => ({ ...a, name }))}
              autoComplete="name"
              widthClass="nhsuk-u-width-two-thirds"
              {...(askerError ? { error: askerError } : {})}
            />
            <TextInput
              id="returns-email"
              label="Your email address (optional)"
              value={asker.email}
              onChange={(email) => setAsker((a) => ({ ...a, email }))}
              type="email"
              autoComplete="email"
              spellCheck={false}
              widthClass="nhsuk-u-width-two-thirds"
            />
            <h2 className="nhsuk-heading-m">Members and declarants</h2>
            <ul className="nhsuk-list app-returns-list">
              {subjects.map((s) => (
                <li key={s.subject.itemId} className="app-return-entry">
                  <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{s.subject.name}</h3>
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{parts[s.subject.type]}</p>
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
                    <ReturnStatusTag status={s.status} /> {statusWords(s.status).text}
                  </p>
                  {s.status.kind === 'returned' ? (
                    <p className="nhsuk-body">
                      <a href={href(paths.checkReturn(appId, s.status.request.requestId))}>
                        Check the return from {s.subject.name}
                      </a>
                    </p>
                  ) : null}
                  <Button variant="secondary" onClick={() => void request(s)} disabled={busy}>
                    {s.status.kind === 'not-asked'
                      ? `Make a request for ${s.subject.name}`
                      : `Make a new request for ${s.subject.name}`}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2 className="nhsuk-heading-m">Import returns</h2>
        <FileChooser
          id="returns-files"
          label="Choose the return files you were sent"
          hint="Files named like aqp-return-….json. You can choose several at once."
          accept=".json,application/json"
          multiple
          resetKey={inputKey}
          busy={busy}
          onChoose={(chosen) => {
            setFiles([...chosen]);
            setImported(null);
          }}
          action={{ text: 'Import returns', onClick: () => void runImport() }}
        />
      </div>
    </div>
  );
}
