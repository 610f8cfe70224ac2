/**
 * Messages that stay on every page: a new version of the app ready to use (applied only when the
 * user says so, after every edit is saved), the in-memory mode (IndexedDB unavailable), the stop
 * after a newer version took over the database in another tab, and faults in the host's
 * config.json (for the LMC to fix; the app carries on with its defaults).
 */
import { useEffect, useState } from 'react';
import { applyUpdate, useServiceWorker } from './service-worker';
import { Button } from '@/components/nhs/button';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useHosting } from '@/components/hosting/hosting-context';
import { useAppServices } from '@/components/services/app-services';

/** On a first visit's home page, before storage is opened: there is nothing to save before an update. */
export function FirstVisitBanners() {
  return (
    <>
      <UpdateBanner saveAllPending={async () => null} />
      <HostingProblems />
    </>
  );
}

export function AppBanners() {
  const services = useAppServices();
  const [stopped, setStopped] = useState(services.storage.stopped);
  useEffect(() => services.onStorageStop?.((reason) => setStopped(reason)), [services]);
  return (
    <>
      <UpdateBanner saveAllPending={services.saveAllPending} />
      <HostingProblems />
      {stopped ? (
        <div className="nhsuk-warning-callout app-banner" role="alert">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Reload to keep working
            </span>
          </h2>
          <p>{stopped}</p>
          <p>Everything you typed here has been saved. Reload the page to carry on with the new version.</p>
          <Button onClick={() => window.location.reload()}>Reload the page</Button>
        </div>
      ) : null}
      {services.storage.mode === 'memory' ? (
        <div className="nhsuk-warning-callout app-banner" role="alert">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Your answers are not being saved on this
              computer
            </span>
          </h2>
          <p>
            {services.storage.reason ?? 'This browser is not letting the app store data. It may be a private window.'}
          </p>
          <p>
            You can carry on, but everything is lost when this tab closes.{' '}
            <a href={href(paths.settings())}>Download a backup</a> to keep your work.
          </p>
        </div>
      ) : null}
    </>
  );
}

function UpdateBanner({ saveAllPending }: { readonly saveAllPending: () => Promise<string | null> }) {
  const { updateReady } = useServiceWorker();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!updateReady) return null;
  const accept = async () => {
    setBusy(true);
    setProblem(await applyUpdate(saveAllPending));
    setBusy(false);
  };
  return (
    <div className="nhsuk-inset-text app-banner app-update-banner" role="status" aria-live="polite">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h2 className="nhsuk-heading-s">A new version of this app is ready</h2>
      <p>Your answers are saved first, then the page reloads with the new version. Nothing you typed is lost.</p>
      {problem ? (
        <p className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> The new version has not been applied, because your
          latest changes could not be saved: {problem}
        </p>
      ) : null}
      <Button onClick={() => void accept()} disabled={busy}>
        {busy ? 'Saving your answers…' : 'Use the new version'}
      </Button>
    </div>
  );
}

function HostingProblems() {
  const { problems } = useHosting().hosting;
  if (!problems?.length) return null;
  return (
    <div className="nhsuk-warning-callout app-banner" id="hosting-problems">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>This site’s settings file has a problem
        </span>
      </h2>
      <p>
        The app works normally, but without the settings from whoever hosts it (such as open adverts). If you look after
        this website, fix <code>config.json</code>:
      </p>
      <ul>
        {problems.map((problem, i) => (
          <li key={i}>{problem}</li>
        ))}
      </ul>
      <p>If you are filling in an application, you can carry on. Tell the people who gave you the link.</p>
    </div>
  );
}
