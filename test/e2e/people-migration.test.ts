// A draft saved by checklist version 1 (a committed fixture made by that release's code), opened
// by this build in Chromium: the names typed in its leads, clinicians and declarants are linked to
// the people in the organisation where they match, the rest are kept as typed and shown on the
// task list ("People are now chosen from one list") and on their own question page, and one
// button adds them all to the people in the organisation. Every answer is kept, in IndexedDB as
// read with the browser's own API. Axe-clean at 320 and 1280 px; screenshots in /tmp.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { storedApplication, storedProfiles, writeRecords } from './support/faults';
import { sharedHarness, taskListUrl } from './support/harness';

const harness = sharedHarness();

interface Fixture {
  readonly checklistVersion: number;
  readonly profile: { readonly id: string; readonly answers: Record<string, unknown> };
  readonly application: { readonly id: string; readonly answers: Record<string, unknown> };
}
const fixture = JSON.parse(readFileSync('test/fixtures/formats/checklist-v1-single-practice.json', 'utf8')) as Fixture;

async function axeAtBothWidths(page: Page, where: string) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${where} at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const people = (answers: Record<string, unknown>) => (answers['org.people'] as { values: { name: string } }[]) ?? [];

describe('a draft saved by checklist version 1', () => {
  it('opens with every answer kept, names linked or shown to settle, and settles them in one step', async () => {
    expect(fixture.checklistVersion).toBe(1);
    const app = await openApp(harness.browser, harness.server.origin);
    const { page } = app;
    // A page that opens storage, so the app's database exists (a first visit's home page does not).
    await page.goto(`${harness.server.url}#/settings`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await writeRecords(page, { profiles: [fixture.profile], applications: [fixture.application] });
    await page.goto(taskListUrl(harness.server.url, fixture.application.id));
    await page.reload();

    const note = page.locator('.app-people-note');
    await note.getByRole('heading', { name: 'People are now chosen from one list' }).waitFor();
    // The names linked are counted once the application has opened, just after the note shows.
    await note.getByText(/We linked \d+ names?/).waitFor();
    const noteText = (await note.innerText()).replace(/\s+/g, ' ');
    const linked = Number(/We linked (\d+) names? you had typed/.exec(noteText)?.[1] ?? 0);
    const unsettled = Number(/These (\d+) names are not in the list yet/.exec(noteText)?.[1] ?? 0);
    expect(linked, noteText).toBeGreaterThan(0);
    expect(unsettled, noteText).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/people-migration-task-list.png', fullPage: true });
    await axeAtBothWidths(page, 'the task list with the people note');

    // Every answer kept: the same questions answered, and the register itself untouched.
    const stored = await storedApplication(page, fixture.application.id);
    const profile = (await storedProfiles(page)).find((p) => p.id === fixture.profile.id);
    expect(Object.keys(stored?.answers ?? {}).sort()).toEqual(Object.keys(fixture.application.answers).sort());
    expect(Object.keys(profile?.answers ?? {}).sort()).toEqual(Object.keys(fixture.profile.answers).sort());
    expect(people(profile?.answers ?? {})).toEqual(people(fixture.profile.answers));

    // A kept name on its own page: said plainly, with a way to add that person.
    const first = note.locator('li a').first();
    const typed = (await first.innerText()).trim();
    await first.click();
    const inset = page.locator('.app-register-choice .nhsuk-inset-text', { hasText: `You typed “${typed}” here` });
    await inset.waitFor();
    expect(await inset.getByRole('link', { name: `add ${typed} to the people in your organisation` }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/people-migration-typed-name.png', fullPage: true });
    await axeAtBothWidths(page, 'a question page with a name kept as typed');

    // One button adds everyone not listed; nothing is left to settle, after a reload too.
    await page.goto(taskListUrl(harness.server.url, fixture.application.id));
    await note.getByRole('button', { name: 'Add them to the people in your organisation' }).click();
    await expect.poll(() => note.getByText(/names? (is|are) not in the list yet/).count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => page.locator('.app-people-note li').count()).toBe(0);
    await expect
      .poll(async () => {
        const after = (await storedProfiles(page)).find((p) => p.id === fixture.profile.id);
        return people(after?.answers ?? {}).length;
      })
      .toBeGreaterThan(people(fixture.profile.answers).length);
    const after = (await storedProfiles(page)).find((p) => p.id === fixture.profile.id);
    expect(people(after?.answers ?? {}).map((p) => p.values.name)).toContain(typed);
    expect(Object.keys((await storedApplication(page, fixture.application.id))?.answers ?? {}).sort()).toEqual(
      Object.keys(fixture.application.answers).sort(),
    );
    await app.expectClean();
    await app.context.close();
  }, 120_000);
});
