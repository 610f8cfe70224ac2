// Never lose an answer: type, then close the page abruptly (no beforeunload, no waiting for the
// debounced save) and open the app again: the answer is there. Repeated, zero lost fields.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, watchPage } from './support/app-page';
import { launchChromium } from './support/chromium';
import { distDir } from './support/paths';
import { startStaticServer, type StaticServer } from './support/static-server';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startStaticServer(distDir);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const repetitions = Number(process.env.ABRUPT_CLOSE_REPETITIONS ?? 20);

describe('closing the page abruptly', () => {
  it(`loses no typed answer in ${repetitions} closes straight after typing`, { timeout: 300_000 }, async () => {
    const app = await openApp(browser, server.origin);
    await app.page.goto(server.url);
    await app.page.getByRole('link', { name: 'Start now' }).click();
    await app.page.getByLabel('Organisation’s legal name').fill('Riverside Surgery');
    await app.page.getByLabel('A single GP practice').check();
    await app.page.getByLabel('Podiatry').check();
    await app.page.getByLabel('Commissioner').fill('NHS Kernow CCG');
    await app.page.getByRole('button', { name: 'Start application' }).click();
    await app.page.getByRole('heading', { name: /Application to/ }).waitFor();
    // The Freedom of Information page: one long answer, a page of its own.
    const pageUrl = app.page
      .url()
      .replace(/#\/applications\/([^/]+).*$/, '#/applications/$1/sections/commercial/com.foi');
    await app.expectClean();
    await app.page.close({ runBeforeUnload: false });

    const lost: string[] = [];
    for (let i = 0; i < repetitions; i++) {
      const page = await app.context.newPage();
      const watched = await watchPage(page, server.origin);
      await page.goto(pageUrl);
      const field = page.locator('#com-foi-sensitive');
      await field.waitFor();
      const previous = i === 0 ? '' : `Commercially sensitive: pricing model, revision ${i - 1}`;
      if ((await field.inputValue()) !== previous) lost.push(`before close ${i}: "${await field.inputValue()}"`);
      await field.fill(`Commercially sensitive: pricing model, revision ${i}`);
      expect(watched.pageErrors).toEqual([]);
      await page.close({ runBeforeUnload: false });
    }
    const page = await app.context.newPage();
    await page.goto(pageUrl);
    await page.locator('#com-foi-sensitive').waitFor();
    expect(await page.locator('#com-foi-sensitive').inputValue()).toBe(
      `Commercially sensitive: pricing model, revision ${repetitions - 1}`,
    );
    expect(lost).toEqual([]);
    await app.context.close();
  });
});
