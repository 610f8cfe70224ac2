/**
 * Backup import, in two steps so the UI can ask before anything changes:
 * 1. `readBackup` checks the file completely (size before reading, then the domain's safe parse
 *    and zod schema, then each evidence file's size and SHA-256) and summarises it;
 * 2. `importBackup` writes it in ONE transaction, with the user's answer for records that already
 *    exist ("keep-both" or "replace"); `findExisting` tells the UI whether to ask.
 * A file that fails any check changes nothing. Must never throw at the caller, merge unvalidated
 * data, or write part of a backup.
 */
import type { Application } from '@/domain/application/application';
import { maxEncryptedBackupChars, parseBackup, type BackupFile } from '@/domain/backup/backup-format';
import type { Repositories, StorageFailure } from '@/domain/ports';
import { base64ToBytes } from '@/storage/base64';
import { decryptBackup } from '@/storage/backup-crypto';
import { toStorageFailure } from '@/storage/errors';
import { sha256Hex } from '@/storage/evidence-file';
import {
  planImport,
  type ExistingChoice,
  type ImportRecords,
  type ImportReport,
  type ImportTarget,
} from '@/storage/import-plan';

export interface BackupSummary {
  readonly exportedAt: string;
  readonly scope: BackupFile['scope'];
  readonly profiles: number;
  readonly applications: readonly Pick<Application, 'id' | 'advert' | 'status' | 'updatedAt'>[];
  readonly evidenceFiles: number;
  readonly evidenceBytes: number;
}

export interface PreparedBackup {
  readonly summary: BackupSummary;
  readonly records: ImportRecords;
}

export type ReadBackupResult =
  | { readonly ok: true; readonly backup: PreparedBackup }
  | { readonly ok: false; readonly message: string; readonly needsPassphrase?: boolean };

const refuse = (message: string): ReadBackupResult => ({ ok: false, message });

async function readText(input: Blob | string): Promise<string | ReadBackupResult> {
  if (typeof input === 'string') return input;
  if (input.size > maxEncryptedBackupChars) {
    return refuse(
      `The file is too large to be a backup from this app (the most is ${Math.round(maxEncryptedBackupChars / 1048576)} MB).`,
    );
  }
  return input.text();
}

async function prepare(backup: BackupFile): Promise<PreparedBackup | ReadBackupResult> {
  const evidence = [];
  for (const { meta, data } of backup.evidence) {
    const bytes = base64ToBytes(data);
    if (bytes.byteLength !== meta.size || (await sha256Hex(bytes)) !== meta.sha256) {
      return refuse(
        `The evidence file “${meta.name}” in this backup is damaged: its contents do not match the backup’s record of it.`,
      );
    }
    evidence.push({ meta, blob: new Blob([bytes], { type: meta.type }) });
  }
  return {
    summary: {
      exportedAt: backup.exportedAt,
      scope: backup.scope,
      profiles: backup.profiles.length,
      applications: backup.applications.map(({ id, advert, status, updatedAt }) => ({ id, advert, status, updatedAt })),
      evidenceFiles: evidence.length,
      evidenceBytes: evidence.reduce((sum, e) => sum + e.meta.size, 0),
    },
    records: {
      profiles: backup.profiles,
      applications: backup.applications,
      evidence,
      keptVersions: backup.keptVersions,
    },
  };
}

/** Reads and checks a backup file (a File from an input, or its text) without changing anything. */
export async function readBackup(
  input: Blob | string,
  options: { readonly passphrase?: string } = {},
): Promise<ReadBackupResult> {
  try {
    const text = await readText(input);
    if (typeof text !== 'string') return text;
    let parsed = parseBackup(text);
    if (parsed.ok && parsed.kind === 'encrypted') {
      if (options.passphrase === undefined) {
        return {
          ok: false,
          needsPassphrase: true,
          message: 'This backup is protected with a passphrase. Enter it to import the backup.',
        };
      }
      const opened = await decryptBackup(parsed.envelope, options.passphrase);
      if (!opened.ok) return { ok: false, needsPassphrase: true, message: opened.message };
      parsed = parseBackup(opened.text);
      if (parsed.ok && parsed.kind === 'encrypted')
        return refuse('This file is not a backup this app can import: it is protected twice.');
    }
    if (!parsed.ok) return refuse(parsed.message);
    if (parsed.kind !== 'plain') return refuse('This file is not a backup this app can import.');
    const prepared = await prepare(parsed.backup);
    return 'records' in prepared ? { ok: true, backup: prepared } : prepared;
  } catch {
    return refuse('The file could not be read. Check it is a backup from this app and try again.');
  }
}

/** Which of the backup's applications and organisations are already on this computer. */
export async function findExisting(
  repositories: Repositories,
  backup: PreparedBackup,
): Promise<{ readonly applicationIds: readonly string[]; readonly profileIds: readonly string[] }> {
  const has = async <T>(ids: readonly string[], get: (id: string) => Promise<T | undefined>) =>
    (await Promise.all(ids.map(async (id) => ((await get(id).catch(() => true)) === undefined ? [] : [id])))).flat();
  return {
    applicationIds: await has(
      backup.records.applications.map((a) => a.id),
      (id) => repositories.applications.get(id),
    ),
    profileIds: await has(
      backup.records.profiles.map((p) => p.id),
      (id) => repositories.profiles.get(id),
    ),
  };
}

export interface ImportOptions {
  /** What to do with a record that already exists with different contents. */
  readonly onExisting: ExistingChoice;
  readonly newId?: () => string;
}

export type ImportResult =
  | { readonly ok: true; readonly report: ImportReport }
  | { readonly ok: false; readonly message: string; readonly failure: StorageFailure };

/** Writes a checked backup in one transaction: all of it, or (on any failure) none of it. */
export async function importBackup(
  target: ImportTarget,
  backup: PreparedBackup,
  options: ImportOptions,
): Promise<ImportResult> {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const outcome: { report?: ImportReport } = {};
  try {
    await target.applyImport((existing) => {
      const plan = planImport(backup.records, existing, options.onExisting, newId);
      outcome.report = plan.report;
      return plan.records;
    });
    if (!outcome.report) throw new Error('The import wrote nothing.');
    return { ok: true, report: outcome.report };
  } catch (error) {
    const failure = toStorageFailure(error);
    return { ok: false, message: `Nothing was imported. ${failure.message}`, failure };
  }
}
