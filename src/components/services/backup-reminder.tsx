/**
 * "Download a backup of your work": a calm reminder (never a modal) on the dashboard and the task
 * list when work has changed since the last backup and the browser may clear it, or the last
 * backup is more than the host's number of days old (see domain/application/backup-reminder.ts).
 * One click downloads a backup of everything, which records the date, and the reminder goes.
 */
import { useEffect, useState } from 'react';
import type { Settings } from '@/domain/application/application';
import { backupReminder, type BackupReminder as BackupReminderState } from '@/domain/application/backup-reminder';
import { formatDate } from '@/domain/rules/values';
import { Button } from '../nhs/button';
import { dayOfDateTime, isoDate } from '../session/dates';
import { useAppServices } from './app-services';
import { saveFile } from './save-file';

/** What the reminder needs to decide, from the page's data and the host's settings. */
export interface ReminderFacts {
  readonly settings: Settings;
  readonly persisted: boolean | undefined;
  readonly changedAt: readonly string[];
  /** Today, YYYY-MM-DD. */
  readonly today: string;
  /** config.json's backupReminderDays, when the host set it. */
  readonly days: number | undefined;
}

export function reminderOf(facts: ReminderFacts): BackupReminderState {
  return backupReminder({
    lastBackupAt: facts.settings.lastBackupAt,
    changedAt: facts.changedAt,
    persisted: facts.persisted,
    today: facts.today,
    dayOf: dayOfDateTime,
    ...(facts.days ? { days: facts.days } : {}),
  });
}

/**
 * The reminder as it shows (pure, so the first screen can also be painted before the app has
 * loaded, see src/app/pre-paint.tsx): nothing when not due, the note once a backup is downloaded,
 * or the reminder with its button and any failure.
 */
export function BackupReminderView({
  reminder,
  outcome = null,
  onDownload,
}: {
  readonly reminder: BackupReminderState;
  readonly outcome?: { readonly ok: boolean; readonly text: string } | null;
  readonly onDownload?: () => void;
}) {
  if (outcome?.ok)
    return (
      <div className="nhsuk-inset-text app-backup-reminder" role="status">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>{outcome.text}</p>
      </div>
    );
  if (!reminder.due) return null;
  const since =
    reminder.lastBackupOn === undefined
      ? 'You have not downloaded a backup of your work yet.'
      : `Your last backup was on ${formatDate(reminder.lastBackupOn)}${reminder.daysSince > 0 ? `, ${reminder.daysSince} day${reminder.daysSince === 1 ? '' : 's'} ago` : ''}, and you have made changes since.`;
  return (
    <div className="nhsuk-inset-text app-backup-reminder" role="region" aria-labelledby="backup-reminder-heading">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h2 className="nhsuk-heading-s" id="backup-reminder-heading">
        Download a backup of your work
      </h2>
      <p>
        {since}{' '}
        {reminder.reason === 'not-persistent'
          ? 'This browser has not agreed to keep what you save here, so it may clear it if the computer runs low on space.'
          : 'Your work is saved on this computer only, in this browser.'}{' '}
        A backup file keeps it safe: save it on the practice’s shared drive.
      </p>
      {outcome && !outcome.ok ? (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {outcome.text}
        </p>
      ) : null}
      <Button variant="secondary" className="nhsuk-u-margin-bottom-0" onClick={onDownload}>
        Download a backup
      </Button>
    </div>
  );
}

export function BackupReminder({
  changedAt,
  preloaded,
  onBackedUp,
}: {
  readonly changedAt: readonly string[];
  /** The settings and persistence, read with the page's own data so the reminder shows with it. */
  readonly preloaded?: { readonly settings: Settings; readonly persisted: boolean | undefined };
  /** A backup was downloaded from the reminder (and its date recorded): what shows the date reads it again. */
  readonly onBackedUp?: () => void;
}) {
  const services = useAppServices();
  // What is known already shows at once (no notice popping in above the page); it is read again below.
  const initial = preloaded ?? services.atOpen;
  const [settings, setSettings] = useState<Settings | null>(initial?.settings ?? null);
  const [persisted, setPersisted] = useState<boolean | undefined>(initial?.persisted);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    void services.repositories.settings.get().then(
      (s) => live && setSettings(s),
      () => undefined,
    );
    void services.offlineStatus().then(
      (s) => live && setPersisted(s.persisted),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [services]);
  if (!settings || services.storage.mode === 'memory') return null;
  const reminder = reminderOf({
    settings,
    persisted,
    changedAt,
    today: isoDate(services.now()),
    days: services.hosting.config.backupReminderDays,
  });

  const download = async () => {
    try {
      const { blob, fileName } = await services.backup.exportBackup({});
      saveFile(blob, fileName);
      setOutcome({
        ok: true,
        text: `Backup downloaded as ${fileName}. Keep it somewhere safe, such as the practice’s shared drive.`,
      });
      setSettings(await services.repositories.settings.get());
      onBackedUp?.();
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof Error ? error.message : 'The backup could not be made.' });
    }
  };
  return <BackupReminderView reminder={reminder} outcome={outcome} onDownload={() => void download()} />;
}
