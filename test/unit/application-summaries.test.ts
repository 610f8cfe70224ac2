// @vitest-environment node
// The "Your applications" summary rows (issue 13): whatever path saves an application (create,
// autosave, a save that conflicts, a backup import, a kept version used instead, delete and undo,
// marking sections complete, recording an export, removing all data), the rows in
// `applicationSummaries` are exactly `summariseApplication` of the applications that can be read;
// a raw value that is not an application leaves no row; the schema-5 upgrade fills the table from
// an older database without touching its records, once; the memory backend lists the same; and
// `summaries.organisations()` gives each readable organisation's id, name and last change.
// (Node environment: real Blob bytes and WebCrypto for the backup round trip.)
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Application } from '@/domain/application/application';
import {
  ApplicationSummarySchema,
  organisationNames,
  summariseApplication,
  type ApplicationSummary,
} from '@/domain/application/application-summary';
import { restoreApplication } from '@/domain/application/restore';
import { recordExport } from '@/domain/application/standing';
import type { Repositories } from '@/domain/ports';
import { exportBackup } from '@/storage/backup';
import { importBackup, readBackup } from '@/storage/backup-import';
import { AppDatabase, latestSchemaVersion, schemaVersions } from '@/storage/db';
import type { AppStorage } from '@/storage/open-storage';
import type { StorageDeps } from '@/storage/record-helpers';
import {
  at,
  dexieBackend,
  freshIndexedDB,
  IDBKeyRange,
  makeApplication,
  makeProfile,
  memoryBackend,
  openTestStorage,
  testDeps,
} from '../helpers/storage-fixtures';

type TestDB = ReturnType<typeof freshIndexedDB>;

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  vi.restoreAllMocks();
});

/** The app's storage on a fake IndexedDB, opened as the app opens it (no journal, no caches). */
async function open(db: TestDB, deps: Partial<StorageDeps> = testDeps()): Promise<AppStorage> {
  const storage = await openTestStorage(db, deps);
  expect(storage.mode).toBe('indexeddb');
  cleanups.push(() => storage.close());
  return storage;
}

/** A table's rows exactly as stored, read through a plain Dexie (no middleware, no restore). */
async function rawRows(db: TestDB, table: string): Promise<unknown[]> {
  const plain = new Dexie(db.name, { indexedDB: db.factory, IDBKeyRange });
  await plain.open();
  try {
    return await plain.table(table).toArray();
  } finally {
    plain.close();
  }
}

const byId = <T extends { readonly id: string }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const idsOf = (rows: readonly unknown[]): string[] => rows.map((row) => String((row as { id?: unknown }).id)).sort();

/**
 * The invariant: the listed summaries are exactly those of the applications that can be read
 * (same set, deep-equal), and, when the raw database is given, the table holds no other row.
 */
async function expectInStep(repositories: Repositories, db?: TestDB): Promise<ApplicationSummary[]> {
  const listed = byId(await repositories.summaries.list());
  const expected = byId((await repositories.applications.list()).map(summariseApplication));
  expect(listed).toStrictEqual(expected);
  if (db) expect(idsOf(await rawRows(db, 'applicationSummaries'))).toEqual(expected.map((s) => s.id));
  return listed;
}

const summaryOf = async (repositories: Repositories, id: string) =>
  (await repositories.summaries.list()).find((s) => s.id === id);

const localQuestions = [{ id: 'parking', type: 'yesno', label: 'Is there parking for patients?' }] as const;

/** A few applications that differ in everything a summary shows. */
function variedApplications(): Application[] {
  return [
    makeApplication({ id: 'app-a' }),
    makeApplication({
      id: 'app-b',
      services: ['podiatry', 'hearing'],
      advert: {
        commissioner: 'NHS South Riverside ICB',
        reference: 'POD-2026-07',
        closingDate: '2027-01-15',
        serviceStart: '2027-04-01',
        localQuestions: [...localQuestions],
      },
      completedSections: ['organisation', 'service-podiatry', 'service-msk', 'local'],
      updatedAt: at(5),
      revision: 3,
    }),
    makeApplication({
      id: 'app-c',
      profileId: 'profile-2',
      status: 'exported',
      exportedAt: at(9),
      exportedRevision: 2,
      revision: 2,
      returnFor: { requestId: 'request-1' },
    }),
  ];
}

describe('the summary never disagrees with the record (Dexie, every path that saves)', () => {
  it('creates: one row per application, deep-equal to summariseApplication', async () => {
    const db = freshIndexedDB();
    const { repositories } = await open(db);
    expect(await expectInStep(repositories, db)).toEqual([]);
    for (const app of variedApplications()) await repositories.applications.create(app);
    const listed = await expectInStep(repositories, db);
    expect(listed.map((s) => s.id)).toEqual(['app-a', 'app-b', 'app-c']);
    // The rows hold what the list shows, and only that (no answers).
    const b = listed[1];
    expect(b).toStrictEqual({
      formatVersion: 1,
      id: 'app-b',
      profileId: 'profile-1',
      services: ['podiatry', 'hearing'],
      advert: {
        commissioner: 'NHS South Riverside ICB',
        reference: 'POD-2026-07',
        closingDate: '2027-01-15',
        serviceStart: '2027-04-01',
      },
      status: 'draft',
      // 14 common + podiatry + hearing + conflicts + declaration + local; msk is not chosen.
      progress: { completed: 3, total: 19 },
      isReturn: false,
      createdAt: at(0),
      updatedAt: at(5),
      revision: 0,
    });
    expect(listed[2]).toMatchObject({ isReturn: true, status: 'exported', exportedAt: at(9), exportedRevision: 2 });
    for (const row of await rawRows(db, 'applicationSummaries')) {
      expect(ApplicationSummarySchema.safeParse(row).success).toBe(true);
      expect(row).not.toHaveProperty('answers');
    }
  });

  it('autosaves several changes, then flushes: the row is the last saved version', async () => {
    const db = freshIndexedDB();
    const storage = await open(db);
    const { repositories } = storage;
    await repositories.applications.create(makeApplication({ id: 'other' }));
    const created = await repositories.applications.create(makeApplication());
    const autosave = storage.createAutosave(repositories.applications, created, { window: null, document: null });
    cleanups.push(() => void autosave.dispose());
    let current = created;
    const change = (patch: Partial<Application>) => {
      current = { ...current, ...patch };
      autosave.change(current);
    };
    change({ answers: { 'svc.premises': 'first floor' }, updatedAt: at(10) });
    change({ services: ['msk', 'wheelchairs'], updatedAt: at(11) });
    change({ advert: { commissioner: 'NHS West ICB', reference: 'MSK-9', closingDate: '2027-02-01' } });
    change({ completedSections: ['governance', 'service-wheelchairs'], updatedAt: at(12) });
    const state = await autosave.flush();
    expect(state.kind).toBe('saved');
    const listed = await expectInStep(repositories, db);
    expect(listed.find((s) => s.id === created.id)).toMatchObject({
      services: ['msk', 'wheelchairs'],
      advert: { commissioner: 'NHS West ICB', reference: 'MSK-9', closingDate: '2027-02-01' },
      progress: { completed: 2, total: 18 },
      updatedAt: at(12),
      revision: 1,
    });

    change({ services: ['wheelchairs'], updatedAt: at(13) });
    expect((await autosave.flush({ durable: true })).kind).toBe('saved');
    expect(await summaryOf(repositories, created.id)).toMatchObject({
      services: ['wheelchairs'],
      progress: { completed: 2, total: 17 },
      revision: 2,
    });
    await expectInStep(repositories, db);
  });

  it('a save that conflicts writes nothing: the row stays the stored version', async () => {
    const db = freshIndexedDB();
    const { repositories } = await open(db);
    const created = await repositories.applications.create(makeApplication());
    const first = await repositories.applications.save({ ...created, services: ['hearing'], updatedAt: at(20) });
    expect(first.ok).toBe(true);
    const before = await expectInStep(repositories, db);
    const stale = await repositories.applications.save({
      ...created,
      services: ['podiatry', 'continence'],
      completedSections: ['organisation'],
      updatedAt: at(25),
    });
    expect(stale.ok).toBe(false);
    const after = await expectInStep(repositories, db);
    expect(after).toStrictEqual(before);
    expect(after[0]).toMatchObject({ services: ['hearing'], revision: 1, updatedAt: at(20) });
  });

  it('imports a backup, adding new applications and replacing (or keeping beside) existing ones', async () => {
    const source = await open(freshIndexedDB());
    await source.repositories.profiles.create(makeProfile());
    await source.repositories.applications.create(makeApplication({ id: 'shared', services: ['diagnostics'] }));
    await source.repositories.applications.create(
      makeApplication({ id: 'new-one', completedSections: ['organisation', 'registrations'] }),
    );
    const exported = await source.exportBackup({ scope: { kind: 'all' } });
    if (!exported.ok) throw new Error(exported.message);
    await expectInStep(source.repositories);

    const db = freshIndexedDB();
    const target = await open(db);
    await target.repositories.applications.create(makeApplication({ id: 'shared', services: ['msk'] }));
    await target.repositories.applications.create(makeApplication({ id: 'local-only' }));
    // An unreadable record under an id the backup brings: replaced by the import, now listed.
    const raw = new AppDatabase({ name: db.name, indexedDB: db.factory, IDBKeyRange });
    cleanups.push(() => raw.close());
    await raw.applications.put({ id: 'new-one', broken: true });
    await expectInStep(target.repositories, db);

    const read = await target.readBackup(exported.text);
    if (!read.ok) throw new Error(read.message);
    const replaced = await target.importBackup(read.backup, { onExisting: 'replace' });
    if (!replaced.ok) throw new Error(replaced.message);
    expect(replaced.report).toMatchObject({ added: 0, replaced: 2 });
    const listed = await expectInStep(target.repositories, db);
    expect(listed.map((s) => s.id)).toEqual(['local-only', 'new-one', 'shared']);
    expect(listed.find((s) => s.id === 'shared')).toMatchObject({ services: ['diagnostics'], revision: 1 });
    expect(listed.find((s) => s.id === 'new-one')?.progress.completed).toBe(2);

    // The same backup again, kept beside the (now changed) existing ones under new ids.
    const edited = await target.repositories.applications.get('shared');
    if (!edited) throw new Error('setup');
    expect((await target.repositories.applications.save({ ...edited, services: ['podiatry'] })).ok).toBe(true);
    const both = await target.importBackup(read.backup, { onExisting: 'keep-both' });
    if (!both.ok) throw new Error(both.message);
    expect(both.report.keptBoth).toBe(1);
    const after = await expectInStep(target.repositories, db);
    expect(after).toHaveLength(4);
    const copy = after.find((s) => !['local-only', 'new-one', 'shared'].includes(s.id));
    expect(copy).toMatchObject({ services: ['diagnostics'], revision: 0 });

    // Into an empty database: every application is new.
    const emptyDb = freshIndexedDB();
    const empty = await open(emptyDb);
    const added = await empty.importBackup(read.backup, { onExisting: 'replace' });
    if (!added.ok) throw new Error(added.message);
    expect(added.report).toMatchObject({ added: 2, replaced: 0 });
    expect((await expectInStep(empty.repositories, emptyDb)).map((s) => s.id)).toEqual(['new-one', 'shared']);
  });

  it('a kept version used instead becomes the row (and the one it replaced is kept, not listed)', async () => {
    const db = freshIndexedDB();
    const { repositories } = await open(db);
    const created = await repositories.applications.create(makeApplication());
    const saved = await repositories.applications.save({ ...created, services: ['hearing'], updatedAt: at(20) });
    if (!saved.ok) throw new Error('setup');
    const kept = await repositories.keptVersions.keep(
      {
        kind: 'application',
        record: { ...created, services: ['podiatry', 'msk'], completedSections: ['service-podiatry'] },
      },
      'other-tab',
    );
    await expectInStep(repositories, db);
    expect((await summaryOf(repositories, created.id))?.services).toEqual(['hearing']);

    await repositories.keptVersions.useInstead(kept.id);
    const listed = await expectInStep(repositories, db);
    expect(listed).toHaveLength(1);
    // testDeps' clock: the swap dates the record now.
    expect(listed[0]).toMatchObject({
      services: ['podiatry', 'msk'],
      progress: { completed: 1, total: 18 },
      revision: 2,
      updatedAt: at(30),
    });
    const replaced = await repositories.keptVersions.list();
    expect(replaced.map((k) => k.reason)).toEqual(['replaced']);

    // And back again: the replaced version used instead in turn.
    const [back] = replaced;
    if (!back) throw new Error('no kept version');
    await repositories.keptVersions.useInstead(back.id);
    expect((await expectInStep(repositories, db))[0]).toMatchObject({ services: ['hearing'], revision: 3 });
  });

  it('kept versions of an application for which no record is stored add its row when used', async () => {
    const db = freshIndexedDB();
    const { repositories } = await open(db);
    const kept = await repositories.keptVersions.keep(
      { kind: 'application', record: makeApplication({ id: 'came-back' }) },
      'closed-tab',
    );
    expect(await expectInStep(repositories, db)).toEqual([]);
    await repositories.keptVersions.useInstead(kept.id);
    expect((await expectInStep(repositories, db)).map((s) => s.id)).toEqual(['came-back']);
  });

  it('delete removes the row; undo (restore) brings back exactly the row there was', async () => {
    const db = freshIndexedDB();
    const { repositories } = await open(db);
    for (const app of variedApplications()) await repositories.applications.create(app);
    const stored = await repositories.applications.get('app-b');
    if (!stored) throw new Error('setup');
    const saved = await repositories.applications.save({ ...stored, completedSections: ['organisation'] });
    if (!saved.ok) throw new Error('setup');
    const before = await expectInStep(repositories, db);
    const record = await repositories.applications.get('app-b');
    if (!record) throw new Error('setup');

    await repositories.applications.delete('app-b');
    const afterDelete = await expectInStep(repositories, db);
    expect(afterDelete.map((s) => s.id)).toEqual(['app-a', 'app-c']);

    await repositories.applications.restore(record);
    expect(await expectInStep(repositories, db)).toStrictEqual(before);

    // Deleting what is not there changes nothing.
    await repositories.applications.delete('missing');
    expect(await expectInStep(repositories, db)).toStrictEqual(before);
  });

  it('marking sections complete (and not) changes the row’s progress', async () => {
    const db = freshIndexedDB();
    const { repositories } = await open(db);
    let app = await repositories.applications.create(makeApplication({ services: ['msk', 'podiatry'] }));
    expect((await summaryOf(repositories, app.id))?.progress).toEqual({ completed: 0, total: 18 });
    const steps: [string[], number][] = [
      [['organisation'], 1],
      [['organisation', 'service-msk', 'declaration'], 3],
      // A section of a service not chosen is not counted.
      [['organisation', 'service-msk', 'declaration', 'service-hearing'], 3],
      [['service-msk'], 1],
      [[], 0],
    ];
    for (const [completedSections, completed] of steps) {
      const result = await repositories.applications.save({ ...app, completedSections });
      if (!result.ok) throw new Error('conflict');
      app = result.record;
      await expectInStep(repositories, db);
      expect((await summaryOf(repositories, app.id))?.progress).toEqual({ completed, total: 18 });
    }
  });

  it('recording an export sets the row’s status and export facts; a backup export changes no row', async () => {
    const db = freshIndexedDB();
    const storage = await open(db);
    const { repositories } = storage;
    await repositories.profiles.create(makeProfile());
    const created = await repositories.applications.create(makeApplication());
    expect(await summaryOf(repositories, created.id)).not.toHaveProperty('exportedAt');
    const result = await repositories.applications.save(recordExport(created, at(40), created.revision + 1));
    if (!result.ok) throw new Error('conflict');
    await expectInStep(repositories, db);
    expect(await summaryOf(repositories, created.id)).toMatchObject({
      status: 'exported',
      exportedAt: at(40),
      exportedRevision: 1,
      revision: 1,
    });
    const before = await rawRows(db, 'applicationSummaries');
    const backup = await storage.exportBackup({ scope: { kind: 'all' } });
    expect(backup.ok).toBe(true);
    expect(await rawRows(db, 'applicationSummaries')).toStrictEqual(before);
    await expectInStep(repositories, db);
  });

  it('tells summary subscribers when an application is saved', async () => {
    const { repositories } = await open(freshIndexedDB());
    const listener = vi.fn();
    const unsubscribe = repositories.summaries.subscribe(listener);
    cleanups.push(unsubscribe);
    const created = await repositories.applications.create(makeApplication());
    await vi.waitFor(() => expect(listener).toHaveBeenCalled());
    listener.mockClear();
    await repositories.applications.save({ ...created, services: ['hearing'] });
    await vi.waitFor(() => expect(listener).toHaveBeenCalled());
  });

  it('removing all data leaves no rows', async () => {
    const db = freshIndexedDB();
    const storage = await open(db);
    for (const app of variedApplications()) await storage.repositories.applications.create(app);
    expect(await expectInStep(storage.repositories, db)).toHaveLength(3);
    expect(await storage.removeAllData()).toEqual({ ok: true });
    expect((await db.factory.databases()).map((d) => d.name)).not.toContain(db.name);
    const again = await open(db);
    expect(await again.repositories.summaries.list()).toEqual([]);
    expect(await rawRows(db, 'applicationSummaries')).toEqual([]);
    expect(await rawRows(db, 'applications')).toEqual([]);
    await expectInStep(again.repositories, db);
  });
});

describe('a raw value that is not an application leaves no row', () => {
  async function rawDatabase() {
    const db = freshIndexedDB();
    const storage = await open(db);
    const raw = new AppDatabase({ name: db.name, indexedDB: db.factory, IDBKeyRange });
    cleanups.push(() => raw.close());
    return { db, repositories: storage.repositories, raw };
  }

  it('garbage written directly has no row, and written over an application removes its row', async () => {
    const { db, repositories, raw } = await rawDatabase();
    await repositories.applications.create(makeApplication({ id: 'kept' }));
    await repositories.applications.create(makeApplication({ id: 'overwritten' }));
    expect(idsOf(await rawRows(db, 'applicationSummaries'))).toEqual(['kept', 'overwritten']);

    await raw.applications.put({ id: 'garbage', hello: 'world' });
    await raw.applications.put({ id: 'overwritten', advert: null, services: 'all of them' });
    await raw.applications.bulkPut([{ id: 'numbers', services: 42 }, makeApplication({ id: 'bulk-valid' })]);
    await raw.applications.add({ id: 'added', profileId: 7 });

    expect(idsOf(await rawRows(db, 'applicationSummaries'))).toEqual(['bulk-valid', 'kept']);
    expect(idsOf(await rawRows(db, 'applications'))).toEqual([
      'added',
      'bulk-valid',
      'garbage',
      'kept',
      'numbers',
      'overwritten',
    ]);
    await expectInStep(repositories, db);

    // Deleting garbage through the middleware, and clearing the table, keep the rows in step.
    await raw.applications.delete('garbage');
    await raw.applications.bulkDelete(['numbers', 'kept']);
    expect(idsOf(await rawRows(db, 'applicationSummaries'))).toEqual(['bulk-valid']);
    await raw.applications.clear();
    expect(await rawRows(db, 'applicationSummaries')).toEqual([]);
    await expectInStep(repositories, db);
  });

  const nearApplications: readonly [string, Record<string, unknown> & { readonly id: string }][] = [
    ['a newer format version', { ...makeApplication({ id: 'newer' }), formatVersion: 2 }],
    ['an unknown field', { ...makeApplication({ id: 'unknown-field' }), colour: 'red' }],
    ['an answer of no known shape', { ...makeApplication({ id: 'bad-answer' }), answers: { q: { weird: true } } }],
    ['no checklist edition', { ...makeApplication({ id: 'no-edition' }), checklistEdition: undefined }],
  ];

  it.each(nearApplications)('a near-application (%s) cannot be opened, yet makes a valid summary', (_name, value) => {
    // Why the case below matters: the repositories refuse it, and so must the list.
    expect(restoreApplication(value).ok).toBe(false);
    expect(ApplicationSummarySchema.safeParse(summariseApplication(value as Application)).success).toBe(true);
  });

  // A value shaped enough like an application to summarise, but which restore refuses, gets no row:
  // the list never shows an application that cannot be opened (as fillSummaries, which restores).
  it.each(nearApplications)('a near-application (%s) written directly has no row', async (_name, value) => {
    const { db, repositories, raw } = await rawDatabase();
    await raw.applications.put(value);
    expect(await repositories.applications.list()).toEqual([]);
    expect(idsOf(await rawRows(db, 'applications'))).toEqual([value.id]);
    expect(await rawRows(db, 'applicationSummaries')).toEqual([]);
  });
});

describe('migration to schema 5', () => {
  /** A database made by a build that knew schema versions 1 to `upTo`. */
  async function previousSchema(db: TestDB, upTo: number, records: readonly unknown[]): Promise<void> {
    const old = new Dexie(db.name, { indexedDB: db.factory, IDBKeyRange });
    for (const { version, stores } of schemaVersions.filter((v) => v.version <= upTo))
      old.version(version).stores({ ...stores });
    await old.open();
    expect(old.tables.map((t) => t.name)).not.toContain('applicationSummaries');
    await old.table('profiles').put(makeProfile());
    await old.table('applications').bulkPut([...records]);
    old.close();
  }

  const unreadable = { id: 'unreadable', formatVersion: 1, services: 'not a list', answers: 'lost?' };
  const newer = { ...makeApplication({ id: 'from-a-newer-build' }), formatVersion: 2 };

  it.each([4, 1])(
    'fills one row per readable application from a version-%i database, leaving records untouched',
    async (upTo) => {
      expect(latestSchemaVersion).toBe(6);
      const db = freshIndexedDB();
      const valid = variedApplications();
      await previousSchema(db, upTo, [...valid, unreadable, newer]);
      const storedBefore = byId((await rawRows(db, 'applications')) as { id: string }[]);

      const { repositories } = await open(db);
      const listed = await expectInStep(repositories, db);
      expect(listed).toStrictEqual(byId(valid.map(summariseApplication)));
      const storedAfter = byId((await rawRows(db, 'applications')) as { id: string }[]);
      expect(storedAfter).toStrictEqual(storedBefore);
      expect(storedAfter.find((r) => r.id === 'unreadable')).toStrictEqual(unreadable);
      expect(storedAfter.find((r) => r.id === 'from-a-newer-build')).toStrictEqual(newer);
      const rows = await rawRows(db, 'applicationSummaries');

      // Opening again (the app's storage, then the database class alone) changes nothing.
      for (const cleanup of cleanups.splice(0)) cleanup();
      const again = await open(db);
      expect(await expectInStep(again.repositories, db)).toStrictEqual(listed);
      again.close();
      const plain = new AppDatabase({ name: db.name, indexedDB: db.factory, IDBKeyRange });
      await plain.open();
      expect(plain.verno).toBe(latestSchemaVersion);
      plain.close();
      expect(await rawRows(db, 'applicationSummaries')).toStrictEqual(rows);
      expect(byId((await rawRows(db, 'applications')) as { id: string }[])).toStrictEqual(storedBefore);
    },
  );

  it('an upgraded database then keeps the rows in step as before', async () => {
    const db = freshIndexedDB();
    await previousSchema(db, 4, [makeApplication({ id: 'old' }), unreadable]);
    const { repositories } = await open(db);
    const old = await repositories.applications.get('old');
    if (!old) throw new Error('setup');
    await repositories.applications.save({ ...old, services: ['continence'] });
    await repositories.applications.create(makeApplication({ id: 'new' }));
    const listed = await expectInStep(repositories, db);
    expect(listed.map((s) => [s.id, s.services])).toEqual([
      ['new', ['msk']],
      ['old', ['continence']],
    ]);
  });
});

describe('migration to schema 6 (organisations listed from the profiles’ name index)', () => {
  it.each([5, 1])(
    'lists the same organisations as reading every profile did, from a version-%i database',
    async (upTo) => {
      const db = freshIndexedDB();
      const old = new Dexie(db.name, { indexedDB: db.factory, IDBKeyRange });
      for (const { version, stores } of schemaVersions.filter((v) => v.version <= upTo))
        old.version(version).stores({ ...stores });
      await old.open();
      const profiles = [
        makeProfile(),
        makeProfile({ id: 'profile-2', name: 'Hillside Federation', updatedAt: at(7), answers: { a: 'secret' } }),
        makeProfile({ id: 'profile-3', name: 'Hillside Federation', updatedAt: at(2) }),
        { id: 'no-name', updatedAt: at(1) },
        { id: 'bad-date', name: 'Broken Practice', updatedAt: 'last Tuesday' },
        { id: 'number-name', name: 42, updatedAt: at(1) },
      ];
      await old.table('profiles').bulkPut(profiles);
      old.close();
      const storedBefore = byId((await rawRows(db, 'profiles')) as { id: string }[]);

      const { repositories } = await open(db);
      expect(byId(await repositories.summaries.organisations())).toStrictEqual(byId(organisationNames(profiles)));
      expect(byId((await rawRows(db, 'profiles')) as { id: string }[])).toStrictEqual(storedBefore);
      // A rename and a new organisation are in the index at once.
      const first = await repositories.profiles.get('profile-1');
      if (!first) throw new Error('setup');
      await repositories.profiles.save({ ...first, name: 'Riverside Health', updatedAt: at(9) });
      await repositories.profiles.create(
        makeProfile({ id: 'profile-4', name: 'Brookside Surgery', updatedAt: at(10) }),
      );
      expect(byId(await repositories.summaries.organisations())).toStrictEqual([
        { id: 'profile-1', name: 'Riverside Health', updatedAt: at(9) },
        { id: 'profile-2', name: 'Hillside Federation', updatedAt: at(7) },
        { id: 'profile-3', name: 'Hillside Federation', updatedAt: at(2) },
        { id: 'profile-4', name: 'Brookside Surgery', updatedAt: at(10) },
      ]);
    },
  );
});

describe('the memory backend lists the same summaries as Dexie', () => {
  it('for the same records and changes', async () => {
    const dexie = dexieBackend(testDeps());
    cleanups.push(() => dexie.connection.close());
    const memory = memoryBackend(testDeps());
    for (const { repositories } of [dexie, memory]) {
      for (const app of variedApplications()) await repositories.applications.create(app);
      const a = await repositories.applications.get('app-a');
      if (!a) throw new Error('setup');
      await repositories.applications.save({
        ...a,
        services: ['wound-care', 'psychological-therapies'],
        completedSections: ['service-wound-care', 'finance', 'service-msk'],
        updatedAt: at(50),
      });
      await repositories.applications.delete('app-c');
      const kept = await repositories.keptVersions.keep(
        { kind: 'application', record: makeApplication({ id: 'app-d', services: ['hearing'] }) },
        'closed-tab',
      );
      await repositories.keptVersions.useInstead(kept.id);
    }
    const fromDexie = byId(await dexie.repositories.summaries.list());
    const fromMemory = byId(await memory.repositories.summaries.list());
    expect(fromDexie.map((s) => s.id)).toEqual(['app-a', 'app-b', 'app-d']);
    expect(fromMemory).toStrictEqual(fromDexie);
    await expectInStep(dexie.repositories);
    await expectInStep(memory.repositories);
    expect(await memory.repositories.summaries.organisations()).toStrictEqual(
      await dexie.repositories.summaries.organisations(),
    );
  });

  it('after the same backup import', async () => {
    const source = memoryBackend(testDeps());
    await source.repositories.profiles.create(makeProfile());
    for (const app of variedApplications()) await source.repositories.applications.create(app);
    const exported = await exportBackup(source.repositories, { scope: { kind: 'all' }, now: () => new Date(at(45)) });
    if (!exported.ok) throw new Error(exported.message);
    const dexie = dexieBackend(testDeps());
    cleanups.push(() => dexie.connection.close());
    const memory = memoryBackend(testDeps());
    const read = await readBackup(exported.text);
    if (!read.ok) throw new Error(read.message);
    for (const backend of [dexie, memory]) {
      await backend.repositories.applications.create(makeApplication({ id: 'app-a', services: ['hearing'] }));
      const result = await importBackup(backend.importTarget, read.backup, {
        onExisting: 'keep-both',
        newId: () => 'copy-1',
      });
      expect(result.ok).toBe(true);
    }
    const fromDexie = byId(await dexie.repositories.summaries.list());
    expect(fromDexie.map((s) => s.id)).toEqual(['app-a', 'app-b', 'app-c', 'copy-1']);
    expect(byId(await memory.repositories.summaries.list())).toStrictEqual(fromDexie);
  });
});

describe('summaries.organisations()', () => {
  const implementations = [
    ['Dexie on fake-indexeddb', () => dexieBackend(testDeps())],
    ['in memory', () => ({ ...memoryBackend(testDeps()), connection: undefined })],
  ] as const;

  describe.each(implementations)('%s', (_name, make) => {
    it('gives each profile’s id, name and last change, and follows changes', async () => {
      const backend = make();
      if (backend.connection) cleanups.push(() => backend.connection.close());
      const { repositories } = backend;
      expect(await repositories.summaries.organisations()).toEqual([]);
      const first = await repositories.profiles.create(makeProfile());
      await repositories.profiles.create(
        makeProfile({ id: 'profile-2', name: 'Hillside Federation', updatedAt: at(7), answers: { a: 'secret' } }),
      );
      const names = byId(await repositories.summaries.organisations());
      expect(names).toStrictEqual([
        { id: 'profile-1', name: 'Riverside Medical Practice', updatedAt: at(0) },
        { id: 'profile-2', name: 'Hillside Federation', updatedAt: at(7) },
      ]);
      const renamed = await repositories.profiles.save({ ...first, name: 'Riverside Health', updatedAt: at(8) });
      expect(renamed.ok).toBe(true);
      await repositories.profiles.delete('profile-2');
      expect(await repositories.summaries.organisations()).toStrictEqual([
        { id: 'profile-1', name: 'Riverside Health', updatedAt: at(8) },
      ]);
    });
  });

  it('leaves out an unreadable profile (Dexie)', async () => {
    const backend = dexieBackend(testDeps());
    cleanups.push(() => backend.connection.close());
    const { repositories, connection } = backend;
    await repositories.profiles.create(makeProfile());
    await connection.db.profiles.bulkPut([
      { id: 'no-name', updatedAt: at(1) },
      { id: 'bad-date', name: 'Broken Practice', updatedAt: 'last Tuesday' },
      { id: 'long-name', name: 'x'.repeat(501), updatedAt: at(1) },
      { id: '', name: 'No id', updatedAt: at(1) },
    ]);
    expect(await repositories.summaries.organisations()).toStrictEqual([
      { id: 'profile-1', name: 'Riverside Medical Practice', updatedAt: at(0) },
    ]);
    // The stored rows themselves are left alone.
    expect(await connection.db.profiles.count()).toBe(5);
  });

  it('organisationNames reads only id, name and updatedAt, and drops what it cannot read', () => {
    expect(
      organisationNames([
        makeProfile({ id: 'p', name: 'P', updatedAt: at(3) }),
        null,
        'text',
        42,
        { id: 'q', name: 'Q' },
        { id: 'r', name: 'R', updatedAt: at(4), extra: { deep: true } },
      ]),
    ).toStrictEqual([
      { id: 'p', name: 'P', updatedAt: at(3) },
      { id: 'r', name: 'R', updatedAt: at(4) },
    ]);
  });
});
