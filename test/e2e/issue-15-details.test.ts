// Issue 15's smaller parts in real Chromium: "Why we ask this" under each question (the sources
// by title, and honest words for an inferred question; the host's name for a local question); a
// closed advert is listed as closed and a start link for it is refused plainly; the footer names
// the LMC from config.json in the same line box; axe at 320 and 1280 px. Screenshots go to /tmp.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { pageUrl, sharedHarness } from './support/harness';
import { pinClock } from './support/scenarios';

const harness = sharedHarness('/kernow-lmc/aqp/');
afterEach(() => harness.server.override('config.json', null));

/** The tests run on 22 November 2026 (pinned): one advert closed in October, one still open. */
const config = JSON.stringify({
  lmc: { name: 'Kernow Local Medical Committee', welcome: 'For practices bidding for AQP services.' },
  adverts: [
    {
      id: 'pod-2027',
      commissioner: 'NHS Kernow Clinical Commissioning Group',
      services: ['podiatry'],
      reference: 'KCCG/AQP/2027/POD',
      closingDate: '2027-01-29',
      localQuestions: [
        { id: 'isles-of-scilly', type: 'yesno', label: 'Will you provide the service on the Isles of Scilly?' },
      ],
    },
    {
      id: 'closed',
      commissioner: 'NHS Kernow Clinical Commissioning Group',
      services: ['msk'],
      reference: 'KCCG/AQP/2026/MSK',
      closingDate: '2026-10-30',
    },
  ],
});

/** Opens one question's "Why we ask this" and returns what it says. */
async function whyWeAsk(page: Page, questionDomId: string): Promise<string> {
  const details = page.locator(`#question-${questionDomId} > details`, { hasText: 'Why we ask this' });
  await details.locator('summary').click();
  await expect.poll(() => details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
  return (await details.locator('.nhsuk-details__text').innerText()).replace(/\s+/g, ' ');
}

async function axeAtBothWidths(page: Page, where: string): Promise<void> {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${where} at ${width} px`);
  }
}

describe('issue 15: why we ask, closed adverts, the LMC in the footer', () => {
  it('explains each question’s basis under "Why we ask this"', { timeout: 60_000 }, async () => {
    harness.server.override('config.json', config);
    const app = await openApp(harness.browser, harness.server.origin);
    await pinClock(app.context);
    const { page } = app;
    await page.goto(`${harness.server.url}#/start?advert=pod-2027`);
    await page.locator('#advert-summary').waitFor();
    await page.getByLabel('Organisation’s legal name').fill('St Agnes Surgery');
    await page.getByLabel('A single GP practice').check();
    await page.getByRole('button', { name: 'Start application' }).click();
    await page.getByRole('heading', { name: /Application to NHS Kernow/ }).waitFor();
    const appId = decodeURIComponent((await page.evaluate(() => location.hash)).replace(/^#\/applications\//, ''));

    await page.goto(pageUrl(harness.server.url, appId, 'organisation', 'org-identity'));
    await page.locator('#question-org-legal-name').waitFor();
    // One disclosure per visible question, each naming its question for screen readers.
    const summaries = page.locator('main summary', { hasText: 'Why we ask this' });
    expect(await summaries.count()).toBe(4);
    expect(await summaries.first().textContent()).toBe("Why we ask this: What is your organisation's legal name?");

    const sourced = await whyWeAsk(page, 'org-legal-name');
    expect(sourced).toContain('This question is based on published sources. It is based on:');
    expect(sourced).toContain(
      'Joint CQC registration and Monitor licence application: help with the form (Care Quality Commission)',
    );
    expect(sourced).toContain('Preparing for tendering: typical company details questions (Tender Victory, 2022)');

    const partly = await whyWeAsk(page, 'org-legal-form');
    expect(partly).toContain('The rest is the checklist authors’ inference, not a published requirement.');
    expect(partly).toContain('The checklist authors’ note: Option list inferred;');
    expect(partly).toContain('Types of service provider or legal entity (Care Quality Commission)');

    const inferred = await whyWeAsk(page, 'org-date-formed');
    expect(inferred).toContain('This question is the checklist authors’ inference, not a published requirement.');
    expect(inferred).toContain('check whether your commissioner asks for it');
    expect(inferred).toContain('The checklist authors’ notes on the AQP process');
    await axeAtBothWidths(page, 'a question page with "Why we ask this" open');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('#question-org-legal-name').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/issue15-question-why.png', fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: '/tmp/issue15-question-why-320.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // A local question from the advert: the host is named, and it is not the national checklist.
    await page.goto(pageUrl(harness.server.url, appId, 'local', 'local.questions'));
    await page.locator('#question-local-isles-of-scilly').waitFor();
    const local = await whyWeAsk(page, 'local-isles-of-scilly');
    expect(local).toContain('published on this site by Kernow Local Medical Committee');
    expect(local).toContain('It is not part of the national AQP checklist.');
    await app.expectClean();
    await app.context.close();
  });

  it('lists a closed advert as closed, and refuses a start link for it plainly', { timeout: 60_000 }, async () => {
    harness.server.override('config.json', config);
    const app = await openApp(harness.browser, harness.server.origin);
    await pinClock(app.context);
    const { page } = app;
    await page.goto(harness.server.url);
    await page.getByRole('heading', { name: 'From Kernow Local Medical Committee' }).waitFor();
    const closed = page.locator('.app-closed-adverts li');
    await closed.first().waitFor();
    expect(await closed.count()).toBe(1);
    const closedText = (await closed.innerText()).replace(/\s+/g, ' ');
    expect(closedText).toMatch(/^Closed MSK services for back and neck pain: NHS Kernow/);
    expect(closedText).toContain('closed on 30 October 2026');
    expect(await closed.locator('a').count()).toBe(0);
    expect(await closed.locator('.nhsuk-tag').innerText()).toBe('Closed');
    // Only the open advert is offered.
    const starts = page.getByRole('link', { name: /Start an application for this advert/ });
    expect(await starts.count()).toBe(1);
    expect(await starts.getAttribute('href')).toBe('#/start?advert=pod-2027');
    await axeAtBothWidths(page, 'the home page with a closed advert');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: '/tmp/issue15-home-closed.png', fullPage: true });

    await page.goto(`${harness.server.url}#/start?advert=closed`);
    const notice = page.locator('#advert-closed');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('closed on 30 October 2026');
    expect(await page.locator('#advert-summary').count()).toBe(0);
    expect(await page.locator('#advert-not-found').count()).toBe(0);
    expect(await page.getByLabel('Commissioner').inputValue()).toBe('');
    await expectNoAxeViolations(page, 'the start page for a closed advert');
    await page.screenshot({ path: '/tmp/issue15-start-closed.png', fullPage: true });
    // The user can still start an application, without the advert.
    await page.getByLabel('Organisation’s legal name').fill('St Agnes Surgery');
    await page.getByLabel('A single GP practice').check();
    await page.getByLabel('MSK services for back and neck pain').check();
    await page.getByLabel('Commissioner').fill('NHS Kernow Clinical Commissioning Group');
    await page.getByRole('button', { name: 'Start application' }).click();
    await page.getByRole('heading', { name: /Application to NHS Kernow/ }).waitFor();
    await app.expectClean();
    await app.context.close();
  });

  for (const width of [320, 1280]) {
    it(`names the LMC in the footer in the same line box, at ${width} px`, { timeout: 60_000 }, async () => {
      harness.server.override('config.json', config);
      const app = await openApp(harness.browser, harness.server.origin, { width });
      await pinClock(app.context);
      const { page } = app;
      // Hold config.json back, so the footer is seen before and after the host's name arrives.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/config.json', async (route) => {
        await held;
        await route.fallback();
      });
      const line = page.locator('footer p', { hasText: 'Provided by' });
      const text = async () => (await line.innerText()).replace(/\s+/g, ' ');
      // Where the paragraph and its "Provided by" line sit, relative to the footer, and in what type.
      const boxes = () =>
        line.evaluate((p) => {
          const footer = p.closest('footer')?.getBoundingClientRect();
          const name = p.querySelector('.app-footer-provider');
          const at = (el: Element | null) => {
            const r = el?.getBoundingClientRect();
            return r && [r.left, r.top - (footer?.top ?? 0), r.width, r.height].map(Math.round);
          };
          const style = getComputedStyle(name ?? p);
          return {
            paragraph: at(p),
            name: at(name),
            font: `${style.fontSize}/${style.lineHeight} ${style.fontFamily}`,
          };
        });
      await page.goto(harness.server.url);
      await line.waitFor();
      expect(await text()).toBe('Your answers stay on this computer. Provided by your Local Medical Committee.');
      const before = await boxes();
      release();
      await page.locator('footer p', { hasText: 'Provided by Kernow Local Medical Committee.' }).waitFor();
      expect(await text()).toBe('Your answers stay on this computer. Provided by Kernow Local Medical Committee.');
      const after = await boxes();
      expect(after.paragraph, 'the paragraph keeps its place and size').toEqual(before.paragraph);
      expect(after.font).toBe(before.font);
      // The name's line keeps its place and height; only its width follows the words.
      expect(after.name?.slice(0, 2)).toEqual(before.name?.slice(0, 2));
      expect(after.name?.[3]).toBe(before.name?.[3]);
      await page.locator('footer').screenshot({ path: `/tmp/issue15-footer-${width}.png` });
      await app.expectClean();
      await app.context.close();
    });
  }
});
