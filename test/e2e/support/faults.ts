/**
 * What the fault tests share: a snapshot of everything the app keeps in IndexedDB (read with the
 * browser's own IndexedDB API, not through the app). The browser, server, quick start and PDF
 * text helpers are in harness.ts.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Every object store of the app's database, read with the browser's IndexedDB API: records as
 * JSON, Blobs as their type and size. Opened without a version, so it never upgrades anything.
 */
export function readDatabase(page: Page, name = 'aqp-apply'): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const out: Record<string, unknown[]> = {};
    try {
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<{ key: IDBValidKey; value: unknown }[]>((resolve, reject) => {
          const found: { key: IDBValidKey; value: unknown }[] = [];
          const request = db.transaction(store, 'readonly').objectStore(store).openCursor();
          request.onsuccess = () => {
            const cursor = request.result;
            if (!cursor) return resolve(found);
            found.push({ key: cursor.key, value: cursor.value as unknown });
            cursor.continue();
          };
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        });
        out[store] = rows.map(
          ({ key, value }) =>
            JSON.parse(
              JSON.stringify({ key, value }, (_k, v: unknown) =>
                v instanceof Blob ? { blob: v.type, size: v.size } : v,
              ),
            ) as unknown,
        );
      }
    } finally {
      db.close();
    }
    return out;
  }, name);
}

interface StoredRecord {
  readonly id: string;
  readonly revision: number;
  readonly answers: Readonly<Record<string, unknown>>;
}

interface StoredKept {
  readonly kind: 'application' | 'profile';
  readonly reason: string;
  readonly record: StoredRecord;
}

/** The stored application (read straight from IndexedDB). */
export async function storedApplication(page: Page, appId: string): Promise<StoredRecord | undefined> {
  const rows = (await readDatabase(page)).applications ?? [];
  return rows.map((r) => (r as { value: StoredRecord }).value).find((a) => a.id === appId);
}

/**
 * Waits until the application's stored answers include `answers`: an autosave has landed. (The
 * page's save status is no sign of it: its words before any save, and an earlier save's time,
 * both read "saved on this computer".)
 */
export async function waitStoredAnswers(page: Page, appId: string, answers: Record<string, unknown>): Promise<void> {
  await expect
    .poll(async () => (await storedApplication(page, appId))?.answers, {
      interval: 100,
      message: `the stored answers of ${appId}`,
    })
    .toMatchObject(answers);
}

/** Every stored organisation profile (read straight from IndexedDB). */
export async function storedProfiles(page: Page): Promise<StoredRecord[]> {
  const rows = (await readDatabase(page)).profiles ?? [];
  return rows.map((r) => (r as { value: StoredRecord }).value);
}

/** Every kept version (read straight from IndexedDB). */
export async function storedKeptVersions(page: Page): Promise<StoredKept[]> {
  const rows = (await readDatabase(page)).keptVersions ?? [];
  return rows.map((r) => (r as { value: StoredKept }).value);
}

/**
 * Puts records into the app's object stores with the browser's IndexedDB API, as an earlier
 * release of the app left them. Opened without a version, so it never upgrades anything.
 */
export function writeRecords(
  page: Page,
  records: Readonly<Record<string, readonly unknown[]>>,
  name = 'aqp-apply',
): Promise<void> {
  return page.evaluate(
    async ({ dbName, stores }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      try {
        const tx = db.transaction(Object.keys(stores), 'readwrite');
        for (const [store, rows] of Object.entries(stores)) for (const row of rows) tx.objectStore(store).put(row);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        });
      } finally {
        db.close();
      }
    },
    { dbName: name, stores: records },
  );
}
