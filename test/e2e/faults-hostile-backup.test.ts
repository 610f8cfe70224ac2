// Backup files that must be refused, chosen through the Backups and storage page like any other:
// hostile ones (keys that could reach a prototype, a script in a name, an unexpected field) and
// corrupt ones (cut short, or an evidence file whose bytes no longer match their checksum). Each is
// refused with a plain message before anything can be imported, and nothing stored changes.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { pdfFile } from './support/evidence-pdf';
import { readDatabase } from './support/faults';
import { pageUrl, sharedHarness, startApplication } from './support/harness';

const h = sharedHarness();

type Backup = Record<string, unknown> & {
  applications: Record<string, unknown>[];
  profiles: Record<string, unknown>[];
  evidence: { meta: Record<string, unknown>; data: string }[];
};

const file = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text, 'utf8'),
});

/** Every variant: its name, its text, and the words the refusal must contain. */
function variants(valid: string): { name: string; text: string; says: RegExp }[] {
  const backup = () => JSON.parse(valid) as Backup;
  const polluting = valid.replace('{', '{"__proto__":{"polluted":"yes"},');
  const constructorKey = backup();
  constructorKey.applications[0] = { ...constructorKey.applications[0], constructor: { prototype: { polluted: 1 } } };
  const scripted = backup();
  scripted.profiles[0] = { ...scripted.profiles[0], name: '<script>alert(1)</script>', isAdmin: true };
  const damaged = backup();
  const [evidence] = damaged.evidence;
  if (!evidence) throw new Error('the backup has no evidence file to damage');
  evidence.data = `${evidence.data.slice(0, 40)}${evidence.data[40] === 'A' ? 'B' : 'A'}${evidence.data.slice(41)}`;
  const tampered = /contains a field named "(__proto__|constructor)", which no backup from this app has/;
  return [
    { name: 'proto.json', text: polluting, says: tampered },
    { name: 'constructor.json', text: JSON.stringify(constructorKey), says: tampered },
    {
      name: 'extra-field.json',
      text: JSON.stringify(scripted),
      says: /^This file is not a backup this app can import: Organisation profile 1 cannot be read/,
    },
    {
      name: 'cut-short.json',
      text: valid.slice(0, Math.floor(valid.length / 2)),
      says: /^The file is not a complete backup: it seems to have been cut short/,
    },
    {
      name: 'damaged-evidence.json',
      text: JSON.stringify(damaged),
      says: /^The evidence file “Signed-declaration\.pdf” in this backup is damaged/,
    },
    {
      name: 'not-json.json',
      text: '\u0000\u0001PK\u0003\u0004 binary',
      says: /^The file is not a complete backup: it is not in the format backups are written in/,
    },
  ];
}

/**
 * Chooses the file and gives the refusal said about it. The refusal of the file chosen before is
 * taken away when this one is chosen (test/component/backup-choice.test.tsx); this waits for the
 * page to have read the new file rather than relying on when that happens.
 */
async function chooseBackup(page: Page, name: string, text: string, previous: string | null): Promise<string> {
  await page.locator('#backup-file').setInputFiles(file(name, text));
  const error = page.locator('#backup-file-error');
  await page
    .getByRole('status')
    .filter({ hasText: `Reading ${name}` })
    .waitFor({ state: 'hidden' });
  await error.waitFor();
  const said = async () => (await error.innerText()).replace(/^Error:\s*/, '');
  await expect.poll(said, { message: `${name}: a refusal of its own` }).not.toBe(previous);
  return said();
}

describe('importing a hostile or corrupt backup', () => {
  it('refuses each with a clear message and changes nothing', { timeout: 90_000 }, async () => {
    const app = await openApp(h.browser, h.server.origin);
    const { page } = app;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const appId = await startApplication(page, h.server.url);
    await page.goto(pageUrl(h.server.url, appId, 'declaration', 'decl.signed-page'));
    await page.locator('#decl-signed-file').setInputFiles(pdfFile('Signed-declaration.pdf', 'Signed declaration'));
    await page.locator('.app-evidence__list strong', { hasText: 'Signed-declaration.pdf' }).waitFor();

    // A real backup from this app, to make the bad ones from.
    await page.goto(`${h.server.url}#/settings`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup', exact: true }).click(),
    ]);
    const valid = readFileSync(await download.path(), 'utf8');
    await page.getByText(/Backup downloaded as/).waitFor();
    const before = await readDatabase(page);

    let previous: string | null = null;
    for (const { name, text, says } of variants(valid)) {
      const message = await chooseBackup(page, name, text, previous);
      previous = message;
      expect(message, name).toMatch(says);
      expect(await page.getByRole('button', { name: 'Import backup' }).count(), `${name}: an import button`).toBe(0);
      expect(
        await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted),
        `${name}: Object.prototype polluted`,
      ).toBeUndefined();
    }
    expect(await page.locator('script:not([src]), main img').count(), 'elements injected').toBe(0);
    expect(dialogs, 'dialogs opened').toEqual([]);
    expect(await readDatabase(page), 'stored data after the refusals').toEqual(before);

    // The real backup is still accepted (so the refusals above were about the files, not the page).
    await page.locator('#backup-file').setInputFiles(file('real.json', valid));
    await page.getByText('This backup holds 1 application, 1 organisation and 1 file.').waitFor();
    expect(await readDatabase(page)).toEqual(before);
    await app.expectClean();
    await app.context.close();
  });
});
