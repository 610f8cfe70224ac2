// The app shell in real Chromium: loads clean (no console errors, no foreign requests, no CSP
// violations), passes axe at 320 px and 1280 px, works from a sub-path, and the back button works.
import { describe, expect, it } from 'vitest';
import { sharedHarness } from './support/harness';
import { openApp } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';

const harness = sharedHarness('/lmc/aqp/');

describe('the home page', () => {
  for (const width of [320, 1280]) {
    it(`loads from a sub-path with no console error, foreign request or axe violation at ${width} px`, async () => {
      const app = await openApp(harness.browser, harness.server.origin, { width });
      await app.page.goto(harness.server.url);
      await expect
        .poll(() => app.page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Apply to be an Any Qualified Provider');
      expect(await app.page.getByRole('banner').textContent()).toContain('Apply to be an Any Qualified Provider');
      expect(await app.page.getByRole('main').count()).toBe(1);
      expect(await app.page.getByRole('contentinfo').count()).toBe(1);
      // The heading paints from index.html; the title is the app's, once it has mounted.
      await expect
        .poll(() => app.page.title())
        .toBe('Prepare your application – Apply to be an Any Qualified Provider');
      await expectNoAxeViolations(app.page, `home at ${width} px`);
      await app.expectClean();
      await app.context.close();
    });
  }

  it('has a skip link that moves focus to the main content without changing the route', async () => {
    const app = await openApp(harness.browser, harness.server.origin);
    await app.page.goto(`${harness.server.url}#/accessibility`);
    await app.page.getByRole('heading', { name: 'Accessibility statement' }).waitFor();
    await app.page.keyboard.press('Tab');
    const skip = app.page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await app.page.keyboard.press('Enter');
    expect(await app.page.evaluate(() => document.activeElement?.id)).toBe('maincontent');
    expect(await app.page.evaluate(() => location.hash)).toBe('#/accessibility');
    await app.expectClean();
    await app.context.close();
  });

  it('keeps the route in the hash so back and forward work', async () => {
    const app = await openApp(harness.browser, harness.server.origin);
    await app.page.goto(harness.server.url);
    await app.page.getByRole('heading', { level: 1 }).waitFor();
    await app.page.getByRole('link', { name: 'Accessibility statement' }).click();
    await app.page.getByRole('heading', { name: 'Accessibility statement' }).waitFor();
    await app.page.goBack();
    await app.page.getByRole('heading', { name: 'Apply to be an Any Qualified Provider', level: 1 }).waitFor();
    await app.page.goForward();
    await app.page.getByRole('heading', { name: 'Accessibility statement' }).waitFor();
    await app.page.goto(`${harness.server.url}#/no-such-page`);
    await app.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await app.expectClean();
    await app.context.close();
  });
});
