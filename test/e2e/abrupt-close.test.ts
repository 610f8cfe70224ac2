// Never lose an answer: type into every field of a page (text, email, phone, a choice, a date, a
// long answer), then close the page abruptly (no beforeunload) at some moment within a second of
// typing (before, during or after the debounced save), and open the app again: every answer is
// there. Repeated over three pages of both the organisation's and the application's answers,
// 50 times by default (ABRUPT_CLOSE_REPETITIONS), with zero lost fields.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { pageUrl, sharedHarness, startApplication } from './support/harness';

const h = sharedHarness();
const repetitions = Number(process.env.ABRUPT_CLOSE_REPETITIONS ?? 50);

/** What a field should hold: its text, or for a radio button whether it is chosen. */
type Values = Record<string, string | boolean>;

interface TypedPage {
  readonly section: string;
  readonly page: string;
  /** What to type on repetition `i`, by element id. */
  readonly values: (i: number) => Values;
}

const pages: readonly TypedPage[] = [
  {
    section: 'organisation',
    page: 'org-identity',
    values: (i) => ({
      'org-legal-name': `Riverside Surgery, revision ${i}`,
      'org-trading-name': `Riverside Medical Practice (${i})`,
      'org-legal-form': i % 2 === 0,
      'org-legal-form-2': i % 2 === 1,
      'org-date-formed-day': String((i % 28) + 1),
      'org-date-formed-month': String((i % 12) + 1),
      'org-date-formed-year': String(1990 + (i % 30)),
    }),
  },
  {
    section: 'organisation',
    page: 'org-contact',
    values: (i) => ({
      'org-contact-position': `Practice manager, revision ${i}`,
      'org-contact-email': `manager.${i}@riverside-surgery.nhs.uk`,
      'org-contact-phone': `01244 555 ${String(i).padStart(3, '0')}`,
    }),
  },
  {
    section: 'commercial',
    page: 'com.foi',
    values: (i) => ({
      'com-foi-sensitive': `Commercially sensitive: the pricing model, revision ${i}.\nAnd the staff rota (${i}).`,
    }),
  },
];

/**
 * How long after typing the page is closed: anywhere from 0 to 999 ms, spread evenly over the runs
 * (golden-ratio steps) and squared so that more closes land before the debounced save has run.
 */
const delayFor = (i: number) => Math.floor(1000 * ((i * 0.6180339887) % 1) ** 2);

async function type(page: Page, values: Values): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const field = page.locator(`#${id}`);
    if (typeof value === 'string') await field.fill(value);
    else if (value) await field.check();
  }
}

async function shown(page: Page, ids: readonly string[]): Promise<Values> {
  return page.evaluate(
    (list) =>
      Object.fromEntries(
        list.map((id) => {
          const el = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
          if (!el) return [id, '(missing)'];
          return [id, el instanceof HTMLInputElement && el.type === 'radio' ? el.checked : el.value];
        }),
      ),
    [...ids],
  );
}

describe('closing the page abruptly', () => {
  it(`loses no typed answer in ${repetitions} closes within a second of typing`, { timeout: 300_000 }, async () => {
    const app = await openApp(h.browser, h.server.origin);
    const appId = await startApplication(app.page, h.server.url);
    await app.expectClean();
    await app.page.close({ runBeforeUnload: false });

    const lastTyped = new Map<TypedPage, Values>();
    const lost: string[] = [];
    for (let i = 0; i < repetitions; i++) {
      const target = pages[i % pages.length];
      if (!target) throw new Error('no page');
      const page = await app.context.newPage();
      // Errors only: the full watcher routes every request through the test, which costs more per
      // load than the page's own work (foreign requests and the CSP are checked by other tests).
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
      await page.goto(pageUrl(h.server.url, appId, target.section, target.page), { waitUntil: 'commit' });
      const next = target.values(i);
      await page.locator(`#${Object.keys(next)[0]}`).waitFor();
      const expected = lastTyped.get(target);
      if (expected) {
        const now = await shown(page, Object.keys(expected));
        for (const [id, value] of Object.entries(expected))
          if (now[id] !== value)
            lost.push(`close ${i - pages.length} on ${target.page}: #${id} shows ${JSON.stringify(now[id])}`);
      }
      await type(page, next);
      lastTyped.set(target, next);
      const delay = delayFor(i);
      if (delay) await page.waitForTimeout(delay);
      expect(errors).toEqual([]);
      await page.close({ runBeforeUnload: false });
    }

    // Every page once more: the last answers typed on each are all there.
    const page = await app.context.newPage();
    for (const [target, expected] of lastTyped) {
      await page.goto(pageUrl(h.server.url, appId, target.section, target.page), { waitUntil: 'commit' });
      await page.locator(`#${Object.keys(expected)[0]}`).waitFor();
      expect(await shown(page, Object.keys(expected)), target.page).toEqual(expected);
    }
    expect(lost).toEqual([]);
    await app.context.close();
  });
});
