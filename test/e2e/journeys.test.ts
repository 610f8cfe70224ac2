// Whole applications through the real UI and real IndexedDB in Chromium: a single GP practice
// applying for podiatry, and a federation's company applying as lead provider with five member
// practices for MSK and adult hearing. Every section from the task list, every visible question
// on every page, evidence attached, each page reloaded after Continue to prove its answers were
// kept, each section marked complete, the declaration signed, and the review page says the
// application is ready. Then a keyboard-only start and section.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedHarness } from './support/harness';
import { paths } from '@/components/routing/paths';
import { AnswerDriver, reloadWatched } from './support/answer-driver';
import { openApp, type Watched } from './support/app-page';
import { focused, tabTo } from './support/keyboard';
import {
  dateParts,
  federationMskHearing,
  journeyDates,
  journeyNow,
  pinClock,
  planApplication,
  singlePracticePodiatry,
  type Scenario,
} from './support/scenarios';

const harness = sharedHarness('/lmc/aqp/');

/** Screenshots to look at by eye: /tmp/journey-<name>.png. */
async function screenshot(app: Watched, name: string, fullPage = true): Promise<void> {
  await app.page.screenshot({ path: `/tmp/journey-${name}.png`, fullPage });
}

async function wholeApplication(scenario: Scenario, name: string): Promise<void> {
  const plan = planApplication(scenario);
  const app = await openApp(harness.browser, harness.server.origin);
  await pinClock(app.context);
  const driver = new AnswerDriver(app, plan);
  await driver.startApplication(harness.server.url);
  expect(await app.page.evaluate(() => Date.now()), 'the pinned clock').toBe(journeyNow.getTime());
  expect(await app.page.getByRole('heading', { level: 1 }).textContent()).toBe(
    `Application to ${scenario.commissioner}`,
  );
  await screenshot(app, `${name}-task-list-start`);

  const sections = driver.sectionsInOrder();
  for (const section of sections) await driver.completeSection(section);
  expect(driver.visited).toEqual(driver.expectedPages());
  await screenshot(app, `${name}-task-list-done`);
  expect(
    await app.page.getByText(`You have completed ${sections.length} of ${sections.length} sections.`).count(),
  ).toBe(1);
  const review = app.page.getByRole('link', { name: 'Check your answers and export the application pack' });
  expect(await review.locator('xpath=ancestor::li').locator('.nhsuk-task-list__status').innerText()).toBe('Ready');

  await driver.openReview();
  await app.page.getByRole('heading', { name: 'Your application is ready' }).waitFor();
  expect(await app.page.getByText('Nothing blocks your application.').count()).toBe(1);
  expect(await app.page.getByText('What is still needed').count()).toBe(0);
  expect(await app.page.getByText(scenario.organisationName).first().isVisible()).toBe(true);
  await screenshot(app, `${name}-review`, false);

  // The ready application survives a reload too.
  await reloadWatched(app);
  await app.page.getByRole('heading', { name: 'Your application is ready' }).waitFor();
  await app.expectClean();
  await app.context.close();
}

describe('a whole application through the wizard', () => {
  it('a single GP practice (partnership) applying for podiatry', async () => {
    await wholeApplication(singlePracticePodiatry, 'single-practice');
  }, 240_000);

  it('a federation company as lead provider with five member practices, for MSK and adult hearing', async () => {
    await wholeApplication(federationMskHearing, 'federation');
  }, 300_000);
});

// ------------------------------------------------------------------------------------------
// Keyboard only: Tab, Space, Enter and typing; no clicks, no fill.

const type = (page: Page, text: string) => page.keyboard.type(text);

async function expectFocus(page: Page, id: string): Promise<void> {
  expect((await focused(page)).id).toBe(id);
}

async function radioBySpace(page: Page, id: string, maxTabs: number): Promise<void> {
  await tabTo(page, { id }, maxTabs);
  await page.keyboard.press('Space');
  expect((await focused(page)).checked, `#${id} chosen with Space`).toBe(true);
}

async function waitForHash(page: Page, route: string): Promise<void> {
  await page.waitForFunction((r) => location.hash === r, `#${route}`);
}

describe('keyboard only', () => {
  it('starts an application and completes a whole section with Tab, Space, Enter and typing', async () => {
    const app = await openApp(harness.browser, harness.server.origin);
    await pinClock(app.context);
    const { page } = app;
    const dates = journeyDates();
    await page.goto(harness.server.url);
    // The heading paints from index.html; the page is the app's once "Start now" is there.
    await page.getByRole('link', { name: 'Start now' }).waitFor();

    // Home: the skip link comes first, then the header, then "Start now".
    await tabTo(page, { tag: 'a', text: 'Skip to main content' }, 1);
    await tabTo(page, { tag: 'a', text: 'Start now' }, 6);
    await page.keyboard.press('Enter');
    await waitForHash(page, paths.start());
    await page.locator('#organisationName').waitFor();
    // A new page moves focus to its main content, so Tab starts from the top of the page.
    await expectFocus(page, 'maincontent');

    // Start page, top to bottom in order.
    await tabTo(page, { id: 'organisation' }, 2); // "My organisation" is already chosen
    await tabTo(page, { id: 'organisationName' }, 1);
    await type(page, 'Riverside Surgery');
    await radioBySpace(page, 'applicantType', 1); // A single GP practice
    await tabTo(page, { id: 'services' }, 1);
    await radioBySpace(page, 'services-6', 5); // Podiatry, the sixth service
    await tabTo(page, { id: 'commissioner' }, 3);
    await type(page, 'NHS Western Cheshire CCG');
    await tabTo(page, { id: 'reference' }, 1);
    await type(page, 'WCCCG/AQP/POD/2012-03');
    for (const [field, iso] of [
      ['closingDate', dates.closingDate],
      ['serviceStart', dates.serviceStart],
    ] as const) {
      const d = dateParts(iso);
      for (const part of ['day', 'month', 'year'] as const) {
        await tabTo(page, { id: `${field}-${part}` }, 1);
        await type(page, d[part]);
      }
    }
    await tabTo(page, { tag: 'button', text: 'Start application' }, 1);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^#\/applications\/[^/]+$/.test(location.hash));
    const appId = decodeURIComponent((await page.evaluate(() => location.hash)).replace('#/applications/', ''));
    await page.locator('main .nhsuk-task-list').first().waitFor();
    await expectFocus(page, 'maincontent');

    // Task list: Tab down to "Contract, price and commercial terms" and open it.
    await tabTo(page, { tag: 'a', text: 'Contract, price and commercial terms' }, 40);
    await page.keyboard.press('Enter');
    await waitForHash(page, paths.page(appId, 'commercial', 'com.terms'));
    await page.locator('#com-standard-contract').waitFor();

    // Continue with nothing answered: the error summary takes focus and the title says "Error: ".
    await tabTo(page, { tag: 'button', text: 'Continue' }, 8);
    await page.keyboard.press('Enter');
    await page.locator('.nhsuk-error-summary').waitFor();
    expect((await focused(page)).className).toContain('nhsuk-error-summary');
    expect(await page.title()).toMatch(/^Error: /);
    // Its first link moves focus to the first question's first radio.
    await page.keyboard.press('Tab');
    expect((await focused(page)).tag).toBe('a');
    await page.keyboard.press('Enter');
    await expectFocus(page, 'com-standard-contract');
    await page.keyboard.press('Space');
    expect((await focused(page)).checked).toBe(true);
    await radioBySpace(page, 'com-price', 3); // past the first question's "details" disclosure
    await tabTo(page, { tag: 'button', text: 'Continue' }, 3);
    await page.keyboard.press('Enter');
    await waitForHash(page, paths.page(appId, 'commercial', 'com.acceptances'));
    await page.locator('#com-protocols').waitFor();
    expect(await page.title()).not.toMatch(/^Error: /);
    await expectFocus(page, 'maincontent');

    await radioBySpace(page, 'com-protocols', 3);
    await radioBySpace(page, 'com-no-guarantee', 2);
    await tabTo(page, { tag: 'button', text: 'Continue' }, 2);
    await page.keyboard.press('Enter');
    await waitForHash(page, paths.page(appId, 'commercial', 'com.foi'));
    await page.locator('#com-foi-sensitive').waitFor();

    await tabTo(page, { id: 'com-foi-sensitive' }, 3);
    await type(page, 'None. The whole application may be published.');
    await tabTo(page, { tag: 'button', text: 'Continue' }, 2);
    await page.keyboard.press('Enter');

    // Check your answers: "Yes, I've completed this section", then "Save and continue".
    await waitForHash(page, paths.sectionCheck(appId, 'commercial'));
    await page.locator('#completed').waitFor();
    await radioBySpace(page, 'completed', 20);
    await tabTo(page, { tag: 'button', text: 'Save and continue' }, 2);
    await page.keyboard.press('Enter');
    await waitForHash(page, paths.taskList(appId));
    const task = page.locator('li.nhsuk-task-list__item', {
      has: page.getByRole('link', { name: 'Contract, price and commercial terms', exact: true }),
    });
    await task.waitFor();
    expect((await task.locator('.nhsuk-task-list__status').innerText()).trim()).toBe('Completed');

    // And the answers were saved: the check page lists them after a reload.
    await reloadWatched(app);
    await task.waitFor();
    await page.goto(`${harness.server.url}#${paths.sectionCheck(appId, 'commercial')}`);
    await page.locator('#completed').waitFor();
    const answers = await page.locator('main .nhsuk-summary-list').innerText();
    expect(answers).toContain('None. The whole application may be published.');
    expect(answers.match(/\bYes\b/g)?.length).toBe(4);
    await app.expectClean();
    await app.context.close();
  }, 60_000);
});
