/**
 * The first screen's read, the part that touches IndexedDB (issue 13): one read-only transaction
 * over every application's summary row, every organisation's name from the profiles' name index
 * and the settings record, and the browser's answer on keeping the site's data. Started by the
 * entry module at once, so the database is read while the code that checks what it holds
 * (first-read.ts) is still loading. Gives raw values: nothing here is trusted until checked.
 *
 * It must never change the database: it opens whatever version is there (never upgrading it),
 * refuses to create one that does not exist, closes as soon as it has read, and gives way at once
 * to a tab that upgrades. Anything unexpected (no database, an older one without these tables, a
 * blocked or broken IndexedDB) gives `undefined`, and the app then loads as it always has. Kept
 * free of imports but the database's names, so it adds almost nothing to the entry.
 */
import { defaultDatabaseName, profileNamesIndex, settingsKey, summariesTable } from './database-names';
import { profileNameRow } from './profile-names';

export interface RawFirstRead {
  readonly raw: RawRead | undefined;
  /** Whether the browser has agreed to keep the site's data; undefined when it will not say. */
  readonly persisted: boolean | undefined;
}

export interface FirstReadOptions {
  readonly indexedDB?: IDBFactory;
  readonly databaseName?: string;
  readonly storage?: Pick<StorageManager, 'persisted'> | undefined;
}

export interface RawRead {
  summaries: unknown[];
  names: unknown[];
  settings: unknown;
}

function readRaw(factory: IDBFactory, name: string): Promise<RawRead | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      resolve(undefined); // SecurityError: storage blocked for the site
      return;
    }
    // Only a database that does not exist yet needs an upgrade: never create it here.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      const read: RawRead = { summaries: [], names: [], settings: undefined };
      try {
        const tx = db.transaction([summariesTable, 'profiles', 'settings'], 'readonly');
        const rows = tx.objectStore(summariesTable).getAll();
        rows.onsuccess = () => (read.summaries = Array.isArray(rows.result) ? rows.result : []);
        const names = tx.objectStore('profiles').index(profileNamesIndex).openKeyCursor();
        names.onsuccess = () => {
          const cursor = names.result;
          if (!cursor) return;
          read.names.push(profileNameRow(cursor.key, cursor.primaryKey));
          cursor.continue();
        };
        const settings = tx.objectStore('settings').get(settingsKey);
        settings.onsuccess = () => (read.settings = settings.result);
        tx.oncomplete = () => {
          db.close();
          resolve(read);
        };
        tx.onabort = () => {
          db.close();
          resolve(undefined);
        };
      } catch {
        // NotFoundError: a database from before schema 6, which the app upgrades when it opens.
        db.close();
        resolve(undefined);
      }
    };
  });
}

/** Starts the read at once; resolves with what the database and the browser gave. */
export async function startFirstRead(options: FirstReadOptions = {}): Promise<RawFirstRead> {
  let factory: IDBFactory | undefined;
  try {
    factory = options.indexedDB ?? globalThis.indexedDB;
  } catch {
    factory = undefined; // SecurityError: storage blocked for the site
  }
  const storage = 'storage' in options ? options.storage : globalThis.navigator?.storage;
  const [raw, persisted] = await Promise.all([
    factory ? readRaw(factory, options.databaseName ?? defaultDatabaseName) : undefined,
    storage?.persisted?.().catch(() => undefined),
  ]);
  return { raw, persisted };
}
