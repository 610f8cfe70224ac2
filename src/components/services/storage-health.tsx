/**
 * The storage-health notice: where answers are kept, whether the browser has agreed to keep them,
 * when the last backup was made (the reminder to make one is backup-reminder.tsx), and the in-memory warning when
 * IndexedDB could not be opened (which cannot be dismissed).
 */
import { useEffect, useState } from 'react';
import type { Settings } from '@/domain/application/application';
import { daysBetween } from '@/domain/rules/values';
import { href } from '../routing/hash-location';
import { paths } from '../routing/paths';
import { isoDate } from '../session/dates';
import { useAppServices } from './app-services';

/** The settings as stored; read again whenever `readAgain` changes (say, after a backup). */
export function useSettings(readAgain?: unknown): Settings | null {
  const { repositories } = useAppServices();
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void repositories.settings.get().then(setSettings);
  }, [repositories, readAgain]);
  return settings;
}

export function lastBackupText(settings: Settings | null, today: string): { text: string; nudge: boolean } {
  if (!settings?.lastBackupAt) return { text: 'You have not downloaded a backup yet.', nudge: true };
  const days = daysBetween(isoDate(new Date(settings.lastBackupAt)), today);
  const text =
    days <= 0
      ? 'You last downloaded a backup today.'
      : `You last downloaded a backup ${days} day${days === 1 ? '' : 's'} ago.`;
  return { text, nudge: days > 7 };
}

/**
 * The notice as it shows (pure, so the first screen can also be painted before the app has
 * loaded, see src/app/pre-paint.tsx): the lasting warning when answers are kept in memory only,
 * otherwise where they are kept and when the last backup was made.
 */
export function StorageHealthView({
  memory,
  settings,
  today,
  here,
}: {
  /** Set when IndexedDB could not be opened: why, if known. */
  readonly memory?: { readonly reason: string | undefined } | undefined;
  readonly settings: Settings | null;
  /** Today, YYYY-MM-DD. */
  readonly today: string;
  /** Shown on Backups and storage itself: no link to the page the user is on. */
  readonly here?: boolean | undefined;
}) {
  if (memory)
    return (
      <div className="nhsuk-warning-callout" role="alert">
        <h2 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>Your answers cannot be saved on this computer
          </span>
        </h2>
        <p>{memory.reason ?? 'This browser is not letting the app store data (it may be a private window).'}</p>
        <p>
          You can keep working, but everything will be lost when you close this tab.{' '}
          {here ? 'Download a backup' : <a href={href(paths.settings())}>Download a backup</a>} before you close it, or
          use a normal (not private) browser window.
        </p>
      </div>
    );
  const backup = lastBackupText(settings, today);
  // The call to back up is the BackupReminder's (dashboard and task list); this only says how things stand.
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        Your answers are saved on this computer only, in this browser.{' '}
        {settings?.persistence === 'granted'
          ? 'The browser has agreed to keep them.'
          : 'The browser may clear them if the computer runs low on space.'}
      </p>
      <p>
        {backup.text}
        {here ? null : (
          <>
            {' '}
            <a href={href(paths.settings())}>Backups and storage</a>
          </>
        )}
      </p>
    </div>
  );
}

export function StorageHealth({
  preloaded,
  here,
  readAgain,
}: {
  readonly preloaded?: Settings;
  /** Shown on Backups and storage itself. */
  readonly here?: boolean;
  /** The settings are read again when this changes (after a backup is downloaded or imported). */
  readonly readAgain?: unknown;
} = {}) {
  const services = useAppServices();
  const read = useSettings(readAgain);
  return (
    <StorageHealthView
      memory={services.storage.mode === 'memory' ? { reason: services.storage.reason } : undefined}
      settings={read ?? preloaded ?? null}
      today={isoDate(services.now())}
      here={here}
    />
  );
}
