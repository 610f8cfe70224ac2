/**
 * What the fault tests share: one Chromium and one static server per file, a quick start of an
 * application through the UI, a snapshot of everything the app keeps in IndexedDB (read with the
 * browser's own IndexedDB API, not through the app), and the text of a downloaded PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { distDir } from './paths';
import { startStaticServer, type StaticServer } from './static-server';

export interface Harness {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/** Launches Chromium and serves the build for the tests of one file; closes both afterwards. */
export function sharedHarness(): Harness {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await startStaticServer(distDir);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is not running yet');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server is not running yet');
      return server;
    },
  };
}

export interface QuickStart {
  readonly organisation?: string;
  readonly commissioner?: string;
}

/**
 * From the home page: "Start now", a single practice applying for podiatry, "Start application".
 * Resolves with the application's id once its task list is on screen.
 */
export async function startApplication(page: Page, url: string, options: QuickStart = {}): Promise<string> {
  await page.goto(url);
  await page.getByRole('link', { name: 'Start now' }).click();
  await page.getByLabel('Organisation’s legal name').fill(options.organisation ?? 'Riverside Surgery');
  await page.getByLabel('A single GP practice').check();
  await page.getByLabel('Podiatry').check();
  await page.getByLabel('Commissioner').fill(options.commissioner ?? 'NHS Kernow CCG');
  await page.getByRole('button', { name: 'Start application' }).click();
  await page.getByRole('heading', { name: /Application to/ }).waitFor();
  const hash = await page.evaluate(() => location.hash);
  return decodeURIComponent(hash.replace(/^#\/applications\//, ''));
}

/** The app's address for a page of an application: "#/applications/<id>/sections/<section>/<page>". */
export const pageUrl = (url: string, appId: string, sectionId: string, pageId: string) =>
  `${url}#/applications/${encodeURIComponent(appId)}/sections/${sectionId}/${pageId}`;

export const taskListUrl = (url: string, appId: string) => `${url}#/applications/${encodeURIComponent(appId)}`;

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

/** The text of a PDF, extracted with poppler's pdftotext (reading order, no layout). */
export function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fault-pack-'));
  const file = path.join(dir, 'pack.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
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
