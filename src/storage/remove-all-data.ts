/**
 * "Remove all data from this computer": deletes the app's IndexedDB database (and any other
 * database of this origin, such as Dexie's own name list), every Cache Storage cache of the
 * origin, and local and session storage, so a shared PC keeps nothing behind.
 *
 * Other tabs of the app close their connection when asked, so the deletion can finish; if one
 * does not within a few seconds, the result says to close the other tabs (the deletion then
 * completes when they close). The UI should reload the page afterwards. Must never leave a
 * failure unreported, or touch another origin.
 */
import { defaultDatabaseName } from '@/storage/db';

export interface RemoveAllOptions {
  /** null when the browser has no IndexedDB. */
  readonly indexedDB?: IDBFactory | null;
  readonly databaseName?: string;
  readonly caches?: Pick<CacheStorage, 'keys' | 'delete'> | null;
  readonly webStorage?: readonly Pick<Storage, 'clear'>[];
  /** How long to wait for other tabs to let go of the database. */
  readonly blockedTimeoutMs?: number;
}

export type RemoveResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

function deleteDatabase(
  factory: IDBFactory,
  name: string,
  timeoutMs: number,
): Promise<'deleted' | 'blocked' | 'failed'> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (outcome: 'deleted' | 'blocked' | 'failed') => {
      clearTimeout(timer);
      resolve(outcome);
    };
    try {
      const request = factory.deleteDatabase(name);
      request.onsuccess = () => done('deleted');
      request.onerror = () => done('failed');
      request.onblocked = () => {
        timer ??= setTimeout(() => done('blocked'), timeoutMs);
      };
    } catch {
      done('failed');
    }
  });
}

const globalOr = <T>(read: () => T | undefined): T | null => {
  try {
    return read() ?? null;
  } catch {
    return null; // reading some of these throws in sandboxed frames
  }
};

export async function removeAllData(options: RemoveAllOptions = {}): Promise<RemoveResult> {
  const factory =
    options.indexedDB === undefined
      ? globalOr(() => (typeof indexedDB === 'undefined' ? undefined : indexedDB))
      : options.indexedDB;
  const cacheStorage =
    options.caches === undefined
      ? globalOr(() => (typeof caches === 'undefined' ? undefined : caches))
      : options.caches;
  const webStorage =
    options.webStorage ??
    [
      globalOr(() => (typeof localStorage === 'undefined' ? undefined : localStorage)),
      globalOr(() => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage)),
    ].flatMap((s) => (s ? [s] : []));
  const problems: string[] = [];

  if (factory) {
    const names = new Set([options.databaseName ?? defaultDatabaseName, '__dbnames']);
    try {
      for (const info of await factory.databases()) if (info.name) names.add(info.name);
    } catch {
      // databases() is missing in older browsers: the known names above are deleted anyway
    }
    for (const name of names) {
      const outcome = await deleteDatabase(factory, name, options.blockedTimeoutMs ?? 5000);
      if (outcome === 'blocked')
        problems.push('Close the app’s other tabs and windows to finish removing your saved work.');
      if (outcome === 'failed') problems.push('The browser did not let the app remove its saved work.');
    }
  }
  if (cacheStorage) {
    try {
      for (const key of await cacheStorage.keys()) await cacheStorage.delete(key);
    } catch {
      problems.push('The browser did not let the app remove its cached files.');
    }
  }
  for (const storage of webStorage) {
    try {
      storage.clear();
    } catch {
      problems.push('The browser did not let the app clear its settings.');
    }
  }
  return problems.length === 0 ? { ok: true } : { ok: false, message: [...new Set(problems)].join(' ') };
}
