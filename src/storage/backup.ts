/**
 * Backup export: one application, or everything, to one portable file (format documented in
 * `src/domain/backup/backup-format.ts`), with the evidence files' bytes, optionally protected by
 * a passphrase. Import is in `backup-import.ts`.
 *
 * The file is checked against the backup schema before it is offered, so the app never hands out
 * a backup that its own import would refuse. Must never throw at the caller, and never let a full
 * disk stop a backup download (recording the backup date is best effort).
 */
import { slug } from '@/storage/file-names';
import type { Application, OrganisationProfile } from '@/domain/application/application';
import { describeIssues } from '@/domain/application/restore';
import {
  backupFileFormat,
  backupFormatVersion,
  BackupFileSchema,
  maxBackupChars,
  maxBackupCounts,
  type BackupEvidence,
} from '@/domain/backup/backup-format';
import type { EvidenceMeta, KeptVersion } from '@/domain/application/application';
import type { Repositories } from '@/domain/ports';
import { bytesToBase64 } from '@/storage/base64';
import { encryptBackupText, minPassphraseLength, type BackupCryptoOptions } from '@/storage/backup-crypto';
import { toStorageFailure } from '@/storage/errors';

export type BackupScope = { readonly kind: 'all' } | { readonly kind: 'application'; readonly applicationId: string };

export interface ExportOptions {
  readonly scope: BackupScope;
  /** Protects the file; at least 8 characters. */
  readonly passphrase?: string;
  /** Newer versions not yet saved (after a storage failure): exported instead of the stored ones. */
  readonly unsaved?: readonly Application[];
  /** The same for organisations' answers. */
  readonly unsavedProfiles?: readonly OrganisationProfile[];
  readonly now?: () => Date;
  readonly crypto?: BackupCryptoOptions;
}

export type ExportResult =
  | { readonly ok: true; readonly fileName: string; readonly text: string; readonly blob: Blob }
  | { readonly ok: false; readonly message: string };

const byId = <T extends { readonly id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every string anywhere in a value (answers hold evidence file ids as strings). */
export function collectStrings(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((v: unknown) => collectStrings(v, into));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => collectStrings(v, into));
  return into;
}

interface Gathered {
  readonly profiles: readonly OrganisationProfile[];
  readonly applications: readonly Application[];
  readonly evidence: readonly EvidenceMeta[];
  readonly keptVersions: readonly KeptVersion[];
}

/** The kept versions of these records (all of them for "everything"), newest last, within the file's limit. */
async function keptFor(repositories: Repositories, ids: ReadonlySet<string> | 'all'): Promise<KeptVersion[]> {
  const kept = (await repositories.keptVersions.list()).filter((k) => ids === 'all' || ids.has(k.record.id));
  return [...kept].sort((a, b) => (a.keptAt < b.keptAt ? -1 : 1)).slice(-maxBackupCounts.keptVersions);
}

async function gather(repositories: Repositories, options: ExportOptions): Promise<Gathered | string> {
  const unsaved = new Map((options.unsaved ?? []).map((a) => [a.id, a]));
  const unsavedProfiles = new Map((options.unsavedProfiles ?? []).map((p) => [p.id, p]));
  if (options.scope.kind === 'all') {
    const storedProfiles = await repositories.profiles.list();
    const profiles = [
      ...storedProfiles.map((p) => unsavedProfiles.get(p.id) ?? p),
      ...[...unsavedProfiles.values()].filter((u) => !storedProfiles.some((p) => p.id === u.id)),
    ];
    const stored = await repositories.applications.list();
    const applications = [
      ...stored.map((a) => unsaved.get(a.id) ?? a),
      ...[...unsaved.values()].filter((u) => !stored.some((a) => a.id === u.id)),
    ];
    const evidence = (await Promise.all(profiles.map((p) => repositories.evidence.listForProfile(p.id)))).flat();
    return { profiles, applications, evidence, keptVersions: await keptFor(repositories, 'all') };
  }
  const { applicationId } = options.scope;
  const application = unsaved.get(applicationId) ?? (await repositories.applications.get(applicationId));
  if (!application) return 'The application could not be found. It may have been deleted in another tab.';
  const profile =
    unsavedProfiles.get(application.profileId) ?? (await repositories.profiles.get(application.profileId));
  if (!profile)
    return 'The organisation this application belongs to could not be found, so it cannot be backed up on its own. Back up everything instead.';
  const keptVersions = await keptFor(repositories, new Set([application.id, profile.id]));
  // Evidence a kept version names travels too, so switching back to it finds its files.
  const referenced = collectStrings(
    [application.answers, application.retiredAnswers, profile.answers, keptVersions.map((k) => k.record.answers)],
    new Set(),
  );
  const evidence = (await repositories.evidence.listForProfile(profile.id)).filter((m) => referenced.has(m.id));
  return { profiles: [profile], applications: [application], evidence, keptVersions };
}

async function withBytes(repositories: Repositories, metas: readonly EvidenceMeta[]): Promise<BackupEvidence[]> {
  const entries: BackupEvidence[] = [];
  for (const meta of metas) {
    const blob = await repositories.evidence.getBlob(meta.id);
    if (blob) entries.push({ meta, data: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) });
  }
  return entries;
}

export async function exportBackup(repositories: Repositories, options: ExportOptions): Promise<ExportResult> {
  const now = (options.now ?? (() => new Date()))();
  try {
    if (options.passphrase !== undefined && options.passphrase.length < minPassphraseLength) {
      return { ok: false, message: `A passphrase must be at least ${minPassphraseLength} characters long.` };
    }
    const gathered = await gather(repositories, options);
    if (typeof gathered === 'string') return { ok: false, message: gathered };
    const checked = BackupFileSchema.safeParse({
      format: backupFileFormat,
      formatVersion: backupFormatVersion,
      exportedAt: now.toISOString(),
      scope: options.scope.kind,
      profiles: [...gathered.profiles].sort(byId),
      applications: [...gathered.applications].sort(byId),
      evidence: (await withBytes(repositories, gathered.evidence)).sort((a, b) => byId(a.meta, b.meta)),
      keptVersions: [...gathered.keptVersions].sort(byId),
    });
    if (!checked.success)
      return { ok: false, message: `A backup could not be made: ${describeIssues(checked.error)}.` };
    const plain = JSON.stringify(checked.data);
    if (plain.length > maxBackupChars) {
      return {
        ok: false,
        message:
          'Everything together is larger than a backup file can hold (100 MB). Back up each application on its own instead.',
      };
    }
    const text =
      options.passphrase === undefined ? plain : await encryptBackupText(plain, options.passphrase, options.crypto);
    if (options.scope.kind === 'all') {
      await repositories.settings.update({ lastBackupAt: now.toISOString() }).catch(() => undefined);
    }
    const [first] = checked.data.applications;
    const name =
      options.scope.kind === 'all' || !first
        ? 'all'
        : slug(first.advert.reference || first.advert.commissioner) || 'application';
    const fileName = `aqp-backup-${name}-${now.toISOString().slice(0, 10)}.json`;
    return { ok: true, fileName, text, blob: new Blob([text], { type: 'application/json' }) };
  } catch (error) {
    return { ok: false, message: `A backup could not be made. ${toStorageFailure(error).message}` };
  }
}
