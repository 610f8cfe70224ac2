/**
 * Chromium helpers for the benchmark: a fresh context per scenario (its own IndexedDB, like a
 * different PC), CPU throttling through CDP, and in-page stopwatches, so timings are taken with
 * the page's own clock (`performance.now()`, whose zero is the navigation start) and not across
 * the DevTools protocol.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * tsx compiles the functions passed to `page.evaluate` with esbuild's keepNames, which wraps
 * named functions in a `__name(...)` call the page does not have: give it a harmless one.
 */
export const nameHelper = 'globalThis.__name ??= (fn) => fn;';

export async function newAppContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    acceptDownloads: true,
  });
  await context.addInitScript({ content: nameHelper });
  return context;
}

/** Slows the page's CPU `rate` times (1 = no slowdown); applies to the page's renderer. */
export async function throttle(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

export interface WatchSpec {
  /** The event that starts the stopwatch (its `timeStamp`), caught at the document in the capture phase. */
  readonly event: string;
  /** What stops it: an element matching `selector` (containing `text`, if given) in the DOM. */
  readonly selector: string;
  readonly text?: string;
  /** An element that means the operation failed (the stopwatch then fails with its text). */
  readonly failSelector?: string;
  readonly timeoutMs?: number;
}

interface Watch {
  start?: number;
  end?: number;
  text?: string;
  done: Promise<void>;
}
type WatchWindow = Window & { __benchWatch?: Watch };

/**
 * Arms a stopwatch in the page: started by the next `event`, stopped by a DOM change (a
 * MutationObserver, so at the commit, before paint) that shows the element. Arm, act, then
 * `readWatch`.
 */
export async function armWatch(page: Page, spec: WatchSpec): Promise<void> {
  await page.evaluate(
    ({ event, selector, text, failSelector, timeoutMs }) => {
      const watch: Watch = { done: Promise.resolve() };
      (window as WatchWindow).__benchWatch = watch;
      document.addEventListener(
        event,
        (e) => {
          watch.start ??= e.timeStamp;
        },
        { capture: true, once: true },
      );
      watch.done = new Promise<void>((resolve, reject) => {
        const found = () =>
          [...document.querySelectorAll(selector)].find(
            (el) => text === undefined || (el.textContent ?? '').includes(text),
          );
        const observer = new MutationObserver(() => {
          const failed = failSelector ? document.querySelector(failSelector) : null;
          if (failed) {
            observer.disconnect();
            reject(new Error(failed.textContent ?? 'failed'));
            return;
          }
          const el = found();
          if (!el) return;
          watch.end = performance.now();
          watch.text = el.textContent ?? '';
          observer.disconnect();
          resolve();
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true });
        setTimeout(() => reject(new Error(`"${text ?? selector}" did not appear`)), timeoutMs);
      });
    },
    { failSelector: '', ...spec, timeoutMs: spec.timeoutMs ?? 120_000 },
  );
}

/** Waits for an armed stopwatch; its time in ms, and the text of the element that stopped it. */
export async function readWatch(page: Page): Promise<{ ms: number; text: string }> {
  return page.evaluate(async () => {
    const watch = (window as WatchWindow).__benchWatch;
    if (!watch) throw new Error('no stopwatch armed');
    await watch.done;
    if (watch.start === undefined || watch.end === undefined) throw new Error('the stopwatch was not started');
    return { ms: watch.end - watch.start, text: watch.text ?? '' };
  });
}
