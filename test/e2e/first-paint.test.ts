// The first paint (issue 13), in Chromium against the built app. index.html carries the app's frame
// and, for a first visit to the home page, the start page's heading and opening paragraph, so they
// paint before any of the app's JavaScript has run (here the entry module is held back until the
// test lets it go); React then mounts the same page, and nothing on screen moves: the heading,
// paragraph and header keep their boxes, and the page records no layout shift. Everyone else sees
// only the header until their own page is ready, never the start page flashing first: a deep
// link, a returning user whose browser has saved work (the flag storage leaves), a browser whose
// service worker is in control, and a browser with JavaScript off (which shows its notice).
// Screenshot of the first visit before any script: /tmp/first-paint-before-js.png.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, type Watched } from './support/app-page';
import { sharedHarness } from './support/harness';
import { entryModule, holdScript, type Held } from './support/hold';

const harness = sharedHarness();
const introHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Apply to be an Any Qualified Provider' });

/** Holds back the app's entry module (the only script that starts the app) until released. */
const holdAppScript = (page: Page): Promise<Held> => holdScript(page, entryModule);

/**
 * Waits for what the browser paints first: the header with the app's stylesheet applied (a check
 * made before the stylesheet arrives would see the hidden start page as visible).
 */
async function firstPainted(page: Page): Promise<void> {
  await page.locator('header.nhsuk-header').waitFor();
  await page.waitForFunction(() => {
    const header = document.querySelector('header.nhsuk-header');
    return header !== null && getComputedStyle(header).backgroundColor !== 'rgba(0, 0, 0, 0)';
  });
}

type GapWindow = Window & { __headingGone?: boolean };
/** Notes whether the main heading, once shown, ever left the page (a blank moment between the two copies). */
function recordHeadingGaps(): void {
  let seen = false;
  new MutationObserver(() => {
    const present = document.querySelector('main h1') !== null;
    if (present) seen = true;
    else if (seen) (window as GapWindow).__headingGone = true;
  }).observe(document, { subtree: true, childList: true });
}

type ShiftWindow = Window & { __shifts?: number[] };
function recordShifts(): void {
  const shifts: number[] = [];
  (window as ShiftWindow).__shifts = shifts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) shifts.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
}

async function boxes(page: Page) {
  const box = async (selector: string) => page.locator(selector).first().boundingBox();
  return {
    header: await box('header.nhsuk-header'),
    h1: await box('main h1'),
    lede: await box('main .nhsuk-lede-text'),
  };
}

async function open(context?: BrowserContext): Promise<Watched> {
  return openApp(harness.browser, harness.server.origin, context ? { context } : {});
}

describe('the first paint', () => {
  it('shows a first visit the start page from the HTML, and the app mounts it without moving anything', async () => {
    const app = await open();
    const { page } = app;
    await page.addInitScript(recordShifts);
    await page.addInitScript(recordHeadingGaps);
    const held = await holdAppScript(page);
    await page.goto(harness.server.url, { waitUntil: 'commit' });
    await firstPainted(page);
    expect(await introHeading(page).isVisible()).toBe(true);
    expect(await page.locator('main .nhsuk-lede-text').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Who this is for' }).count(), 'the app has not run yet').toBe(0);
    await page.screenshot({ path: '/tmp/first-paint-before-js.png' });
    const before = await boxes(page);

    held.release();
    await page.getByRole('heading', { name: 'Who this is for' }).waitFor();
    await page.getByRole('link', { name: 'Start now' }).waitFor();
    await page.waitForTimeout(500);
    expect(await boxes(page), 'heading, paragraph and header where they first painted').toStrictEqual(before);
    expect(await introHeading(page).count(), 'one heading: the app replaced the pre-rendered copy').toBe(1);
    expect(await page.evaluate(() => (window as ShiftWindow).__shifts ?? []), 'layout shifts').toStrictEqual([]);
    expect(await page.evaluate(() => (window as GapWindow).__headingGone ?? false), 'the heading never left').toBe(
      false,
    );
    await app.expectClean();
    await app.context.close();
  });

  it('keeps keyboard focus on the control it was on when the app mounts, and the skip link works before it', async () => {
    const app = await open();
    const { page } = app;
    let held = await holdAppScript(page);
    await page.goto(harness.server.url, { waitUntil: 'commit' });
    await firstPainted(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await focused(), 'the header link, pre-rendered').toBe('Apply to be an Any Qualified Provider');
    held.release();
    await page.getByRole('link', { name: 'Start now' }).waitFor();
    expect(await focused(), 'the same link in the app').toBe('Apply to be an Any Qualified Provider');
    expect(await page.evaluate(() => document.activeElement?.closest('header') !== null)).toBe(true);

    // Before the app has loaded, the skip link focuses the main content and leaves the route alone.
    const again = await app.context.newPage();
    held = await holdAppScript(again);
    await again.goto(`${harness.server.url}#/settings`, { waitUntil: 'commit' });
    await firstPainted(again);
    await again.keyboard.press('Tab');
    await again.keyboard.press('Enter');
    expect(await again.evaluate(() => document.activeElement?.id)).toBe('maincontent');
    expect(await again.evaluate(() => window.location.hash)).toBe('#/settings');
    held.release();
    await again.getByRole('heading', { level: 1, name: 'Backups and storage' }).waitFor();
    expect(await again.evaluate(() => document.activeElement?.id), 'still on the main content').toBe('maincontent');
    await app.expectClean();
    await app.context.close();
  });

  it('never shows the start page before another page: a deep link', async () => {
    const app = await open();
    const { page } = app;
    const held = await holdAppScript(page);
    await page.goto(`${harness.server.url}#/settings`, { waitUntil: 'commit' });
    await firstPainted(page);
    expect(await introHeading(page).isVisible()).toBe(false);
    held.release();
    await page.getByRole('heading', { level: 1, name: 'Backups and storage' }).waitFor();
    await app.expectClean();
    await app.context.close();
  });

  it('never shows it to a browser that has saved work, with or without a service worker', async () => {
    // Service workers blocked: only the flag storage leaves in localStorage can tell.
    const context = await harness.browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 900 },
    });
    const app = await open(context);
    const { page } = app;
    let held = await holdAppScript(page);
    await page.goto(harness.server.url, { waitUntil: 'commit' });
    await firstPainted(page);
    expect(await introHeading(page).isVisible(), 'a first visit, with no service worker').toBe(true);
    held.release();
    await page.getByRole('link', { name: 'Start now' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Apply to be' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('aqp-apply:saved-work'))).toBe('1');

    await page.unrouteAll({ behavior: 'wait' });
    const again = await context.newPage();
    held = await holdAppScript(again);
    await again.goto(harness.server.url, { waitUntil: 'commit' });
    await firstPainted(again);
    expect(await introHeading(again).isVisible(), 'no start page for a browser with saved work').toBe(false);
    held.release();
    await again.getByRole('heading', { level: 1, name: 'Apply to be an Any Qualified Provider' }).waitFor();
    await app.expectClean();
    await context.close();

    // A service worker in control: this browser has been here before (say, before this version).
    const withWorker = await open();
    await withWorker.page.goto(harness.server.url);
    await withWorker.page.getByRole('link', { name: 'Start now' }).waitFor();
    // Installed and activated, so the next load is in its control from its first byte.
    await withWorker.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active;
      if (worker && worker.state !== 'activated')
        await new Promise<void>((resolve) =>
          worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
        );
    });
    const second = await withWorker.context.newPage();
    // A service worker answers from its cache, out of reach of page.route, so the app cannot be
    // held back: note, when the HTML has been read, whether the page started in the worker's
    // control and whether the pre-rendered start page was shown.
    type GateWindow = Window & { __gate?: { controlled: boolean; marked: boolean; display: string } };
    await second.addInitScript(() => {
      const controlled = navigator.serviceWorker.controller !== null;
      document.addEventListener('DOMContentLoaded', () => {
        const intro = document.querySelector('.app-first-paint');
        (window as GateWindow).__gate = {
          controlled,
          marked: document.documentElement.classList.contains('app-first-visit'),
          display: intro ? getComputedStyle(intro).display : 'gone',
        };
      });
    });
    await second.goto(harness.server.url);
    await introHeading(second).waitFor();
    expect(await second.evaluate(() => (window as GateWindow).__gate), 'no start page from the HTML').toStrictEqual({
      controlled: true,
      marked: false,
      display: 'none',
    });
    await withWorker.context.close();
  });

  it('reloads once, then says so plainly, when the app’s start-up code cannot be fetched', async () => {
    const context = await harness.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let asked = 0;
    await page.route(/\/assets\/boot-[^/]+\.js$/, async (route) => {
      asked += 1;
      await route.abort('connectionfailed');
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(harness.server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('This service could not finish loading.');
    expect(asked, 'fetched, then fetched again after one reload').toBe(2);
    expect(await page.locator('header.nhsuk-header').isVisible()).toBe(true);
    expect(errors, 'no uncaught error').toStrictEqual([]);
    await context.close();
  });

  it('shows the notice, not the start page, with JavaScript off', async () => {
    const context = await harness.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(harness.server.url);
    expect(await page.locator('main').innerText()).toBe(
      'This service needs JavaScript. Ask your practice IT support to allow it for this site.',
    );
    expect(await page.locator('header.nhsuk-header').isVisible()).toBe(true);
    expect(await introHeading(page).isVisible()).toBe(false);
    await page.screenshot({ path: '/tmp/first-paint-no-js.png' });
    await context.close();
  });
});
