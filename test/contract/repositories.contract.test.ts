// @vitest-environment node
// One contract for the domain's repositories, run against both implementations: Dexie on
// fake-indexeddb and the in-memory fallback. Whatever the app can observe through the ports must
// be the same in both. (Node environment: real Blob bytes and WebCrypto.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Application, OrganisationProfile } from '@/domain/application/application';
import { StorageFailure, type RecordRepository, type Repositories } from '@/domain/ports';
import type { StorageDeps } from '@/storage/record-helpers';
import {
  bytesOf,
  dexieBackend,
  makeApplication,
  makeProfile,
  memoryBackend,
  randomBytes,
  testDeps,
} from '../helpers/storage-fixtures';

interface Subject {
  readonly repositories: Repositories;
  close(): void;
}

const implementations: readonly [string, (deps?: StorageDeps) => Subject][] = [
  [
    'Dexie on fake-indexeddb',
    (deps) => {
      const backend = dexieBackend(deps);
      return { repositories: backend.repositories, close: () => backend.connection.close() };
    },
  ],
  ['in memory', (deps) => ({ repositories: memoryBackend(deps).repositories, close: () => undefined })],
];

const rejection = async (promise: Promise<unknown>): Promise<StorageFailure> => {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StorageFailure)) throw new Error(`expected a StorageFailure, got ${String(error)}`);
  return error;
};

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe.each(implementations)('repositories contract: %s', (_name, open) => {
  let subject: Subject | undefined;
  const start = (deps?: StorageDeps) => (subject = open(deps)).repositories;
  afterEach(() => subject?.close());

  const recordKinds: readonly [
    string,
    (r: Repositories) => RecordRepository<Application> | RecordRepository<OrganisationProfile>,
    () => Application | OrganisationProfile,
  ][] = [
    ['applications', (r) => r.applications, () => makeApplication()],
    ['profiles', (r) => r.profiles, () => makeProfile()],
  ];

  describe.each(recordKinds)('%s', (_kind, pick, make) => {
    // Typed as the widest record so one body serves both kinds.
    const repo = (r: Repositories) => pick(r) as RecordRepository<Application | OrganisationProfile>;

    it('creates at revision 0 and reads back an equal record', async () => {
      const r = repo(start());
      const created = await r.create({ ...make(), revision: 7 });
      expect(created.revision).toBe(0);
      expect(await r.get(created.id)).toEqual(created);
      expect(await r.list()).toEqual([created]);
      expect(await r.count()).toBe(1);
      expect(await r.get('missing')).toBeUndefined();
    });

    it('refuses a duplicate id and an invalid record, changing nothing', async () => {
      const r = repo(start());
      const created = await r.create(make());
      expect((await rejection(r.create(make()))).kind).toBe('invalid');
      const broken = { ...make(), id: 'other', createdAt: 'yesterday' };
      const failure = await rejection(r.create(broken));
      expect(failure.kind).toBe('invalid');
      expect(failure.message).toMatch(/createdAt/);
      expect(await r.list()).toEqual([created]);
    });

    it('saves with compare-and-set: the right revision wins, a stale one gets the stored record', async () => {
      const r = repo(start());
      const created = await r.create(make());
      const first = await r.save({ ...created, updatedAt: '2026-11-22T10:00:00.000Z' });
      expect(first).toEqual({ ok: true, record: { ...created, updatedAt: '2026-11-22T10:00:00.000Z', revision: 1 } });
      const stale = await r.save({ ...created, updatedAt: '2026-11-22T11:00:00.000Z' });
      expect(stale.ok).toBe(false);
      if (!stale.ok) expect(stale.conflict.revision).toBe(1);
      expect((await r.get(created.id))?.updatedAt).toBe('2026-11-22T10:00:00.000Z');
      expect((await r.save({ ...created, revision: 1 }, { durable: true })).ok).toBe(true);
    });

    it('rejects saving a record that does not exist, and an invalid one', async () => {
      const r = repo(start());
      expect((await rejection(r.save(make()))).kind).toBe('not-found');
      const created = await r.create(make());
      expect((await rejection(r.save({ ...created, revision: -1 }))).kind).toBe('invalid');
    });

    it('deletes, and restores exactly what was deleted (undo)', async () => {
      const r = repo(start());
      const created = await r.create(make());
      const saved = await r.save(created);
      if (!saved.ok) throw new Error('save failed');
      await r.delete(created.id);
      expect(await r.get(created.id)).toBeUndefined();
      await r.restore(saved.record);
      expect(await r.get(created.id)).toEqual(saved.record);
    });

    it('tells subscribers about changes until they unsubscribe', async () => {
      const r = repo(start());
      const listener = vi.fn();
      const unsubscribe = r.subscribe(listener);
      const created = await r.create(make());
      await tick();
      expect(listener).toHaveBeenCalled();
      unsubscribe();
      listener.mockClear();
      await r.save(created);
      await tick();
      expect(listener).not.toHaveBeenCalled();
    });
  });

  describe('evidence', () => {
    const newFile = {
      profileId: 'profile-1',
      name: 'insurance.pdf',
      type: 'application/pdf',
      questionIds: ['ev.insurance'],
    };

    it('stores the file with its SHA-256 and gives back the same bytes', async () => {
      const { evidence } = start();
      const bytes = new TextEncoder().encode('abc');
      const meta = await evidence.add(newFile, new Blob([bytes], { type: 'application/pdf' }));
      expect(meta).toMatchObject({
        id: 'new-id-1',
        name: 'insurance.pdf',
        size: 3,
        addedAt: '2026-11-22T09:00:30.000Z',
      });
      expect(meta.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      expect(await evidence.get(meta.id)).toEqual(meta);
      expect(await bytesOf(await evidence.getBlob(meta.id))).toEqual(Array.from(bytes));
      expect(await evidence.listForProfile('profile-1')).toEqual([meta]);
      expect(await evidence.listForProfile('profile-2')).toEqual([]);
    });

    it('keeps large binary files byte for byte', async () => {
      const { evidence } = start();
      const bytes = randomBytes(7, 3 * 1024 * 1024 + 5);
      const meta = await evidence.add(newFile, new Blob([bytes]));
      expect(meta.type).toBe('application/pdf');
      const back = new Uint8Array(await ((await evidence.getBlob(meta.id)) ?? new Blob()).arrayBuffer());
      expect(back.length).toBe(bytes.length);
      expect(Buffer.compare(Buffer.from(back), Buffer.from(bytes))).toBe(0);
    });

    it('updates name, dates and questions but never the bytes, hash or owner', async () => {
      const { evidence } = start();
      const meta = await evidence.add(newFile, new Blob(['abc']));
      const updated = await evidence.update({
        ...meta,
        name: 'insurance-2027.pdf',
        validUntil: '2027-03-31',
        questionIds: ['ev.insurance', 'ev.indemnity'],
        sha256: '0'.repeat(64),
        profileId: 'someone-else',
      });
      expect(updated).toEqual({
        ...meta,
        name: 'insurance-2027.pdf',
        validUntil: '2027-03-31',
        questionIds: ['ev.insurance', 'ev.indemnity'],
      });
      expect(await evidence.get(meta.id)).toEqual(updated);
      expect((await rejection(evidence.update({ ...meta, id: 'missing' }))).kind).toBe('not-found');
    });

    it('refuses files outside the limits with a plain reason, storing nothing', async () => {
      const { evidence } = start(testDeps({ limits: { maxFileBytes: 10 } }));
      const wrongType = await rejection(
        evidence.add({ ...newFile, name: 'setup.exe', type: 'application/x-msdownload' }, new Blob(['x'])),
      );
      expect(wrongType.kind).toBe('invalid');
      expect(wrongType.message).toMatch(/PDF, Word, OpenDocument, Excel, PNG, JPEG or plain text/);
      const tooBig = await rejection(evidence.add(newFile, new Blob(['more than ten bytes'])));
      expect(tooBig.message).toMatch(/must be smaller than/);
      expect(await evidence.listForProfile('profile-1')).toEqual([]);
    });

    it('checks the storage estimate before accepting a file', async () => {
      const { evidence } = start(testDeps({ estimate: async () => ({ usage: 990, quota: 1000 }) }));
      const failure = await rejection(evidence.add(newFile, new Blob(['abc'])));
      expect(failure.kind).toBe('quota');
      expect(failure.message).toMatch(/not enough space/);
    });

    it('deletes the details and the file together', async () => {
      const { evidence } = start();
      const listener = vi.fn();
      evidence.subscribe(listener);
      const meta = await evidence.add(newFile, new Blob(['abc']));
      await evidence.delete(meta.id);
      expect(await evidence.get(meta.id)).toBeUndefined();
      expect(await evidence.getBlob(meta.id)).toBeUndefined();
      await tick();
      expect(listener).toHaveBeenCalled();
    });
  });

  describe('settings', () => {
    it('starts with the defaults and keeps updates', async () => {
      const { settings } = start();
      expect(await settings.get()).toEqual({ formatVersion: 1, persistence: 'unknown' });
      await settings.update({ lastBackupAt: '2026-11-22T09:00:00.000Z' });
      const next = await settings.update({ persistence: 'granted', persistenceAskedAt: '2026-11-22T09:05:00.000Z' });
      expect(next).toEqual({
        formatVersion: 1,
        lastBackupAt: '2026-11-22T09:00:00.000Z',
        persistence: 'granted',
        persistenceAskedAt: '2026-11-22T09:05:00.000Z',
      });
      expect(await settings.get()).toEqual(next);
    });

    it('refuses an invalid update', async () => {
      const { settings } = start();
      expect((await rejection(settings.update({ lastBackupAt: 'last week' }))).kind).toBe('invalid');
      expect(await settings.get()).toEqual({ formatVersion: 1, persistence: 'unknown' });
    });
  });
  describe('kept versions', () => {
    it('keeps a version, lists it, and swaps it in for the current one, keeping that one', async () => {
      const r = start();
      const created = await r.applications.create(makeApplication());
      const saved = await r.applications.save({ ...created, answers: { 'svc.premises': 'current' } });
      if (!saved.ok) throw new Error('setup');
      const kept = await r.keptVersions.keep(
        { kind: 'application', record: { ...created, answers: { 'svc.premises': 'kept' } } },
        'other-tab',
      );
      expect(await r.keptVersions.list()).toEqual([kept]);
      await r.keptVersions.useInstead(kept.id);
      const current = await r.applications.get(created.id);
      expect(current).toMatchObject({ revision: 2, answers: { 'svc.premises': 'kept' } });
      expect((await r.keptVersions.list()).map((k) => [k.reason, k.record.answers['svc.premises']])).toEqual([
        ['replaced', 'current'],
      ]);
      // A save based on the revision before the swap is now a conflict, not an overwrite.
      expect((await r.applications.save(saved.record)).ok).toBe(false);
    });

    it('refuses an invalid record and an unknown id; discards on request', async () => {
      const r = start();
      const broken = { ...makeProfile(), createdAt: 'yesterday' };
      expect((await rejection(r.keptVersions.keep({ kind: 'profile', record: broken }, 'other-tab'))).kind).toBe(
        'invalid',
      );
      expect((await rejection(r.keptVersions.useInstead('missing'))).kind).toBe('not-found');
      const kept = await r.keptVersions.keep({ kind: 'profile', record: makeProfile() }, 'closed-tab');
      await r.keptVersions.discard(kept.id);
      expect(await r.keptVersions.list()).toEqual([]);
    });
  });
});
