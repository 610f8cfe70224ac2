/**
 * "Ready to work offline?": four checks in plain words, run when the page opens and again on
 * request. Is the app kept on this computer (so it opens with no connection, PDF export
 * included)? Will the browser keep the answers? Does saving actually work (a test record is
 * written, read back and deleted)? When was the last backup?
 */
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/nhs/button';
import { SummaryList } from '@/components/nhs/summary-list';
import { Tag } from '@/components/nhs/tag';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useAppServices, type OfflineStatus } from '@/components/services/app-services';
import { lastBackupText, useSettings } from '@/components/services/storage-health';
import { isoDate } from '@/components/session/dates';

type Verdict = 'yes' | 'no' | 'wait';

interface Check {
  readonly key: string;
  readonly verdict: Verdict;
  readonly text: string;
}

const tag = { yes: ['Ready', 'green'], no: ['Not ready', 'red'], wait: ['Not yet', 'yellow'] } as const;

const appCheck = (status: OfflineStatus): Check => {
  const key = 'The app is kept on this computer';
  switch (status.app) {
    case 'cached':
      return {
        key,
        verdict: 'yes',
        text: 'It will open, save and make the application pack with no internet connection.',
      };
    case 'caching':
      return {
        key,
        verdict: 'wait',
        text: 'It is being saved now. Stay connected for a minute, then check again.',
      };
    case 'not-cached':
      return {
        key,
        verdict: 'wait',
        text: 'Not yet. Stay connected, reload this page, then check again. If this does not change, ask your IT support whether the browser blocks “service workers”.',
      };
    default:
      return {
        key,
        verdict: 'no',
        text: 'This browser cannot keep the app for offline use (it may be blocked by your IT settings, or the site is not on https). You will need a connection to open it.',
      };
  }
};

const persistCheck = (status: OfflineStatus): Check => ({
  key: 'The browser will keep your answers',
  verdict: status.persisted ? 'yes' : 'wait',
  text: status.persisted
    ? 'The browser has agreed not to clear this site’s data when space runs low.'
    : 'The browser has not promised to keep them: it may clear them if the computer runs very low on space. Download backups regularly.',
});

export function OfflinePage() {
  usePageTitle('Ready to work offline?');
  const services = useAppServices();
  const settings = useSettings();
  const [checks, setChecks] = useState<readonly Check[] | null>(null);
  const [running, setRunning] = useState(false);

  const run = useCallback(async () => {
    setRunning(true);
    const [status, writeProblem] = await Promise.all([services.offlineStatus(), services.writeReadTest()]);
    const write: Check =
      services.storage.mode === 'memory'
        ? {
            key: 'Saving works',
            verdict: 'no',
            text: services.storage.reason ?? 'This browser is not letting the app save anything on this computer.',
          }
        : writeProblem
          ? { key: 'Saving works', verdict: 'no', text: writeProblem }
          : {
              key: 'Saving works',
              verdict: 'yes',
              text: 'A test answer was saved, read back and removed.',
            };
    setChecks([appCheck(status), persistCheck(status), write]);
    setRunning(false);
  }, [services]);

  useEffect(() => void run(), [run]);

  const backup = lastBackupText(settings, isoDate(services.now()));
  const backupCheck: Check = {
    key: 'You have a recent backup',
    verdict: backup.nudge ? 'wait' : 'yes',
    text: backup.text,
  };
  const all = checks ? [...checks, backupCheck] : null;
  const ready = all?.every((c) => c.verdict === 'yes');

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Ready to work offline?</h1>
        <p className="nhsuk-lede-text">
          Check that this computer can run the app and keep your work with no internet connection.
        </p>
        <div aria-live="polite" aria-busy={running}>
          {all ? (
            <>
              <p className="nhsuk-body" id="offline-verdict">
                {ready
                  ? 'Yes. You can work on your applications with no connection.'
                  : 'Not completely. Read what needs doing below.'}
              </p>
              <SummaryList
                rows={all.map((c) => ({
                  key: c.key,
                  value: (
                    <>
                      <Tag colour={tag[c.verdict][1]}>{tag[c.verdict][0]}</Tag>
                      <p className="nhsuk-body-s app-check-detail">{c.text}</p>
                    </>
                  ),
                }))}
              />
            </>
          ) : (
            <p className="nhsuk-body">Checking…</p>
          )}
        </div>
        <div className="nhsuk-button-group">
          {checks && checks[1]?.verdict !== 'yes' && services.storage.mode === 'indexeddb' ? (
            <Button variant="secondary" onClick={() => void services.requestPersistence().then(run)} disabled={running}>
              Ask the browser to keep my answers
            </Button>
          ) : null}
          <Button variant="secondary" onClick={() => void run()} disabled={running}>
            Check again
          </Button>
        </div>
        <p className="nhsuk-body">
          <a href={href(paths.settings())}>Download a backup</a> to keep a copy of your work away from this browser.
        </p>
      </div>
    </div>
  );
}
