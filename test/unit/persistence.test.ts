// @vitest-environment node
// Persistent storage is asked for once, after the first explicit save and never on load; the
// answer is recorded; the storage estimate feeds the health panel and the evidence checks.
import { describe, expect, it, vi } from 'vitest';
import { openStorage } from '@/storage/open-storage';
import { Persistence, type StorageManagerLike } from '@/storage/persistence';
import { freshIndexedDB, IDBKeyRange, makeApplication, memoryBackend } from '../helpers/storage-fixtures';

function fakeStorageManager(answer: boolean, estimate = { usage: 1_000, quota: 100_000_000 }) {
  return {
    persist: vi.fn(async () => answer),
    persisted: vi.fn(async () => false),
    estimate: vi.fn(async () => estimate),
  } satisfies StorageManagerLike;
}

const noPage = { window: null, document: null } as const;

describe('persistent storage', () => {
  it('is not asked for on load or by autosave, only after the first explicit save, once', async () => {
    const manager = fakeStorageManager(true);
    const db = freshIndexedDB();
    const storage = await openStorage({
      indexedDB: db.factory,
      IDBKeyRange,
      databaseName: db.name,
      storageManager: manager,
      deps: { now: () => new Date('2026-11-22T09:00:00.000Z') },
    });
    const created = await storage.repositories.applications.create(makeApplication());
    const autosave = storage.createAutosave(storage.repositories.applications, created, noPage);
    autosave.change({ ...created, answers: { 'svc.premises': 'a' } });
    await autosave.flush();
    expect(manager.persist).not.toHaveBeenCalled();

    autosave.change({ ...created, answers: { 'svc.premises': 'b' } });
    await autosave.flush({ durable: true });
    await vi.waitFor(async () => expect((await storage.repositories.settings.get()).persistence).toBe('granted'));
    expect(manager.persist).toHaveBeenCalledTimes(1);
    expect(await storage.repositories.settings.get()).toMatchObject({ persistenceAskedAt: '2026-11-22T09:00:00.000Z' });

    autosave.change({ ...created, answers: { 'svc.premises': 'c' } });
    await autosave.flush({ durable: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(manager.persist).toHaveBeenCalledTimes(1);
    storage.close();
  });

  it('records a refusal, and asks again only when the user asks', async () => {
    const manager = fakeStorageManager(false);
    const { repositories } = memoryBackend();
    const persistence = new Persistence(repositories.settings, { storage: manager });
    expect(await persistence.afterExplicitSave()).toBe('denied');
    expect(await persistence.afterExplicitSave()).toBe('denied');
    expect(manager.persist).toHaveBeenCalledTimes(1);
    manager.persist.mockResolvedValueOnce(true);
    expect(await persistence.request()).toBe('granted');
    expect((await repositories.settings.get()).persistence).toBe('granted');
  });

  it('does not ask when the data is already persisted', async () => {
    const manager = fakeStorageManager(false);
    manager.persisted.mockResolvedValue(true);
    const persistence = new Persistence(memoryBackend().repositories.settings, { storage: manager });
    expect(await persistence.afterExplicitSave()).toBe('granted');
    expect(manager.persist).not.toHaveBeenCalled();
  });

  it('is "unsupported" without a StorageManager, and a failing browser call is "denied"', async () => {
    expect(await new Persistence(memoryBackend().repositories.settings, { storage: null }).afterExplicitSave()).toBe(
      'unsupported',
    );
    const throwing: StorageManagerLike = { persist: () => Promise.reject(new Error('no')) };
    expect(
      await new Persistence(memoryBackend().repositories.settings, { storage: throwing }).afterExplicitSave(),
    ).toBe('denied');
  });

  it('gives the storage-health panel its facts', async () => {
    const { repositories } = memoryBackend();
    await repositories.settings.update({ lastBackupAt: '2026-11-20T09:00:00.000Z' });
    const persistence = new Persistence(repositories.settings, { storage: fakeStorageManager(true) });
    expect(await persistence.health()).toEqual({
      usage: 1_000,
      quota: 100_000_000,
      persistence: 'unknown',
      persistenceAskedAt: undefined,
      lastBackupAt: '2026-11-20T09:00:00.000Z',
    });
    const broken: StorageManagerLike = { estimate: () => Promise.reject(new Error('no')) };
    expect((await new Persistence(repositories.settings, { storage: broken }).health()).usage).toBeUndefined();
  });

  it('feeds the estimate to the evidence check', async () => {
    const db = freshIndexedDB();
    const storage = await openStorage({
      indexedDB: db.factory,
      IDBKeyRange,
      databaseName: db.name,
      storageManager: fakeStorageManager(true, { usage: 99_999_000, quota: 100_000_000 }),
    });
    const error: unknown = await storage.repositories.evidence
      .add({ profileId: 'profile-1', name: 'scan.png', type: 'image/png', questionIds: [] }, new Blob(['png']))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'quota' });
    storage.close();
  });
});
