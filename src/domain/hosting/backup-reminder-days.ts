/**
 * config.json's `backupReminderDays`: how many days after the last backup the app reminds a user
 * whose work is not in one. Its own module so the first screen can check the value noted at the
 * last start without building the rest of the config's schema (src/app/reminder-days.ts).
 */
import { z } from '@/domain/zod';

export const BackupReminderDays = z
  .number({ message: 'must be a whole number of days' })
  .int({ message: 'must be a whole number of days' })
  .min(1, { message: 'must be at least 1' })
  .max(90, { message: 'must be at most 90' });
