// IndexedDB broken: an init script makes every indexedDB.open throw (as a private window, a
// blocked site or a damaged profile can). The app still works, in memory, with a warning that
// stays on every page and cannot be dismissed; it never claims to have saved anything on this
// computer; and it offers a backup download that holds what was typed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { pageUrl, sharedHarness, startApplication } from './support/harness';

const h = sharedHarness();

describe('when IndexedDB cannot be opened', () => {
  it('works in memory with a warning, and offers a backup of what was typed', { timeout: 60_000 }, async () => {
    const app = await openApp(h.browser, h.server.origin);
    const { page } = app;
    await app.context.addInitScript(() => {
      IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
        throw new DOMException('Simulated: the browser’s storage is not available.', 'UnknownError');
      };
    });
    await page.goto(h.server.url);
    const warning = page.locator('.app-banner', { hasText: 'Your answers are not being saved on this computer' });
    await warning.waitFor();
    expect(await warning.getAttribute('role')).toBe('alert');
    expect(await warning.getByRole('button').count(), 'a way to dismiss the warning').toBe(0);
    expect(await page.evaluate(() => indexedDB.databases()), 'databases created').toEqual([]);

    const appId = await startApplication(page, h.server.url);
    await page.goto(pageUrl(h.server.url, appId, 'commercial', 'com.foi'));
    await page.locator('#com-foi-sensitive').fill('Kept only in this tab');
    const status = page.locator('.app-save-status');
    await status.filter({ hasText: 'Kept in this tab only' }).waitFor();
    expect(await status.innerText()).not.toContain('Saved on this computer');
    expect(await warning.isVisible(), 'the warning on the question page').toBe(true);

    // The warning's link leads to the backup download, which holds the answer.
    await warning.getByRole('link', { name: 'Download a backup' }).click();
    await page.getByRole('heading', { level: 1, name: 'Backups and storage' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup', exact: true }).click(),
    ]);
    const backup = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      applications: { id: string; answers: Record<string, unknown> }[];
    };
    expect(backup.applications.map((a) => [a.id, a.answers['com.foi-sensitive']])).toEqual([
      [appId, 'Kept only in this tab'],
    ]);
    await app.expectClean();
    await app.context.close();
  });
});
