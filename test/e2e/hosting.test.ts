// Hosting by an LMC, without rebuilding: the host's config.json sets the welcome and the open
// adverts; a link "#/start?advert=ID" starts an application for that advert, whose checklist has
// the advert's local questions; a broken config.json is named to the host while the app works.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedHarness } from './support/harness';
import { openApp } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { pinClock } from './support/scenarios';

const harness = sharedHarness('/kernow-lmc/aqp/');
afterEach(() => harness.server.override('config.json', null));

const exampleConfig = readFileSync('test/fixtures/hosting/config.json', 'utf8');

describe('the host’s config.json', () => {
  it('shows an advert whose closing date has passed as closed, and does not offer it', async () => {
    harness.server.override('config.json', exampleConfig);
    const app = await openApp(harness.browser, harness.server.origin);
    // After the podiatry advert's closing date (29 January 2027), before the MSK one's (26 February).
    await pinClock(app.context, new Date('2027-02-01T10:00:00Z'));
    const { page } = app;
    await page.goto(harness.server.url);
    const closed = page.locator('.app-closed-adverts li');
    await closed.first().waitFor();
    expect(await closed.allTextContents()).toEqual([
      'Closed Podiatry: NHS Kernow Clinical Commissioning Group (KCCG/AQP/2027/POD), closed on 29 January 2027',
    ]);
    expect(await page.getByRole('link', { name: /Start an application for this advert/ }).count()).toBe(1);
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page, `home page with a closed advert at ${width} px`);
    }
    await page.screenshot({ path: '/tmp/hosting-closed-advert.png', fullPage: true });

    await page.goto(`${harness.server.url}#/start?advert=pod-2027`);
    await page.locator('#advert-closed', { hasText: 'closed on 29 January 2027' }).waitFor();
    expect(await page.locator('#advert-summary').count()).toBe(0);
    expect(await page.getByLabel('Commissioner').inputValue()).toBe('');
    await app.expectClean();
    await app.context.close();
  });

  it('starts an application from an advert link, with the advert’s local questions', { timeout: 60_000 }, async () => {
    harness.server.override('config.json', exampleConfig);
    const app = await openApp(harness.browser, harness.server.origin);
    // The example's adverts close in 2027: the journey happens on a fixed day before then.
    await pinClock(app.context);
    const { page } = app;
    await page.goto(harness.server.url);
    await page.getByRole('heading', { name: 'From Kernow Local Medical Committee' }).waitFor();
    // The footer names the host, in the line that named "your Local Medical Committee".
    await page.locator('footer', { hasText: 'Provided by Kernow Local Medical Committee.' }).waitFor();
    expect(await page.getByRole('link', { name: /Start an application for this advert/ }).count()).toBe(2);
    await expectNoAxeViolations(page, 'home page with the LMC’s welcome and adverts');

    await page.goto(`${harness.server.url}#/start?advert=pod-2027`);
    const summary = page.locator('#advert-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/KCCG\/AQP\/2027\/POD[\s\S]*29 January 2027[\s\S]*£28\.50 per contact/);
    expect(await page.getByLabel('Podiatry').isChecked()).toBe(true);
    expect(await page.getByLabel('MSK services for back and neck pain').count()).toBe(0);
    await expectNoAxeViolations(page, 'start page for an advert');
    await page.getByLabel('Organisation’s legal name').fill('St Agnes Surgery');
    await page.getByLabel('A single GP practice').check();
    await page.getByRole('button', { name: 'Start application' }).click();
    await page.getByRole('heading', { name: /Application to NHS Kernow Clinical Commissioning Group/ }).waitFor();

    await page.getByRole('link', { name: 'Local questions' }).click();
    await page.getByRole('heading', { name: 'Local questions' }).first().waitFor();
    await page.getByRole('group', { name: 'Will you provide the service on the Isles of Scilly?' }).waitFor();
    await page.getByRole('group', { name: 'On which days will your clinics run?' }).getByLabel('Saturdays').check();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    // The yes/no question is required; the free-text one is optional.
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.locator('.nhsuk-error-summary').innerText()).toMatch(/Isles of Scilly/);
    expect(await page.locator('.nhsuk-error-summary').innerText()).not.toMatch(/without a car/);

    // The application keeps its copy of the questions even when the host removes the advert.
    harness.server.override('config.json', '{}');
    await page.reload();
    await page.getByRole('group', { name: 'On which days will your clinics run?' }).waitFor();
    expect(await page.getByLabel('Saturdays').isChecked()).toBe(true);
    await app.expectClean();
    await app.context.close();
  });

  it('says when an advert link names no open advert, and lets the user carry on', { timeout: 60_000 }, async () => {
    harness.server.override('config.json', exampleConfig);
    const app = await openApp(harness.browser, harness.server.origin);
    await app.page.goto(`${harness.server.url}#/start?advert=closed-2019`);
    await app.page.locator('#advert-not-found').waitFor();
    expect(await app.page.locator('#advert-not-found').innerText()).toContain('closed-2019');
    await app.page.getByLabel('Commissioner').waitFor();
    await app.expectClean();
    await app.context.close();
  });

  it('names each fault of a broken config.json, and the app still works', { timeout: 60_000 }, async () => {
    const broken = JSON.parse(exampleConfig) as { adverts: { closingDate?: string }[]; lmc: Record<string, unknown> };
    const [first] = broken.adverts;
    if (first) first.closingDate = '29/01/2027';
    broken.lmc.wesbite = 'https://kernowlmc.example';
    harness.server.override('config.json', JSON.stringify(broken));
    const app = await openApp(harness.browser, harness.server.origin);
    await app.page.goto(harness.server.url);
    const message = app.page.locator('#hosting-problems');
    await message.waitFor();
    const text = await message.innerText();
    expect(text).toContain('settings file has a problem');
    expect(text).toContain('adverts[0].closingDate: write dates as YYYY-MM-DD');
    expect(text).toContain('lmc: unknown setting "wesbite"');
    await expectNoAxeViolations(app.page, 'home page with the config.json faults');
    // The defaults are used: no adverts, and the app works.
    expect(await app.page.getByRole('link', { name: /Start an application for this advert/ }).count()).toBe(0);
    await app.page.getByRole('link', { name: 'Start now' }).click();
    await app.page.getByLabel('Commissioner').waitFor();

    harness.server.override('config.json', '{ "lmc": ');
    await app.page.reload();
    await app.page.locator('#hosting-problems').waitFor();
    expect(await app.page.locator('#hosting-problems').innerText()).toContain('not valid JSON');
    await app.expectClean();
    await app.context.close();
  });
});
