// A part of the app that cannot be fetched (the connection drops, or the host published a new
// version mid-visit): the page's code, or the code that reads config.json. The app reloads itself
// once for it; when the part still cannot be fetched, the page says so plainly in the main
// landmark, with a reload, and nothing escapes as an uncaught error; a page whose code can be
// fetched still works. With the code that reads config.json missing, the app carries on with its
// defaults. Service workers are blocked so that page.route sees every request.
import type { BrowserContext } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { sharedHarness } from './support/harness';

const h = sharedHarness();

let context: BrowserContext;
beforeEach(async () => {
  context = await h.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
});
afterEach(async () => context.close());

/** Every load of the document (the app's reload for a failed part counts). */
const documentLoads = (requested: readonly string[], from: number) =>
  requested.slice(from).filter((url) => /\/(index\.html)?(\?.*)?$/.test(url)).length;

describe('a part of the app that cannot be fetched', () => {
  it('says so in place of the page, after one reload, and the rest of the app works', async () => {
    const app = await openApp(h.browser, h.server.origin, { context });
    const { page } = app;
    const settingsCode = /\/assets\/settings-page-[^/]+\.js$/;
    await page.route(settingsCode, (route) => route.abort('connectionreset'));
    await page.goto(h.server.url);
    await page.getByRole('link', { name: 'Start now' }).waitFor();
    const before = h.server.requested.length;

    await page.getByRole('link', { name: 'Backups and storage' }).first().click();
    const failed = page.getByRole('alert').filter({ hasText: 'Sorry, this page could not be shown' });
    await failed.waitFor();
    expect(documentLoads(h.server.requested, before), 'the app reloaded once for the failed part').toBe(1);
    expect(await failed.innerText()).toContain(
      'Part of this service could not be loaded. Check your connection, then reload the page. Your saved answers are safe on this computer.',
    );
    expect(await page.title()).toMatch(/^Sorry, this page could not be shown/);
    expect(await page.locator('header.nhsuk-header').count(), 'the frame stays').toBe(1);
    expect(app.pageErrors, 'uncaught errors').toEqual([]);
    await expectNoAxeViolations(page, 'the page that could not be shown');
    await page.screenshot({ path: '/tmp/part-failed.png' });

    // Another page still works; and once the connection is back, "Reload the page" shows this one.
    await page.getByRole('link', { name: 'Go to your applications' }).click();
    await page.getByRole('link', { name: 'Start now' }).waitFor();
    await page.goBack();
    await failed.waitFor();
    await page.unroute(settingsCode);
    await page.getByRole('button', { name: 'Reload the page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Backups and storage' }).waitFor();
    expect(app.pageErrors, 'uncaught errors').toEqual([]);
  });

  it('carries on with the defaults when the code that reads config.json cannot be fetched', async () => {
    h.server.override('config.json', JSON.stringify({ lmc: { name: 'Kernow Local Medical Committee' } }));
    try {
      const app = await openApp(h.browser, h.server.origin, { context });
      const { page } = app;
      // hosting.ts alone (its content hash is 8 characters), not hosting-config or hosting-context.
      await page.route(/\/assets\/hosting-[\w-]{8}\.js$/, (route) => route.abort('connectionreset'));
      await page.goto(h.server.url);
      await page.getByRole('link', { name: 'Start now' }).waitFor();
      expect(await page.locator('footer').innerText()).toContain('Provided by your Local Medical Committee.');
      await page.getByRole('link', { name: 'Start now' }).click();
      await page.getByLabel('Organisation’s legal name').waitFor();
      expect(app.pageErrors, 'uncaught errors').toEqual([]);
    } finally {
      h.server.override('config.json', null);
    }
  });
});
