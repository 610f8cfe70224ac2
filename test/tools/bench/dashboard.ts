/**
 * Time to the dashboard: a fresh page load of the app's home route with many applications stored,
 * from the navigation start to the first frame painted after "Your applications" lists every one
 * of them with its progress worked out (React commits the list at once; progress shows "…" until
 * the checklist has loaded).
 *
 * An init script (so it runs before the app) watches the DOM with a MutationObserver; when the
 * list is complete it notes `performance.now()` (zero = navigation start) and then the time of the
 * next frame: a task posted from requestAnimationFrame runs after that frame is painted. The
 * painted list may be the one painted from the database before the app loads (src/app/pre-paint.tsx):
 * `mountedMs` says when the app itself had mounted over it.
 */
import type { BrowserContext } from 'playwright-core';
import { throttle } from './browser';

export interface DashboardLoad {
  /** Navigation start → the complete list in the DOM. */
  readonly listMs: number;
  /** Navigation start → the frame showing it painted. */
  readonly paintedMs: number;
  /** Navigation start → the header first painted (first contentful paint), for context. */
  readonly fcpMs: number;
  /**
   * The page starting to read the list → the frame showing it painted: from the read before the
   * app loads ('aqp:first-read') when the list was painted from it, else from the page's own read
   * ('aqp:dashboard-read').
   */
  readonly fromReadMs: number;
  /** Navigation start → the app mounted (its 'aqp:mounted' mark): from then on it answers clicks. */
  readonly mountedMs: number;
  /** Whether the list was painted before the app loaded ('aqp:pre-painted'). */
  readonly prePainted: boolean;
  readonly cards: number;
}

interface DashboardWatch {
  listMs?: number;
  paintedMs?: number;
  cards?: number;
}
type DashboardWindow = Window & { __benchDashboard?: DashboardWatch };

/** What the page logs once the list is painted, and once the app has mounted (see measureDashboard). */
const paintedMessage = 'aqp-bench: dashboard painted';
const mountedMessage = 'aqp-bench: app mounted';

function watchDashboard({
  expected,
  paintedMessage,
  mountedMessage,
}: {
  expected: number;
  paintedMessage: string;
  mountedMessage: string;
}): void {
  const watch: DashboardWatch = {};
  (window as DashboardWindow).__benchDashboard = watch;
  new PerformanceObserver((list, marks) => {
    if (!list.getEntriesByName('aqp:mounted').length) return;
    marks.disconnect();
    console.debug(mountedMessage);
  }).observe({ type: 'mark' });
  const observer = new MutationObserver(() => {
    const cards = document.querySelectorAll('li.app-application');
    if (cards.length < expected) return;
    const list = document.querySelector('ul.app-applications');
    // Progress is "…" until the checklist is loaded; the list is complete when every card has it.
    if (!list || list.textContent?.includes('…')) return;
    watch.listMs = performance.now();
    watch.cards = cards.length;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        watch.paintedMs = performance.now();
        console.debug(paintedMessage);
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

/** Loads the home route `runs` times, each in a new page of `context` (its IndexedDB already seeded). */
export async function measureDashboard(
  context: BrowserContext,
  appUrl: string,
  expected: number,
  cpuThrottle: number,
  runs: number,
): Promise<DashboardLoad[]> {
  const loads: DashboardLoad[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.addInitScript(watchDashboard, { expected, paintedMessage, mountedMessage });
    await throttle(page, cpuThrottle);
    // Waited for by the page's own messages: polling from here (waitForFunction) would put
    // Playwright's injected script on the page's main thread while it loads, about 100 ms at 4×.
    const logged = (text: string, timeout: number) =>
      page.waitForEvent('console', { predicate: (m) => m.text() === text, timeout });
    const painted = logged(paintedMessage, 120_000);
    // A build from before the 'aqp:mounted' mark (DIST_DIR) never logs it: its mountedMs is NaN.
    const mounted = logged(mountedMessage, 30_000).catch(() => undefined);
    await page.goto(appUrl);
    await Promise.all([painted, mounted]);
    const load = await page.evaluate(() => {
      const watch = (window as DashboardWindow).__benchDashboard ?? {};
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
      const prePainted = at('aqp:pre-painted') !== undefined;
      const read = prePainted ? at('aqp:first-read') : at('aqp:dashboard-read');
      const paintedMs = watch.paintedMs ?? 0;
      return {
        listMs: watch.listMs ?? 0,
        paintedMs,
        fcpMs: at('first-contentful-paint') ?? 0,
        fromReadMs: read === undefined ? NaN : paintedMs - read,
        mountedMs: at('aqp:mounted') ?? NaN,
        prePainted,
        cards: watch.cards ?? 0,
      };
    });
    loads.push(load);
    await page.close();
  }
  return loads;
}
