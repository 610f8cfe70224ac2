// @vitest-environment node
// Several tabs on one database (each "tab" is its own openStorage on the same fake IndexedDB):
// compare-and-set between tabs, live lists, a newer build upgrading the database, strict
// durability for explicit saves, and "remove all data from this computer".
import Dexie from 'dexie';
import { IDBDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { schemaVersions } from '@/storage/db';
import { openStorage, type AppStorage } from '@/storage/open-storage';
import { removeAllData } from '@/storage/remove-all-data';
import { freshIndexedDB, IDBKeyRange, makeApplication, makeProfile } from '../helpers/storage-fixtures';

const opened: AppStorage[] = [];
const tabsOn = async (db: ReturnType<typeof freshIndexedDB>, count: number) => {
  const tabs: AppStorage[] = [];
  for (let i = 0; i < count; i += 1) {
    tabs.push(await openStorage({ indexedDB: db.factory, IDBKeyRange, databaseName: db.name, storageManager: null }));
  }
  opened.push(...tabs);
  return tabs;
};
const noPage = { window: null, document: null } as const;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  opened.splice(0).forEach((storage) => storage.close());
  vi.restoreAllMocks();
});

/** A newer build of the app: the same tables, one version up. */
function newerBuild(db: ReturnType<typeof freshIndexedDB>): Dexie {
  const newer = new Dexie(db.name, { indexedDB: db.factory, IDBKeyRange });
  for (const { version, stores } of schemaVersions) newer.version(version).stores({ ...stores });
  newer.version(schemaVersions.length + 1).stores({ applications: 'id, profileId, updatedAt' });
  return newer;
}

describe('several tabs', () => {
  it('never lets one tab silently overwrite newer answers from another; both versions stay recoverable', async () => {
    const [a, b] = await tabsOn(freshIndexedDB(), 2);
    if (!a || !b) throw new Error('setup');
    const created = await a.repositories.applications.create(makeApplication());
    const inA = a.createAutosave(a.repositories.applications, created, noPage);
    const inB = b.createAutosave(b.repositories.applications, created, noPage);
    inA.change({ ...created, answers: { 'svc.premises': 'typed in tab A' } });
    expect((await inA.flush()).kind).toBe('saved');
    inB.change({ ...created, answers: { 'svc.premises': 'typed in tab B' } });
    const state = await inB.flush();
    expect(state.kind).toBe('conflict');
    if (state.kind !== 'conflict') return;
    expect(state.mine.answers['svc.premises']).toBe('typed in tab B');
    expect(state.theirs.answers['svc.premises']).toBe('typed in tab A');
    expect((await b.repositories.applications.get(created.id))?.answers['svc.premises']).toBe('typed in tab A');
    await inB.resolveConflict(state.mine);
    expect((await a.repositories.applications.get(created.id))?.answers['svc.premises']).toBe('typed in tab B');
    // The version not chosen is kept, and can be made current again (keeping the other in turn).
    const [kept, ...more] = await a.repositories.keptVersions.list();
    expect(more).toEqual([]);
    expect(kept).toMatchObject({
      kind: 'application',
      reason: 'other-tab',
      record: { answers: { 'svc.premises': 'typed in tab A' } },
    });
    if (!kept) return;
    await a.repositories.keptVersions.useInstead(kept.id);
    expect((await b.repositories.applications.get(created.id))?.answers['svc.premises']).toBe('typed in tab A');
    expect((await b.repositories.keptVersions.list()).map((k) => [k.reason, k.record.answers['svc.premises']])).toEqual(
      [['replaced', 'typed in tab B']],
    );
  });

  it('updates lists live when another tab changes them', async () => {
    const [a, b] = await tabsOn(freshIndexedDB(), 2);
    if (!a || !b) throw new Error('setup');
    const applications = vi.fn();
    const evidence = vi.fn();
    b.repositories.applications.subscribe(applications);
    b.repositories.evidence.subscribe(evidence);
    await a.repositories.applications.create(makeApplication());
    await wait(20);
    expect(applications).toHaveBeenCalled();
    expect(evidence).not.toHaveBeenCalled();
    await a.repositories.evidence.add(
      { profileId: 'profile-1', name: 'policy.txt', type: 'text/plain', questionIds: [] },
      new Blob(['policy']),
    );
    await wait(20);
    expect(evidence).toHaveBeenCalled();
    expect(await b.repositories.applications.list()).toHaveLength(1);
  });

  it('flushes, stops writing and asks for a reload when a newer build upgrades the database', async () => {
    const db = freshIndexedDB();
    const [a] = await tabsOn(db, 1);
    if (!a) throw new Error('setup');
    const created = await a.repositories.applications.create(makeApplication());
    const autosave = a.createAutosave(a.repositories.applications, created, noPage);
    const onStop = vi.fn();
    a.onStop(onStop);
    autosave.change({ ...created, answers: { 'svc.premises': 'typed just before the upgrade' } });

    const newer = newerBuild(db);
    const started = Date.now();
    await newer.open(); // waits for tab A to flush and close
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await newer.table('applications').get(created.id)).toMatchObject({
      revision: 1,
      answers: { 'svc.premises': 'typed just before the upgrade' },
    });
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(a.stopped?.kind).toBe('version-change');
    expect(a.stopped?.message).toMatch(/Reload this page/);
    expect(autosave.state.kind).toBe('stopped');

    autosave.change({ ...created, answers: { 'svc.premises': 'typed after the upgrade' } });
    await autosave.flush();
    const refused: unknown = await a.repositories.applications
      .create(makeApplication({ id: 'late' }))
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'version-change' });
    expect(await newer.table('applications').count()).toBe(1);
    expect((await newer.table('applications').get(created.id)).revision).toBe(1);
    expect(autosave.unsaved?.answers['svc.premises']).toBe('typed after the upgrade');
    newer.close();
  });

  it('stops at once when the database is already newer than this build', async () => {
    const db = freshIndexedDB();
    const newer = newerBuild(db);
    await newer.open();
    newer.close();
    const [old] = await tabsOn(db, 1);
    expect(old?.mode).toBe('indexeddb');
    await wait(0);
    expect(old?.stopped?.message).toMatch(/newer version of this app has updated/);
    const created = makeApplication();
    const autosave = old?.createAutosave(old.repositories.applications, created, noPage);
    expect(autosave?.state.kind).toBe('stopped');
  });
});

describe('durability', () => {
  it('uses strict durability for explicit saves and the default for autosave', async () => {
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const [tab] = await tabsOn(freshIndexedDB(), 1);
    if (!tab) throw new Error('setup');
    const created = await tab.repositories.applications.create(makeApplication());
    const autosave = tab.createAutosave(tab.repositories.applications, created, noPage);
    const durabilities = () =>
      transaction.mock.calls.filter(([, mode]) => mode === 'readwrite').map(([, , options]) => options?.durability);
    transaction.mockClear();
    autosave.change({ ...created, answers: { 'svc.premises': 'a' } });
    await autosave.flush();
    expect(durabilities()).toEqual(['default']);
    transaction.mockClear();
    autosave.change({ ...created, answers: { 'svc.premises': 'b' } });
    await autosave.flush({ durable: true });
    expect(durabilities()).toEqual(['strict']);
  });
});

describe('remove all data from this computer', () => {
  it('leaves no database and no cache behind, and stops the other tabs', async () => {
    const db = freshIndexedDB();
    const [a, b] = await tabsOn(db, 2);
    if (!a || !b) throw new Error('setup');
    await a.repositories.profiles.create(makeProfile());
    await a.repositories.evidence.add(
      { profileId: 'profile-1', name: 'policy.txt', type: 'text/plain', questionIds: [] },
      new Blob(['policy']),
    );
    const cacheNames = new Set(['app-shell-v1', 'fonts']);
    const caches = {
      keys: async () => [...cacheNames],
      delete: async (name: string) => cacheNames.delete(name),
    };
    const storage = await openStorage({
      indexedDB: db.factory,
      IDBKeyRange,
      databaseName: db.name,
      storageManager: null,
      caches,
    });
    opened.push(storage);
    expect(await storage.removeAllData()).toEqual({ ok: true });
    expect(await db.factory.databases()).toEqual([]);
    expect(cacheNames.size).toBe(0);
    expect(storage.stopped?.message).toMatch(/removed from this computer/);
    expect(b.stopped?.message).toMatch(/removed from this computer in another tab/);
  });

  it('says so when another tab keeps the database open', async () => {
    const db = freshIndexedDB();
    const stubborn = new Dexie(db.name, { indexedDB: db.factory, IDBKeyRange });
    stubborn.version(1).stores({ x: 'id' });
    stubborn.on('versionchange', () => false); // an old build that never lets go
    await stubborn.open();
    const result = await removeAllData({
      indexedDB: db.factory,
      databaseName: db.name,
      caches: null,
      webStorage: [],
      blockedTimeoutMs: 50,
    });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/Close the app’s other tabs/) });
    stubborn.close();
  });
});
