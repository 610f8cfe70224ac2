/**
 * Holds back a script of the built app (matched by its path) until the test lets it go, to look
 * at what the page shows before that script has run: the frame pre-rendered in index.html before
 * the entry module, or the list painted from the database before React and the app's own code.
 * page.route cannot reach a page in a service worker's control: use a context that blocks them.
 */
import type { Page } from 'playwright-core';

export interface Held {
  /** Settles once the page has asked for the script (what ran before it has decided to load it). */
  readonly requested: Promise<void>;
  release(): void;
}

export async function holdScript(page: Page, path: RegExp): Promise<Held> {
  let release = () => {};
  let wasRequested = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const requested = new Promise<void>((resolve) => (wasRequested = resolve));
  await page.route(path, async (route) => {
    wasRequested();
    await released;
    await route.fallback();
  });
  return { requested, release };
}

/** The app's entry module: nothing of the app has run until it is let go. */
export const entryModule = /\/assets\/index-[^/]+\.js$/;
/** React and the app's shell: only what the entry paints itself shows until it is let go. */
export const appShell = /\/assets\/boot-[^/]+\.js$/;
