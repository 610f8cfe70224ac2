/**
 * Steps through the UI that the federation journeys share (people-register, member-returns): a
 * federation's application started from the home page, a person added to the people register, a
 * declarant's declaration filled in, a file attached to a list item, and the wait for a list page.
 * Each step waits for the page it ends on, so the next step never races it.
 */
import type { Page } from 'playwright-core';
import { pdfFile } from './evidence-pdf';

/** Waits for a page by its heading (a list page's question may sit under the page's own title). */
export const listHeading = (page: Page, name: string) =>
  page.getByRole('heading', { name, exact: true }).first().waitFor();

/** "Start now" for a GP federation's MSK application; the new application's id. */
export async function startFederation(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('link', { name: 'Start now' }).click();
  await page.getByLabel('Organisation’s legal name').fill('Kernow Health Federation Limited');
  await page.getByLabel('A GP federation or provider company, as lead provider').check();
  await page.getByLabel('MSK services for back and neck pain').check();
  await page.getByLabel('Commissioner').fill('NHS Kernow CCG');
  await page.getByRole('button', { name: 'Start application' }).click();
  await page.getByRole('heading', { name: /Application to/ }).waitFor();
  return decodeURIComponent((await page.evaluate(() => location.hash)).replace(/^#\/applications\//, ''));
}

/** From the people register's list page: adds a person, and waits for the list again. */
export async function addPerson(
  page: Page,
  person: { name: string; role: string; worksAt?: string; register: RegExp; number?: string },
) {
  await page.getByRole('link', { name: /^Add (a|another) person$/ }).click();
  await listHeading(page, 'Add a person');
  await page.getByRole('textbox', { name: 'Full name' }).fill(person.name);
  await page.getByRole('radio', { name: person.role, exact: true }).check();
  if (person.worksAt) await page.getByRole('textbox', { name: 'Where do they work? (optional)' }).fill(person.worksAt);
  await page.getByRole('radio', { name: person.register }).check();
  if (person.number) await page.getByRole('textbox', { name: 'Registration number' }).fill(person.number);
  await page.getByRole('button', { name: 'Save person' }).click();
  await listHeading(page, 'Who are the people in your organisation?');
}

/**
 * On a declarant's page, once their role is set: a member-practice representative, with (`Yes`)
 * or without (`No`) interests to declare, who signed on 2 November 2026, confirmed the
 * declaration and consents to its publication; then "Save person" (the caller waits for the page
 * it expects next).
 */
export async function fillDeclaration(page: Page, interests: 'Yes' | 'No') {
  await page.getByRole('checkbox', { name: 'Member-practice representative' }).check();
  await page.getByRole('group', { name: 'Do they have any interests to declare?' }).getByLabel(interests).check();
  const signed = page.getByRole('group', { name: 'What date did they sign their declaration?' });
  await signed.getByLabel('Day').fill('2');
  await signed.getByLabel('Month').fill('11');
  await signed.getByLabel('Year').fill('2026');
  await page
    .getByRole('group', { name: /confirmed the declaration/ })
    .getByLabel('Yes')
    .check();
  await page
    .getByRole('group', { name: /consent to their declaration being published/ })
    .getByLabel('Yes')
    .check();
  await page.getByRole('button', { name: 'Save person', exact: true }).click();
}

/** Attaches a one-page PDF named `name` to the item's file field `field`, and waits for it in the list. */
export async function attach(page: Page, field: string, name: string) {
  await page.locator(`#item-${field}-file`).setInputFiles(pdfFile(name, name));
  await page.locator('.app-evidence__list strong', { hasText: name }).waitFor();
}
