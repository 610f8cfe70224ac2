/**
 * What every browser test file shares: one Chromium and one static server per file, started
 * before its tests and closed after them; a quick start of an application through the UI; and
 * the text of a downloaded PDF (poppler's pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { distDir } from './paths';
import { startStaticServer, type StaticServer } from './static-server';

export interface Harness {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/**
 * Launches Chromium and serves the build (under `basePath`, as an LMC might host it) for the
 * tests of one file; closes both afterwards.
 */
export function sharedHarness(basePath = '/'): Harness {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await startStaticServer(distDir, basePath);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is not running yet');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server is not running yet');
      return server;
    },
  };
}

/** The text of a PDF, extracted with poppler's pdftotext (reading order, no layout). */
export function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fault-pack-'));
  const file = path.join(dir, 'pack.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export interface QuickStart {
  readonly organisation?: string;
  readonly commissioner?: string;
}

/**
 * From the home page: "Start now", a single practice applying for podiatry, "Start application".
 * Resolves with the application's id once its task list is on screen.
 */
export async function startApplication(page: Page, url: string, options: QuickStart = {}): Promise<string> {
  await page.goto(url);
  await page.getByRole('link', { name: 'Start now' }).click();
  await page.getByLabel('Organisation’s legal name').fill(options.organisation ?? 'Riverside Surgery');
  await page.getByLabel('A single GP practice').check();
  await page.getByLabel('Podiatry').check();
  await page.getByLabel('Commissioner').fill(options.commissioner ?? 'NHS Kernow CCG');
  await page.getByRole('button', { name: 'Start application' }).click();
  await page.getByRole('heading', { name: /Application to/ }).waitFor();
  const hash = await page.evaluate(() => location.hash);
  return decodeURIComponent(hash.replace(/^#\/applications\//, ''));
}

/** The app's address for a page of an application: "#/applications/<id>/sections/<section>/<page>". */
export const pageUrl = (url: string, appId: string, sectionId: string, pageId: string) =>
  `${url}#/applications/${encodeURIComponent(appId)}/sections/${sectionId}/${pageId}`;

export const taskListUrl = (url: string, appId: string) => `${url}#/applications/${encodeURIComponent(appId)}`;
