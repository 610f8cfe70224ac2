/**
 * Opens the app's storage once, at start-up, and hands the app everything it needs: the
 * repositories, autosave, backups, persistence and "remove all data".
 *
 * Owns the choice of backend: IndexedDB through Dexie, or, when IndexedDB cannot be opened
 * (private window, turned off, blocked, damaged), memory, with a `warning` the app keeps on screen
 * and a backup download. Also the stop when another tab upgrades or deletes the database (or the
 * database is already newer than this build): pending saves are flushed, writing stops, and
 * `onStop` listeners are told so the app can ask the user to reload. Must never fail to return a
 * usable storage.
 */
import { mergeRecords, type Mergeable } from '@/domain/application/merge-records';
import type { KeptKind } from '@/domain/application/application';
import type { KeptRecord, StorageFailure, RecordRepository, Repositories, Unsubscribe } from '@/domain/ports';
import { Autosave, type AutosaveOptions, type AutosaveState } from '@/storage/autosave';
import type { ExportOptions, ExportResult } from '@/storage/backup';
import type {
  findExisting,
  ImportOptions,
  ImportResult,
  PreparedBackup,
  ReadBackupResult,
} from '@/storage/backup-import';
import { Connection } from '@/storage/connection';
import { defaultDatabaseName, settingsKey } from '@/storage/db';
import { createDexieBackend, type StorageBackend } from '@/storage/dexie-repositories';
import { failure, newerAppMessage, removedHereMessage } from '@/storage/errors';
import { createMemoryBackend } from '@/storage/memory-repositories';
import {
  browserJournalStore,
  browserLiveTabs,
  holdTabLock,
  Journal,
  replayJournal,
  type JournalStore,
  type LiveTabs,
} from '@/storage/journal';
import { restoreApplication, restoreProfile } from '@/domain/application/restore';
import { Persistence, type StorageManagerLike } from '@/storage/persistence';
import { defaultDeps, type StorageDeps } from '@/storage/record-helpers';
import { removeAllData, type RemoveResult } from '@/storage/remove-all-data';
import { writeReadTest } from '@/storage/write-read-test';

export interface AppStorage {
  readonly mode: 'indexeddb' | 'memory';
  readonly repositories: Repositories;
  /** Why work is kept only in this tab's memory: show it until the page closes. */
  readonly warning: StorageFailure | undefined;
  /** Set once this tab has stopped writing (another tab upgraded or removed the database). */
  readonly stopped: StorageFailure | undefined;
  onStop(listener: (reason: StorageFailure) => void): Unsubscribe;
  readonly persistence: Persistence;
  /** An autosave for one record, flushed and stopped with the storage. */
  createAutosave<T extends { readonly id: string; readonly revision: number }>(
    repository: RecordRepository<T>,
    initial: T,
    options?: AutosaveOptions<T>,
  ): Autosave<T>;
  exportBackup(options: ExportOptions): Promise<ExportResult>;
  readBackup(input: Blob | string, options?: { readonly passphrase?: string }): Promise<ReadBackupResult>;
  findExisting(backup: PreparedBackup): ReturnType<typeof findExisting>;
  importBackup(backup: PreparedBackup, options: ImportOptions): Promise<ImportResult>;
  /**
   * Saves every open autosave's pending changes, durably. Resolves with null when all are saved,
   * or with the failure that stopped one (before an app update, which must lose nothing).
   */
  saveAllPending(): Promise<StorageFailure | null>;
  /** Writes, reads back and deletes a test record; null when the database works. */
  writeReadTest(token: string): Promise<StorageFailure | null>;
  /** Deletes every database and cache of the app on this computer; then reload the page. */
  removeAllData(): Promise<RemoveResult>;
  close(): void;
}

export interface OpenStorageOptions {
  /** The IndexedDB to use: the browser's by default; null to act as if there is none. */
  readonly indexedDB?: IDBFactory | null;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  readonly databaseName?: string;
  readonly deps?: Partial<StorageDeps>;
  readonly storageManager?: StorageManagerLike | null;
  readonly caches?: Pick<CacheStorage, 'keys' | 'delete'> | null;
  /** Where the write-ahead journal lives: localStorage by default; null for none. */
  readonly journalStore?: JournalStore | null;
  /** Which tabs are still open (their journal entries are theirs to save): Web Locks by default. */
  readonly liveTabs?: LiveTabs;
  /** How long opening may take before the app carries on in memory. */
  readonly openTimeoutMs?: number;
}

function browserIndexedDB(): IDBFactory | null {
  try {
    return typeof indexedDB === 'undefined' ? null : indexedDB;
  } catch {
    return null; // a SecurityError when storage is blocked for the site
  }
}

async function openWithin(connection: Connection, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('Opening the database took too long (another tab may be blocking it).')),
      ms,
    );
  });
  try {
    await Promise.race([connection.db.open().then(() => connection.db.settings.get(settingsKey)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function openStorage(options: OpenStorageOptions = {}): Promise<AppStorage> {
  // The storage estimate for evidence checks comes from the same StorageManager as the panel's.
  const estimate = () => persistence.estimate();
  const deps = defaultDeps({ estimate, ...options.deps });
  const factory = options.indexedDB === undefined ? browserIndexedDB() : options.indexedDB;
  let connection: Connection | undefined;
  let warning: StorageFailure | undefined;
  if (factory) {
    const candidate = new Connection({
      name: options.databaseName ?? defaultDatabaseName,
      indexedDB: factory,
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    try {
      await openWithin(candidate, options.openTimeoutMs ?? 10_000);
      connection = candidate;
    } catch (error) {
      candidate.close();
      warning = failure('unavailable', error);
    }
  } else {
    warning = failure('unavailable');
  }
  // A newer build has upgraded the database: this one must not write at all (nor replay the journal).
  if (connection?.db.isNewerThanThisApp()) await connection.stop(failure('version-change', undefined, newerAppMessage));

  const backend: StorageBackend = connection ? createDexieBackend(connection, deps) : createMemoryBackend(deps);
  const { repositories } = backend;
  // Changes journalled by a page that closed before its save ran are saved now, before any page
  // reads (or kept as a kept version when another tab saved the record meanwhile).
  const tab = deps.newId();
  const journalStore = options.journalStore === undefined ? browserJournalStore() : options.journalStore;
  const journal = new Journal(connection ? journalStore : null, tab);
  if (connection && journalStore) holdTabLock(tab);
  const keptAs = (kind: KeptKind) => (record: unknown) =>
    repositories.keptVersions.keep({ kind, record } as KeptRecord, 'closed-tab');
  await replayJournal(
    journal,
    {
      applications: { restore: restoreApplication, repository: repositories.applications, keep: keptAs('application') },
      profiles: { restore: restoreProfile, repository: repositories.profiles, keep: keptAs('profile') },
    },
    options.liveTabs ?? browserLiveTabs,
  ).catch(() => 0);
  const persistence: Persistence = new Persistence(repositories.settings, {
    ...(options.storageManager === undefined ? {} : { storage: options.storageManager }),
    now: deps.now,
  });

  /** Every autosave not yet disposed, as the one thing saveAllPending needs of it. */
  const open = new Set<{ flush(options: { durable: boolean }): Promise<AutosaveState<unknown>> }>();

  return {
    mode: connection ? 'indexeddb' : 'memory',
    repositories,
    warning,
    get stopped() {
      return connection?.stopped;
    },
    onStop: (listener) => connection?.onStop(listener) ?? (() => undefined),
    persistence,
    createAutosave: <T extends { readonly id: string; readonly revision: number }>(
      repository: RecordRepository<T>,
      initial: T,
      autosaveOptions: AutosaveOptions<T> = {},
    ) => {
      const kind =
        repository === (repositories.applications as unknown)
          ? 'applications'
          : repository === (repositories.profiles as unknown)
            ? 'profiles'
            : undefined;
      const autosave = new Autosave<T>(repository, initial, {
        now: deps.now,
        ...(kind
          ? {
              journal: {
                write: (record: unknown, base: number) => journal.write(kind, record as { id: string }, base),
                clear: () => journal.clear(kind, initial.id),
              },
              keep: (record: T) =>
                repositories.keptVersions.keep(
                  { kind: kind === 'applications' ? 'application' : 'profile', record } as unknown as KeptRecord,
                  'other-tab',
                ),
              // Applications and profiles merge answer by answer with another tab's version.
              merge: (base: T, mine: T, theirs: T) =>
                mergeRecords(
                  base as unknown as Mergeable,
                  mine as unknown as Mergeable,
                  theirs as unknown as Mergeable,
                ) as T | undefined,
            }
          : {}),
        onExplicitSave: () => void persistence.afterExplicitSave(),
        ...autosaveOptions,
      });
      const flusher = { flush: (o: { durable: boolean }) => autosave.flush(o) };
      open.add(flusher);
      autosave.onDispose(() => open.delete(flusher));
      if (connection) {
        const stopped = connection.stopped;
        if (stopped) autosave.stop(stopped);
        autosave.onDispose(connection.addFlusher(() => autosave.flush()));
        autosave.onDispose(connection.onStop((reason) => autosave.stop(reason)));
      }
      return autosave;
    },
    saveAllPending: async () => {
      const states = await Promise.all([...open].map((autosave) => autosave.flush({ durable: true })));
      for (const state of states) {
        if (state.kind === 'failed') return state.failure;
        if (state.kind === 'conflict') return failure('conflict');
        if (state.kind === 'stopped') return state.failure;
      }
      return null;
    },
    writeReadTest: async (token) =>
      connection ? writeReadTest(connection.db, token) : (warning ?? failure('unavailable')),
    // The backup code (and the backup format's checks) loads the first time it is used.
    exportBackup: async (exportOptions) =>
      (await import('@/storage/backup')).exportBackup(repositories, { now: deps.now, ...exportOptions }),
    readBackup: async (input, readOptions) => (await import('@/storage/backup-import')).readBackup(input, readOptions),
    findExisting: async (backup) => (await import('@/storage/backup-import')).findExisting(repositories, backup),
    importBackup: async (backup, importOptions) =>
      (await import('@/storage/backup-import')).importBackup(backend.importTarget, backup, {
        newId: deps.newId,
        ...importOptions,
      }),
    removeAllData: async () => {
      await connection?.stop(failure('version-change', undefined, removedHereMessage), { flush: false });
      return removeAllData({
        indexedDB: factory,
        databaseName: options.databaseName ?? defaultDatabaseName,
        ...(options.caches === undefined ? {} : { caches: options.caches }),
      });
    },
    close: () => connection?.close(),
  };
}
