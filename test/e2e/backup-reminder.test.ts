// The reminder to back up, in Chromium with the clock moved on (issue 16): nothing on the day the
// work starts; "Download a backup of your work" on the dashboard and the task list once work not
// in a backup is more than 7 days old; one click downloads a backup and the reminder goes, and it
// stays gone after a reload until something changes again; the host's config.json sets the number
// of days; a browser that has not agreed to keep the site's data is reminded from the next day. And a
// certificate expiring within 30 days is listed under "Documents to renew". Axe at 320 and 1280 px.
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { pdfFile } from './support/evidence-pdf';
import { pageUrl, sharedHarness, startApplication, taskListUrl } from './support/harness';
import { journeyNow } from './support/scenarios';

const harness = sharedHarness();
afterEach(() => harness.server.override('config.json', null));

const day = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(journeyNow.getTime() + days * day);

/** The browser's answer to navigator.storage.persisted(), fixed for the test. */
async function persisted(context: BrowserContext, value: boolean) {
  await context.addInitScript((v) => {
    Object.defineProperty(navigator.storage, 'persisted', { value: () => Promise.resolve(v), configurable: true });
  }, value);
}

const reminder = (page: Page) => page.locator('.app-backup-reminder');

async function showsReminder(page: Page, url: string): Promise<boolean> {
  await page.goto(url);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // The reminder needs the settings and the browser's answer: give both a moment to arrive.
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.waitForTimeout(300);
  return (await reminder(page).count()) > 0;
}

describe('the reminder to back up', () => {
  it('appears when work not in a backup is over 7 days old, and goes once a backup is downloaded', async () => {
    const app = await openApp(harness.browser, harness.server.origin);
    const { page, context } = app;
    await persisted(context, true);
    await context.clock.setFixedTime(journeyNow);
    const appId = await startApplication(page, harness.server.url);
    const dashboard = harness.server.url;
    const tasks = taskListUrl(harness.server.url, appId);
    expect(await showsReminder(page, dashboard), 'on the first day').toBe(false);

    await context.clock.setFixedTime(at(7));
    expect(await showsReminder(page, dashboard), 'after 7 days').toBe(false);
    await context.clock.setFixedTime(at(8));
    expect(await showsReminder(page, dashboard), 'after 8 days').toBe(true);
    expect(await reminder(page).innerText()).toContain('You have not downloaded a backup of your work yet.');
    await page.screenshot({ path: '/tmp/backup-reminder-dashboard.png', fullPage: true });
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page, `the dashboard with the backup reminder at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await showsReminder(page, tasks), 'on the task list too').toBe(true);
    await page.screenshot({ path: '/tmp/backup-reminder-task-list.png' });

    // One click: a backup downloads and the reminder says so, then is gone after a reload.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      reminder(page).getByRole('button', { name: 'Download a backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^aqp-backup-all-2026-11-30\.json$/);
    await reminder(page)
      .getByText(/^Backup downloaded as aqp-backup-all-/)
      .waitFor();
    await context.clock.setFixedTime(at(30));
    expect(await showsReminder(page, dashboard), 'nothing changed since the backup').toBe(false);

    // A change two days after the backup: not yet; once the backup is 8 days old, reminded again.
    await context.clock.setFixedTime(at(10));
    await page.goto(pageUrl(harness.server.url, appId, 'organisation', 'org-identity'));
    await page.getByLabel('Does your organisation trade under a different name?').fill('Riverside Medical Practice');
    await page.getByRole('button', { name: 'Save and come back later' }).click();
    await page.getByRole('heading', { name: /Application to/ }).waitFor();
    expect(await showsReminder(page, tasks), 'the backup is 2 days old').toBe(false);
    await context.clock.setFixedTime(at(16));
    expect(await showsReminder(page, tasks)).toBe(true);
    expect(await reminder(page).innerText()).toContain(
      'Your last backup was on 30 November 2026, 8 days ago, and you have made changes since.',
    );
    await app.expectClean();
    await app.context.close();
  });

  it('follows the host’s number of days, and reminds daily when the browser may clear the data', async () => {
    harness.server.override('config.json', JSON.stringify({ backupReminderDays: 2 }));
    const app = await openApp(harness.browser, harness.server.origin);
    const { page, context } = app;
    await persisted(context, true);
    await context.clock.setFixedTime(journeyNow);
    const appId = await startApplication(page, harness.server.url);
    await context.clock.setFixedTime(at(3));
    expect(await showsReminder(page, taskListUrl(harness.server.url, appId)), 'after 3 days, with 2 set').toBe(true);
    await app.context.close();

    const second = await openApp(harness.browser, harness.server.origin);
    await persisted(second.context, false);
    await second.context.clock.setFixedTime(journeyNow);
    const otherId = await startApplication(second.page, harness.server.url);
    const otherTasks = taskListUrl(harness.server.url, otherId);
    expect(await showsReminder(second.page, otherTasks), 'not persistent, the same day').toBe(false);
    await second.context.clock.setFixedTime(at(1));
    expect(await showsReminder(second.page, otherTasks), 'not persistent, the next day').toBe(true);
    expect(await reminder(second.page).innerText()).toContain('This browser has not agreed to keep what you save here');
    await second.expectClean();
    await second.context.close();
  });

  it('lists a certificate that expires within 30 days under "Documents to renew"', async () => {
    const app = await openApp(harness.browser, harness.server.origin);
    const { page, context } = app;
    await persisted(context, true);
    await context.clock.setFixedTime(journeyNow);
    const appId = await startApplication(page, harness.server.url);
    await page.goto(pageUrl(harness.server.url, appId, 'insurance', 'ins.el'));
    await page.locator('input[type="file"]').first().setInputFiles(pdfFile('EL-certificate.pdf', 'EL certificate'));
    await page.locator('.app-evidence__list strong', { hasText: 'EL-certificate.pdf' }).waitFor();
    const validUntil = page.getByRole('group', { name: 'Valid until (EL-certificate.pdf)' });
    await validUntil.getByLabel('Day').fill('10');
    await validUntil.getByLabel('Month').fill('12');
    await validUntil.getByLabel('Year').fill('2026');
    await validUntil.getByLabel('Year').blur();
    await page.getByRole('button', { name: 'Save and come back later' }).click();
    await page.getByRole('heading', { name: /Application to/ }).waitFor();
    await page.goto(harness.server.url);
    const renew = page.locator('.app-expiring-evidence');
    await renew.waitFor();
    expect((await renew.innerText()).replace(/\s+/g, ' ')).toContain(
      'EL-certificate.pdf (Riverside Surgery) expires on 10 December 2026.',
    );
    expect(await renew.getByRole('link', { name: /Check the evidence/ }).getAttribute('href')).toContain(
      `/applications/${encodeURIComponent(appId)}/evidence`,
    );
    await page.screenshot({ path: '/tmp/backup-reminder-renew.png', fullPage: true });
    await expectNoAxeViolations(page, 'the dashboard with documents to renew');
    await app.expectClean();
    await app.context.close();
  });
});
