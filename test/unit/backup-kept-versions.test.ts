// @vitest-environment node
// Kept versions travel in backups (backup format 2, issue 16): a version kept after a clash is in
// the backup of everything and in the backup of its own application, and comes back on another
// computer, following its record when the import keeps a copy beside an existing one. Backups of
// format 1 (no kept versions) still import; a format-1 file that holds kept versions is refused.
import { afterEach, describe, expect, it } from 'vitest';
import type { Application, KeptVersion } from '@/domain/application/application';
import { backupFormatVersion } from '@/domain/backup/backup-format';
import { exportBackup } from '@/storage/backup';
import { importBackup, readBackup } from '@/storage/backup-import';
import { dexieBackend, makeApplication, makeProfile, testDeps } from '../helpers/storage-fixtures';

const now = () => new Date('2026-11-22T12:00:00.000Z');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function dexie(seed: number) {
  let ids = 0;
  const backend = dexieBackend(testDeps({ newId: () => `id-${seed}-${(ids += 1)}` }));
  cleanups.push(() => backend.connection.close());
  return backend;
}

/** A computer with one organisation, two applications, and a version of each kept after a clash. */
async function withKeptVersions() {
  const backend = dexie(1);
  const { repositories } = backend;
  const profile = await repositories.profiles.create(makeProfile());
  const first = await repositories.applications.create(
    makeApplication({ id: 'app-1', answers: { 'com.foi-sensitive': 'Prices (now)' } }),
  );
  const second = await repositories.applications.create(makeApplication({ id: 'app-2' }));
  const older: Application = { ...first, answers: { 'com.foi-sensitive': 'Prices (the other tab)' } };
  await repositories.keptVersions.keep({ kind: 'application', record: older }, 'other-tab');
  await repositories.keptVersions.keep(
    { kind: 'application', record: { ...second, answers: { x: 'y' } } },
    'closed-tab',
  );
  await repositories.keptVersions.keep({ kind: 'profile', record: { ...profile, name: 'Old name' } }, 'replaced');
  return { backend, profile, first, second };
}

const kept = async (backend: ReturnType<typeof dexie>) =>
  [...(await backend.repositories.keptVersions.list())].sort((a, b) => a.reason.localeCompare(b.reason));

describe('kept versions in backups', () => {
  it('go into the backup of everything and come back on another computer', async () => {
    const { backend } = await withKeptVersions();
    const made = await exportBackup(backend.repositories, { scope: { kind: 'all' }, now });
    if (!made.ok) throw new Error(made.message);
    const file = JSON.parse(made.text) as { formatVersion: number; keptVersions: KeptVersion[] };
    expect(file.formatVersion).toBe(backupFormatVersion);
    expect(file.keptVersions).toHaveLength(3);

    const other = dexie(2);
    const read = await readBackup(made.text);
    if (!read.ok) throw new Error(read.message);
    const result = await importBackup(other.importTarget, read.backup, { onExisting: 'keep-both' });
    expect(result.ok).toBe(true);
    expect(await kept(other)).toEqual(await kept(backend));
  });

  it('go with their own application only, in the backup of one application', async () => {
    const { backend } = await withKeptVersions();
    const made = await exportBackup(backend.repositories, {
      scope: { kind: 'application', applicationId: 'app-1' },
      now,
    });
    if (!made.ok) throw new Error(made.message);
    const file = JSON.parse(made.text) as { keptVersions: KeptVersion[] };
    expect(file.keptVersions.map((k) => [k.kind, k.record.id]).sort()).toEqual([
      ['application', 'app-1'],
      ['profile', 'profile-1'],
    ]);
  });

  it('follow their record when it is imported as a copy beside one already here', async () => {
    const { backend, first } = await withKeptVersions();
    const made = await exportBackup(backend.repositories, {
      scope: { kind: 'application', applicationId: 'app-1' },
      now,
    });
    if (!made.ok) throw new Error(made.message);
    // The same computer, after the application changed: "keep both" makes a copy with a new id.
    await backend.repositories.applications.save({ ...first, answers: { 'com.foi-sensitive': 'Changed since' } });
    const read = await readBackup(made.text);
    if (!read.ok) throw new Error(read.message);
    const result = await importBackup(backend.importTarget, read.backup, { onExisting: 'keep-both' });
    if (!result.ok) throw new Error(result.message);
    const copyId = result.report.applicationIds[0];
    expect(copyId).not.toBe('app-1');
    const versions = await backend.repositories.keptVersions.list();
    // The original kept version stays with app-1; the imported one is the copy's, under a new id.
    const ofApp = versions.filter((k) => k.kind === 'application' && k.reason === 'other-tab');
    expect(ofApp.map((k) => k.record.id).sort()).toEqual(['app-1', copyId].sort());
    expect(new Set(versions.map((k) => k.id)).size).toBe(versions.length);
  });

  it('are not needed to import a backup of format 1, and are refused in one', async () => {
    const { backend } = await withKeptVersions();
    const made = await exportBackup(backend.repositories, { scope: { kind: 'all' }, now });
    if (!made.ok) throw new Error(made.message);
    const { keptVersions, ...rest } = JSON.parse(made.text) as Record<string, unknown>;
    expect(keptVersions).toBeDefined();
    const v1 = JSON.stringify({ ...rest, formatVersion: 1 });
    const read = await readBackup(v1);
    if (!read.ok) throw new Error(read.message);
    expect(read.backup.records.keptVersions).toEqual([]);
    const other = dexie(3);
    expect((await importBackup(other.importTarget, read.backup, { onExisting: 'keep-both' })).ok).toBe(true);
    expect(await other.repositories.applications.count()).toBe(2);
    expect(await other.repositories.keptVersions.list()).toEqual([]);

    const mixed = await readBackup(JSON.stringify({ ...rest, formatVersion: 1, keptVersions }));
    expect(mixed.ok).toBe(false);
    expect(!mixed.ok && mixed.message).toContain('it is in backup format 1, which has no kept versions');
    const missing = await readBackup(JSON.stringify(rest));
    expect(!missing.ok && missing.message).toContain('"keptVersions" is missing');
  });
});
