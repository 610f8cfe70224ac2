/**
 * Whether this browser holds no saved work yet (a first visit), found without loading storage:
 * the app's database does not exist (`indexedDB.databases()`, a native call) and IndexedDB can be
 * opened at all (a throwaway probe database, opened and deleted). The home page of a first visit
 * then paints from the shell alone, and storage (Dexie, zod's record checks) loads only when a
 * page needs it (issue 13). Once anything has opened storage in this tab, it is not a first visit
 * any more. Where the browser cannot say, or IndexedDB is broken, it is not a first visit:
 * storage opens as before, and says plainly when work cannot be saved.
 */

/** The database's name; must equal `defaultDatabaseName` in src/storage/db.ts (a unit test checks). */
export const databaseName = 'aqp-apply';

/**
 * The localStorage key that notes this browser holds saved work, read before the first paint by
 * public/first-paint.js (which must use the same key: a unit test checks) so that a returning
 * user's home page never shows the pre-rendered start page. A hint only: set when storage opens
 * or the database is found, cleared when it is not.
 */
export const savedWorkKey = 'aqp-apply:saved-work';

function noteSavedWork(saved: boolean): void {
  try {
    if (saved) localStorage.setItem(savedWorkKey, '1');
    else localStorage.removeItem(savedWorkKey);
  } catch {
    // localStorage blocked: first-paint.js then shows only the header before the app loads
  }
}

/** Whether this browser has noted saved work (the same hint first-paint.js reads). */
export function savedWorkNoted(): boolean {
  try {
    return localStorage.getItem(savedWorkKey) !== null;
  } catch {
    return false;
  }
}

let storageOpened = false;
let check: Promise<boolean> | undefined;

/** Called when storage is opened, so the home page shows "Your applications" from then on. */
export function noteStorageOpened(): void {
  storageOpened = true;
  noteSavedWork(true);
}

/** Whether a database can be opened here (a private window or a blocked site may refuse). */
function canOpen(factory: Partial<Pick<IDBFactory, 'open' | 'deleteDatabase'>>): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      if (!factory.open || !factory.deleteDatabase) return resolve(false);
      const request = factory.open(`${databaseName}-probe`);
      request.onsuccess = () => {
        request.result.close();
        factory.deleteDatabase?.(`${databaseName}-probe`);
        resolve(true);
      };
      request.onerror = () => resolve(false);
      request.onblocked = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
}

/** A promise of whether this is a first visit, or false at once when storage is already open. */
export function firstVisit(
  factory: Partial<Pick<IDBFactory, 'databases' | 'open' | 'deleteDatabase'>> | undefined = globalThis.indexedDB,
): Promise<boolean> | false {
  if (storageOpened) return false;
  check ??= (async () => {
    try {
      if (!factory || typeof factory.databases !== 'function') return false;
      const databases = await factory.databases();
      const saved = databases.some((d) => d.name === databaseName);
      noteSavedWork(saved || storageOpened);
      if (saved) return false;
      return await canOpen(factory);
    } catch {
      return false;
    }
  })();
  return check;
}
