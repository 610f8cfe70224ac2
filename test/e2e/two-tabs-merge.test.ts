// Two tabs that change different answers of one application merge, in Chromium (issue 16): no
// clash panel, both answers stored (read with the browser's own IndexedDB API), the other tab's
// answer shown in the tab that merged it, both kept after a reload; two tabs adding different
// items to one list keep both items. The same answer changed in both still shows the clash
// (faults-two-tabs.test.ts). Screenshot in /tmp/merge-*.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, watchPage } from './support/app-page';
import { storedApplication, storedKeptVersions, waitStoredAnswers } from './support/faults';
import { pageUrl, sharedHarness, startApplication } from './support/harness';

const h = sharedHarness();
const foiField = '#com-foi-sensitive';

/** A stored list item naming this location. */
const location = (name: string) => expect.objectContaining({ values: expect.objectContaining({ location: name }) });

async function addLocation(page: Page, name: string, appointments: string, first: boolean): Promise<void> {
  await page.getByRole('link', { name: first ? 'Add a location' : 'Add another location' }).click();
  await page.locator('#item-location').fill(name);
  await page.locator('#item-appointments').fill(appointments);
  await page.getByRole('button', { name: 'Save location', exact: true }).click();
  await page.locator('#question-del-capacity dt', { hasText: name }).waitFor();
}

describe('two tabs that change different answers', () => {
  it('merge with no clash, and both tabs keep both answers', { timeout: 120_000 }, async () => {
    const app = await openApp(h.browser, h.server.origin);
    const a = app.page;
    const appId = await startApplication(a, h.server.url);
    await a.goto(pageUrl(h.server.url, appId, 'commercial', 'com.foi'));
    await a.locator(foiField).waitFor();
    const b = await app.context.newPage();
    const watchedB = await watchPage(b, h.server.origin);
    await b.goto(pageUrl(h.server.url, appId, 'commercial', 'com.terms'));
    await b.locator('#com-standard-contract').waitFor();

    // Tab A saves first; tab B, opened on the same revision, answers another question.
    await a.locator(foiField).fill('Our pricing model (from tab A)');
    await waitStoredAnswers(a, appId, { 'com.foi-sensitive': 'Our pricing model (from tab A)' });
    await b.locator('#com-standard-contract').check();
    await waitStoredAnswers(b, appId, { 'com.standard-contract': 'yes' });
    expect(await b.locator('#conflict').count(), 'no clash panel in tab B').toBe(0);
    await expect
      .poll(async () => (await storedApplication(b, appId))?.answers)
      .toMatchObject({ 'com.foi-sensitive': 'Our pricing model (from tab A)', 'com.standard-contract': 'yes' });
    expect(await storedKeptVersions(b)).toEqual([]);

    // Tab B took tab A's answer in: its own FOI page shows it without a reload.
    await b.goto(pageUrl(h.server.url, appId, 'commercial', 'com.foi'));
    await expect.poll(() => b.locator(foiField).inputValue()).toBe('Our pricing model (from tab A)');

    // Tab A, now the older one, changes its answer again: merged the other way, still no clash.
    await a.locator(foiField).fill('Our pricing model and staff rota (from tab A)');
    await waitStoredAnswers(a, appId, { 'com.foi-sensitive': 'Our pricing model and staff rota (from tab A)' });
    expect(await a.locator('#conflict').count(), 'no clash panel in tab A').toBe(0);
    await expect
      .poll(async () => (await storedApplication(a, appId))?.answers)
      .toMatchObject({
        'com.foi-sensitive': 'Our pricing model and staff rota (from tab A)',
        'com.standard-contract': 'yes',
      });
    await a.screenshot({ path: '/tmp/merge-tab-a.png', fullPage: true });

    // Both answers survive a reload in each tab.
    for (const page of [a, b]) {
      await page.goto(pageUrl(h.server.url, appId, 'commercial', 'com.terms'));
      await page.reload();
      await expect.poll(() => page.locator('#com-standard-contract').isChecked()).toBe(true);
      await page.goto(pageUrl(h.server.url, appId, 'commercial', 'com.foi'));
      await expect
        .poll(() => page.locator(foiField).inputValue())
        .toBe('Our pricing model and staff rota (from tab A)');
    }
    await app.expectClean();
    await watchedB.expectClean();
    await app.context.close();
  });

  it('keep both items when each tab adds a different item to one list', { timeout: 120_000 }, async () => {
    const app = await openApp(h.browser, h.server.origin);
    const a = app.page;
    const appId = await startApplication(a, h.server.url);
    const list = pageUrl(h.server.url, appId, 'service-delivery', 'del-capacity');
    await a.goto(list);
    const b = await app.context.newPage();
    const watchedB = await watchPage(b, h.server.origin);
    await b.goto(list);
    await b.getByRole('link', { name: 'Add a location' }).waitFor();

    await addLocation(a, 'Truro clinic', '40', true);
    await waitStoredAnswers(a, appId, { 'del.capacity': [location('Truro clinic')] });
    await addLocation(b, 'Falmouth clinic', '25', true);
    await waitStoredAnswers(b, appId, { 'del.capacity': [location('Truro clinic'), location('Falmouth clinic')] });
    expect(await b.locator('#conflict').count(), 'no clash panel').toBe(0);
    await expect
      .poll(async () => {
        const items = (await storedApplication(b, appId))?.answers['del.capacity'] as
          { values: { location: string } }[] | undefined;
        return (items ?? []).map((i) => i.values.location).sort();
      })
      .toEqual(['Falmouth clinic', 'Truro clinic']);
    // The tab that merged lists both.
    await expect
      .poll(() => b.locator('#question-del-capacity dt').allTextContents())
      .toEqual(['Truro clinic', 'Falmouth clinic']);
    await b.screenshot({ path: '/tmp/merge-list.png', fullPage: true });
    await a.reload();
    await a.locator('#question-del-capacity dt').nth(1).waitFor();
    await expect
      .poll(() => a.locator('#question-del-capacity dt').allTextContents())
      .toEqual(['Truro clinic', 'Falmouth clinic']);
    await app.expectClean();
    await watchedB.expectClean();
    await app.context.close();
  });
});
