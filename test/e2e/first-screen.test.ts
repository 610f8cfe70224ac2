// "Your applications" painted from the database before the app loads (issue 13), in Chromium.
// With 25 applications stored (a backup imported through the settings page) and the app's own
// code held back (React never mounts until the test lets it), a returning user's home page shows
// the 20 newest cards, their facts and "Show more", read straight from IndexedDB. When the app
// mounts over it nothing moves (boxes, layout-shift entries, the heading never gone), the list is
// the same, and keyboard focus stays on the link it was on. A card's link followed before the app
// has loaded opens that application once it has, and "Show 5 more" pressed before then is pressed
// again once it has. A deep link, and a database with no
// applications, paint nothing. Axe at 320 and 1280 px on the painted page.
// Screenshot before the app loads: /tmp/first-screen-before-app.png.
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardApplications } from '../fixtures/applications/dashboard-applications';
import { referenceNow } from '../fixtures/applications/reference-applications';
import { makeBackupText } from '../tools/bench/backup-files';
import { importBackupFile, openSettings } from '../tools/bench/settings-page';
import { openApp, type Watched } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { sharedHarness } from './support/harness';
import { appShell, holdScript } from './support/hold';

const harness = sharedHarness();
const cards = (page: Page) => page.locator('li.app-application');
const set = dashboardApplications({ applications: 25 });
const newest = [...set.applications].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
const orgName = (profileId: string) => set.profiles.find((p) => p.id === profileId)?.name ?? '';

/** Holds back the app's own code (React and the shell): nothing but the page painted before it runs. */
const holdApp = (page: Page) => holdScript(page, appShell);

const mounted = (page: Page) => page.evaluate(() => performance.getEntriesByName('aqp:mounted').length > 0);

type ShiftWindow = Window & { __shifts?: number[]; __headingGone?: boolean };
function recordShiftsAndGaps(): void {
  const w = window as ShiftWindow;
  w.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) w.__shifts?.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
  let seen = false;
  new MutationObserver(() => {
    const present = document.querySelector('main > h1') !== null;
    if (present) seen = true;
    else if (seen) w.__headingGone = true;
  }).observe(document, { subtree: true, childList: true });
}

async function boxes(page: Page) {
  const box = (locator: ReturnType<Page['locator']>) => locator.boundingBox();
  return {
    heading: await box(page.locator('main > h1')),
    first: await box(cards(page).first()),
    third: await box(cards(page).nth(2)),
    showMore: await box(page.locator('.app-show-more')),
  };
}

describe('"Your applications" painted before the app loads', () => {
  let context: BrowserContext;
  let seeded: Watched;

  beforeAll(async () => {
    // Service workers blocked, so that page.route can hold the app's code back.
    context = await harness.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    seeded = await openApp(harness.browser, harness.server.origin, { context });
    const { page } = seeded;
    await openSettings(page, harness.server.url);
    await importBackupFile(page, { name: 'backup.json', text: await makeBackupText(set, new Date(referenceNow)) });
    await page.close();
  }, 60_000);

  it('shows the newest 20 from the database, and the app mounts over them without moving anything', async () => {
    const app = await openApp(harness.browser, harness.server.origin, { context });
    const { page } = app;
    await page.addInitScript(recordShiftsAndGaps);
    const held = await holdApp(page);
    await page.goto(harness.server.url, { waitUntil: 'commit' });
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBe(20);
    expect(await mounted(page), 'the app has not mounted').toBe(false);
    expect(await cards(page).first().locator('h2').innerText()).toBe(orgName(newest[0]?.profileId ?? ''));
    expect(await cards(page).nth(19).locator('h2').innerText()).toBe(orgName(newest[19]?.profileId ?? ''));
    expect(await cards(page).first().innerText()).toMatch(/\d+ of \d+ sections completed/);
    expect(await page.getByText('Showing your 20 most recently saved applications of 25.').count()).toBe(1);
    expect(await page.title()).toBe('Your applications – Apply to be an Any Qualified Provider');
    await page.screenshot({ path: '/tmp/first-screen-before-app.png' });
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page, `"Your applications" painted before the app, at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    // Keyboard focus on the second card's "Continue" link (which scrolls it into view).
    await cards(page)
      .nth(1)
      .getByRole('link', { name: /^Continue/ })
      .focus();
    const before = await boxes(page);
    const list = await page.locator('ul.app-applications').evaluate((ul) => new XMLSerializer().serializeToString(ul));

    held.release();
    await expect.poll(() => mounted(page), { timeout: 20_000 }).toBe(true);
    await page.getByRole('link', { name: 'Backups, importing and storage' }).waitFor();
    await page.waitForTimeout(500);
    expect(await boxes(page), 'heading, cards and "Show more" where they first painted').toStrictEqual(before);
    expect(
      await page.locator('ul.app-applications').evaluate((ul) => new XMLSerializer().serializeToString(ul)),
      'the same list',
    ).toBe(list);
    expect(await page.locator('main > h1').count(), 'one heading: the app replaced the painted one').toBe(1);
    expect(await page.evaluate(() => (window as ShiftWindow).__shifts ?? []), 'layout shifts').toStrictEqual([]);
    expect(await page.evaluate(() => (window as ShiftWindow).__headingGone ?? false), 'the heading never left').toBe(
      false,
    );
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('li.app-application')?.querySelector('h2')?.textContent,
      ),
      'focus still on the second card',
    ).toBe(orgName(newest[1]?.profileId ?? ''));
    // The app's own page works: "Show more" answers now.
    await page.getByRole('button', { name: 'Show 5 more' }).click();
    await expect.poll(() => cards(page).count()).toBe(25);
    await app.expectClean();
    await page.close();
  });

  it('opens an application whose link was followed, presses a button pressed and keeps words typed, before the app had loaded', async () => {
    const app = await openApp(harness.browser, harness.server.origin, { context });
    const { page } = app;
    let held = await holdApp(page);
    await page.goto(harness.server.url, { waitUntil: 'commit' });
    await expect.poll(() => cards(page).count(), { timeout: 20_000 }).toBe(20);
    await cards(page).first().locator('h2 a').click();
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/applications/${newest[0]?.id ?? ''}`);
    held.release();
    await page.locator('.nhsuk-task-list').first().waitFor({ timeout: 20_000 });
    expect(await cards(page).count(), 'the painted list is gone').toBe(0);

    // "Show 5 more" pressed before the app has mounted is pressed again once it has.
    const again = await context.newPage();
    held = await holdApp(again);
    await again.goto(harness.server.url, { waitUntil: 'commit' });
    await expect.poll(() => cards(again).count(), { timeout: 20_000 }).toBe(20);
    await again.getByRole('button', { name: 'Show 5 more' }).click();
    expect(await mounted(again)).toBe(false);
    expect(await cards(again).count(), 'nothing happens before the app has mounted').toBe(20);
    held.release();
    await expect.poll(() => cards(again).count(), { timeout: 20_000 }).toBe(25);
    expect(await again.getByRole('button', { name: /^Show \d+ more$/ }).count()).toBe(0);

    // Words typed into "Find an application" before the app has mounted are kept, focus stays in
    // the box, and typing goes on there.
    const third = await context.newPage();
    held = await holdApp(third);
    await third.goto(harness.server.url, { waitUntil: 'commit' });
    await expect.poll(() => cards(third).count(), { timeout: 20_000 }).toBe(20);
    const word = (orgName(newest[0]?.profileId ?? '').split(' ')[0] ?? '').toLowerCase();
    await third.getByLabel('Find an application').click();
    await third.keyboard.type(word);
    expect(await mounted(third)).toBe(false);
    held.release();
    await expect.poll(() => mounted(third), { timeout: 20_000 }).toBe(true);
    const box = third.getByLabel('Find an application');
    await expect
      .poll(() => third.locator('#application-search-outcome').innerText())
      .toMatch(new RegExp(`^\\d+ applications? match(es)? “${word}”\\.$`));
    expect(await box.inputValue()).toBe(word);
    expect(await box.evaluate((el) => el === document.activeElement), 'focus kept in the box').toBe(true);
    expect(await cards(third).first().locator('h2').innerText()).toBe(orgName(newest[0]?.profileId ?? ''));
    await third.keyboard.type(' zzzz');
    expect(await box.inputValue()).toBe(`${word} zzzz`);
    await expect
      .poll(() => third.locator('#application-search-outcome').innerText())
      .toBe(`No applications match “${word} zzzz”.`);
    expect(await cards(third).count()).toBe(0);
    await app.expectClean();
    await page.close();
    await again.close();
    await third.close();
  });

  it('paints nothing on a deep link, or where no application is stored', async () => {
    const app = await openApp(harness.browser, harness.server.origin, { context });
    const { page } = app;
    const held = await holdApp(page);
    await page.goto(`${harness.server.url}#/settings`, { waitUntil: 'commit' });
    await page.locator('header.nhsuk-header').waitFor();
    // The entry paints the list before it asks for the app's code, if it paints it at all.
    await held.requested;
    expect(await cards(page).count(), 'no list on another page').toBe(0);
    expect(await page.locator('main > h1').count()).toBe(0);
    held.release();
    await page.getByRole('heading', { level: 1, name: 'Backups and storage' }).waitFor();
    await app.expectClean();
    await page.close();

    // Another browser that has saved work (an organisation begun) but no application yet.
    const empty = await harness.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    const other = await openApp(harness.browser, harness.server.origin, { context: empty });
    await other.page.goto(harness.server.url);
    await other.page.getByRole('link', { name: 'Start now' }).waitFor();
    await other.page.evaluate(() => localStorage.setItem('aqp-apply:saved-work', '1'));
    const again = await empty.newPage();
    const heldAgain = await holdApp(again);
    await again.goto(harness.server.url, { waitUntil: 'commit' });
    await again.locator('header.nhsuk-header').waitFor();
    // The database has been read, and found no application: nothing is painted from it.
    await expect.poll(() => again.evaluate(() => performance.getEntriesByName('aqp:first-read-done').length)).toBe(1);
    await heldAgain.requested;
    expect(await again.locator('main h1:visible').count(), 'nothing painted').toBe(0);
    heldAgain.release();
    await again.getByRole('link', { name: 'Start now' }).waitFor();
    await other.expectClean();
    await empty.close();
  });
});
