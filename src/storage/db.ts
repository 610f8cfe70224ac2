/**
 * The IndexedDB database: its name, its tables, and every Dexie schema version with its upgrade.
 * Schema versions and upgrades live here and nowhere else.
 *
 * Two kinds of change, kept apart on purpose:
 * - A record's shape (format version) changes in `src/domain/application/restore.ts`: records are
 *   upgraded when read, so no Dexie version is needed for it.
 * - Tables and indexes change here: add an entry to `schemaVersions` (never edit or remove a
 *   released one). An upgrade that rewrites records must be idempotent, because an upgrade can be
 *   recorded as done though the tab was killed part-way (dexie#1175): use `rewriteInLatestFormat`.
 *
 * Tables hold `unknown`: nothing read from here is trusted until restore has validated it.
 * Must never hold business rules, and is imported only by `src/storage`.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { RestoreResult } from '@/domain/application/restore';
import { defaultDatabaseName, profileNamesIndex } from './database-names';
import { fillSummaries, summariesMiddleware } from './summaries';

export { defaultDatabaseName, settingsKey } from './database-names';

export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      profiles: 'id',
      applications: 'id, profileId',
      /** Evidence details; the bytes are in `evidenceBlobs` under the same id, so lists stay light. */
      evidence: 'id, profileId',
      evidenceBlobs: 'id',
      /** One record, under the key `settingsKey`. */
      settings: '',
    },
  },
  {
    version: 2,
    stores: {
      /** Versions not current but not to be lost (a clash between tabs); see KeptVersionSchema. */
      keptVersions: 'id',
    },
  },
  {
    version: 3,
    stores: {
      /** LMC reviews: a review file sent or opened, and its comments (see review-record.ts). */
      reviews: 'id',
    },
  },
  {
    version: 4,
    stores: {
      /** Member returns: requests made by a lead, and requests being filled in (see return-record.ts). */
      returns: 'id',
    },
  },
  {
    version: 5,
    stores: {
      /**
       * One small row per application for "Your applications", written in the same transaction
       * as its application (see summaries.ts); filled from the records by this upgrade.
       */
      applicationSummaries: 'id',
    },
    upgrade: fillSummaries,
  },
  {
    version: 6,
    stores: {
      /**
       * Organisations by name and last change, so "Your applications" reads each one's name from
       * the index without its answers (IndexedDB keeps the index in the same transaction as the
       * record; building it needs no upgrade function).
       */
      profiles: `id, ${profileNamesIndex}`,
    },
  },
];

export const latestSchemaVersion = schemaVersions.reduce((max, v) => Math.max(max, v.version), 0);
export const tableNames = [
  'profiles',
  'applications',
  'evidence',
  'evidenceBlobs',
  'settings',
  'keptVersions',
  'reviews',
  'returns',
  'applicationSummaries',
] as const;
export type TableName = (typeof tableNames)[number];

export interface DatabaseOptions {
  readonly name?: string;
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** 'strict' for explicit saves: the write is on disk before the promise resolves. */
  readonly durability?: 'default' | 'strict';
}

export class AppDatabase extends Dexie {
  declare readonly profiles: Table<unknown, string>;
  declare readonly applications: Table<unknown, string>;
  declare readonly evidence: Table<unknown, string>;
  declare readonly evidenceBlobs: Table<unknown, string>;
  declare readonly settings: Table<unknown, string>;
  declare readonly keptVersions: Table<unknown, string>;
  declare readonly reviews: Table<unknown, string>;
  declare readonly returns: Table<unknown, string>;
  declare readonly applicationSummaries: Table<unknown, string>;

  constructor(options: DatabaseOptions = {}) {
    super(options.name ?? defaultDatabaseName, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
      chromeTransactionDurability: options.durability ?? 'default',
    });
    this.use(summariesMiddleware);
    for (const { version, stores, upgrade } of schemaVersions) {
      const declared = this.version(version).stores({ ...stores });
      if (upgrade) declared.upgrade(upgrade);
    }
  }

  /** Whether a newer build of the app has already upgraded the database past this build's schema. */
  isNewerThanThisApp(): boolean {
    return Math.floor(this.backendDB().version / 10) > latestSchemaVersion;
  }
}

/**
 * For an upgrade function: rewrites every record of a table in the latest format. Records that
 * cannot be read are left exactly as they are, never deleted. Running it twice changes nothing.
 */
export async function rewriteInLatestFormat<T>(
  table: Table<unknown, string>,
  restore: (raw: unknown) => RestoreResult<T>,
): Promise<void> {
  await table.toCollection().modify((value, ref) => {
    const restored = restore(value);
    if (restored.ok) ref.value = restored.record;
  });
}
