// Exporting the application pack from the UI in Chromium: the downloaded PDF is named after the
// organisation, service and date, is marked DRAFT while the application is not ready, and its
// text (extracted with pdftotext) holds the answers typed, exactly, Welsh letters included.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfText, sharedHarness } from './support/harness';
import { openApp } from './support/app-page';

const harness = sharedHarness();

describe('exporting the pack from the UI', () => {
  it('downloads a draft PDF whose text holds the answers exactly', async () => {
    const app = await openApp(harness.browser, harness.server.origin);
    const { page } = app;
    await page.goto(harness.server.url);
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
