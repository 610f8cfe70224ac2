/**
 * Time to the dashboard: a fresh page load of the app's home route with many applications stored,
 * from the navigation start to the first frame painted after "Your applications" lists every one
 * of them with its progress worked out (React commits the list at once; progress shows "…" until
 * the checklist has loaded).
 *
 * An init script (so it runs before the app) watches the DOM with a MutationObserver; when the
 * list is complete it notes `performance.now()` (zero = navigation start) and then the time of the
 * next frame: a task posted from requestAnimationFrame runs after that frame is painted.
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
  /** The page starting to read the list (its 'aqp:dashboard-read' mark) → the frame showing it painted. */
  readonly fromReadMs: number;
  readonly cards: number;
}

interface DashboardWatch {
  listMs?: number;
  paintedMs?: number;
  cards?: number;
}
type DashboardWindow = Window & { __benchDashboard?: DashboardWatch };

function watchDashboard(expected: number): void {
  const watch: DashboardWatch = {};
  (window as DashboardWindow).__benchDashboard = watch;
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
    await page.addInitScript(watchDashboard, expected);
    await throttle(page, cpuThrottle);
    await page.goto(appUrl);
    await page.waitForFunction(() => (window as DashboardWindow).__benchDashboard?.paintedMs !== undefined, null, {
      timeout: 120_000,
    });
    const load = await page.evaluate(() => {
      const watch = (window as DashboardWindow).__benchDashboard ?? {};
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      const read = performance.getEntriesByName('aqp:dashboard-read')[0]?.startTime;
      const paintedMs = watch.paintedMs ?? 0;
      return {
        listMs: watch.listMs ?? 0,
        paintedMs,
        fcpMs: fcp,
        fromReadMs: read === undefined ? NaN : paintedMs - read,
        cards: watch.cards ?? 0,
      };
    });
    loads.push(load);
    await page.close();
  }
  return loads;
}
