// Hostile text in every kind of field: markup that would run script if it were ever treated as
// HTML, a right-to-left override (U+202E), and a 100,000-character answer. Typed through the UI
// into text, long text, email, phone, money and number questions, a repeating group's item and an
// evidence file's name; it comes back from storage exactly, shows as text on the page and on the
// check-answers page (no element made from it, no dialog), and is in the exported PDF as text
// (pdftotext). Where the app limits a length, it says what the limit is and keeps every character.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { pdfFile } from './support/evidence-pdf';
import { squash, withoutPageFurniture } from '../helpers/pdf';
import { storedApplication, storedProfiles } from './support/faults';
import { pageUrl, pdfText, sharedHarness, startApplication } from './support/harness';

const h = sharedHarness();

const script = '<script>alert(1)</script>';
const img = '"><img src=x onerror=alert(1)>';
const rtl = 'Invoice\u202Etxt.exe';
const hostile = `${script} ${img} ${rtl}`;
const long = Array.from({ length: 6_000 }, (_, i) => `word${String(i).padStart(5, '0')}-hostile `)
  .join('')
  .slice(0, 100_000);

/** Fields on each page, and what to type in each. */
const pages: { section: string; page: string; fields: Record<string, string> }[] = [
  { section: 'organisation', page: 'org-identity', fields: { 'org-legal-name': long, 'org-trading-name': hostile } },
  {
    section: 'organisation',
    page: 'org-contact',
    fields: {
      'org-contact-position': `${script} ${img}`,
      'org-contact-email': hostile,
      'org-contact-phone': long,
    },
  },
  { section: 'finance', page: 'fin.figures', fields: { 'fin-turnover': hostile, 'fin-net-assets': long } },
  {
    section: 'safeguarding',
    page: 'sg-training-consent',
    fields: { 'sg-training-adults': hostile, 'sg-training-children': long, 'sg-training-levels': rtl },
  },
  { section: 'commercial', page: 'com.foi', fields: { 'com-foi-sensitive': long } },
];

/**
 * Waits until every field's text is stored, in the application or its organisation's profile
 * (a field `org-legal-name` answers `org.legal-name`).
 */
async function waitStored(page: Page, appId: string, fields: Record<string, string>): Promise<void> {
  const expected = Object.fromEntries(Object.entries(fields).map(([id, text]) => [id.replace('-', '.'), text]));
  await expect
    .poll(
      async () => ({
        ...(await storedProfiles(page))[0]?.answers,
        ...(await storedApplication(page, appId))?.answers,
      }),
      { interval: 200, message: 'the typed text stored' },
    )
    .toMatchObject(expected);
}

const evidenceName = `${script}${img}${rtl}.pdf`;

/** Anything the hostile text could have made: images, inline scripts, event-handler attributes. */
const injected = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelectorAll('img, script:not([src]), [onerror], [onload], iframe, object, embed').length +
      // The app's own scripts: its chunks, and the first-paint check index.html loads.
      Array.from(document.querySelectorAll('script[src]')).filter((s) => {
        const src = s.getAttribute('src') ?? '';
        return !src.includes('/assets/') && src !== './first-paint.js';
      }).length,
  );

/** As the pack prints it: the override character dropped; compared without whitespace. */
const asPrinted = (text: string) => squash(text.replace(/\u202E/g, ''));

describe('hostile text in every kind of field', () => {
  it(
    'is kept exactly, shown as text, limited openly, and printed as text in the PDF',
    { timeout: 180_000 },
    async () => {
      const app = await openApp(h.browser, h.server.origin);
      const { page } = app;
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const appId = await startApplication(page, h.server.url);

      for (const { section, page: pageId, fields } of pages) {
        const url = pageUrl(h.server.url, appId, section, pageId);
        await page.goto(url);
        for (const [id, text] of Object.entries(fields)) await page.locator(`#${id}`).fill(text);
        await waitStored(page, appId, fields);
        // Back from storage, exactly (a reload reads IndexedDB alone).
        await page.reload();
        await page.locator(`#${Object.keys(fields)[0]}`).waitFor();
        for (const [id, text] of Object.entries(fields))
          expect(await page.locator(`#${id}`).inputValue(), `${pageId}: #${id}`).toBe(text);
        expect(await injected(page), `elements injected on ${pageId}`).toBe(0);
      }

      // A repeating group's item: its fields take the same text.
      await page.goto(pageUrl(h.server.url, appId, 'organisation', 'org-people'));
      await page.getByRole('link', { name: 'Add a person' }).click();
      await page.locator('#item-name').fill(hostile);
      await page.locator('#item-position').fill(long);
      // The first save since the reload above (an earlier save's time would match too).
      await page.locator('.app-save-status', { hasText: /^Saved on this computer at / }).waitFor();
      // Left by Back, the item is kept but not listed: it is offered back, its name shown as text.
      await page.getByRole('link', { name: 'Back', exact: true }).click();
      await page.locator('.app-pending-item', { hasText: hostile }).waitFor();
      expect(await injected(page)).toBe(0);
      await page.getByRole('link', { name: 'Continue adding it' }).click();
      await page.locator('#item-name').waitFor();
      expect(await page.locator('#item-name').inputValue()).toBe(hostile);
      await page.getByRole('button', { name: 'Save and come back later' }).click();
      const row = page.locator('#question-org-people .nhsuk-summary-list__key');
      await row.first().waitFor();
      expect(await row.allTextContents()).toEqual([hostile]);
      expect(await injected(page)).toBe(0);

      // An evidence file whose name is hostile: kept and listed as text. One with a name past the
      // limit is refused with the limit stated.
      await page.goto(pageUrl(h.server.url, appId, 'declaration', 'decl.signed-page'));
      await page.locator('#decl-signed-file').setInputFiles(pdfFile(evidenceName, 'Signed declaration'));
      const listed = page.locator('.app-evidence__list strong');
      await listed.first().waitFor();
      expect(await listed.allTextContents()).toEqual([evidenceName]);
      await page.locator('#decl-signed-file').setInputFiles(pdfFile(`${'a'.repeat(300)}.pdf`, 'Too long a name'));
      await page.locator('#decl-signed-error').waitFor();
      expect(await page.locator('#decl-signed-error').innerText()).toMatch(
        /cannot be added: its name is longer than 255 characters\. Give the file a shorter name/,
      );
      expect(await listed.allTextContents()).toEqual([evidenceName]);
      expect(await injected(page)).toBe(0);

      // Limits are stated, and nothing typed is cut: the legal name may be 160 characters.
      await page.goto(pageUrl(h.server.url, appId, 'organisation', 'org-identity'));
      await page.getByRole('button', { name: 'Continue' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      expect(await summary.innerText()).toContain('must be 160 characters or fewer');
      expect(await page.locator('#org-legal-name').inputValue()).toBe(long);
      // A long answer's limit is shown as it is typed (the NHS character count).
      await page.goto(pageUrl(h.server.url, appId, 'commercial', 'com.foi'));
      expect(await page.locator('#com-foi-sensitive-info').innerText()).toBe('You have 97,000 characters too many');
      // Past what any answer can hold: the page says the limit, and the field keeps every character.
      const tooLong = `${long}${long}x`;
      await page.locator('#com-foi-sensitive').fill(tooLong);
      await page.locator('#save-failure').waitFor();
      expect(await page.locator('#save-failure').innerText()).toContain(
        'an answer can hold at most 200,000 characters',
      );
      expect((await page.locator('#com-foi-sensitive').inputValue()).length).toBe(tooLong.length);
      await page.locator('#com-foi-sensitive').fill(long);
      await page.locator('#save-failure').waitFor({ state: 'detached' });
      await waitStored(page, appId, { 'com-foi-sensitive': long });

      // The organisation's check-answers page shows every answer as text.
      await page.goto(`${h.server.url}#/applications/${appId}/sections/organisation/check`);
      const main = page.locator('main');
      await main.getByRole('heading', { name: 'Check your answers' }).waitFor();
      const shown = await main.innerText();
      for (const text of [script, img, hostile, long]) expect(shown).toContain(text);
      expect(await injected(page)).toBe(0);

      // The PDF: every hostile string as text (the override character is dropped, so it cannot
      // reverse what follows it in the pack).
      await page.goto(`${h.server.url}#/applications/${appId}/review`);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('button', { name: 'Export a draft pack' }).click(),
      ]);
      const raw = pdfText(readFileSync(await download.path()));
      const text = withoutPageFurniture(raw);
      for (const expected of [script, img, hostile, long, evidenceName])
        expect(text, expected.slice(0, 40)).toContain(asPrinted(expected));
      expect(raw).not.toContain('\u202E');

      expect(dialogs, 'dialogs opened').toEqual([]);
      await app.expectClean();
      await app.context.close();
    },
  );
});
