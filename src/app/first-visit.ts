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

let storageOpened = false;
let check: Promise<boolean> | undefined;

/** Called when storage is opened, so the home page shows "Your applications" from then on. */
export function noteStorageOpened(): void {
  storageOpened = true;
}

/** A promise of whether this is a first visit, or false at once when storage is already open. */
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

export function firstVisit(
  factory: Partial<Pick<IDBFactory, 'databases' | 'open' | 'deleteDatabase'>> | undefined = globalThis.indexedDB,
): Promise<boolean> | false {
  if (storageOpened) return false;
  check ??= (async () => {
    try {
      if (!factory || typeof factory.databases !== 'function') return false;
      const databases = await factory.databases();
      if (databases.some((d) => d.name === databaseName)) return false;
      return await canOpen(factory);
    } catch {
      return false;
    }
  })();
  return check;
}
