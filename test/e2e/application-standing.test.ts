// Where an application stands, in Chromium with real IndexedDB: a new application is a draft; a
// ready one (a whole application made by the reference filler, brought in as a backup file made by
// the app's own code and imported on the Backups page) says "Ready to export" on its task list;
// exporting the final pack records the date on the task list and the dashboard; a change afterwards
// shows "Changed since the pack was exported" on both; and "Start a new application from this one"
// makes a second application with the answers that still apply and says what was copied. Axe at
// 320 and 1280 px on the pages this adds. Screenshots to look at: /tmp/standing-*.png.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { smallSinglePractice } from '../fixtures/applications/reference-applications';
import { makeBackupText } from '../tools/bench/backup-files';
import { openApp, type Watched } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { storedApplication } from './support/faults';
import { pageUrl, sharedHarness, startApplication, taskListUrl } from './support/harness';
import { journeyNow, pinClock } from './support/scenarios';

const h = sharedHarness();

/** The whole page, or only the screen's worth from `from` down (long pages read better so). */
async function screenshot(app: Watched, name: string, from?: Locator): Promise<void> {
  if (from) await from.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await app.page.screenshot({ path: `/tmp/standing-${name}.png`, fullPage: !from });
}

/** Axe at a phone's width and at a desktop's, then back to the desktop; `shot` names a 320 px screenshot. */
async function axeAtBothWidths(page: Page, where: string, shot?: string): Promise<void> {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${where} at ${width} px`);
    if (shot && width === 320) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `/tmp/standing-${shot}-320.png` });
    }
  }
}

/** The task list's "Status" row. */
const statusRow = (page: Page): Locator =>
  page.locator('.app-application__facts .nhsuk-summary-list__row', { hasText: 'Status' });

/** The dashboard card of the application to `commissioner`. */
const card = (page: Page, commissioner: string): Locator =>
  page.locator('li.app-application', { hasText: commissioner });

async function openDashboard(page: Page): Promise<void> {
  await page.goto(`${h.server.url}#/`);
  await page.getByRole('heading', { name: 'Your applications', level: 1 }).waitFor();
}

/** A ready application, as a backup file of the app's format, imported through the Backups page. */
async function importReadyApplication(page: Page): Promise<{ id: string; revision: number }> {
  const reference = await smallSinglePractice();
  const text = await makeBackupText(
    {
      profiles: [reference.profile],
      applications: [reference.application],
      evidence: reference.evidence.map((meta) => {
        const bytes = reference.evidenceBytes.get(meta.id);
        if (!bytes) throw new Error(`no bytes for ${meta.id}`);
        return { meta, bytes };
      }),
    },
    journeyNow,
  );
  await page.goto(`${h.server.url}#/settings`);
  await page.locator('#backup-file').setInputFiles({
    name: 'riverside-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
  await page.getByText('This backup holds 1 application, 1 organisation and 2 files.').waitFor();
  await page.getByRole('button', { name: 'Import backup' }).click();
  await page.getByText('Imported 1 application from the backup.').waitFor();
  return { id: reference.application.id, revision: reference.application.revision };
}

describe('where the application stands', () => {
  it('a new application is a draft, on its task list and on the dashboard', async () => {
    const app = await openApp(h.browser, h.server.origin);
    const { page } = app;
    await startApplication(page, h.server.url, { commissioner: 'NHS Kernow CCG' });
    expect(await statusRow(page).locator('.nhsuk-tag').innerText()).toBe('Draft');
    await openDashboard(page);
    expect(await card(page, 'NHS Kernow CCG').locator('.nhsuk-tag').innerText()).toBe('Draft');
    await app.expectClean();
    await app.context.close();
  });

  it(
    'ready, exported with its date, changed since, then a new application started from it',
    { timeout: 180_000 },
    async () => {
      const app = await openApp(h.browser, h.server.origin);
      await pinClock(app.context);
      const { page } = app;
      const { id: first, revision } = await importReadyApplication(page);
      const commissioner = 'NHS Western Cheshire CCG';

      // The dashboard does not run the rules engine: not exported yet, so a draft there.
      await openDashboard(page);
      expect(await card(page, commissioner).locator('.nhsuk-tag').innerText()).toBe('Draft');
      await page.goto(taskListUrl(h.server.url, first));
      await statusRow(page).getByText('Ready to export').waitFor();
      await screenshot(app, 'task-list-ready', page.locator('main'));

      // A final pack: not marked DRAFT, and recorded with its date.
      await page.getByRole('link', { name: 'Check your answers and export the application pack' }).click();
      const exportButton = page.getByRole('button', { name: 'Export application pack' });
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), exportButton.click()]);
      expect(download.suggestedFilename()).toMatch(
        /^AQP application – Riverside Surgery – Podiatry – 2026-11-22\.pdf$/,
      );
      await page.getByText(/^Application pack saved as/).waitFor({ timeout: 90_000 });
      expect(await page.getByText('It could not be recorded as exported').count()).toBe(0);
      await page.goto(taskListUrl(h.server.url, first));
      await statusRow(page).getByText('Pack exported on 22 November 2026').waitFor();
      // Only the facts are stored: the pack's date, and the revision it shows (the one saved with them).
      expect(await storedApplication(page, first)).toMatchObject({
        status: 'exported',
        exportedAt: journeyNow.toISOString(),
        exportedRevision: revision + 1,
        revision: revision + 1,
      });
      await openDashboard(page);
      await card(page, commissioner).getByText('Pack exported on 22 November 2026').waitFor();
      await screenshot(app, 'dashboard-exported');

      // A change to an answer after the export.
      await page.goto(pageUrl(h.server.url, first, 'commercial', 'com.foi'));
      await page.locator('#com-foi-sensitive').fill('Our prices and our staffing model, which competitors could use.');
      await page.getByRole('button', { name: 'Save and come back later' }).click();
      await page.getByRole('heading', { name: `Application to ${commissioner}` }).waitFor();
      await statusRow(page).getByText('Changed since the pack was exported').waitFor();
      expect(await statusRow(page).innerText()).toContain(
        'Pack exported on 22 November 2026. Export it again to include your changes.',
      );
      await screenshot(app, 'task-list-changed', page.locator('main'));
      await screenshot(app, 'task-list-start-from', page.getByRole('heading', { name: 'Check and export' }));
      await axeAtBothWidths(page, 'the task list of a changed application', 'task-list');
      await openDashboard(page);
      await card(page, commissioner).getByText('Changed since the pack was exported').waitFor();
      await screenshot(app, 'dashboard-changed');
      await axeAtBothWidths(page, 'the dashboard', 'dashboard');

      // Start a new application from this one: another commissioner, podiatry and adult hearing.
      await page.goto(taskListUrl(h.server.url, first));
      await page.getByRole('link', { name: 'Start a new application from this one' }).click();
      await page.getByRole('heading', { name: 'Start a new application from this one', level: 1 }).waitFor();
      expect(await page.getByLabel('Podiatry').isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Start the new application' }).click();
      await page
        .locator('.nhsuk-error-summary')
        .getByText('Enter the commissioner, for example NHS Kernow CCG')
        .waitFor();
      await axeAtBothWidths(page, 'the start-from page with its error');
      await page.getByLabel('Commissioner').fill('NHS Devon CCG');
      await page.getByLabel('Advert reference (optional)').fill('DEV/AQP/HEAR/2027');
      await page.getByLabel('Adult hearing services in the community').check();
      await axeAtBothWidths(page, 'the start-from page');
      await screenshot(app, 'start-from');
      await page.getByRole('button', { name: 'Start the new application' }).click();

      // What was copied.
      await page.getByRole('heading', { name: 'New application started', level: 1 }).waitFor();
      const second = decodeURIComponent((await page.evaluate(() => location.hash)).split('/')[2] ?? '');
      expect(second).not.toBe(first);
      const copied = page.locator('.nhsuk-summary-list');
      await copied
        .locator('.nhsuk-summary-list__row', { hasText: 'How you are bidding' })
        .getByText(/copied/)
        .waitFor();
      expect(
        await copied.locator('.nhsuk-summary-list__row', { hasText: 'Adult hearing services' }).innerText(),
      ).toContain('Left empty: this service is new to this application');
      const again = page.locator('ul', { has: page.getByText('Date of signing') });
      expect(await again.innerText()).toContain('Upload the signed declaration');
      expect(await page.locator('.nhsuk-panel').innerText()).toMatch(
        /Riverside Surgery’s application to NHS Devon CCG for .*\d+ answers copied from the application to NHS Western Cheshire CCG\./,
      );
      await axeAtBothWidths(page, 'the copy confirmation', 'copied');
      await screenshot(app, 'copied', page.locator('main'));
      await screenshot(app, 'copied-again', page.getByRole('heading', { name: 'Answer these again for this advert' }));
      await screenshot(app, 'copied-full');

      // The new application: a draft, with the signatory copied and the date of signing empty.
      await page.getByRole('link', { name: 'Continue to the new application' }).click();
      await page.getByRole('heading', { name: 'Application to NHS Devon CCG' }).waitFor();
      expect(await statusRow(page).locator('.nhsuk-tag').innerText()).toBe('Draft');
      await screenshot(app, 'task-list-new', page.locator('main'));
      await page.goto(pageUrl(h.server.url, second, 'declaration', 'decl.confirm'));
      await page.locator('#decl-date-day').waitFor();
      expect(await page.getByRole('radio', { name: 'Dr Gwenllïan ap Dafydd' }).isChecked()).toBe(true);
      expect(await page.locator('#decl-date-day').inputValue()).toBe('');
      await openDashboard(page);
      expect(await card(page, 'NHS Devon CCG').locator('.nhsuk-tag').innerText()).toBe('Draft');
      await card(page, commissioner).getByText('Changed since the pack was exported').waitFor();
      await screenshot(app, 'dashboard-two');
      await app.expectClean();
      await app.context.close();
    },
  );
});
