// Lists that behave, in Chromium through the UI: a federation adds five member practices, two of
// them without their documents ("Save and come back later"), sees those two as incomplete with
// what they still need, completes one later, and the list holds exactly five; the draft pack lists
// five practices and names the missing documents in its readiness summary. And on a question page:
// £1,000,000 of employer's liability cover shows the hard-fail callout at once, and correcting a
// field takes its error out of the summary without pressing Continue. Axe-clean at 320 and 1280 px.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { expectNoAxeViolations } from './support/axe';
import { pdfFile } from './support/evidence-pdf';
import { pageUrl, pdfText, sharedHarness } from './support/harness';

const harness = sharedHarness();

const practices = [
  { name: 'Oak Surgery', ods: 'A81001', cqc: '1-199747501', postcode: 'TR1 1AA', documents: true },
  { name: 'Elm Practice', ods: 'A81002', cqc: '1-199747502', postcode: 'TR1 2BB', documents: false },
  { name: 'Ash Medical Centre', ods: 'A81003', cqc: '1-199747503', postcode: 'TR2 3CC', documents: true },
  { name: 'Birch Health Centre', ods: 'A81004', cqc: '1-199747504', postcode: 'TR3 4DD', documents: false },
  { name: 'Holly Surgery', ods: 'A81005', cqc: '1-199747505', postcode: 'TR4 5EE', documents: true },
];
type Practice = (typeof practices)[number];

async function startFederation(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('link', { name: 'Start now' }).click();
  await page.getByLabel('Organisation’s legal name').fill('Kernow Health Federation Limited');
  await page.getByLabel('A GP federation or provider company, as lead provider').check();
  await page.getByLabel('Podiatry').check();
  await page.getByLabel('Commissioner').fill('NHS Kernow CCG');
  await page.getByRole('button', { name: 'Start application' }).click();
  await page.getByRole('heading', { name: /Application to/ }).waitFor();
  return decodeURIComponent((await page.evaluate(() => location.hash)).replace(/^#\/applications\//, ''));
}

const rows = (page: Page) => page.locator('#question-bid-members .nhsuk-summary-list__row');
const row = (page: Page, name: string) => rows(page).filter({ has: page.locator('dt', { hasText: name }) });

async function attach(page: Page, field: string, name: string) {
  await page.locator(`#item-${field}-file`).setInputFiles(pdfFile(name, name));
  await page.locator('.app-evidence__list strong', { hasText: name }).waitFor();
}

async function attachDocuments(page: Page, practice: Practice) {
  await attach(page, 'cqc-certificate', `${practice.ods}-cqc.pdf`);
  await attach(page, 'insurance-certificate', `${practice.ods}-insurance.pdf`);
  const validUntil = page.getByRole('group', { name: `Valid until (${practice.ods}-insurance.pdf)` });
  await validUntil.getByLabel('Day').fill('31');
  await validUntil.getByLabel('Month').fill('3');
  await validUntil.getByLabel('Year').fill('2029');
  await validUntil.getByLabel('Year').blur();
  await attach(page, 'self-declaration', `${practice.ods}-declaration.pdf`);
}

async function addPractice(page: Page, practice: Practice, index: number) {
  await page.getByRole('link', { name: index === 0 ? 'Add a member practice' : 'Add another member practice' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a member practice' }).waitFor();
  await page.getByLabel('Legal name').fill(practice.name);
  await page.getByLabel('GP practice', { exact: true }).check();
  await page.getByLabel('ODS code').fill(practice.ods);
  await page.getByLabel('CQC provider ID').fill(practice.cqc);
  await page.locator('#item-address-line1').fill(`${index + 1} Station Road`);
  await page.locator('#item-address-town').fill('Truro');
  await page.locator('#item-address-postcode').fill(practice.postcode);
  await page.getByRole('checkbox', { name: 'Podiatry' }).check();
  await page
    .getByRole('group', { name: 'Do they hold insurance and indemnity that covers this work?' })
    .getByLabel('Yes')
    .check();
  // The practice's podiatrist is added to the people in the organisation from here, and the page
  // comes back with everything typed on it kept; then they are ticked as this practice's clinician.
  const clinician = `Jo Bloggs ${index + 1}`;
  await page.getByRole('link', { name: index === 0 ? 'Add a person' : 'Add someone who is not listed' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a person' }).waitFor();
  await page.getByRole('textbox', { name: 'Full name' }).fill(clinician);
  await page.getByRole('radio', { name: 'Clinician at a member practice, or sessional' }).check();
  await page.getByRole('textbox', { name: 'Where do they work? (optional)' }).fill(practice.name);
  await page.getByRole('radio', { name: /^HCPC/ }).check();
  await page.getByRole('textbox', { name: 'Registration number' }).fill(`CH${12345 + index}`);
  await page.getByRole('button', { name: 'Save person' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a member practice' }).waitFor();
  expect(await page.getByLabel('Legal name').inputValue()).toBe(practice.name);
  expect(await page.getByLabel('CQC provider ID').inputValue()).toBe(practice.cqc);
  await page.getByRole('checkbox', { name: clinician, exact: true }).check();
  if (practice.documents) {
    await attachDocuments(page, practice);
    await page.getByRole('button', { name: 'Save member practice', exact: true }).click();
  } else {
    // Save refuses an item without its documents, and the list is not changed.
    await page.getByRole('button', { name: 'Save member practice', exact: true }).click();
    await page.locator('.nhsuk-error-summary').getByText('Attach their CQC certificate of registration').waitFor();
    await page.getByRole('button', { name: 'Save and come back later' }).click();
  }
  await page
    .getByRole('heading', { level: 1, name: 'Which practices or other organisations will deliver the service?' })
    .waitFor();
  await expect.poll(() => rows(page).count()).toBe(index + 1);
}

describe('lists that behave', () => {
  it('adds five member practices, two for later, completes one, and the pack names what is missing', async () => {
    const app = await openApp(harness.browser, harness.server.origin);
    const { page } = app;
    const appId = await startFederation(page, harness.server.url);
    await page.goto(pageUrl(harness.server.url, appId, 'bidding-model', 'bid-members'));
    for (const [index, practice] of practices.entries()) await addPractice(page, practice, index);

    await expect
      .poll(() => page.locator('#question-bid-members dt').allTextContents())
      .toEqual(practices.map((p) => p.name));
    for (const practice of practices) {
      const r = row(page, practice.name);
      await expect.poll(() => r.textContent()).toContain(`ODS code: ${practice.ods}`);
      expect(await r.textContent()).toContain(`CQC provider ID: ${practice.cqc}`);
      expect(await r.textContent()).toContain(`Postcode: ${practice.postcode}`);
      const incomplete = await r.getByText('Incomplete', { exact: true }).count();
      expect(incomplete, practice.name).toBe(practice.documents ? 0 : 1);
      if (!practice.documents)
        expect(await r.locator('.app-item-status').textContent()).toBe(
          'Incomplete Still needs their CQC certificate of registration, their insurance certificates and their signed self-declaration.',
        );
    }
    await page.screenshot({ path: '/tmp/lists-members-incomplete.png', fullPage: true });
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page, `member practices list at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // Complete Elm Practice later: its documents, then Save. Still exactly five.
    await row(page, 'Elm Practice').getByRole('link', { name: 'Change Elm Practice' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change Elm Practice' }).waitFor();
    // The file picker tells the files apart: name, size, the day attached and what each is for.
    const options = await page.locator('#item-cqc-certificate-existing option').allTextContents();
    expect(options).toContainEqual(
      expect.stringMatching(
        /^A81001-cqc\.pdf \(\d+ bytes, attached .+, for Oak Surgery: their CQC certificate of registration\)$/,
      ),
    );
    await page.screenshot({ path: '/tmp/lists-file-picker.png', fullPage: true });
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page, `member practice page with the file picker at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await attachDocuments(page, practices[1] as Practice);
    await page.getByRole('button', { name: 'Save member practice', exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Which practices or other organisations will deliver the service?' })
      .waitFor();
    await expect.poll(() => rows(page).count()).toBe(5);
    await expect
      .poll(() => page.locator('#question-bid-members .nhsuk-tag', { hasText: 'Incomplete' }).count())
      .toBe(1);
    await page.screenshot({ path: '/tmp/lists-members-one-left.png', fullPage: true });

    // The draft pack: five practices, and Birch Health Centre's missing documents by name.
    await page.getByRole('link', { name: 'Back' }).first().click();
    await page.goto(`${harness.server.url}#/applications/${encodeURIComponent(appId)}/review`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export a draft pack' }).click(),
    ]);
    await download.saveAs('/tmp/lists-pack.pdf');
    const text = pdfText(readFileSync(await download.path())).replace(/\s+/g, ' ');
    for (const practice of practices) expect(text).toContain(practice.name);
    expect(text.match(/Member practice \d: /g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    expect(text).not.toMatch(/Member practice 6/);
    for (const missing of [
      'their CQC certificate of registration',
      'their insurance certificates',
      'their signed self-declaration',
    ])
      expect(text).toContain(`Birch Health Centre – ${missing}`);
    expect(text).not.toContain('Elm Practice – their');
    await app.expectClean();
    await app.context.close();
  });

  it('shows a hard fail where it is typed, and clears a fixed error from the summary at once', async () => {
    const app = await openApp(harness.browser, harness.server.origin);
    const { page } = app;
    const appId = await startFederation(page, harness.server.url);
    await page.goto(pageUrl(harness.server.url, appId, 'insurance', 'ins.el'));
    await page.getByLabel("How much employer's liability cover do you have?").fill('£1,000,000');
    const callout = page.locator('.nhsuk-warning-callout', { hasText: 'This answer means you cannot qualify' });
    await callout.waitFor();
    expect(await callout.textContent()).toContain(
      "Employer's liability cover must be at least £5 million, the legal minimum.",
    );
    await page.screenshot({ path: '/tmp/lists-hard-fail.png', fullPage: true });
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page, `hard-fail question page at ${width} px`);
    }

    // Continue: the summary lists what is missing; fixing the insurer takes its line away at once.
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.waitFor();
    const before = await summary.locator('li').allTextContents();
    const insurer = before.find((line) => /insurer/i.test(line));
    expect(insurer, `an insurer error in ${JSON.stringify(before)}`).toBeTruthy();
    await page.getByLabel("Who is your employer's liability insurer?").fill('Zurich Municipal');
    await expect.poll(() => summary.locator('li').allTextContents()).toEqual(before.filter((line) => line !== insurer));
    // The field being typed in keeps focus: the summary does not take it back.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ins-el-insurer');
    // The hard fail is still shown and the answer is kept as typed.
    await callout.waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByLabel("How much employer's liability cover do you have?").inputValue())
      .toBe('£1,000,000');
    await app.expectClean();
    await app.context.close();
  });
});
