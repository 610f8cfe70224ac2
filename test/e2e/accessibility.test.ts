// Accessibility of the wizard in real Chromium: axe (WCAG 2.2 A and AA) finds no violation on the
// home page, the start page, the task list, a question page when empty, with errors and filled,
// a repeat item page, a section check page, the review page and the settings page, at 320 px and
// 1280 px. And the NHS error pattern: after a failed Continue the title starts "Error: ", the
// error summary has focus, and each summary link moves focus to its field.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedHarness } from './support/harness';
import { paths } from '@/components/routing/paths';
import { AnswerDriver, reloadWatched } from './support/answer-driver';
import { openApp } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { focused } from './support/keyboard';
import { pinClock, planApplication, singlePracticePodiatry } from './support/scenarios';

const harness = sharedHarness('/lmc/aqp/');

const go = async (page: Page, route: string) => {
  await page.goto(`${harness.server.url}#${route}`);
  await page.waitForFunction((r) => location.hash === r, `#${route}`);
};

/** The error summary's links: their text and the id of the field each points at. */
const summaryLinks = (page: Page): Promise<{ text: string; target: string }[]> =>
  page
    .locator('.nhsuk-error-summary a')
    .evaluateAll((links) =>
      links.map((a) => ({ text: a.textContent ?? '', target: a.getAttribute('href')?.slice(1) ?? '' })),
    );

/** After a failed submit: "Error: " title, focus on the summary, and every link focuses its field. */
async function expectErrorPattern(page: Page, where: string): Promise<void> {
  await page.locator('.nhsuk-error-summary').waitFor();
  expect(await page.title(), where).toMatch(/^Error: /);
  expect((await focused(page)).className, `focus on the error summary (${where})`).toContain('nhsuk-error-summary');
  const links = await summaryLinks(page);
  expect(links.length, where).toBeGreaterThan(0);
  for (const { text, target } of links) {
    await page.locator('.nhsuk-error-summary a', { hasText: text }).first().click();
    expect((await focused(page)).id, `"${text}" moves focus to its field (${where})`).toBe(target);
    // The hash still holds the route: the link must not navigate.
    expect(await page.evaluate(() => location.hash), where).toMatch(/^#\//);
  }
}

function employersLiability(driver: AnswerDriver) {
  const section = driver.plan.checklist.sections.get('insurance');
  const page = section?.pages.find((p) => p.id === 'ins.el');
  if (!section || !page) throw new Error('the checklist has no employer’s liability page');
  return { section, page };
}

describe('accessibility of the wizard', () => {
  for (const width of [320, 1280]) {
    it(`has no axe violation on any kind of page at ${width} px`, async () => {
      const app = await openApp(harness.browser, harness.server.origin, { width });
      await pinClock(app.context);
      const { page } = app;
      const driver = new AnswerDriver(app, planApplication(singlePracticePodiatry));

      await page.goto(harness.server.url);
      await page.getByRole('heading', { name: 'Apply to be an Any Qualified Provider', level: 1 }).waitFor();
      await expectNoAxeViolations(page, `home at ${width} px`);

      await go(page, paths.start());
      await page.locator('#organisationName').waitFor();
      await page.locator('#services').waitFor();
      await expectNoAxeViolations(page, `start page at ${width} px`);
      await page.getByRole('button', { name: 'Start application' }).click();
      await expectErrorPattern(page, `start page at ${width} px`);
      await expectNoAxeViolations(page, `start page with errors at ${width} px`);

      await driver.startApplication(harness.server.url);
      const appId = driver.appId;
      await expectNoAxeViolations(page, `task list at ${width} px`);

      // A question page with text, money, a date and evidence: empty, with errors, then filled.
      const { section: insurance, page: el } = employersLiability(driver);
      await go(page, paths.page(appId, 'insurance', 'ins.el'));
      await page.locator('#ins-el-amount').waitFor();
      await expectNoAxeViolations(page, `empty question page at ${width} px`);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await expectErrorPattern(page, `question page at ${width} px`);
      await expectNoAxeViolations(page, `question page with errors at ${width} px`);
      await driver.fillPage(insurance, el);
      await expectNoAxeViolations(page, `filled question page, errors still shown, at ${width} px`);
      // Errors are checked again on the next Continue. Save, come back and reload: the filled page as it is.
      await page.getByRole('button', { name: 'Save and come back later' }).click();
      await page.waitForFunction((r) => location.hash === r, `#${paths.taskList(appId)}`);
      await go(page, paths.page(appId, 'insurance', 'ins.el'));
      await reloadWatched(app);
      await page.locator('.app-evidence__list').waitFor();
      expect(await page.locator('.nhsuk-error-summary').count()).toBe(0);
      await expectNoAxeViolations(page, `filled question page at ${width} px`);
      await page.screenshot({ path: `/tmp/journey-question-filled-${width}.png`, fullPage: true });

      // A repeat item page, empty and with errors.
      await go(page, paths.page(appId, 'organisation', 'org-people'));
      await page.getByRole('link', { name: 'Add a person' }).click();
      await page.getByRole('heading', { name: 'Add a person', level: 1 }).waitFor();
      await expectNoAxeViolations(page, `repeat item page at ${width} px`);
      await page.getByRole('button', { name: 'Save person' }).click();
      await expectErrorPattern(page, `repeat item page at ${width} px`);
      await expectNoAxeViolations(page, `repeat item page with errors at ${width} px`);
      if (width === 320) await page.screenshot({ path: '/tmp/journey-item-errors-320.png', fullPage: true });
      await page.getByRole('button', { name: 'Cancel' }).click();

      // The section check page, and its error when nothing is chosen.
      await go(page, paths.sectionCheck(appId, 'insurance'));
      await page.locator('#completed').waitFor();
      await expectNoAxeViolations(page, `section check page at ${width} px`);
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expectErrorPattern(page, `section check page at ${width} px`);
      await expectNoAxeViolations(page, `section check page with errors at ${width} px`);

      // The review page, with everything still to do.
      await go(page, paths.review(appId));
      await page.getByRole('heading', { name: 'What is still needed' }).waitFor();
      await expectNoAxeViolations(page, `review page at ${width} px`);
      if (width === 320) await page.screenshot({ path: '/tmp/journey-review-320.png' });

      await go(page, paths.settings());
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoAxeViolations(page, `settings page at ${width} px`);

      await go(page, paths.offline());
      await page.locator('#offline-verdict').waitFor();
      await expectNoAxeViolations(page, `"Ready to work offline?" page at ${width} px`);

      // Home again: now "Your applications".
      await go(page, paths.home());
      await page
        .getByRole('link', { name: /Riverside Surgery/ })
        .first()
        .waitFor();
      await expectNoAxeViolations(page, `your applications at ${width} px`);
      await app.expectClean();
      await app.context.close();
    }, 120_000);
  }

  it('on a failed Continue: "Error: " title, focus on the summary, links that focus the part in error', async () => {
    const app = await openApp(harness.browser, harness.server.origin);
    await pinClock(app.context);
    const { page } = app;
    const driver = new AnswerDriver(app, planApplication(singlePracticePodiatry));
    await driver.startApplication(harness.server.url);
    await go(page, paths.page(driver.appId, 'insurance', 'ins.el'));
    await page.locator('#ins-el-amount').waitFor();
    const before = await page.title();
    expect(before).not.toMatch(/^Error: /);

    // A date with no month: the summary links to the month box, not the day.
    await page.locator('#ins-el-amount').fill('10,000,000');
    await page.locator('#ins-el-expiry-day').fill('31');
    await page.locator('#ins-el-expiry-year').fill('2027');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expectErrorPattern(page, 'employer’s liability page');
    const links = await summaryLinks(page);
    expect(links.map((l) => l.target)).toEqual(
      expect.arrayContaining(['ins-el-insurer', 'ins-el-policy-number', 'ins-el-certificate-file']),
    );
    expect(links.find((l) => l.target.startsWith('ins-el-expiry'))?.target).toBe('ins-el-expiry-month');
    // Each field in error is marked, and its message is tied to it.
    expect(await page.locator('#ins-el-insurer').getAttribute('aria-describedby')).toContain('ins-el-insurer-error');
    expect(await page.locator('#ins-el-expiry-month').getAttribute('class')).toContain('nhsuk-input--error');

    // Fixing everything clears the "Error: " prefix and the page moves on.
    const { section, page: el } = employersLiability(driver);
    await driver.fillPage(section, el);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.waitForFunction(() => location.hash.endsWith('/ins.pl'));
    // The title follows the route's render, a task after the hash changes.
    await expect.poll(() => page.title()).toMatch(/^(?!Error: ).+/);
    await app.expectClean();
    await app.context.close();
  });
});
