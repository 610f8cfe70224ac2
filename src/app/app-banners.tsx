/**
 * Warnings that stay on every page: the in-memory mode (IndexedDB unavailable) and the stop after
 * a newer version of the app took over the database in another tab.
 */
import { useEffect, useState } from 'react';
import { Button } from '@/components/nhs/button';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';

export function AppBanners() {
  const services = useAppServices();
  const [stopped, setStopped] = useState(services.storage.stopped);
  useEffect(() => services.onStorageStop?.((reason) => setStopped(reason)), [services]);
  return (
    <>
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
