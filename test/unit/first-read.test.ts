// @vitest-environment node
// The first screen's read (src/storage/first-read.ts), straight from IndexedDB without Dexie, on
// fake-indexeddb: it gives exactly what the repositories give for the same database (summary rows,
// organisation names from the profiles' name index, settings), leaving out what they leave out;
// and it never changes a database: it creates none where there is none, leaves an older one (before
// the name index) to the app's upgrade, gives way to a tab that upgrades, and gives undefined when
// IndexedDB is blocked or broken.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFirstRead, readFirstScreen } from '@/storage/first-read';
import { startFirstRead } from '@/storage/first-read-raw';
import { schemaVersions } from '@/storage/db';
import type { AppStorage } from '@/storage/open-storage';
import {
  at,
  freshIndexedDB,
  IDBKeyRange,
  makeApplication,
  makeProfile,
  openTestStorage,
} from '../helpers/storage-fixtures';

type TestDB = ReturnType<typeof freshIndexedDB>;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

async function open(db: TestDB): Promise<AppStorage> {
  const storage = await openTestStorage(db);
  cleanups.push(() => storage.close());
  return storage;
}

const read = (db: TestDB, persisted?: boolean) =>
  readFirstScreen({
    indexedDB: db.factory,
    databaseName: db.name,
    storage: persisted === undefined ? undefined : { persisted: async () => persisted },
  });

const byId = <T extends { readonly id: string }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('readFirstScreen', () => {
  it('gives what the repositories give, and leaves out what they leave out', async () => {
    const db = freshIndexedDB();
    const storage = await open(db);
    const { repositories } = storage;
    await repositories.profiles.create(makeProfile());
    await repositories.profiles.create(makeProfile({ id: 'profile-2', name: 'Hillside Federation', updatedAt: at(7) }));
    for (const [i, services] of [['msk'], ['podiatry', 'hearing'], []].entries())
      await repositories.applications.create(
        makeApplication({ id: `app-${i}`, services: services as never, updatedAt: at(10 + i) }),
      );
    await repositories.applications.create(makeApplication({ id: 'return', returnFor: { requestId: 'r-1' } }));
    await repositories.settings.update({ lastBackupAt: at(5), persistence: 'granted' });
    // Rows neither reads can use: a summary row that is not one, profiles without a usable name.
    const raw = new Dexie(db.name, { indexedDB: db.factory, IDBKeyRange });
    await raw.open();
    await raw.table('applicationSummaries').put({ id: 'junk', formatVersion: 1, services: 'all' });
    await raw.table('profiles').bulkPut([
      { id: 'no-name', updatedAt: at(1) },
      { id: 'bad-date', name: 'Broken Practice', updatedAt: 'last Tuesday' },
    ]);
    raw.close();

    const first = await read(db, true);
    expect(first).toBeDefined();
    expect(byId(first?.summaries ?? [])).toStrictEqual(byId(await repositories.summaries.list()));
    expect(byId(first?.organisations ?? [])).toStrictEqual(byId(await repositories.summaries.organisations()));
    expect(first?.settings).toStrictEqual(await repositories.settings.get());
    expect(first?.summaries.map((s) => s.id).sort()).toEqual(['app-0', 'app-1', 'app-2', 'return']);
    expect(first?.organisations.map((o) => o.name).sort()).toEqual([
      'Hillside Federation',
      'Riverside Medical Practice',
    ]);
    expect(first?.persisted).toBe(true);
  });

  it('gives the default settings when there are none, and no persistence answer when the browser gives none', async () => {
    const db = freshIndexedDB();
    const storage = await open(db);
    await storage.repositories.applications.create(makeApplication());
    const first = await read(db);
    expect(first?.settings).toStrictEqual(await storage.repositories.settings.get());
    expect(first?.persisted).toBeUndefined();
  });

  it('checks many rows a batch at a time, keeping every readable one in order', async () => {
    const db = freshIndexedDB();
    const storage = await open(db);
    for (let i = 0; i < 120; i += 1)
      await storage.repositories.applications.create(makeApplication({ id: `app-${String(i).padStart(3, '0')}` }));
    const raw = new Dexie(db.name, { indexedDB: db.factory, IDBKeyRange });
    await raw.open();
    await raw.table('applicationSummaries').put({ id: 'app-060-junk', formatVersion: 1 });
    raw.close();
    let yields = 0;
    const first = await checkFirstRead(
      startFirstRead({ indexedDB: db.factory, databaseName: db.name, storage: undefined }),
      async () => {
        yields += 1;
      },
    );
    expect(first?.summaries.map((s) => s.id)).toEqual((await storage.repositories.summaries.list()).map((s) => s.id));
    expect(first?.summaries).toHaveLength(120);
    expect(yields).toBe(2);
  });

  it('creates no database where there is none', async () => {
    const db = freshIndexedDB();
    expect(await read(db)).toBeUndefined();
    expect((await db.factory.databases()).map((d) => d.name)).not.toContain(db.name);
  });

  it('leaves a database from before the name index to the app, unchanged', async () => {
    const db = freshIndexedDB();
    const old = new Dexie(db.name, { indexedDB: db.factory, IDBKeyRange });
    for (const { version, stores } of schemaVersions.filter((v) => v.version <= 5))
      old.version(version).stores({ ...stores });
    await old.open();
    await old.table('profiles').put(makeProfile());
    old.close();
    expect(await read(db)).toBeUndefined();
    const again = new Dexie(db.name, { indexedDB: db.factory, IDBKeyRange });
    await again.open();
    expect(again.verno).toBe(5);
    expect(again.table('profiles').schema.indexes).toEqual([]);
    again.close();
  });

  it('gives way to a tab that upgrades the database while it reads', async () => {
    const db = freshIndexedDB();
    const storage = await open(db);
    await storage.repositories.applications.create(makeApplication());
    storage.close();
    const reading = read(db);
    const upgraded = await new Promise<{ blocked: boolean; version: number }>((resolve, reject) => {
      let blocked = false;
      const request = db.factory.open(db.name, 990);
      request.onblocked = () => (blocked = true);
      request.onsuccess = () => {
        request.result.close();
        resolve({ blocked, version: request.result.version });
      };
      request.onerror = () => reject(request.error);
    });
    expect(upgraded).toEqual({ blocked: false, version: 990 });
    // What it read is either the whole first screen or nothing: never a half.
    const first = await reading;
    if (first) expect(first.summaries.map((s) => s.id)).toEqual(['application-1']);
  });

  it('gives undefined when IndexedDB cannot be used', async () => {
    const refuses = {
      open: () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect(await readFirstScreen({ indexedDB: refuses, storage: undefined })).toBeUndefined();
    const fails = {
      open: () => {
        const request = {} as IDBOpenDBRequest & { onerror: (() => void) | null };
        setTimeout(() => request.onerror?.(), 0);
        return request;
      },
    } as unknown as IDBFactory;
    expect(await readFirstScreen({ indexedDB: fails, storage: undefined })).toBeUndefined();
  });
});
