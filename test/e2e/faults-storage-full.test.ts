// Storage full: the browser's quota for the app is shrunk through the DevTools protocol
// (Storage.overrideQuotaForOrigin, set before the database first opens, when Chromium reads the
// quota), then a long answer is typed. The page says plainly within a second that the change is
// not saved and offers a backup that includes it; nothing escapes as an unhandled rejection; and
// once the quota is back, a reload shows every earlier answer, and the long one too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { storedProfiles } from './support/faults';
import { pageUrl, sharedHarness, startApplication } from './support/harness';

const h = sharedHarness();

/** About 600 KB as IndexedDB stores it (two bytes a character): far over the room left. */
const longAnswer = 'Łódź clinic rota – '.repeat(15_000).slice(0, 150_000);
const earlier = {
  '#gov-cg-lead-registration': 'GMC 1234567',
  '#gov-cg-framework': 'Monthly clinical governance meetings, minuted, with an annual audit plan.',
};

describe('when the disk is full', () => {
  it(
    'says so within a second, offers a backup with the unsaved change, and loses nothing',
    { timeout: 90_000 },
    async () => {
      // No service worker in this context: its precache writes to Cache Storage, which counts
      // against the same shrunken quota, and whether it finished before the quota was read was a
      // race (CI once saw "Start application" refused for want of space). What is tested here is
      // the app's own saving; the service worker has its tests in offline.test.ts.
      const context = await h.browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'en-GB',
        timezoneId: 'Europe/London',
        acceptDownloads: true,
        serviceWorkers: 'block',
      });
      const app = await openApp(h.browser, h.server.origin, { context });
      const { page } = app;
      const cdp = await app.context.newCDPSession(page);
      // Room for ordinary answers, not for the long one.
      const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin: h.server.origin });
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: h.server.origin, quotaSize: usage + 200_000 });

      const appId = await startApplication(page, h.server.url);
      await page.goto(pageUrl(h.server.url, appId, 'governance', 'gov-clinical-governance'));
      await page.locator('#gov-cg-framework').waitFor();
      for (const [selector, text] of Object.entries(earlier)) await page.locator(selector).fill(text);
      const stored = async () => (await storedProfiles(page))[0]?.answers ?? {};
      await expect
        .poll(async () => [(await stored())['gov.cg-lead-registration'], (await stored())['gov.cg-framework']])
        .toEqual([earlier['#gov-cg-lead-registration'], earlier['#gov-cg-framework']]);

      // The long answer does not fit: a clear message within a second of typing it.
      await page.locator('#gov-cg-framework').fill(longAnswer);
      const message = page.locator('#save-failure');
      await message.waitFor({ timeout: 1_000 });
      expect(await message.getByRole('heading').innerText()).toContain('Your latest changes have not been saved');
      expect(await message.innerText()).toContain('This computer has run out of space for the app');
      expect(await page.locator('.app-save-status').innerText()).toMatch(/^Not saved/);
      await expectNoAxeViolations(page, 'the failed save message');
      // Nothing reached the database: it still holds the earlier answer.
      expect((await stored())['gov.cg-framework']).toBe(earlier['#gov-cg-framework']);

      // The backup it offers holds the change that could not be saved.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        message.getByRole('button', { name: 'Download a backup of this application' }).click(),
      ]);
      const backup = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
        profiles: { answers: Record<string, unknown> }[];
      };
      expect(backup.profiles[0]?.answers['gov.cg-framework']).toBe(longAnswer);
      expect(backup.profiles[0]?.answers['gov.cg-lead-registration']).toBe(earlier['#gov-cg-lead-registration']);
      await message.getByText(/Backup downloaded as aqp-backup-.*\.json/).waitFor();

      expect(app.pageErrors, 'unhandled rejections and exceptions').toEqual([]);
      expect(app.consoleErrors, 'console errors').toEqual([]);

      // Space again (the quota back to normal), and a reload: every answer is there, the long one too.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: h.server.origin });
      await page.reload();
      await page.locator('#gov-cg-framework').waitFor();
      expect(await page.locator('#gov-cg-lead-registration').inputValue()).toBe(earlier['#gov-cg-lead-registration']);
      expect(await page.locator('#gov-cg-framework').inputValue()).toBe(longAnswer);
      await app.expectClean();
      await app.context.close();
    },
  );
});
