/**
 * The domain's repositories on IndexedDB, through Dexie: profiles, applications, settings, and
 * the single-transaction import target for backups (evidence is in its own module).
 *
 * Every read goes through the domain's restore step; every write is validated first; a save is a
 * compare-and-set on the revision inside one read-write transaction, so a tab never overwrites a
 * newer revision saved by another. Errors reach callers only as StorageFailure (see
 * `connection.ts`). Must never be imported outside `src/storage` and `src/app`.
 */
import { readSettings } from '@/domain/application/settings';
import {
  restoreApplication,
  restoreEvidenceMeta,
  restoreKeptVersion,
  restoreProfile,
  restoreSettings,
} from '@/domain/application/restore';
import type {
  KeptVersionRepository,
  RecordRepository,
  Repositories,
  SaveResult,
  SettingsRepository,
} from '@/domain/ports';
import { organisationNames, restoreSummary } from '@/domain/application/application-summary';
import { restoreReturn } from '@/domain/exchange/return-record';
import { restoreReview } from '@/domain/exchange/review-record';
import type { Connection } from '@/storage/connection';
import { alreadyChecked } from '@/storage/summaries';
import { type AppDatabase, settingsKey } from '@/storage/db';
import { profileNamesIndex } from '@/storage/database-names';
import { profileNameRow } from '@/storage/profile-names';
import { createDexieEvidenceRepository } from '@/storage/dexie-evidence-repository';
import { alreadySavedMessage, failure } from '@/storage/errors';
import type { ExistingRecords, ImportTarget } from '@/storage/import-plan';
import { newKeptVersion, planSwap } from '@/storage/kept-versions';
import { checked, compareAndSet, readable, restored, type Restore, type StorageDeps } from '@/storage/record-helpers';

type RecordTable = 'profiles' | 'applications' | 'reviews' | 'returns';

function createRecordRepository<T extends { readonly id: string; readonly revision: number }>(
  connection: Connection,
  name: RecordTable,
  restore: Restore<T>,
): RecordRepository<T> {
  const table = (db: AppDatabase) => db[name];
  const readOne = (raw: unknown): T | undefined => restored(restore, raw);
  return {
    list: () => connection.run(async (db) => readable(restore, await table(db).toArray())),
    count: () => connection.run((db) => table(db).count()),
    get: (id) => connection.run(async (db) => readOne(await table(db).get(id))),
    create: async (record) => {
      const created = { ...checked(restore, record), revision: 0 };
      await connection.run(
        (db) =>
          db.transaction('rw', table(db), async () => {
            if ((await table(db).get(created.id)) !== undefined)
              throw failure('invalid', undefined, alreadySavedMessage);
            await table(db).add(alreadyChecked(created));
          }),
        { durable: true },
      );
      return created;
    },
    save: async (record, options = {}) => {
      const incoming = checked(restore, record);
      return connection.run(
        (db) =>
          db.transaction('rw', table(db), async (): Promise<SaveResult<T>> => {
            const stored = readOne(await table(db).get(incoming.id));
            if (stored === undefined) throw failure('not-found');
            const outcome = compareAndSet(stored, incoming);
            if ('result' in outcome) return outcome.result;
            await table(db).put(alreadyChecked(outcome.write));
            return { ok: true, record: outcome.write };
          }),
        options,
      );
    },
    delete: (id) => connection.run(async (db) => table(db).delete(id), { durable: true }),
    restore: async (record) => {
      const valid = checked(restore, record);
      await connection.run(async (db) => table(db).put(alreadyChecked(valid)), { durable: true });
    },
    subscribe: (listener) => connection.subscribe([name], listener),
  };
}

function createSettingsRepository(connection: Connection): SettingsRepository {
  const read = readSettings;
  return {
    get: () => connection.run(async (db) => read(await db.settings.get(settingsKey))),
    update: (patch) =>
      connection.run((db) =>
        db.transaction('rw', db.settings, async () => {
          const current = read(await db.settings.get(settingsKey));
          const next = checked(restoreSettings, { ...current, ...patch, formatVersion: current.formatVersion });
          await db.settings.put(next, settingsKey);
          return next;
        }),
      ),
  };
}

function createKeptVersionRepository(connection: Connection, deps: StorageDeps): KeptVersionRepository {
  return {
    list: () => connection.run(async (db) => readable(restoreKeptVersion, await db.keptVersions.toArray())),
    keep: async (kept, reason) => {
      const version = newKeptVersion(kept, reason, deps);
      await connection.run((db) => db.keptVersions.add(version), { durable: true });
      return version;
    },
    useInstead: (id) =>
      connection.run(
        (db) =>
          db.transaction('rw', [db.keptVersions, db.applications, db.profiles], async () => {
            const kept = restored(restoreKeptVersion, await db.keptVersions.get(id));
            if (kept === undefined) throw failure('not-found');
            const table = kept.kind === 'application' ? db.applications : db.profiles;
            const plan = planSwap(kept, await table.get(kept.record.id), deps);
            if (plan.replaced) await db.keptVersions.add(plan.replaced);
            await table.put(plan.current);
            await db.keptVersions.delete(id);
          }),
        { durable: true },
      ),
    discard: (id) => connection.run(async (db) => db.keptVersions.delete(id), { durable: true }),
    subscribe: (listener) => connection.subscribe(['keptVersions'], listener),
  };
}

function byId<T>(restore: Restore<T>, raws: readonly unknown[]): Map<string, T | undefined> {
  const map = new Map<string, T | undefined>();
  for (const raw of raws) {
    const id: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'id') : undefined;
    const result = restore(raw);
    if (typeof id === 'string') map.set(id, result.ok ? result.record : undefined);
  }
  return map;
}

function createImportTarget(connection: Connection): ImportTarget {
  return {
    applyImport: (build) =>
      connection.run(
        (db) =>
          db.transaction(
            'rw',
            [db.profiles, db.applications, db.evidence, db.evidenceBlobs, db.keptVersions],
            async () => {
              const existing: ExistingRecords = {
                profiles: byId(restoreProfile, await db.profiles.toArray()),
                applications: byId(restoreApplication, await db.applications.toArray()),
                evidence: byId(restoreEvidenceMeta, await db.evidence.toArray()),
                keptVersions: byId(restoreKeptVersion, await db.keptVersions.toArray()),
              };
              const records = build(existing);
              await db.keptVersions.bulkPut([...records.keptVersions]);
              await db.profiles.bulkPut([...records.profiles]);
              await db.applications.bulkPut([...records.applications]);
              await db.evidence.bulkPut(records.evidence.map((e) => e.meta));
              await db.evidenceBlobs.bulkPut(records.evidence.map((e) => ({ id: e.meta.id, blob: e.blob })));
            },
          ),
        { durable: true },
      ),
  };
}

export interface StorageBackend {
  readonly repositories: Repositories;
  readonly importTarget: ImportTarget;
}

export function createDexieBackend(connection: Connection, deps: StorageDeps): StorageBackend {
  return {
    repositories: {
      applications: createRecordRepository(connection, 'applications', restoreApplication),
      summaries: {
        list: () => connection.run(async (db) => readable(restoreSummary, await db.applicationSummaries.toArray())),
        organisations: () =>
          connection.run(async (db) => {
            const rows: unknown[] = [];
            await db.profiles
              .orderBy(profileNamesIndex)
              .eachKey((key, cursor) => void rows.push(profileNameRow(key, cursor.primaryKey)));
            return organisationNames(rows);
          }),
        subscribe: (listener) => connection.subscribe(['applicationSummaries'], listener),
      },
      profiles: createRecordRepository(connection, 'profiles', restoreProfile),
      evidence: createDexieEvidenceRepository(connection, deps),
      settings: createSettingsRepository(connection),
      keptVersions: createKeptVersionRepository(connection, deps),
      reviews: createRecordRepository(connection, 'reviews', restoreReview),
      returns: createRecordRepository(connection, 'returns', restoreReturn),
    },
    importTarget: createImportTarget(connection),
  };
}
