// The same application open in two tabs of one browser: no tab ever silently overwrites the
// other's saved answers. The tab whose save clashes shows the clash on the page, with the
// question and both answers, and lets the user keep theirs or take the other tab's; the version
// not chosen is kept and can be switched back to from Backups and storage. A tab that closes
// with its clash unsettled loses nothing either, and overwrites nothing. A backup carries the
// kept versions to another computer (a second browser profile).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchPage, openApp } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { storedApplication, storedKeptVersions, waitStoredAnswers } from './support/faults';
import { pageUrl, sharedHarness, startApplication, taskListUrl } from './support/harness';

const h = sharedHarness();
const field = '#com-foi-sensitive';
const question = 'Which parts of your application, if any, are commercially sensitive, and why?';
const foi = 'com.foi-sensitive';

/** Types the answer to the Freedom of Information question (autosaved, not waited for). */
async function typeAnswer(page: Page, text: string): Promise<void> {
  await page.locator(field).fill(text);
}

/** The clash panel's rows: question, this tab's answer, the other tab's answer. */
async function clashRows(page: Page): Promise<string[][]> {
  return page
    .locator('#conflict table tbody tr')
    .evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => (c.textContent ?? '').trim())));
}

describe('one application in two tabs', () => {
  it('shows the clash, lets the user choose either version, and keeps the other', { timeout: 120_000 }, async () => {
    const app = await openApp(h.browser, h.server.origin);
    const a = app.page;
    const appId = await startApplication(a, h.server.url);
    const url = pageUrl(h.server.url, appId, 'commercial', 'com.foi');
    await a.goto(url);
    await a.locator(field).waitFor();
    const b = await app.context.newPage();
    const watchedB = await watchPage(b, h.server.origin);
    await b.goto(url);
    await b.locator(field).waitFor();

    // Tab A saves first; tab B, opened on the same revision, then changes the same answer.
    await typeAnswer(a, 'Pricing model (from tab A)');
    await waitStoredAnswers(a, appId, { [foi]: 'Pricing model (from tab A)' });
    await typeAnswer(b, 'Staff rota and pricing (from tab B)');
    const panel = b.locator('#conflict');
    await panel.waitFor({ timeout: 5_000 });
    expect(
      await panel.getByRole('heading', { name: 'These answers were changed in another tab or window' }).count(),
    ).toBe(1);
    expect(await clashRows(b)).toEqual([
      [question, 'Staff rota and pricing (from tab B)', 'Pricing model (from tab A)'],
    ]);
    await expectNoAxeViolations(b, 'the clash panel');
    expect(await b.locator('.app-save-status').innerText()).toBe(
      'Not saved: this application was changed in another tab or window.',
    );
    // Nothing was overwritten: the stored answer is still tab A's.
    expect((await storedApplication(b, appId))?.answers[foi]).toBe('Pricing model (from tab A)');
    expect(await storedKeptVersions(b)).toEqual([]);

    // Tab B keeps its own answer: it is saved, and tab A's is kept.
    await panel.getByRole('button', { name: 'Keep the answers in this tab' }).click();
    await b.getByText('The answers in this tab are saved.').waitFor();
    expect(await panel.count()).toBe(0);
    await waitStoredAnswers(b, appId, { [foi]: 'Staff rota and pricing (from tab B)' });
    expect((await storedApplication(b, appId))?.answers[foi]).toBe('Staff rota and pricing (from tab B)');
    const kept = await storedKeptVersions(b);
    expect(kept.map((k) => [k.kind, k.reason, k.record.answers[foi]])).toEqual([
      ['application', 'other-tab', 'Pricing model (from tab A)'],
    ]);

    // Tab A, still on the older revision, changes the answer again: now it gets the clash, and
    // takes the other tab's answer. Its form shows that answer, and its own is kept.
    await typeAnswer(a, 'Pricing model, second thoughts (from tab A)');
    await a.locator('#conflict').waitFor({ timeout: 5_000 });
    expect(await clashRows(a)).toEqual([
      [question, 'Pricing model, second thoughts (from tab A)', 'Staff rota and pricing (from tab B)'],
    ]);
    await a.getByRole('button', { name: 'Use the answers from the other tab' }).click();
    await a.getByText('You are now using the answers from the other tab.').waitFor();
    expect(await a.locator(field).inputValue()).toBe('Staff rota and pricing (from tab B)');
    expect((await storedApplication(a, appId))?.answers[foi]).toBe('Staff rota and pricing (from tab B)');
    expect((await storedKeptVersions(a)).map((k) => k.record.answers[foi]).sort()).toEqual([
      'Pricing model (from tab A)',
      'Pricing model, second thoughts (from tab A)',
    ]);
    // Tab A carries on from the chosen version: its next change saves without a clash.
    await typeAnswer(a, 'Staff rota and pricing, agreed');
    await waitStoredAnswers(a, appId, { [foi]: 'Staff rota and pricing, agreed' });

    // Backups and storage lists both kept versions against the current one; switching to one
    // makes it current and keeps the current one in its place.
    await a.goto(`${h.server.url}#/settings`);
    const keptSection = a.locator('section', {
      has: a.getByRole('heading', { name: 'Other versions kept on this computer' }),
    });
    await keptSection.waitFor();
    const cards = keptSection.locator('.app-kept-version');
    expect(await cards.count()).toBe(2);
    await expectNoAxeViolations(a, 'the kept versions');
    const first = cards.filter({ hasText: 'Pricing model (from tab A)' });
    expect(
      await first
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => (c.textContent ?? '').trim()))),
    ).toEqual([[question, 'Pricing model (from tab A)', 'Staff rota and pricing, agreed']]);
    await first.getByRole('button', { name: /^Use this version instead/ }).click();
    await a.getByText(/You are now using the kept version/).waitFor();
    expect((await storedApplication(a, appId))?.answers[foi]).toBe('Pricing model (from tab A)');
    expect((await storedKeptVersions(a)).map((k) => [k.reason, k.record.answers[foi]]).sort()).toEqual([
      ['other-tab', 'Pricing model, second thoughts (from tab A)'],
      ['replaced', 'Staff rota and pricing, agreed'],
    ]);
    await a.goto(url);
    await a.locator(field).waitFor();
    expect(await a.locator(field).inputValue()).toBe('Pricing model (from tab A)');

    expect(watchedB.pageErrors).toEqual([]);
    expect(watchedB.consoleErrors).toEqual([]);
    await app.expectClean();
    await app.context.close();
  });

  it('a tab closed with its clash unsettled overwrites nothing and loses nothing', { timeout: 60_000 }, async () => {
    const app = await openApp(h.browser, h.server.origin);
    const a = app.page;
    const appId = await startApplication(a, h.server.url);
    const url = pageUrl(h.server.url, appId, 'commercial', 'com.foi');
    await a.goto(url);
    const b = await app.context.newPage();
    await b.goto(url);
    await b.locator(field).waitFor();
    await typeAnswer(a, 'Saved in tab A');
    await waitStoredAnswers(a, appId, { [foi]: 'Saved in tab A' });
    // Tab B's change clashes; it is closed (no beforeunload) without settling the clash.
    await typeAnswer(b, 'Typed in tab B, then the tab was closed');
    await b.locator('#conflict').waitFor({ timeout: 5_000 });
    await b.close({ runBeforeUnload: false });

    // Reopening the app (here: reloading tab A) never replays tab B's change over tab A's save.
    await a.reload();
    await a.locator(field).waitFor();
    expect(await a.locator(field).inputValue()).toBe('Saved in tab A');
    expect((await storedApplication(a, appId))?.answers[foi]).toBe('Saved in tab A');
    // Tab B's answer is kept, and shown in Backups and storage.
    expect((await storedKeptVersions(a)).map((k) => [k.reason, k.record.answers[foi]])).toEqual([
      ['closed-tab', 'Typed in tab B, then the tab was closed'],
    ]);
    // The task list says another version is kept, and leads to it.
    await a.goto(taskListUrl(h.server.url, appId));
    const notice = a.locator('.nhsuk-inset-text', {
      hasText: 'Another version of these answers is kept on this computer',
    });
    await notice.waitFor();
    await notice.getByRole('link', { name: 'Compare and choose a version' }).click();
    await a.locator('.app-kept-version', { hasText: 'Typed in tab B, then the tab was closed' }).waitFor();
    await app.expectClean();
    await app.context.close();
  });

  it('keeps a kept version in the backup, and restores it on another computer', { timeout: 90_000 }, async () => {
    const app = await openApp(h.browser, h.server.origin);
    const a = app.page;
    const appId = await startApplication(a, h.server.url);
    const url = pageUrl(h.server.url, appId, 'commercial', 'com.foi');
    await a.goto(url);
    await a.locator(field).waitFor();
    const b = await app.context.newPage();
    await b.goto(url);
    await b.locator(field).waitFor();
    await typeAnswer(a, 'Pricing model (from tab A)');
    await waitStoredAnswers(a, appId, { [foi]: 'Pricing model (from tab A)' });
    await typeAnswer(b, 'Staff rota (from tab B)');
    await b.locator('#conflict').waitFor({ timeout: 5_000 });
    await b.getByRole('button', { name: 'Keep the answers in this tab' }).click();
    await b.getByText('The answers in this tab are saved.').waitFor();
    expect((await storedKeptVersions(b)).map((k) => k.record.answers[foi])).toEqual(['Pricing model (from tab A)']);

    // The backup of everything carries the kept version.
    await b.goto(`${h.server.url}#/settings`);
    const [download] = await Promise.all([
      b.waitForEvent('download'),
      b.getByRole('button', { name: 'Download a backup', exact: true }).click(),
    ]);
    const path = '/tmp/two-tabs-kept-backup.json';
    await download.saveAs(path);
    await app.context.close();

    // Another computer (a second browser profile) imports it: the kept version is listed there.
    const other = await openApp(h.browser, h.server.origin);
    const o = other.page;
    await o.goto(`${h.server.url}#/settings`);
    await o.locator('#backup-file').setInputFiles(path);
    await o.getByRole('button', { name: 'Import backup' }).click();
    await o.getByText('Imported 1 application from the backup.').waitFor();
    expect((await storedKeptVersions(o)).map((k) => [k.reason, k.record.answers[foi]])).toEqual([
      ['other-tab', 'Pricing model (from tab A)'],
    ]);
    const keptSection = o.locator('section', {
      has: o.getByRole('heading', { name: 'Other versions kept on this computer' }),
    });
    await keptSection.locator('.app-kept-version', { hasText: 'Pricing model (from tab A)' }).waitFor();
    expect((await storedApplication(o, appId))?.answers[foi]).toBe('Staff rota (from tab B)');
    await other.expectClean();
    await other.context.close();
  });
});
