/**
 * Opens the app in a fresh browser context and watches everything that must never happen: console
 * errors, uncaught exceptions, requests to another origin, and Content-Security-Policy violations.
 * `expectClean()` fails the test with the list of what it saw.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Watched {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly foreignRequests: string[];
  cspViolations(): Promise<string[]>;
  expectClean(): Promise<void>;
}

export interface OpenOptions {
  readonly width?: number;
  readonly height?: number;
  readonly context?: BrowserContext;
}

const recordCspViolations = () => {
  const store: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = store;
  document.addEventListener('securitypolicyviolation', (e) => {
    store.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  });
};

export async function watchPage(page: Page, origin: string): Promise<Omit<Watched, 'context' | 'page'>> {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.addInitScript(recordCspViolations);
  // Requests a service worker makes do not pass page.route: watch the whole context as well.
  page.context().on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    return route.abort('blockedbyclient');
  });
  const cspViolations = () =>
    page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  return {
    consoleErrors,
    pageErrors,
    foreignRequests,
    cspViolations,
    async expectClean() {
      expect(consoleErrors, 'console errors').toEqual([]);
      expect(pageErrors, 'uncaught exceptions').toEqual([]);
      expect(foreignRequests, 'requests to another origin').toEqual([]);
      expect(await cspViolations(), 'Content-Security-Policy violations').toEqual([]);
    },
  };
}

export async function openApp(browser: Browser, origin: string, options: OpenOptions = {}): Promise<Watched> {
  const context =
    options.context ??
    (await browser.newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      acceptDownloads: true,
    }));
  const page = await context.newPage();
  const watched = await watchPage(page, origin);
  return { context, page, ...watched };
}
