/**
 * One tab's connection to the database, shared by every Dexie repository.
 *
 * Owns: choosing default or strict durability per write (Dexie sets durability per connection,
 * so explicit saves use a second, strict connection opened on first use); reopening a lost
 * connection and retrying the operation once; mapping every error to a StorageFailure; change
 * notifications from this tab and others; and the stop after another tab upgrades or deletes the
 * database: flush pending saves, close, refuse further writes, tell the app. Must never keep
 * writing after a stop, or let a raw Dexie error reach a caller.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import type { StorageFailure, Unsubscribe } from '@/domain/ports';
import { AppDatabase, type DatabaseOptions, type TableName } from '@/storage/db';
import { dataRemovedMessage, failure, isConnectionLost, toStorageFailure } from '@/storage/errors';

/** How long a stop waits for pending saves before closing anyway. */
export const stopFlushTimeoutMs = 1000;

export interface WriteOptions {
  readonly durable?: boolean;
}

export class Connection {
  readonly db: AppDatabase;
  private strictDb: AppDatabase | undefined;
  private stopReason: StorageFailure | undefined;
  private stopping: Promise<void> | undefined;
  private readonly stopListeners = new Set<(reason: StorageFailure) => void>();
  private readonly flushers = new Set<() => Promise<unknown>>();

  constructor(private readonly options: Omit<DatabaseOptions, 'durability'> = {}) {
    this.db = this.watch(new AppDatabase({ ...options, durability: 'default' }));
  }

  get name(): string {
    return this.db.name;
  }

  /** Why this tab stopped writing, once it has. */
  get stopped(): StorageFailure | undefined {
    return this.stopReason;
  }

  onStop(listener: (reason: StorageFailure) => void): Unsubscribe {
    this.stopListeners.add(listener);
    return () => this.stopListeners.delete(listener);
  }

  /** Registers a save to flush before the connection stops (autosave does this). */
  addFlusher(flush: () => Promise<unknown>): Unsubscribe {
    this.flushers.add(flush);
    return () => this.flushers.delete(flush);
  }

  private watch(db: AppDatabase): AppDatabase {
    db.on('versionchange', (event: IDBVersionChangeEvent) => {
      void this.stop(
        event.newVersion ? failure('version-change') : failure('version-change', undefined, dataRemovedMessage),
      );
      return false; // we close ourselves, after flushing
    });
    return db;
  }

  private strict(): AppDatabase {
    this.strictDb ??= this.watch(new AppDatabase({ ...this.options, durability: 'strict' }));
    return this.strictDb;
  }

  /**
   * Flushes pending saves (for at most `stopFlushTimeoutMs`; not when the data is being removed),
   * closes, and refuses further work.
   */
  stop(reason: StorageFailure, options: { readonly flush?: boolean } = {}): Promise<void> {
    this.stopping ??= (async () => {
      if (options.flush !== false) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, stopFlushTimeoutMs)));
        await Promise.race([Promise.allSettled([...this.flushers].map((flush) => flush())), timeout]);
        clearTimeout(timer);
      }
      this.stopReason = reason;
      this.close();
      for (const listener of [...this.stopListeners]) listener(reason);
    })();
    return this.stopping;
  }

  close(): void {
    this.db.close({ disableAutoOpen: true });
    this.strictDb?.close({ disableAutoOpen: true });
  }

  /** Runs `op`; if the connection was lost, reopens it and runs `op` once more. */
  async run<R>(op: (db: AppDatabase) => Promise<R>, options: WriteOptions = {}): Promise<R> {
    if (this.stopReason) throw this.stopReason;
    const db = options.durable ? this.strict() : this.db;
    try {
      return await op(db);
    } catch (error) {
      if (this.stopReason) throw this.stopReason;
      if (!isConnectionLost(error)) throw toStorageFailure(error);
    }
    try {
      if (!db.isOpen()) await db.open();
      return await op(db);
    } catch (error) {
      throw this.stopReason ?? toStorageFailure(error);
    }
  }

  /** Calls `listener` after any write to these tables, in this tab or another. */
  subscribe(tables: readonly TableName[], listener: () => void): Unsubscribe {
    const prefixes = tables.map((table) => `idb://${this.db.name}/${table}/`);
    const handler = (parts: ObservabilitySet) => {
      if (Object.keys(parts).some((key) => prefixes.some((prefix) => key.startsWith(prefix)))) listener();
    };
    Dexie.on('storagemutated', handler);
    return () => Dexie.on.storagemutated.unsubscribe(handler);
  }
}
