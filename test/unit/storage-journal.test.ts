// The write-ahead journal: every change is in localStorage at once (before the debounced
// IndexedDB save), it is cleared once saved, and a page that closed before its save ran has the
// change replayed into IndexedDB when the app next opens, never over another tab's later save.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
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
