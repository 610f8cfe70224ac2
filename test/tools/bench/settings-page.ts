/**
 * Backups through the app's own settings page ("Backups and storage"), as a user makes them:
 * choosing a file in "Import a backup" (the app reads and checks it, then says what it holds),
 * "Import backup" (one transaction), and "Download a backup". Each step is timed in the page from
 * the user's action (the file input's change, the button's click) to the app's answer on screen.
 */
import type { Page } from 'playwright-core';
import { armWatch, readWatch } from './browser';

const banner = '.nhsuk-notification-banner';
const problem = '.nhsuk-notification-banner:not(.nhsuk-notification-banner--success)';

export async function openSettings(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}#/settings`);
  await page.getByRole('heading', { name: 'Backups and storage' }).waitFor();
}

export interface ImportTiming {
  /** Choosing the file → "This backup holds …" (read, parse, schema and checksum checks, clash look-up). */
  readonly readMs: number;
  /** "Import backup" → "Imported N applications" (read again, then the one write transaction). */
  readonly importMs: number;
  readonly summary: string;
  readonly message: string;
}

/** Imports a backup file on a page already showing the settings page of a context with none of its records. */
export async function importBackupFile(page: Page, file: { name: string; text: string }): Promise<ImportTiming> {
  await armWatch(page, {
    event: 'change',
    selector: 'p',
    text: 'This backup holds',
    failSelector: '#backup-file-error',
  });
  await page
    .locator('#backup-file')
    .setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  const read = await readWatch(page);
  await armWatch(page, { event: 'click', selector: banner, text: 'Imported', failSelector: problem });
  await page.getByRole('button', { name: 'Import backup' }).click();
  const imported = await readWatch(page);
  return { readMs: read.ms, importMs: imported.ms, summary: read.text, message: imported.text.replace(/^Done/, '') };
}

export interface ExportTiming {
  /** "Download a backup" → "Backup downloaded as …" (gather, encode the evidence, schema check, save). */
  readonly ms: number;
  readonly fileName: string;
  readonly text: string;
}

export async function downloadBackup(page: Page): Promise<ExportTiming> {
  await armWatch(page, { event: 'click', selector: banner, text: 'Backup downloaded as', failSelector: problem });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  const done = await readWatch(page);
  const stream = await download.createReadStream();
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return { ms: done.ms, fileName: download.suggestedFilename(), text: Buffer.concat(parts).toString('utf8') };
}
