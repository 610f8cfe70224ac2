// @vitest-environment node
// Backup export and import: a large application with evidence files survives a round trip byte
// for byte (the file and every evidence file), existing records are replaced or kept beside the
// import as the user chooses, a passphrase-protected file opens only with its passphrase, and a
// failed import changes nothing. (Node environment: real Blob bytes and WebCrypto.)
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Application, OrganisationProfile } from '@/domain/application/application';
import type { Repositories } from '@/domain/ports';
import { exportBackup } from '@/storage/backup';
import { findExisting, importBackup, readBackup, type PreparedBackup } from '@/storage/backup-import';
import type { ImportTarget } from '@/storage/import-plan';
import {
  dexieBackend,
  makeApplication,
  makeProfile,
  memoryBackend,
  randomBytes,
  seededRandom,
  testDeps,
} from '../helpers/storage-fixtures';

const now = () => new Date('2026-11-22T12:00:00.000Z');
const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  vi.restoreAllMocks();
});

function dexie(seed = 1) {
  let ids = 0;
  const backend = dexieBackend(testDeps({ newId: () => `id-${seed}-${(ids += 1)}` }));
  cleanups.push(() => backend.connection.close());
  return backend;
}

const words =
  'the practice provides physiotherapy clinics with step-free access and audited infection control Zoë Łukasz £ – “quoted”'.split(
    ' ',
  );
const prose = (next: () => number, count: number) =>
  Array.from({ length: count }, () => words[Math.floor(next() * words.length)]).join(' ');

/** A large application: hundreds of answers, long texts, repeat items and 8 evidence files (~14 MB). */
async function fillLarge(repositories: Repositories): Promise<{ application: Application; evidenceIds: string[] }> {
  const next = seededRandom(42);
  const evidenceIds: string[] = [];
  for (let i = 0; i < 8; i += 1) {
    const bytes = randomBytes(100 + i, 512 * 1024 + Math.floor(next() * 3 * 1024 * 1024));
    const meta = await repositories.evidence.add(
      { profileId: 'profile-1', name: `Evidence ${i}.pdf`, type: 'application/pdf', questionIds: [`ev.q${i}`] },
      new Blob([bytes], { type: 'application/pdf' }),
    );
    evidenceIds.push(meta.id);
  }
  const orgAnswers: Record<string, string> = {};
  for (let i = 0; i < 100; i += 1) orgAnswers[`org.q${i}`] = prose(next, 50);
  await repositories.profiles.create(
    makeProfile({ answers: { ...orgAnswers, 'org.policies': evidenceIds.slice(0, 3) } }),
  );
  const answers: Record<string, Application['answers'][string]> = { 'svc.evidence': evidenceIds.slice(3) };
  for (let i = 0; i < 300; i += 1) answers[`svc.q${i}`] = prose(next, 300);
  answers['svc.staff'] = Array.from({ length: 50 }, (_, i) => ({
    id: `staff-${i}`,
    values: { name: prose(next, 3), registered: { day: '1', month: '2', year: '2020' }, roles: ['a', 'b'] },
  }));
  const application = await repositories.applications.create(makeApplication({ answers }));
  return { application, evidenceIds };
}

async function blobBytes(repositories: Repositories, id: string): Promise<Buffer> {
  const blob = await repositories.evidence.getBlob(id);
  if (!blob) throw new Error(`no file ${id}`);
  return Buffer.from(await blob.arrayBuffer());
}

async function read(input: Blob | string, passphrase?: string): Promise<PreparedBackup> {
  const result = await readBackup(input, passphrase === undefined ? {} : { passphrase });
  if (!result.ok) throw new Error(result.message);
  return result.backup;
}

async function exportText(repositories: Repositories, applicationId?: string): Promise<string> {
  const result = await exportBackup(repositories, {
    scope: applicationId ? { kind: 'application', applicationId } : { kind: 'all' },
    now,
  });
  if (!result.ok) throw new Error(result.message);
  return result.text;
}

async function importInto(
  target: ImportTarget,
  backup: PreparedBackup,
  onExisting: 'keep-both' | 'replace' = 'replace',
) {
  const result = await importBackup(target, backup, { onExisting, newId: () => 'imported-copy' });
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

describe('backup round trip', () => {
  it('brings a large application with evidence back byte for byte, in Dexie and in memory', async () => {
    const source = dexie(1);
    const { evidenceIds } = await fillLarge(source.repositories);
    const started = performance.now();
    const first = await exportBackup(source.repositories, { scope: { kind: 'all' }, now });
    if (!first.ok) throw new Error(first.message);
    const exported = performance.now();
    const target = dexie(2);
    const backup = await read(first.blob);
    const report = await importInto(target.importTarget, backup);
    const imported = performance.now();
    const second = await exportText(target.repositories);
    const finished = performance.now();
    console.info(
      `backup round trip of ${(first.text.length / 1048576).toFixed(1)} MB: export ${(exported - started).toFixed(0)} ms, ` +
        `read + import ${(imported - exported).toFixed(0)} ms, export again ${(finished - imported).toFixed(0)} ms`,
    );

    expect(report).toEqual({ added: 1, replaced: 0, keptBoth: 0, unchanged: 0, applicationIds: ['application-1'] });
    expect(second).toBe(first.text);
    expect(first.blob.size).toBe(Buffer.byteLength(first.text));
    for (const id of evidenceIds) {
      expect(Buffer.compare(await blobBytes(target.repositories, id), await blobBytes(source.repositories, id))).toBe(
        0,
      );
      expect(await target.repositories.evidence.get(id)).toEqual(await source.repositories.evidence.get(id));
    }
    expect(await target.repositories.applications.list()).toEqual(await source.repositories.applications.list());
    expect(await target.repositories.profiles.list()).toEqual(await source.repositories.profiles.list());

    const memory = memoryBackend();
    await importInto(memory.importTarget, backup);
    expect(await exportText(memory.repositories)).toBe(first.text);
  }, 60_000);

  it('exports one application with its organisation and only the evidence it uses', async () => {
    const { repositories } = dexie();
    await repositories.profiles.create(makeProfile({ answers: { 'org.policies': [] } }));
    const used = await repositories.evidence.add(
      { profileId: 'profile-1', name: 'used.txt', type: 'text/plain', questionIds: [] },
      new Blob(['used']),
    );
    await repositories.evidence.add(
      { profileId: 'profile-1', name: 'other.txt', type: 'text/plain', questionIds: [] },
      new Blob(['x']),
    );
    await repositories.applications.create(makeApplication({ answers: { 'svc.evidence': [used.id] } }));
    await repositories.applications.create(makeApplication({ id: 'application-2' }));
    const result = await exportBackup(repositories, {
      scope: { kind: 'application', applicationId: 'application-1' },
      now,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.fileName).toBe('aqp-backup-msk-2026-01-2026-11-22.json');
    const backup = await read(result.text);
    expect(backup.summary).toMatchObject({ scope: 'application', profiles: 1, evidenceFiles: 1, evidenceBytes: 4 });
    expect(backup.summary.applications.map((a) => a.id)).toEqual(['application-1']);
    expect((await repositories.settings.get()).lastBackupAt).toBeUndefined();
    await exportText(repositories);
    expect((await repositories.settings.get()).lastBackupAt).toBe('2026-11-22T12:00:00.000Z');
  });

  it('exports unsaved changes in place of the stored version (after a storage failure)', async () => {
    const { repositories } = dexie();
    await repositories.profiles.create(makeProfile());
    const stored = await repositories.applications.create(makeApplication());
    const unsaved = { ...stored, answers: { 'svc.premises': 'not yet saved' } };
    const result = await exportBackup(repositories, { scope: { kind: 'all' }, unsaved: [unsaved], now });
    expect(result.ok && result.text).toContain('not yet saved');
  });

  it('says plainly when there is nothing to export', async () => {
    const { repositories } = dexie();
    const result = await exportBackup(repositories, { scope: { kind: 'application', applicationId: 'gone' }, now });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/could not be found/) });
    const short = await exportBackup(repositories, { scope: { kind: 'all' }, passphrase: 'short', now });
    expect(short).toEqual({ ok: false, message: expect.stringMatching(/at least 8 characters/) });
  });
});

describe('importing over existing records', () => {
  async function setup() {
    const source = dexie(1);
    await source.repositories.profiles.create(makeProfile());
    const original = await source.repositories.applications.create(makeApplication());
    const backup = await read(await exportText(source.repositories));
    const here = dexie(2);
    await importInto(here.importTarget, backup);
    const edited = await here.repositories.applications.save({
      ...original,
      answers: { 'svc.premises': 'edited here' },
    });
    if (!edited.ok) throw new Error('setup');
    return { here, backup, original, edited: edited.record };
  }

  it('finds which records already exist, so the app can ask', async () => {
    const { here, backup } = await setup();
    expect(await findExisting(here.repositories, backup)).toEqual({
      applicationIds: ['application-1'],
      profileIds: ['profile-1'],
    });
    expect(await findExisting(dexie(3).repositories, backup)).toEqual({ applicationIds: [], profileIds: [] });
  });

  it('replaces: the imported version wins, one revision past the stored one', async () => {
    const { here, backup, original, edited } = await setup();
    const report = await importInto(here.importTarget, backup, 'replace');
    expect(report).toMatchObject({ replaced: 1, keptBoth: 0 });
    expect(await here.repositories.applications.get(original.id)).toEqual({
      ...original,
      revision: edited.revision + 1,
    });
    expect(await here.repositories.applications.list()).toHaveLength(1);
  });

  it('keeps both: the stored version stays, the imported one is added under a new id', async () => {
    const { here, backup, original, edited } = await setup();
    const report = await importInto(here.importTarget, backup, 'keep-both');
    expect(report).toEqual({ added: 0, replaced: 0, keptBoth: 1, unchanged: 0, applicationIds: ['imported-copy'] });
    expect(await here.repositories.applications.get(original.id)).toEqual(edited);
    expect(await here.repositories.applications.get('imported-copy')).toEqual({
      ...original,
      id: 'imported-copy',
      revision: 0,
    });
    expect(await here.repositories.profiles.list()).toHaveLength(1);
  });

  it('leaves identical records alone either way', async () => {
    const source = dexie(1);
    await source.repositories.profiles.create(makeProfile());
    await source.repositories.applications.create(makeApplication());
    const backup = await read(await exportText(source.repositories));
    for (const choice of ['keep-both', 'replace'] as const) {
      const report = await importInto(source.importTarget, backup, choice);
      expect(report).toMatchObject({ unchanged: 1, added: 0, replaced: 0, keptBoth: 0 });
    }
    expect(await source.repositories.applications.list()).toHaveLength(1);
  });

  it('keeps both organisations when they differ, moving the imported application and evidence to the copy', async () => {
    const source = dexie(1);
    await source.repositories.profiles.create(makeProfile({ name: 'As exported' }));
    const file = await source.repositories.evidence.add(
      { profileId: 'profile-1', name: 'a.txt', type: 'text/plain', questionIds: [] },
      new Blob(['file']),
    );
    await source.repositories.applications.create(makeApplication({ answers: { 'svc.evidence': [file.id] } }));
    const backup = await read(await exportText(source.repositories));
    const here = memoryBackend(testDeps());
    await here.repositories.profiles.create(makeProfile({ name: 'Changed here' }));
    await here.repositories.applications.create(makeApplication({ status: 'ready' }));
    let n = 0;
    const result = await importBackup(here.importTarget, backup, {
      onExisting: 'keep-both',
      newId: () => `copy-${(n += 1)}`,
    });
    expect(result.ok).toBe(true);
    const profiles: readonly OrganisationProfile[] = await here.repositories.profiles.list();
    expect(profiles.map((p) => [p.id, p.name])).toEqual([
      ['profile-1', 'Changed here'],
      ['copy-1', 'As exported'],
    ]);
    expect(await here.repositories.applications.get('copy-2')).toMatchObject({
      profileId: 'copy-1',
      answers: { 'svc.evidence': [file.id] },
    });
    expect(await here.repositories.evidence.listForProfile('copy-1')).toEqual([{ ...file, profileId: 'copy-1' }]);
  });
});

describe('protected backups', () => {
  it('open only with the right passphrase', async () => {
    const { repositories } = dexie();
    await repositories.profiles.create(makeProfile());
    await repositories.applications.create(makeApplication({ answers: { 'svc.premises': 'a secret canary' } }));
    const result = await exportBackup(repositories, {
      scope: { kind: 'all' },
      passphrase: 'correct horse battery',
      now,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.text).not.toContain('canary');
    expect(await readBackup(result.text)).toMatchObject({ ok: false, needsPassphrase: true });
    expect(await readBackup(result.text, { passphrase: 'wrong horse battery' })).toMatchObject({
      ok: false,
      needsPassphrase: true,
      message: expect.stringMatching(/passphrase is not right/),
    });
    const backup = await read(result.blob, 'correct horse battery');
    expect(backup.records.applications[0]?.answers['svc.premises']).toBe('a secret canary');
  });
});

describe('a failed import', () => {
  it('changes nothing when the database refuses the write', async () => {
    const source = dexie(1);
    await fillLarge(source.repositories);
    const backup = await read(await exportText(source.repositories));
    const here = dexie(2);
    await here.repositories.profiles.create(makeProfile({ name: 'Already here' }));
    const before = await exportText(here.repositories);
    let puts = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
      puts += 1;
      if (puts > 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    const result = await importBackup(here.importTarget, backup, { onExisting: 'replace' });
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'quota' },
      message: expect.stringMatching(/^Nothing was imported/),
    });
    vi.restoreAllMocks();
    expect(await exportText(here.repositories)).toBe(before);
  }, 60_000);

  it('refuses a file whose evidence does not match its fingerprint', async () => {
    const { repositories } = dexie();
    await repositories.profiles.create(makeProfile());
    await repositories.evidence.add(
      { profileId: 'profile-1', name: 'a.txt', type: 'text/plain', questionIds: [] },
      new Blob(['abcdef']),
    );
    const text = await exportText(repositories);
    const damaged = text.replace('"data":"YWJjZGVm"', '"data":"YWJjZGVn"');
    expect(damaged).not.toBe(text);
    expect(await readBackup(damaged)).toEqual({
      ok: false,
      message: expect.stringMatching(/“a.txt” in this backup is damaged/),
    });
  });
});
