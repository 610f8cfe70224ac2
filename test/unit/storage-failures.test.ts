// @vitest-environment node
// Each storage failure the issue names, simulated on fake-indexeddb: storage full (both shapes the
// browsers use), IndexedDB unavailable (missing, refused, failing, hanging), a lost connection,
// and records that cannot be read. Each is told plainly, and nothing already saved is harmed.
import Dexie from 'dexie';
import { forceCloseDatabase, IDBDatabase, IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Application } from '@/domain/application/application';
import { StorageFailure } from '@/domain/ports';
import { isConnectionLost, isQuotaError, toStorageFailure } from '@/storage/errors';
import { openStorage, type AppStorage } from '@/storage/open-storage';
import { dexieBackend, freshIndexedDB, IDBKeyRange, makeApplication, makeProfile } from '../helpers/storage-fixtures';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

afterEach(() => vi.restoreAllMocks());

describe('errors are mapped to plain-English failures', () => {
  it.each([
    ['QuotaExceededError itself', quotaError()],
    ["Dexie's AbortError with an inner QuotaExceededError", new Dexie.AbortError('Transaction aborted', quotaError())],
    ['a wrapped cause', new Error('write failed', { cause: new Dexie.AbortError('aborted', quotaError()) })],
    ["Firefox's old name", new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED')],
  ])('storage full: %s', (_shape, error) => {
    expect(isQuotaError(error)).toBe(true);
    const failure = toStorageFailure(error);
    expect(failure.kind).toBe('quota');
    expect(failure.message).toMatch(/run out of space/);
    expect(failure.message).toMatch(/Everything saved before is safe/);
    expect(failure.message).toMatch(/Download a backup/);
    expect(failure.cause).toBe(error);
  });

  it.each([
    [new Dexie.MissingAPIError('no indexedDB'), 'unavailable'],
    [new Dexie.OpenFailedError(new DOMException('x', 'InvalidStateError')), 'unavailable'],
    [new DOMException('The operation is insecure.', 'SecurityError'), 'unavailable'],
    [new DOMException('bad', 'DataCloneError'), 'invalid'],
    [new TypeError('boom'), 'unknown'],
    ['a string', 'unknown'],
    [null, 'unknown'],
  ])('%s is %s', (error, kind) => {
    expect(toStorageFailure(error).kind).toBe(kind);
  });

  it('passes a StorageFailure through unchanged', () => {
    const failure = new StorageFailure('conflict', 'x');
    expect(toStorageFailure(failure)).toBe(failure);
  });

  it('recognises a lost connection', () => {
    expect(isConnectionLost(new Dexie.DatabaseClosedError())).toBe(true);
    expect(isConnectionLost(new DOMException('The database connection is closing.', 'InvalidStateError'))).toBe(true);
    expect(
      isConnectionLost(
        new DOMException('Connection to Indexed Database server lost. Refresh the page to try again', 'UnknownError'),
      ),
    ).toBe(true);
    expect(isConnectionLost(quotaError())).toBe(false);
  });
});

/** Makes the next puts fail the way a full disk does: on the request, or by aborting the transaction. */
function simulateQuota(shape: 'request' | 'abort') {
  const put = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
    if (shape === 'request') throw quotaError();
    // Chrome checks the quota when the transaction commits: the request succeeds, then the
    // transaction aborts with QuotaExceededError, which Dexie reports as AbortError + inner.
    const request = put.call(this, value, key);
    const transaction = this.transaction;
    request.addEventListener('success', () =>
      Reflect.apply(Reflect.get(transaction, '_abort'), transaction, ['QuotaExceededError']),
    );
    return request;
  });
}

describe('storage full', () => {
  it.each(['request', 'abort'] as const)('(%s) rejects with a quota failure and harms nothing saved', async (shape) => {
    const { repositories, connection } = dexieBackend();
    const created = await repositories.applications.create(makeApplication());
    const saved = await repositories.applications.save({ ...created, answers: { 'svc.premises': 'kept' } });
    if (!saved.ok) throw new Error('setup');
    simulateQuota(shape);
    const error: unknown = await repositories.applications
      .save({ ...saved.record, answers: { 'svc.premises': 'too much' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFailure);
    expect(error).toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    expect(await repositories.applications.get(created.id)).toEqual(saved.record);
    connection.close();
  });

  it('shows in autosave as failed with the reason, and a backup can still be downloaded with the unsaved work', async () => {
    const { factory, name } = freshIndexedDB();
    const storage = await openStorage({ indexedDB: factory, IDBKeyRange, databaseName: name, storageManager: null });
    await storage.repositories.profiles.create(makeProfile());
    const created = await storage.repositories.applications.create(makeApplication());
    const autosave = storage.createAutosave(storage.repositories.applications, created, {
      window: null,
      document: null,
    });
    simulateQuota('abort');
    autosave.change({ ...created, answers: { 'svc.premises': 'typed while the disk was full' } });
    const state = await autosave.flush();
    expect(state).toMatchObject({ kind: 'failed', failure: { kind: 'quota' } });
    const unsaved = autosave.unsaved;
    expect(unsaved?.answers['svc.premises']).toBe('typed while the disk was full');
    const backup = await storage.exportBackup({ scope: { kind: 'all' }, unsaved: unsaved ? [unsaved] : [] });
    expect(backup.ok).toBe(true);
    if (backup.ok) expect(backup.text).toContain('typed while the disk was full');
    vi.restoreAllMocks();
    expect(await storage.repositories.applications.get(created.id)).toEqual(created);
    expect((await autosave.flush()).kind).toBe('saved');
    storage.close();
  });
});

class FailingOpenRequest extends EventTarget {
  readyState = 'pending';
  result = undefined;
  source = null;
  transaction = null;
  onsuccess: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onupgradeneeded: ((event: Event) => void) | null = null;
  onblocked: ((event: Event) => void) | null = null;
  constructor(readonly error: DOMException | undefined) {
    super();
    this.addEventListener('error', (event) => this.onerror?.(event));
    if (error) {
      setTimeout(() => {
        this.readyState = 'done';
        this.dispatchEvent(new Event('error', { cancelable: true }));
      }, 0);
    }
  }
}

/** A browser whose IndexedDB refuses (throws), fails (private window, damaged files) or never answers. */
class BrokenFactory extends IDBFactory {
  constructor(private readonly how: 'throws' | 'fails' | 'hangs') {
    super();
  }
  override open(): IDBOpenDBRequest {
    if (this.how === 'throws') throw new DOMException('The operation is insecure.', 'SecurityError');
    const error =
      this.how === 'fails'
        ? new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError')
        : undefined;
    return new FailingOpenRequest(error) as unknown as IDBOpenDBRequest;
  }
}

describe('IndexedDB unavailable', () => {
  const cases: readonly [string, () => Promise<AppStorage>][] = [
    ['there is no IndexedDB (some private windows)', () => openStorage({ indexedDB: null, storageManager: null })],
    [
      'opening throws (storage blocked for the site)',
      () => openStorage({ indexedDB: new BrokenFactory('throws'), IDBKeyRange, storageManager: null }),
    ],
    [
      'opening fails (damaged, or a private window)',
      () => openStorage({ indexedDB: new BrokenFactory('fails'), IDBKeyRange, storageManager: null }),
    ],
    [
      'opening never finishes (blocked)',
      () =>
        openStorage({ indexedDB: new BrokenFactory('hangs'), IDBKeyRange, storageManager: null, openTimeoutMs: 50 }),
    ],
  ];

  it.each(cases)('when %s, the app works in memory with a lasting warning', async (_case, open) => {
    const storage = await open();
    expect(storage.mode).toBe('memory');
    expect(storage.warning?.kind).toBe('unavailable');
    expect(storage.warning?.message).toMatch(/private or incognito windows/);
    expect(storage.warning?.message).toMatch(/download a backup/);
    const { repositories } = storage;
    await repositories.profiles.create(makeProfile());
    const created = await repositories.applications.create(makeApplication());
    expect((await repositories.applications.save(created)).ok).toBe(true);
    const backup = await storage.exportBackup({ scope: { kind: 'all' } });
    expect(backup.ok).toBe(true);
  });
});

describe('a lost connection', () => {
  it('is reopened and the save retried when the app closed it', async () => {
    const { repositories, connection } = dexieBackend();
    const created = await repositories.applications.create(makeApplication());
    connection.db.close();
    expect((await repositories.applications.save(created)).ok).toBe(true);
    connection.close();
  });

  it('is reopened when the browser closed it (sleep and wake, cleared data)', async () => {
    const { repositories, connection } = dexieBackend();
    const created = await repositories.applications.create(makeApplication());
    await connection.db.open();
    forceCloseDatabase(connection.db.backendDB() as unknown as typeof IDBDatabase);
    expect((await repositories.applications.save(created)).ok).toBe(true);
    expect((await repositories.applications.get(created.id))?.revision).toBe(1);
    connection.close();
  });

  it('retries exactly once when the backend connection is lost, then reports the failure', async () => {
    const { repositories, connection } = dexieBackend();
    const created = await repositories.applications.create(makeApplication());
    // Dexie binds the connection's transaction() when it opens: spy first, open, then fail.
    const original = IDBDatabase.prototype.transaction;
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await connection.db.open();
    transaction.mockClear();
    const lost = () =>
      new DOMException('Connection to Indexed Database server lost. Refresh the page to try again', 'UnknownError');
    transaction.mockImplementationOnce(() => {
      throw lost();
    });
    expect((await repositories.applications.save(created)).ok).toBe(true);
    expect(transaction).toHaveBeenCalledTimes(2);
    transaction.mockImplementation(() => {
      throw lost();
    });
    const error: unknown = await repositories.applications.get(created.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unknown' });
    transaction.mockImplementation(original); // the connection holds the spy itself
    expect((await repositories.applications.get(created.id))?.revision).toBe(1);
    connection.close();
  });
});

describe('every read goes through restore', () => {
  it('leaves out and refuses records that cannot be read, without touching them', async () => {
    const { repositories, connection } = dexieBackend();
    const good = await repositories.applications.create(makeApplication());
    const broken = { ...makeApplication({ id: 'broken' }), status: 'lost' };
    const newer = { ...makeApplication({ id: 'newer' }), formatVersion: 99 };
    await connection.db.applications.bulkPut([broken, newer]);
    expect(await repositories.applications.list()).toEqual([good]);
    const error: unknown = await repositories.applications.get('broken').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid' });
    expect(String(Reflect.get(Object(error), 'message'))).toMatch(/"status"/);
    const newerError: unknown = await repositories.applications
      .save(makeApplication({ id: 'newer' }))
      .catch((e: unknown) => e);
    expect(String(Reflect.get(Object(newerError), 'message'))).toMatch(/newer version of this app/);
    expect(await connection.db.applications.get('newer')).toEqual(newer);
    connection.close();
  });

  it('restores what the browser hands back as a fresh object each time', async () => {
    const { repositories, connection } = dexieBackend();
    const created: Application = await repositories.applications.create(makeApplication());
    const a = await repositories.applications.get(created.id);
    const b = await repositories.applications.get(created.id);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    connection.close();
  });
});
