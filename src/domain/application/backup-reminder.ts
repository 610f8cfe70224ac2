/**
 * When to remind the user to download a backup: everything lives in one browser profile on one
 * PC, so work not in a backup is one profile reset away from being lost. Due when something has
 * changed since the last backup (or there has never been one) and more than `days` days (7 unless
 * the host's config.json says) have passed since the last backup (or since the oldest change not
 * backed up); or, when the browser has not agreed to keep the site's data, from the next day on
 * (daily, not on every change: a reminder after each keystroke would be nagging). Pure: the caller
 * passes today and the facts.
 */
import { daysBetween } from '@/domain/rules/values';

export const defaultBackupReminderDays = 7;

export interface BackupFacts {
  /** The last full backup ("Back up everything"), as an ISO date-time, if any. */
  readonly lastBackupAt: string | undefined;
  /** When each application and organisation was last changed (ISO date-times). */
  readonly changedAt: readonly string[];
  /** Whether the browser has agreed to keep this site's data; undefined when it will not say. */
  readonly persisted: boolean | undefined;
  /** Today, YYYY-MM-DD in the UK. */
  readonly today: string;
  /** The day (YYYY-MM-DD) of an ISO date-time in the UK. */
  readonly dayOf: (isoDateTime: string) => string;
  readonly days?: number;
}

export type BackupReminder =
  | { readonly due: false }
  | {
      readonly due: true;
      /** Why: the browser may clear the data, or it is `days` days since the last backup (or the oldest change). */
      readonly reason: 'not-persistent' | 'overdue';
      readonly lastBackupOn: string | undefined;
      readonly daysSince: number;
    };

export function backupReminder(facts: BackupFacts): BackupReminder {
  const last = facts.lastBackupAt;
  const unbacked = facts.changedAt.filter((at) => last === undefined || at > last).sort();
  const oldest = unbacked[0];
  if (oldest === undefined) return { due: false };
  const lastBackupOn = last === undefined ? undefined : facts.dayOf(last);
  const daysSince = daysBetween(lastBackupOn ?? facts.dayOf(oldest), facts.today);
  if (facts.persisted === false && daysSince >= 1)
    return { due: true, reason: 'not-persistent', lastBackupOn, daysSince };
  if (daysSince > (facts.days ?? defaultBackupReminderDays))
    return { due: true, reason: 'overdue', lastBackupOn, daysSince };
  return { due: false };
}
