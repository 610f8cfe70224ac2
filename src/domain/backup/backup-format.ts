/**
 * The backup file: one portable JSON file holding organisation profiles, applications and their
 * evidence files, so work survives a cleared browser and can move to another PC.
 *
 * Format "aqp-apply-backup", file format version 2 (JSON Schema: `schemas/backup.schema.json`,
 * generated from this file by `test/tools/generate-backup-schema.ts`):
 *   { format: "aqp-apply-backup", formatVersion: 2, exportedAt: ISO date-time,
 *     scope: "application" | "all",
 *     profiles: OrganisationProfile[]  (at most 100),
 *     applications: Application[]      (at most 200),
 *     evidence: { meta: EvidenceMeta, data: base64 of the file's bytes }[]  (at most 1,000),
 *     keptVersions: KeptVersion[]      (at most 500: versions kept after a clash, see application.ts) }
 * Version 1 is the same without `keptVersions`; files of version 1 still import (with none).
 * Ids are unique within each list; each evidence file belongs to a profile in the file and `data`
 * decodes to `meta.size` bytes whose SHA-256 is `meta.sha256` (checked on import). An application
 * may name a profile that is not in the file (one deleted before the backup); import keeps it.
 * Records inside are saved records with their own `formatVersion`; older ones are upgraded by
 * the restore step on import. Settings (persistence, last backup date) belong to one computer and
 * are not in the file. A file protected with a passphrase is the envelope
 * "aqp-apply-backup-encrypted" (`EncryptedBackupSchema`): AES-GCM-256 over the plain file's text
 * with a key from PBKDF2-SHA-256 (at least 600,000 iterations, 16-byte salt, 12-byte IV).
 *
 * Limits: an evidence file is at most 10 MB, so a backup is capped at 100 MB of text: enough for
 * several full-size files or dozens of typical policy PDFs; export says so before it makes a file
 * larger than import accepts. Pure: must never touch storage, decode bytes or throw.
 */
import { z } from '@/domain/zod';
import {
  ApplicationSchema,
  EvidenceMetaSchema,
  KeptVersionSchema,
  OrganisationProfileSchema,
  type Application,
  type KeptVersion,
  type OrganisationProfile,
} from '@/domain/application/application';
import {
  describeIssues,
  restoreApplication,
  restoreEvidenceMeta,
  restoreKeptVersion,
  restoreProfile,
} from '@/domain/application/restore';
import type { RestoreResult } from '@/domain/application/restore';
import { parseJsonSafely } from '@/domain/backup/safe-json';

export const backupFileFormat = 'aqp-apply-backup';
export const encryptedBackupFormat = 'aqp-apply-backup-encrypted';
export const backupFormatVersion = 2;
/** Every file format version this app reads: 1 (no kept versions) and 2. */
export const readableBackupVersions = [1, 2] as const;
/** The passphrase envelope's own version (the file inside carries its own). */
export const encryptedBackupVersion = 1;
export const maxEvidenceFileBytes = 10 * 1024 * 1024;
export const maxBackupChars = 100 * 1024 * 1024;
export const maxBackupCounts = { profiles: 100, applications: 200, evidence: 1000, keptVersions: 500 } as const;
export const maxBackupDepth = 24;
export const minPbkdf2Iterations = 600_000;

/** Characters of base64 needed for `bytes` bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;
/** The largest file, encrypted: the plain text plus the 16-byte tag, as base64, plus the header. */
export const maxEncryptedBackupChars = base64Length(maxBackupChars + 16) + 4096;

/** Base64 text (RFC 4648, with padding) of at most `maxBytes` bytes; exchange files use it too. */
export const base64 = (maxBytes: number) =>
  z
    .string()
    .max(base64Length(maxBytes))
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
    .refine((s) => s.length % 4 === 0, 'must be base64');

/** Bytes encoded by a valid base64 string. */
export const base64ByteLength = (data: string): number =>
  (data.length / 4) * 3 - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);

export const BackupEvidenceSchema = z.strictObject({
  meta: EvidenceMetaSchema,
  /** The file's bytes, base64 (RFC 4648, with padding). */
  data: base64(maxEvidenceFileBytes),
});
export type BackupEvidence = z.infer<typeof BackupEvidenceSchema>;

interface BackupRecords {
  readonly profiles: readonly OrganisationProfile[];
  readonly applications: readonly Application[];
  readonly evidence: readonly BackupEvidence[];
  readonly keptVersions?: readonly KeptVersion[];
}

function checkConsistency(file: BackupRecords, ctx: z.core.$RefinementCtx<BackupRecords>): void {
  const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
  const profileIds = new Set(file.profiles.map((p) => p.id));
  if (profileIds.size !== file.profiles.length) issue('two organisation profiles have the same id', ['profiles']);
  if (new Set(file.applications.map((a) => a.id)).size !== file.applications.length) {
    issue('two applications have the same id', ['applications']);
  }
  if (new Set(file.evidence.map((e) => e.meta.id)).size !== file.evidence.length) {
    issue('two evidence files have the same id', ['evidence']);
  }
  const kept = file.keptVersions ?? [];
  if (new Set(kept.map((k) => k.id)).size !== kept.length)
    issue('two kept versions have the same id', ['keptVersions']);
  file.evidence.forEach((e, i) => {
    if (!profileIds.has(e.meta.profileId)) issue('belongs to an organisation that is not in the file', ['evidence', i]);
    if (base64ByteLength(e.data) !== e.meta.size) issue('the file is not the size it says', ['evidence', i, 'data']);
  });
}

const backupFields = {
  format: z.literal(backupFileFormat),
  exportedAt: z.iso.datetime({ offset: true }),
  scope: z.enum(['application', 'all']),
  profiles: z.array(OrganisationProfileSchema).max(maxBackupCounts.profiles),
  applications: z.array(ApplicationSchema).max(maxBackupCounts.applications),
  evidence: z.array(BackupEvidenceSchema).max(maxBackupCounts.evidence),
};

/** The file this app writes: format version 2, with the kept versions. */
export const BackupFileSchema = z
  .strictObject({
    ...backupFields,
    formatVersion: z.literal(backupFormatVersion),
    keptVersions: z.array(KeptVersionSchema).max(maxBackupCounts.keptVersions),
  })
  .superRefine(checkConsistency);

/** A file written by an earlier release: format version 1, before kept versions travelled. */
export const BackupFileV1Schema = z
  .strictObject({ ...backupFields, formatVersion: z.literal(1) })
  .superRefine(checkConsistency);
export type BackupFile = z.infer<typeof BackupFileSchema>;

export const EncryptedBackupSchema = z.strictObject({
  format: z.literal(encryptedBackupFormat),
  /** The envelope's own version: 1 (the file inside says its own). */
  formatVersion: z.literal(encryptedBackupVersion),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(minPbkdf2Iterations).max(10_000_000),
    salt: base64(16).length(24),
  }),
  cipher: z.strictObject({ name: z.literal('AES-GCM'), iv: base64(12).length(16) }),
  /** AES-GCM ciphertext and tag of the plain backup file's UTF-8 text, base64. */
  data: base64(maxBackupChars + 16),
});
export type EncryptedBackup = z.infer<typeof EncryptedBackupSchema>;

/** Any file this app reads, as documented in `schemas/backup.schema.json`. */
export const BackupDocumentSchema = z.union([BackupFileSchema, BackupFileV1Schema, EncryptedBackupSchema]);

export type ParsedBackup =
  | { readonly ok: true; readonly kind: 'plain'; readonly backup: BackupFile }
  | { readonly ok: true; readonly kind: 'encrypted'; readonly envelope: EncryptedBackup }
  | { readonly ok: false; readonly message: string };

/** The outer shape only, so counts are checked before any record is restored. */
const OuterSchema = z.strictObject({
  format: z.literal(backupFileFormat),
  formatVersion: z.number(),
  exportedAt: z.unknown(),
  scope: z.unknown(),
  profiles: z.array(z.unknown()).max(maxBackupCounts.profiles),
  applications: z.array(z.unknown()).max(maxBackupCounts.applications),
  evidence: z.array(z.strictObject({ meta: z.unknown(), data: z.unknown() })).max(maxBackupCounts.evidence),
  keptVersions: z.array(z.unknown()).max(maxBackupCounts.keptVersions).optional(),
});

const invalid = (why: string): ParsedBackup => ({
  ok: false,
  message: `This file is not a backup this app can import: ${why}`,
});

function restoreAll<T>(items: readonly unknown[], restore: (raw: unknown) => RestoreResult<T>, label: string) {
  const records: T[] = [];
  for (const [i, raw] of items.entries()) {
    const result = restore(raw);
    if (!result.ok) return { ok: false as const, message: `${label} ${i + 1} cannot be read: ${result.reason}.` };
    records.push(result.record);
  }
  return { ok: true as const, records };
}

/** Reads a backup file's text: checks size, nesting, keys, shape and limits; upgrades old records. */
export function parseBackup(text: string): ParsedBackup {
  const json = parseJsonSafely(text, { maxChars: maxEncryptedBackupChars, maxDepth: maxBackupDepth });
  if (!json.ok) return json;
  const format = typeof json.value === 'object' && json.value !== null ? Reflect.get(json.value, 'format') : undefined;
  if (format === encryptedBackupFormat) {
    const envelope = EncryptedBackupSchema.safeParse(json.value);
    return envelope.success
      ? { ok: true, kind: 'encrypted', envelope: envelope.data }
      : invalid(`${describeIssues(envelope.error)}.`);
  }
  if (format !== backupFileFormat) return invalid('it was not made by this app’s “Download a backup”.');
  if (text.length > maxBackupChars) return invalid('it is larger than 100 MB.');
  const outer = OuterSchema.safeParse(json.value);
  if (!outer.success) return invalid(`${describeIssues(outer.error)}.`);
  const version = outer.data.formatVersion;
  if (version !== 1 && version !== backupFormatVersion) {
    return invalid(
      `it is in backup format ${String(version)}; this app reads formats 1 to ${backupFormatVersion}. Use the newer version of the app.`,
    );
  }
  if (version === backupFormatVersion && outer.data.keptVersions === undefined)
    return invalid('"keptVersions" is missing.');
  if (version === 1 && outer.data.keptVersions !== undefined)
    return invalid('it is in backup format 1, which has no kept versions.');
  const profiles = restoreAll(outer.data.profiles, restoreProfile, 'Organisation profile');
  if (!profiles.ok) return invalid(profiles.message);
  const applications = restoreAll(outer.data.applications, restoreApplication, 'Application');
  if (!applications.ok) return invalid(applications.message);
  const metas = restoreAll(
    outer.data.evidence.map((e) => e.meta),
    restoreEvidenceMeta,
    'Evidence file',
  );
  if (!metas.ok) return invalid(metas.message);
  const kept = restoreAll(outer.data.keptVersions ?? [], restoreKeptVersion, 'Kept version');
  if (!kept.ok) return invalid(kept.message);
  // A file of format 1 is read as format 2 with no kept versions.
  const file = BackupFileSchema.safeParse({
    ...outer.data,
    formatVersion: backupFormatVersion,
    profiles: profiles.records,
    applications: applications.records,
    evidence: outer.data.evidence.map((e, i) => ({ meta: metas.records[i], data: e.data })),
    keptVersions: kept.records,
  });
  return file.success ? { ok: true, kind: 'plain', backup: file.data } : invalid(`${describeIssues(file.error)}.`);
}
