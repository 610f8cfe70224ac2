// "Your applications" with more applications than one screen (issue 13), in Chromium: seeded by
// importing a backup of 45 applications through the settings page, it lists the 20 most recently
// saved, each with its organisation, services and progress from the summary rows; "Show 20 more"
// adds the next 20 and moves focus to the first one it added, then "Show 5 more" the rest; a
// member's draft of a return is never listed; deleting one and undoing it brings it back with the
// same summary. Axe at 320 and 1280 px with the longer list. Screenshot: /tmp/dashboard-more.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dashboardApplications } from '../fixtures/applications/dashboard-applications';
import { referenceNow } from '../fixtures/applications/reference-applications';
import { makeBackupText } from '../tools/bench/backup-files';
import { openApp } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { sharedHarness } from './support/harness';

const harness = sharedHarness();
const cards = (page: Page) => page.locator('li.app-application');

describe('Your applications, a screen at a time', () => {
  it('shows the newest 20, then more on request, with focus on the first added', async () => {
    const set = dashboardApplications({ applications: 45 });
    const text = await makeBackupText(set, new Date(referenceNow));
    const app = await openApp(harness.browser, harness.server.origin);
    const { page } = app;
    await page.goto(`${harness.server.url}#/settings`);
    await page.getByRole('heading', { name: 'Backups and storage' }).waitFor();
    await page.locator('#backup-file').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await page.getByText('This backup holds').waitFor();
    await page.getByRole('button', { name: 'Import backup' }).click();
    await page
      .getByText(/Imported/)
      .first()
      .waitFor();

    await page.goto(harness.server.url);
    await page.getByRole('heading', { level: 1, name: 'Your applications' }).waitFor();
    await expect.poll(() => cards(page).count()).toBe(20);
    // Newest first, as saved.
    const newest = [...set.applications].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const orgName = (profileId: string) => set.profiles.find((p) => p.id === profileId)?.name ?? '';
    expect(await cards(page).first().locator('h2').innerText()).toBe(orgName(newest[0]?.profileId ?? ''));
    expect(await cards(page).first().innerText()).toMatch(/\d+ of \d+ sections completed/);
    expect(await page.getByText('Showing your 20 most recently saved applications of 45.').count()).toBe(1);

    await page.getByRole('button', { name: 'Show 20 more' }).click();
    await expect.poll(() => cards(page).count()).toBe(40);
    const focused = await page.evaluate(() => document.activeElement?.closest('li.app-application'));
    expect(focused, 'focus is in a card').not.toBeNull();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(orgName(newest[20]?.profileId ?? ''));
    await page.screenshot({ path: '/tmp/dashboard-more.png', fullPage: false });
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page, `"Your applications" with 40 of 45 shown at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Show 5 more' }).click();
    await expect.poll(() => cards(page).count()).toBe(45);
    expect(await page.getByRole('button', { name: /^Show \d+ more$/ }).count()).toBe(0);

    // Delete and undo: the card goes and comes back with the same facts.
    const first = cards(page).first();
    const before = await first.innerText();
    await first.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => cards(page).count()).toBe(44);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cards(page).count()).toBe(45);
    expect(await cards(page).first().innerText()).toBe(before);
    await app.expectClean();
    await app.context.close();
  }, 120_000);
});
