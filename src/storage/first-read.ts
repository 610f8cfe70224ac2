/**
 * The first screen's read (issue 13): what "Your applications" shows first, read straight from
 * IndexedDB as the page starts, without Dexie, the record schemas or the rest of storage, so the
 * list can be painted before the app itself has loaded (src/app/pre-paint.ts). One read-only
 * transaction over three small things: every application's summary row, every organisation's
 * name from the profiles' name index, and the settings record; each is then checked by the
 * domain's own schemas, exactly as the repositories check them.
 *
 * It must never change the database: it opens whatever version is there (never upgrading it),
 * refuses to create one that does not exist, closes as soon as it has read, and gives way at once
 * to a tab that upgrades. Anything unexpected (no database, an older one without these tables, a
 * blocked or broken IndexedDB) gives `undefined`, and the app then loads as it always has.
 */
import {
  organisationNames,
  restoreSummary,
  type ApplicationSummary,
  type OrganisationName,
} from '@/domain/application/application-summary';
import { readable } from '@/domain/application/record-kind';
import { readSettings, type Settings } from '@/domain/application/settings';
import { defaultDatabaseName, profileNamesIndex, settingsKey, summariesTable } from './database-names';
import { profileNameRow } from './profile-names';

export interface FirstRead {
  readonly summaries: readonly ApplicationSummary[];
  readonly organisations: readonly OrganisationName[];
  readonly settings: Settings;
  /** Whether the browser has agreed to keep the site's data; undefined when it will not say. */
  readonly persisted: boolean | undefined;
}

interface RawRead {
  summaries: unknown[];
  names: unknown[];
  settings: unknown;
}

export interface FirstReadOptions {
  readonly indexedDB?: IDBFactory;
  readonly databaseName?: string;
  readonly storage?: Pick<StorageManager, 'persisted'> | undefined;
}

function rawRead(factory: IDBFactory, name: string): Promise<RawRead | undefined> {
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

/** Reads and checks the first screen's data, or gives undefined when it cannot be read here. */
export async function readFirstScreen(options: FirstReadOptions = {}): Promise<FirstRead | undefined> {
  let factory: IDBFactory | undefined;
  try {
    factory = options.indexedDB ?? globalThis.indexedDB;
  } catch {
    return undefined;
  }
  if (!factory) return undefined;
  const storage = 'storage' in options ? options.storage : globalThis.navigator?.storage;
  const [raw, persisted] = await Promise.all([
    rawRead(factory, options.databaseName ?? defaultDatabaseName),
    storage?.persisted?.().catch(() => undefined),
  ]);
  if (!raw) return undefined;
  return {
    summaries: readable(restoreSummary, raw.summaries),
    organisations: organisationNames(raw.names),
    settings: readSettings(raw.settings),
    persisted,
  };
}
