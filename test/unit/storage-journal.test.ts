// The write-ahead journal: every change is in localStorage at once (before the debounced
// IndexedDB save), it is cleared once saved, and a page that closed before its save ran has the
// change replayed into IndexedDB when the app next opens, never over another tab's later save.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Application } from '@/domain/application/application';
import { mergeRecords } from '@/domain/application/merge-records';
import { StorageFailure, type ApplicationRepository } from '@/domain/ports';
import { Autosave } from '@/storage/autosave';
import { Journal, type JournalStore } from '@/storage/journal';
import { openStorage } from '@/storage/open-storage';
import { makeApplication, makeProfile } from '../helpers/storage-fixtures';

class MemoryStore implements JournalStore {
  readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key = (i: number) => [...this.map.keys()][i] ?? null;
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

let n = 0;
const open = (journalStore: JournalStore) =>
  openStorage({ databaseName: `journal-test-${++n}`, journalStore, storageManager: null, caches: null });

describe('the write-ahead journal', () => {
  it('holds a change synchronously, then clears it once saved', async () => {
    const store = new MemoryStore();
    const storage = await open(store);
    const app = await storage.repositories.applications.create(makeApplication());
    await storage.repositories.profiles.create(makeProfile());
    const autosave = storage.createAutosave(storage.repositories.applications, app);
    autosave.change({ ...app, answers: { ...app.answers, 'com.price': 'yes' } });
    expect(new Journal(store).entries()).toMatchObject([{ kind: 'applications', id: app.id, base: 0 }]);
    await autosave.flush();
    expect(new Journal(store).entries()).toEqual([]);
    storage.close();
  });

  it('replays a change whose save never ran when the app opens again', async () => {
    const store = new MemoryStore();
    const name = `journal-test-${++n}`;
    const first = await openStorage({ databaseName: name, journalStore: store, storageManager: null, caches: null });
    const app = await first.repositories.applications.create(makeApplication());
    const autosave = first.createAutosave(first.repositories.applications, app);
    autosave.change({ ...app, answers: { ...app.answers, 'com.price': 'yes' }, updatedAt: '2026-11-22T09:05:00.000Z' });
    first.close(); // the page is gone before the debounce fires
    const second = await openStorage({ databaseName: name, journalStore: store, storageManager: null, caches: null });
    const stored = await second.repositories.applications.get(app.id);
    expect(stored?.answers['com.price']).toBe('yes');
    expect(stored?.revision).toBe(1);
    expect(new Journal(store).entries()).toEqual([]);
    second.close();
  });

  it('never replays over a later save from another tab', async () => {
    const store = new MemoryStore();
    const name = `journal-test-${++n}`;
    const first = await openStorage({ databaseName: name, journalStore: store, storageManager: null, caches: null });
    const app = await first.repositories.applications.create(makeApplication());
    const older = { ...app, answers: { 'com.price': 'no' }, updatedAt: '2026-11-22T09:01:00.000Z' };
    new Journal(store).write('applications', older, 0);
    await first.repositories.applications.save({
      ...app,
      answers: { 'com.price': 'yes' },
      updatedAt: '2026-11-22T09:02:00.000Z',
    });
    first.close();
    const second = await openStorage({ databaseName: name, journalStore: store, storageManager: null, caches: null });
    expect((await second.repositories.applications.get(app.id))?.answers['com.price']).toBe('yes');
    expect(new Journal(store).entries()).toEqual([]);
    second.close();
  });

  it('drops an unreadable entry without failing to open', async () => {
    const store = new MemoryStore();
    store.setItem('aqp-journal:applications:x', '{"base":0,"record":{"__proto__":{"polluted":1}}}');
    store.setItem('aqp-journal:profiles:y', 'not json');
    const storage = await open(store);
    expect(storage.mode).toBe('indexeddb');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    storage.close();
  });
});

describe('the journal with several tabs', () => {
  const name = () => `journal-tabs-${++n}`;
  const openTab = (databaseName: string, store: JournalStore, live: ReadonlySet<string> | undefined = undefined) =>
    openStorage({ databaseName, journalStore: store, storageManager: null, caches: null, liveTabs: async () => live });

  it('journals each tab under its own key, so one tab’s save never clears another’s entry', async () => {
    const store = new MemoryStore();
    const db = name();
    const a = await openTab(db, store);
    const b = await openTab(db, store);
    const app = await a.repositories.applications.create(makeApplication());
    const inA = a.createAutosave(a.repositories.applications, app, { window: null, document: null });
    const inB = b.createAutosave(b.repositories.applications, app, { window: null, document: null });
    inA.change({ ...app, answers: { 'com.price': 'yes' } });
    inB.change({ ...app, answers: { 'com.price': 'no' } });
    expect(new Journal(store).entries()).toHaveLength(2);
    await inA.flush();
    expect(new Journal(store).entries().map((e) => (e.record as typeof app).answers['com.price'])).toEqual(['no']);
    a.close();
    b.close();
  });

  it('keeps, rather than saves or drops, a change based on a revision another tab has since replaced', async () => {
    const store = new MemoryStore();
    const db = name();
    const first = await openTab(db, store);
    const app = await first.repositories.applications.create(makeApplication());
    await first.repositories.applications.save({
      ...app,
      answers: { 'com.price': 'yes' },
      updatedAt: '2026-11-22T09:01:00.000Z',
    });
    const changed: Application = { ...app, answers: { 'com.price': 'no' }, updatedAt: '2026-11-22T09:05:00.000Z' };
    new Journal(store, 'closed-tab').write('applications', changed, 0);
    first.close();
    const second = await openTab(db, store);
    expect((await second.repositories.applications.get(app.id))?.answers['com.price']).toBe('yes');
    expect(
      (await second.repositories.keptVersions.list()).map((k) => [k.reason, k.record.answers['com.price']]),
    ).toEqual([['closed-tab', 'no']]);
    expect(new Journal(store).entries()).toEqual([]);
    second.close();
  });

  it('leaves the entries of tabs still open to them', async () => {
    const store = new MemoryStore();
    const db = name();
    const first = await openTab(db, store);
    const app = await first.repositories.applications.create(makeApplication());
    const changed: Application = { ...app, answers: { 'com.price': 'yes' } };
    new Journal(store, 'open-tab').write('applications', changed, 0);
    first.close();
    const second = await openTab(db, store, new Set(['open-tab']));
    expect((await second.repositories.applications.get(app.id))?.answers['com.price']).toBeUndefined();
    expect(new Journal(store).entries()).toHaveLength(1);
    second.close();
  });

  it('still journals after the tab stopped writing, for the newer version to save', async () => {
    const store = new MemoryStore();
    const storage = await openTab(name(), store);
    const app = await storage.repositories.applications.create(makeApplication());
    const autosave = storage.createAutosave(storage.repositories.applications, app, { window: null, document: null });
    autosave.stop(new StorageFailure('version-change', 'A newer version took over.'));
    autosave.change({ ...app, answers: { 'com.price': 'yes' } });
    expect(new Journal(store).entries()).toMatchObject([{ base: 0, record: { answers: { 'com.price': 'yes' } } }]);
    expect((await storage.repositories.applications.get(app.id))?.answers['com.price']).toBeUndefined();
    storage.close();
  });
});

describe('the journal and a merge with another tab', () => {
  it('loses nothing when the tab is killed after it merged and before the merged version was saved', async () => {
    const store = new MemoryStore();
    const databaseName = `journal-merge-${++n}`;
    const openTab = () =>
      openStorage({
        databaseName,
        journalStore: store,
        storageManager: null,
        caches: null,
        liveTabs: async () => undefined,
      });
    const a = await openTab();
    const app = await a.repositories.applications.create(makeApplication());
    const inA = a.createAutosave(a.repositories.applications, app, { window: null, document: null });
    inA.change({ ...app, answers: { 'com.price': 'yes' }, updatedAt: '2026-11-22T09:01:00.000Z' });
    await inA.flush();
    // Tab B, as the storage makes it (journal and merge), on its old copy; its first save meets
    // tab A's and merges; the tab is killed then: the merged version's save never completes.
    const journal = new Journal(store, 'tab-b');
    let saves = 0;
    const killedAfterMerge: Pick<ApplicationRepository, 'save'> = {
      save: (record, options) =>
        ++saves === 1 ? a.repositories.applications.save(record, options) : new Promise(() => undefined),
    };
    const inB = new Autosave(killedAfterMerge, app, {
      window: null,
      document: null,
      journal: {
        write: (record, base) => journal.write('applications', record as Application, base),
        clear: () => journal.clear('applications', app.id),
      },
      merge: mergeRecords<Application>,
    });
    const merged: unknown[] = [];
    inB.onMerged((m) => merged.push(m.theirs.revision));
    inB.change({ ...app, answers: { 'com.waiting': '14' }, updatedAt: '2026-11-22T09:02:00.000Z' });
    void inB.flush();
    await expect.poll(() => saves).toBe(2);
    expect(merged).toEqual([1]);
    expect(new Journal(store).entries()).toMatchObject([{ kind: 'applications', id: app.id, base: 1 }]);
    expect((await a.repositories.applications.get(app.id))?.answers).toEqual({ 'com.price': 'yes' });
    a.close();
    // The next start replays the merged version onto tab A's save: both answers, nothing set aside.
    const next = await openTab();
    expect((await next.repositories.applications.get(app.id))?.answers).toEqual({
      'com.price': 'yes',
      'com.waiting': '14',
    });
    expect(await next.repositories.keptVersions.list()).toEqual([]);
    expect(new Journal(store).entries()).toEqual([]);
    next.close();
  });
});
