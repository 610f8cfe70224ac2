/**
 * Service-worker helpers for the offline and update tests: wait until the app is fully cached
 * (the worker is active, which Workbox reaches only once every precached file is stored) and the
 * page is controlled by it; and make a "newer build" from the current one.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** After the first visit: waits for the worker to activate, then reloads so it controls the page. */
export async function waitUntilCachedAndControlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}

/**
 * A copy of `distDir` that a browser sees as a new version: index.html carries a build marker
 * (`<meta name="app-build" content="...">`) and the service worker's precache entry for it has a
 * new revision, so sw.js differs byte for byte and installs as an update.
 */
export function newerBuild(distDir: string, marker: string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'build-')), 'dist');
  cpSync(distDir, dir, { recursive: true });
  const index = path.join(dir, 'index.html');
  writeFileSync(
    index,
    readFileSync(index, 'utf8').replace('<head>', `<head><meta name="app-build" content="${marker}">`),
  );
  const sw = path.join(dir, 'sw.js');
  const before = readFileSync(sw, 'utf8');
  const after = before.replace(/(\{url:"index\.html",revision:")[^"]*(")/, `$1${marker}$2`);
  if (after === before) throw new Error('sw.js has no precache entry for index.html to change.');
  writeFileSync(sw, after);
  return dir;
}
