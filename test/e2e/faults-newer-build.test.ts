// A newer build of the app opened in a second tab upgrades the database; the first tab must save
// what it has, stop writing, and ask for a reload. The newer build is simulated: the second tab
// (same origin) opens the app's IndexedDB database at the next schema version, as the newer
// build's Dexie would, and adds a table in the upgrade. Building a second dist would test the
// same event on the first tab; the simulation keeps this file to seconds.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '@/storage/db';
import { openApp } from './support/app-page';
import { readDatabase, storedApplication } from './support/faults';
import { pageUrl, sharedHarness, startApplication } from './support/harness';

const h = sharedHarness();
const field = '#com-foi-sensitive';

/** Opens the database as the next schema version would (Dexie stores version × 10). */
function upgradeFromAnotherTab(page: Page): Promise<number> {
  return page.evaluate(
    async (version) => {
      const request = indexedDB.open('aqp-apply', version);
      return new Promise<number>((resolve, reject) => {
        request.onupgradeneeded = () => request.result.createObjectStore('addedByTheNewerBuild');
        request.onsuccess = () => {
          const db = request.result;
          db.close();
          resolve(db.version);
        };
        request.onerror = () => reject(request.error ?? new Error('upgrade failed'));
        // "blocked" while the first tab saves and closes its connection; the upgrade then goes on.
        request.onblocked = () => undefined;
      });
    },
    (latestSchemaVersion + 1) * 10,
  );
}

/** The app's records as stored (the tables this build writes). */
async function records(page: Page) {
  const { applications, profiles, evidence, keptVersions, settings } = await readDatabase(page);
  return { applications, profiles, evidence, keptVersions, settings };
}

describe('a newer build opened in another tab', () => {
  it('makes this tab save, stop writing and ask for a reload', { timeout: 60_000 }, async () => {
    const app = await openApp(h.browser, h.server.origin);
    const { page } = app;
    const appId = await startApplication(page, h.server.url);
    await page.goto(pageUrl(h.server.url, appId, 'commercial', 'com.foi'));
    await page.locator(field).fill('Typed just before the newer version opened');

    // The other tab upgrades straight away, before the debounced save would have run.
    const other = await app.context.newPage();
    await other.goto(`${h.server.url}favicon.svg`);
    expect(await upgradeFromAnotherTab(other)).toBe((latestSchemaVersion + 1) * 10);
    const banner = page.locator('.app-banner', { hasText: 'Reload to keep working' });
    await banner.waitFor({ timeout: 1_000 });
    expect(await banner.getAttribute('role')).toBe('alert');
    // What was typed before the stop was saved first.
    expect((await storedApplication(other, appId))?.answers['com.foi-sensitive']).toBe(
      'Typed just before the newer version opened',
    );

    // After the stop, typing writes nothing to the database, and the page says it is not saved.
    const before = await records(other);
    await page.locator(field).fill('Typed after the stop');
    await page.locator('.app-save-status', { hasText: /^Not saved: / }).waitFor();
    await page.waitForTimeout(1_500); // longer than the longest autosave wait
    expect(await records(other)).toEqual(before);
    // It is not lost: it waits in this browser's journal for the newer version to save.
    const journal = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('aqp-journal:applications:'))
        .map(
          (k) =>
            (JSON.parse(localStorage.getItem(k) ?? '{}') as { record?: { answers?: Record<string, unknown> } }).record
              ?.answers?.['com.foi-sensitive'],
        ),
    );
    expect(journal).toEqual(['Typed after the stop']);

    // Reloading gets this (older) build again here: it finds the newer database, writes nothing,
    // and says so; the journal is left for the newer build.
    await banner.getByRole('button', { name: 'Reload the page' }).click();
    await page.locator('.app-banner', { hasText: 'A newer version of this app has updated the work' }).waitFor();
    await page.waitForTimeout(500);
    expect(await records(other)).toEqual(before);
    expect(
      await page.evaluate(
        () => Object.keys(localStorage).filter((k) => k.startsWith('aqp-journal:applications:')).length,
      ),
    ).toBe(1);
    await app.expectClean();
    await app.context.close();
  });
});
