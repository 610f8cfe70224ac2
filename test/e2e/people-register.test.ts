// One register of people, in Chromium through the UI (issue 15): a federation's company enters
// the GPs of its three member practices once, under "People in your organisation", and then only
// chooses them: as the clinical governance and safeguarding leads, as the MSK service's clinicians
// (their register and number copied), as each member practice's clinicians, and as declarants,
// from the conflicts page's list of directors who still need a declaration. The draft pack
// (pdftotext) prints each person once, in the people register, with their details, and refers to
// them everywhere else as "Name (person N)". Axe-clean at 320 and 1280 px on the pages that
// choose from the register. Screenshots go to /tmp/people-*.png.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { axeAtBothWidths } from './support/axe';
import { addPerson, attach, fillDeclaration, listHeading, startFederation } from './support/federation-steps';
import { pageUrl, pdfText, sharedHarness, taskListUrl } from './support/harness';

const harness = sharedHarness();

const practices = [
  { name: 'Oak Surgery', ods: 'A81001', cqc: '1-199747501', postcode: 'TR1 1AA' },
  { name: 'Elm Practice', ods: 'A81002', cqc: '1-199747502', postcode: 'TR1 2BB' },
  { name: 'Ash Medical Centre', ods: 'A81003', cqc: '1-199747503', postcode: 'TR2 3CC' },
] as const;

/** Each practice's GP, a director of the federation's company; and its practice manager. */
const gps = [
  { name: 'Dr Ann Lee', practice: 'Oak Surgery', gmc: '1234567' },
  { name: 'Dr Ben Khan', practice: 'Elm Practice', gmc: '2345678' },
  { name: 'Dr Cara Nwosu', practice: 'Ash Medical Centre', gmc: '3456789' },
] as const;
const manager = 'Pat Jones';

/** "Save and come back later": it saves, then opens the task list; waits for that, so no later goto races it. */
async function saveAndLeave(page: Page) {
  await page.getByRole('button', { name: 'Save and come back later' }).click();
  await page.getByRole('heading', { name: /Application to/ }).waitFor();
}

describe('one register of people', () => {
  it('enters three practices’ GPs once and chooses them everywhere; the pack prints each once', async () => {
    const app = await openApp(harness.browser, harness.server.origin);
    const { page } = app;
    const appId = await startFederation(page, harness.server.url);

    // The register: three GP directors, one per member practice, and the practice manager.
    await page.goto(pageUrl(harness.server.url, appId, 'organisation', 'org-people'));
    await listHeading(page, 'Who are the people in your organisation?');
    for (const gp of gps)
      await addPerson(page, {
        name: gp.name,
        role: 'Director',
        worksAt: gp.practice,
        register: /^GMC/,
        number: gp.gmc,
      });
    await addPerson(page, { name: manager, role: 'Employee', register: /^Not on a professional register/ });
    await expect
      .poll(() => page.locator('#question-org-people dt').allTextContents())
      .toEqual([...gps.map((gp) => gp.name), manager]);
    await page.screenshot({ path: '/tmp/people-register.png', fullPage: true });

    // Leads: chosen, not typed; each choice says who the person is.
    await page.goto(pageUrl(harness.server.url, appId, 'governance', 'gov-clinical-governance'));
    const cgLead = page.getByRole('group', { name: /clinical governance lead/i });
    await cgLead.waitFor();
    expect(await cgLead.getByRole('radio').count()).toBe(gps.length + 1);
    expect(await cgLead.innerText()).toContain('Director, GMC 1234567');
    await cgLead.getByRole('radio', { name: 'Dr Ann Lee' }).check();
    await page.screenshot({ path: '/tmp/people-lead-choice.png', fullPage: true });
    await axeAtBothWidths(page, 'the clinical governance lead chosen from the register');
    await saveAndLeave(page);
    await page.goto(pageUrl(harness.server.url, appId, 'safeguarding', 'sg-leads'));
    await page
      .getByRole('group', { name: /adults/i })
      .first()
      .getByRole('radio', { name: 'Dr Ben Khan' })
      .check();
    await page
      .getByRole('group', { name: /children/i })
      .first()
      .getByRole('radio', { name: 'Dr Cara Nwosu' })
      .check();
    await saveAndLeave(page);

    // The MSK service's clinicians: the GP is picked and their register and number come with them.
    await page.goto(pageUrl(harness.server.url, appId, 'service-msk', 'service-msk.clinicians'));
    for (const [index, gp] of gps.slice(0, 2).entries()) {
      await page.getByRole('link', { name: index === 0 ? 'Add a clinician' : 'Add another clinician' }).click();
      await listHeading(page, 'Add a clinician');
      await page.getByRole('radio', { name: gp.name, exact: true }).check();
      await expect.poll(() => page.getByRole('textbox', { name: 'Registration number' }).inputValue()).toBe(gp.gmc);
      expect(await page.getByRole('radio', { name: /^GMC/ }).isChecked()).toBe(true);
      await page.getByRole('radio', { name: 'Doctor', exact: true }).check();
      if (index === 0) {
        await page.screenshot({ path: '/tmp/people-clinician-picked.png', fullPage: true });
        await axeAtBothWidths(page, 'a service clinician chosen from the register');
      }
      await page.getByRole('button', { name: 'Save clinician', exact: true }).click();
      await listHeading(page, 'Who will treat patients in this service?');
    }
    await expect
      .poll(() => page.locator('#question-svc-msk-clinicians dt').allTextContents())
      .toEqual(gps.slice(0, 2).map((gp) => gp.name));

    // Member practices: each practice's clinicians are ticked from the same register.
    await page.goto(pageUrl(harness.server.url, appId, 'bidding-model', 'bid-members'));
    for (const [index, practice] of practices.entries()) {
      await page
        .getByRole('link', { name: index === 0 ? 'Add a member practice' : 'Add another member practice' })
        .click();
      await listHeading(page, 'Add a member practice');
      await page.getByLabel('Legal name').fill(practice.name);
      await page.getByLabel('GP practice', { exact: true }).check();
      await page.getByLabel('ODS code').fill(practice.ods);
      await page.getByLabel('CQC provider ID').fill(practice.cqc);
      await page.locator('#item-address-line1').fill(`${index + 1} Station Road`);
      await page.locator('#item-address-town').fill('Truro');
      await page.locator('#item-address-postcode').fill(practice.postcode);
      await page.getByRole('checkbox', { name: 'MSK services for back and neck pain' }).check();
      await page
        .getByRole('group', { name: 'Do they hold insurance and indemnity that covers this work?' })
        .getByLabel('No')
        .check();
      const clinicians = page.getByRole('group', { name: /this practice's clinicians/ });
      expect(await clinicians.getByRole('checkbox').count()).toBe(gps.length + 1);
      await clinicians.getByRole('checkbox', { name: gps[index]?.name, exact: true }).check();
      await attach(page, 'cqc-certificate', `${practice.ods}-cqc.pdf`);
      await attach(page, 'self-declaration', `${practice.ods}-declaration.pdf`);
      await page.getByRole('button', { name: 'Save member practice', exact: true }).click();
      await listHeading(page, 'Which practices or other organisations will deliver the service?');
    }

    // Conflicts: every director is listed as needing a declaration; adding one picks the person.
    await page.goto(pageUrl(harness.server.url, appId, 'conflicts', 'conflicts.declarants'));
    const coverage = page.locator('.app-coverage');
    await coverage.waitFor();
    expect(await coverage.locator('.app-coverage__person').count()).toBe(gps.length);
    expect(await coverage.innerText()).not.toContain(manager);
    await page.screenshot({ path: '/tmp/people-declarations-needed.png', fullPage: true });
    await axeAtBothWidths(page, 'the declarants page with directors still to declare');
    for (const gp of gps) {
      await coverage.getByRole('link', { name: `Add a declaration for ${gp.name}` }).click();
      await listHeading(page, 'Add a person');
      expect(await page.getByRole('radio', { name: gp.name, exact: true }).isChecked()).toBe(true);
      expect(
        await page
          .getByRole('group', { name: 'What is their role in your organisation?' })
          .getByRole('radio', { name: 'Director' })
          .isChecked(),
      ).toBe(true);
      await fillDeclaration(page, 'No');
      await listHeading(page, 'Who in your organisation needs to make a declaration of interests?');
    }
    await expect.poll(() => coverage.getByText('Declaration added').count()).toBe(gps.length);
    await page.screenshot({ path: '/tmp/people-declarations-done.png', fullPage: true });

    // The draft pack: each person printed once with their details, referred to everywhere else.
    await page.goto(taskListUrl(harness.server.url, appId) + '/review');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export a draft pack' }).click(),
    ]);
    await download.saveAs('/tmp/people-pack.pdf');
    const text = pdfText(readFileSync(await download.path())).replace(/\s+/g, ' ');
    const people = [...gps.map((gp) => gp.name), manager];
    const numberOf = (name: string) => people.indexOf(name) + 1;
    for (const name of people) {
      const bare = text.match(new RegExp(`${name}(?! \\(person)`, 'g')) ?? [];
      expect(bare.length, `${name} printed in full once, in the people register`).toBe(1);
    }
    // The register's numbered row holds the person's details, once.
    for (const [index, gp] of gps.entries())
      expect(text, gp.name).toContain(
        `${index + 1} ${gp.name} Director Not answered ${gp.practice} GMC (doctors) ${gp.gmc}`,
      );
    const references = (name: string) => text.split(`${name} (person ${numberOf(name)})`).length - 1;
    // Ann Lee: clinical governance lead, MSK clinician, Oak Surgery's clinician, declarant.
    expect(references('Dr Ann Lee')).toBeGreaterThanOrEqual(4);
    // Ben Khan: adults' safeguarding lead, MSK clinician, Elm Practice's clinician, declarant.
    expect(references('Dr Ben Khan')).toBeGreaterThanOrEqual(4);
    // Cara Nwosu: children's safeguarding lead, Ash Medical Centre's clinician, declarant.
    expect(references('Dr Cara Nwosu')).toBeGreaterThanOrEqual(3);
    expect(references(manager)).toBe(0);
    await app.expectClean();
    await app.context.close();
  }, 240_000);
});
