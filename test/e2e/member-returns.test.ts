// Member returns in Chromium, through the UI, with three browser contexts standing for three PCs
// besides the lead's (issue 14): a federation lists three member practices and a director; it
// makes request files for two members and the director; each "PC" opens its request from
// "Fill in a return", fills in only what was asked in the same wizard (validation, evidence
// upload) and sends a return file back. The lead imports the three at once with a copy of one
// changed by one byte: the changed one is refused and nothing changes; the other two wait to be
// checked, and an answer the lead typed differently needs a choice before it is accepted. The
// third member stays outstanding on the review page and in the pack; the pack (pdftotext) holds
// each accepted answer and the director's own declaration, marked as coming from their return.
// Axe-clean at 320 and 1280 px on every new page. Screenshots go to /tmp/returns-*.png.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, type Watched } from './support/app-page';
import { axeAtBothWidths } from './support/axe';
import { readDatabase, storedApplication } from './support/faults';
import { addPerson, attach, fillDeclaration, listHeading, startFederation } from './support/federation-steps';
import { pageUrl, pdfText, sharedHarness, taskListUrl } from './support/harness';

const harness = sharedHarness();

const members = [
  { name: 'Oak Surgery', ods: 'A81001', returnedOds: 'A81011', cqc: '1-199747501', postcode: 'TR1 1AA' },
  { name: 'Elm Practice', ods: 'A81002', returnedOds: 'A81002', cqc: '1-199747502', postcode: 'TR1 2BB' },
  { name: 'Ash Medical Centre', ods: 'A81003', returnedOds: 'A81003', cqc: '1-199747503', postcode: 'TR2 3CC' },
] as const;
const director = 'Dr Ann Lee';
const interest = { organisation: 'Truro Physio Limited', description: 'Owns 20% of a physiotherapy clinic' };

async function downloaded(page: Page, click: () => Promise<void>, saveAs: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  await download.saveAs(saveAs);
  return download;
}

/** On a member's PC: "Fill in a return" from the home page, and the request file opened. */
async function openRequest(pc: Watched, file: string, heading: string) {
  const page = pc.page;
  await page.goto(harness.server.url);
  await page.getByRole('link', { name: 'fill in a return' }).click();
  await page.getByRole('heading', { level: 1, name: 'Fill in a return' }).waitFor();
  await page.locator('#request-file').setInputFiles(file);
  await page.getByRole('button', { name: 'Open the request' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function sendBack(page: Page, name: string, saveAs: string): Promise<string> {
  await page.getByLabel('Your full name').fill(name);
  const download = await downloaded(page, () => page.getByRole('button', { name: 'Send back' }).click(), saveAs);
  await page.locator('#return-sent-message-title').waitFor();
  expect(download.suggestedFilename()).toMatch(/^aqp-return-[a-z-]+-\d{4}-\d{2}-\d{2}\.json$/);
  return readFileSync(saveAs, 'utf8');
}

/** A member practice's PC fills in its part: the wizard's own item page, with its certificates. */
async function fillMember(pc: Watched, file: string, member: (typeof members)[number], saveAs: string) {
  const page = pc.page;
  await openRequest(pc, file, `${member.name}: your part of the bid`);
  // Only what was asked: no task list, no other sections.
  expect(await page.getByRole('link', { name: 'Organisation and legal identity' }).count()).toBe(0);
  await page
    .getByRole('link', { name: /^Change/ })
    .first()
    .click();
  await listHeading(page, `Change ${member.name}`);
  await page.getByLabel('ODS code').fill(member.returnedOds);
  await page.getByLabel('CQC provider ID').fill(member.cqc);
  await page.locator('#item-address-line1').fill('1 Station Road');
  await page.locator('#item-address-town').fill('Truro');
  await page.locator('#item-address-postcode').fill(member.postcode);
  await page.getByRole('checkbox', { name: 'MSK services for back and neck pain' }).check();
  await page
    .getByRole('group', { name: 'Do they hold insurance and indemnity that covers this work?' })
    .getByLabel('Yes')
    .check();
  await page
    .getByRole('group', { name: /this practice's clinicians/ })
    .getByRole('checkbox', { name: director, exact: true })
    .check();
  // The wizard's validation: a wrong CQC ID is refused with the usual error summary.
  await page.getByLabel('CQC provider ID').fill('199747501');
  await page.getByRole('button', { name: 'Save member practice', exact: true }).click();
  await page.locator('.nhsuk-error-summary').waitFor();
  await page.getByLabel('CQC provider ID').fill(member.cqc);
  await attach(page, 'cqc-certificate', `${member.ods}-cqc.pdf`);
  await attach(page, 'insurance-certificate', `${member.ods}-insurance.pdf`);
  await attach(page, 'self-declaration', `${member.ods}-declaration.pdf`);
  await page.getByRole('button', { name: 'Save member practice', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `${member.name}: your part of the bid` }).waitFor();
  return sendBack(page, `Practice manager of ${member.name}`, saveAs);
}

describe('a federation collects its members’ parts as returns', () => {
  it('requests, three PCs fill in and return, the lead imports, refuses a tampered one, accepts two', async () => {
    const url = harness.server.url;
    const lead = await openApp(harness.browser, harness.server.origin);
    const l = lead.page;
    const appId = await startFederation(l, url);

    // The lead's register holds the director; three members by name (Oak's ODS code typed too).
    await l.goto(pageUrl(url, appId, 'organisation', 'org-people'));
    await listHeading(l, 'Who are the people in your organisation?');
    await addPerson(l, { name: director, role: 'Director', register: /^GMC/, number: '1234567' });
    await l.goto(pageUrl(url, appId, 'bidding-model', 'bid-members'));
    for (const [index, member] of members.entries()) {
      await l
        .getByRole('link', { name: index === 0 ? 'Add a member practice' : 'Add another member practice' })
        .click();
      await listHeading(l, 'Add a member practice');
      await l.getByLabel('Legal name').fill(member.name);
      await l.getByLabel('GP practice', { exact: true }).check();
      await l.getByLabel('ODS code').fill(member.ods);
      await l.getByRole('button', { name: 'Save and come back later' }).click();
      await listHeading(l, 'Which practices or other organisations will deliver the service?');
    }
    await l.goto(pageUrl(url, appId, 'conflicts', 'conflicts.declarants'));
    await l
      .locator('.app-coverage')
      .getByRole('link', { name: `Add a declaration for ${director}` })
      .click();
    await listHeading(l, 'Add a person');
    await l.getByRole('button', { name: 'Save and come back later' }).click();
    await listHeading(l, 'Who in your organisation needs to make a declaration of interests?');

    // The task list offers returns; the returns page makes one request file per person asked.
    await l.goto(taskListUrl(url, appId));
    const task = l.locator('.nhsuk-task-list__item', { hasText: 'Returns from members and declarants' });
    expect(await task.innerText()).toContain('Not asked');
    await task.getByRole('link').click();
    await l.getByRole('heading', { level: 1, name: 'Returns from members and declarants' }).waitFor();
    await axeAtBothWidths(l, 'the returns page before any request');
    await l.getByRole('button', { name: `Make a request for ${members[0].name}` }).click();
    await l.getByText('Enter your name, so they know who is asking').first().waitFor();
    await l.getByLabel('Your name').fill('Pat Jones');
    await l.getByLabel('Your email address (optional)').fill('pat.jones@nhs.net');
    const requests: string[] = [];
    for (const name of [members[0].name, members[1].name, director]) {
      const file = `/tmp/returns-request-${requests.length}.json`;
      const download = await downloaded(
        l,
        () => l.getByRole('button', { name: `Make a request for ${name}` }).click(),
        file,
      );
      expect(download.suggestedFilename()).toMatch(/^aqp-request-[a-z-]+-\d{4}-\d{2}-\d{2}\.json$/);
      // The message names this person (the one about the last request is already on the page).
      await l.locator('.nhsuk-notification-banner', { hasText: `Request for ${name} saved as` }).waitFor();
      requests.push(file);
    }
    expect(JSON.parse(readFileSync(requests[0] ?? '', 'utf8'))).toMatchObject({
      format: 'aqp-apply-exchange',
      kind: 'return-request',
      subject: { type: 'member', name: members[0].name },
      from: { askedBy: 'Pat Jones', email: 'pat.jones@nhs.net' },
    });
    await expect.poll(() => l.locator('.app-return-entry', { hasText: 'Waiting' }).count()).toBe(3);
    await l.screenshot({ path: '/tmp/returns-lead-asked.png', fullPage: true });
    await axeAtBothWidths(l, 'the returns page with three requests');

    // Three PCs: two practices and the director, each filling in only what was asked.
    const oakPc = await openApp(harness.browser, harness.server.origin);
    const oakReturn = await fillMember(oakPc, requests[0] ?? '', members[0], '/tmp/returns-oak.json');
    await oakPc.page.screenshot({ path: '/tmp/returns-member-sent.png', fullPage: true });
    await axeAtBothWidths(oakPc.page, 'a member’s return page, sent');
    await oakPc.page.getByRole('link', { name: 'Fill in a return' }).click();
    await oakPc.page.getByText('Sent back', { exact: true }).waitFor();
    await axeAtBothWidths(oakPc.page, 'the fill-in-a-return page with a return on it');
    await oakPc.expectClean();
    await oakPc.context.close();

    const elmPc = await openApp(harness.browser, harness.server.origin);
    const elmReturn = await fillMember(elmPc, requests[1] ?? '', members[1], '/tmp/returns-elm.json');
    await elmPc.expectClean();
    await elmPc.context.close();

    const annPc = await openApp(harness.browser, harness.server.origin);
    const a = annPc.page;
    await openRequest(annPc, requests[2] ?? '', `${director}: your declaration of interests`);
    await a.screenshot({ path: '/tmp/returns-declarant-start.png', fullPage: true });
    await axeAtBothWidths(a, 'a declarant’s return page');
    await a
      .getByRole('link', { name: /^Change/ })
      .first()
      .click();
    await listHeading(a, `Change ${director}`);
    await a
      .getByRole('group', { name: 'What is their role in your organisation?' })
      .getByRole('radio', { name: 'Director' })
      .check();
    await fillDeclaration(a, 'Yes');
    await a.getByRole('heading', { level: 1, name: `${director}: your declaration of interests` }).waitFor();
    await a.getByRole('link', { name: 'Add an interest' }).click();
    await listHeading(a, 'Add an interest');
    await a
      .getByRole('group', { name: 'Who is declaring this interest?' })
      .getByRole('radio', { name: director })
      .check();
    await a
      .getByRole('group', { name: 'What type of interest is it?' })
      .getByRole('radio', { name: 'Financial', exact: true })
      .check();
    await a.getByLabel('Which organisation or body does it relate to?').fill(interest.organisation);
    await a.getByLabel('Describe the interest').fill(interest.description);
    await a
      .getByRole('group', { name: /held by the person themselves/ })
      .getByRole('radio')
      .first()
      .check();
    const from = a.getByRole('group', { name: 'When did the interest start?' });
    await from.getByLabel('Day').fill('1');
    await from.getByLabel('Month').fill('4');
    await from.getByLabel('Year').fill('2019');
    await a.getByLabel('What action has been agreed to manage it?').fill('Withdraws from MSK referral decisions');
    await a.getByRole('button', { name: 'Save interest', exact: true }).click();
    await a.getByRole('heading', { level: 1, name: `${director}: your declaration of interests` }).waitFor();
    expect(await a.locator('main').innerText()).toContain(interest.organisation);
    const annReturn = await sendBack(a, director, '/tmp/returns-ann.json');
    await a.screenshot({ path: '/tmp/returns-declarant-sent.png', fullPage: true });
    await annPc.expectClean();
    await annPc.context.close();

    // Back at the lead: the three at once, with Elm's changed by one byte; Elm's is refused.
    const at = elmReturn.indexOf(members[1].cqc);
    expect(at).toBeGreaterThan(0);
    const tampered = `${elmReturn.slice(0, at + 2)}${elmReturn[at + 2] === '9' ? '8' : '9'}${elmReturn.slice(at + 3)}`;
    expect(tampered.length).toBe(elmReturn.length);
    writeFileSync('/tmp/returns-elm-tampered.json', tampered);
    const before = await storedApplication(l, appId);
    await l
      .locator('#returns-files')
      .setInputFiles(['/tmp/returns-oak.json', '/tmp/returns-elm-tampered.json', '/tmp/returns-ann.json']);
    await l.getByRole('button', { name: 'Import returns' }).click();
    const banner = l.locator('#returns-import-message-title');
    await banner.waitFor();
    expect(await l.locator('.nhsuk-notification-banner').count(), 'one banner: the import’s').toBe(1);
    const said = (await l.locator('.nhsuk-notification-banner').innerText()).replace(/\s+/g, ' ');
    expect(said).toContain(
      'returns-elm-tampered.json: The return from Elm Practice has been changed since it was made',
    );
    expect(said).toContain(`The return from ${members[0].name} is ready to check.`);
    expect(said).toContain(`The return from ${director} is ready to check.`);
    expect(await storedApplication(l, appId), 'importing changes no answer').toEqual(before);
    const requestRows = ((await readDatabase(l)).returns ?? []) as { value: { role: string; received?: unknown } }[];
    expect(requestRows.filter((r) => r.value.received).length).toBe(2);
    await l.screenshot({ path: '/tmp/returns-lead-imported.png', fullPage: true });
    await axeAtBothWidths(l, 'the returns page after an import with a refusal');
    // The same file again is refused as imported already.
    await l.locator('#returns-files').setInputFiles('/tmp/returns-oak.json');
    await l.getByRole('button', { name: 'Import returns' }).click();
    await l.getByText('has been imported already').waitFor();
    expect(oakReturn).toContain(members[0].returnedOds);
    expect(annReturn).toContain(interest.organisation);

    // Oak's return: the ODS code the lead typed differs, so the lead chooses; the rest fills in.
    await l.getByRole('link', { name: `Check the return from ${members[0].name}` }).click();
    await l.getByRole('heading', { level: 1, name: `Check the return from ${members[0].name}` }).waitFor();
    const table = l.locator('.app-difference-table');
    expect(await table.innerText()).toContain(members[0].returnedOds);
    expect(await table.innerText()).toContain(`${members[0].ods}-cqc.pdf`);
    await l.screenshot({ path: '/tmp/returns-check.png', fullPage: true });
    await axeAtBothWidths(l, 'the page to check a return');
    await l.getByRole('button', { name: 'Accept this return' }).click();
    await l.locator('.nhsuk-error-summary').getByText('Choose which answer to keep for “ODS code”').waitFor();
    expect(await storedApplication(l, appId), 'a refused accept changes nothing').toEqual(before);
    await l.getByRole('radio', { name: `Use theirs: ${members[0].returnedOds}` }).check();
    await l.getByRole('button', { name: 'Accept this return' }).click();
    await l.getByText(`The return from ${members[0].name} is accepted`).waitFor();
    await l.getByRole('link', { name: 'Back to returns from members and declarants' }).click();
    await l.getByRole('link', { name: `Check the return from ${director}` }).click();
    await l.getByRole('heading', { level: 1, name: `Check the return from ${director}` }).waitFor();
    expect(await l.locator('.app-difference-table').innerText()).toContain(interest.organisation);
    await l.getByRole('button', { name: 'Accept this return' }).click();
    await l.getByText(`The return from ${director} is accepted`).waitFor();

    // The application now holds their answers and files; Elm is still outstanding.
    const after = (await storedApplication(l, appId)) as { answers: Record<string, unknown> } | undefined;
    const memberItems = after?.answers['bid.members'] as { values: Record<string, unknown> }[];
    expect(memberItems.map((m) => m.values['name'])).toEqual(members.map((m) => m.name));
    expect(memberItems[0]?.values).toMatchObject({
      'ods-code': members[0].returnedOds,
      'cqc-provider-id': members[0].cqc,
    });
    expect(memberItems[1]?.values['cqc-provider-id'], 'the refused return changed nothing').toBeUndefined();
    expect((memberItems[0]?.values['cqc-certificate'] as string[]).length).toBe(1);
    await l.goto(taskListUrl(url, appId));
    await expect.poll(() => task.innerText()).toContain('1 waiting');
    await l.goto(`${taskListUrl(url, appId)}/review`);
    const readiness = l.locator('.app-readiness');
    await readiness.getByText('Still waiting for a return').waitFor();
    expect(await readiness.innerText()).toContain(members[1].name);
    await l.screenshot({ path: '/tmp/returns-readiness.png', fullPage: true });

    const pack = await downloaded(
      l,
      () => l.getByRole('button', { name: 'Export a draft pack' }).click(),
      '/tmp/returns-pack.pdf',
    );
    const text = pdfText(readFileSync(await pack.path())).replace(/\s+/g, ' ');
    for (const words of [
      members[0].returnedOds,
      members[0].cqc,
      `${members[0].ods}-insurance.pdf`,
      interest.organisation,
      interest.description,
      'Withdraws from MSK referral decisions',
      'Returns from members and declarants',
      `Source of this declaration Their own return, sent by ${director}`,
    ])
      expect(text, words).toContain(words);
    expect(text).toMatch(/Elm Practice Member practice \d+ \w+ \d{4} Outstanding/);
    expect(text, 'the tampered return’s answer is not in the pack').not.toContain(members[1].cqc);
    await lead.expectClean();
    await lead.context.close();
  }, 300_000);
});
