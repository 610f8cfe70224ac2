/**
 * The app's settings record (one per browser): when the last backup was downloaded and what the
 * browser answered when asked to keep the site's data. Its own module, so the first screen can
 * read the settings without building the schemas of the large records.
 */
import { z } from '@/domain/zod';
import type { RecordKind, RestoreResult } from './record-kind';
import { restoreRecord } from './record-kind';

const IsoDateTime = z.iso.datetime({ offset: true });

export const SettingsSchema = z.strictObject({
  formatVersion: z.literal(1),
  lastBackupAt: IsoDateTime.optional(),
  /** The browser's answer to navigator.storage.persist(), once asked. */
  persistence: z.enum(['unknown', 'granted', 'denied', 'unsupported']),
  persistenceAskedAt: IsoDateTime.optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings: Settings = { formatVersion: 1, persistence: 'unknown' };

export const settingsKind: RecordKind<Settings> = { label: 'settings', schema: SettingsSchema, upgrades: [] };
export const restoreSettings = (raw: unknown): RestoreResult<Settings> => restoreRecord(settingsKind, raw);

/** The stored settings record as the app uses it: the defaults when there is none or it cannot be read (settings hold no user work). */
export function readSettings(raw: unknown): Settings {
  if (raw === undefined) return defaultSettings;
  const result = restoreSettings(raw);
  return result.ok ? result.record : defaultSettings;
}
