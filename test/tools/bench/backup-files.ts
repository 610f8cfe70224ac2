/**
 * Backup files made in Node with the app's own code: the records go into the in-memory storage
 * (its import target, as a restore would write them) and come out through `exportBackup`, so the
 * file is exactly what the app's "Download a backup" would give for that storage, checked against
 * the backup schema on the way out.
 */
import type { Application, EvidenceMeta, OrganisationProfile } from '@/domain/application/application';
import { exportBackup } from '@/storage/backup';
import { createMemoryBackend } from '@/storage/memory-repositories';
import { defaultDeps } from '@/storage/record-helpers';

export interface BackupRecords {
  readonly profiles: readonly OrganisationProfile[];
  readonly applications: readonly Application[];
  readonly evidence?: readonly { readonly meta: EvidenceMeta; readonly bytes: Uint8Array }[];
}

export async function makeBackupText(records: BackupRecords, now: Date): Promise<string> {
  const backend = createMemoryBackend(defaultDeps({ now: () => now, estimate: async () => undefined }));
  await backend.repositories.settings.get();
  await backend.importTarget.applyImport(() => ({
    profiles: records.profiles,
    applications: records.applications,
    keptVersions: [],
    evidence: (records.evidence ?? []).map(({ meta, bytes }) => ({
      meta,
      blob: new Blob([new Uint8Array(bytes)], { type: meta.type }),
    })),
  }));
  const result = await exportBackup(backend.repositories, { scope: { kind: 'all' }, now: () => now });
  if (!result.ok) throw new Error(`The benchmark's backup file could not be made: ${result.message}`);
  return result.text;
}
