/**
 * The one setting of config.json that "Your applications" needs before the file has been read and
 * checked (pre-paint.tsx paints it first): how many days before the backup reminder shows. Noted
 * in localStorage each time the file is read (start.ts), and read back, checked, at the next start.
 */
import type { HostingState } from '@/components/services/app-services';
import { BackupReminderDays } from '@/domain/hosting/backup-reminder-days';

/** The localStorage key of config.json's backupReminderDays as last read. */
export const reminderDaysKey = 'aqp-apply:backup-reminder-days';

/** Notes the host's backupReminderDays for the next start (removes the note when it is not set). */
export function noteReminderDays(state: HostingState): void {
  try {
    const days = state.config.backupReminderDays;
    if (days === undefined) localStorage.removeItem(reminderDaysKey);
    else localStorage.setItem(reminderDaysKey, String(days));
  } catch {
    // localStorage blocked: the first screen then uses the default until the file has been read
  }
}

/** config.json's backupReminderDays as noted at the last start, if it was set and reads as one. */
export function notedReminderDays(): number | undefined {
  try {
    const noted = localStorage.getItem(reminderDaysKey);
    if (noted === null) return undefined;
    const parsed = BackupReminderDays.safeParse(Number(noted));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
