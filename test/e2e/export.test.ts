// Exporting the application pack from the UI in Chromium: the downloaded PDF is named after the
// organisation, service and date, is marked DRAFT while the application is not ready, and its
// text (extracted with pdftotext) holds the answers typed, exactly, Welsh letters included.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
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

const pdfText = (bytes: Buffer) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pack-'));
  const file = path.join(dir, 'pack.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
};

describe('exporting the pack from the UI', () => {
  it('downloads a draft PDF whose text holds the answers exactly', async () => {
    const app = await openApp(browser, server.origin);
    const { page } = app;
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Start now' }).click();
    await page.getByLabel('Organisation’s legal name').fill('Meddygfa Llŷn – Siân’s Practice');
    await page.getByLabel('A single GP practice').check();
    await page.getByLabel('Podiatry').check();
    await page.getByLabel('Commissioner').fill('NHS Kernow CCG');
    await page.getByLabel('Advert reference (optional)').fill('POD/2012/07');
    await page.getByRole('button', { name: 'Start application' }).click();
    await page.getByRole('link', { name: 'Contract, price and commercial terms' }).click();
    await page.locator('#com-standard-contract').check();
    await page.getByRole('button', { name: 'Save and come back later' }).click();
    await page.getByRole('link', { name: /Check your answers and export/ }).click();
    const button = page.getByRole('button', { name: 'Export a draft pack' });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(
      /^DRAFT – AQP application – Meddygfa Llŷn – Siân’s Practice – Podiatry – \d{4}-\d{2}-\d{2}\.pdf$/,
    );
    const text = pdfText(readFileSync(await download.path()));
    for (const expected of [
      'Meddygfa Llŷn – Siân’s Practice',
      'NHS Kernow CCG',
      'POD/2012/07',
      'Podiatry',
      'DRAFT',
      'Not answered',
      'Conflicts of interest',
      'Evidence schedule',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/Page 1 of \d+/);
    await page.getByText(/Draft pack saved as/).waitFor();
    await app.expectClean();
    await app.context.close();
  });
});
