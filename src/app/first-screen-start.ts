/**
 * The entry's part in painting "Your applications" before the app loads (issue 13): on a returning
 * user's home page it reads the database at once (first-read-raw.ts), loads the checks and the
 * painter beside it (first-read.ts, pre-paint.tsx), paints unless the app has mounted first, and
 * holds button presses on the painted list until the app can take them (replay-clicks.ts). It
 * also says when the app's own code may start loading: once the list is on screen, or after
 * `prePaintWaitMs`, so that reading and painting it do not wait behind React and storage being
 * evaluated on the same thread.
 */
import type { FirstScreen } from '@/components/services/first-screen';
import { settled } from '@/components/routing/ready';
import { startFirstRead } from '@/storage/first-read-raw';
import { savedWorkNoted } from './first-visit';
import { holdClicks, type HeldClicks } from './replay-clicks';

/** The longest the app's own code waits for the first screen to be painted before it loads anyway. */
export const prePaintWaitMs = 800;

export interface FirstScreenStart {
  /** What the list was painted from, for the page's first render; undefined when nothing was read. */
  readonly firstScreen: Promise<FirstScreen | undefined> | undefined;
  /** Settles when the app's own code may start loading. */
  readonly appMayLoad: Promise<void>;
  /** Called as the app mounts: from then on nothing is painted outside React. */
  readonly mounting: () => void;
  /** Called once the app has mounted: buttons pressed on the painted list are pressed again. */
  readonly mounted: () => void;
}

/** Starts reading and painting the first screen when the page is a returning user's home page. */
export function startFirstScreen(root: HTMLElement, path: string): FirstScreenStart {
  let isMounted = false;
  let held: HeldClicks | undefined;
  const paint = async (): Promise<FirstScreen | undefined> => {
    performance.mark?.('aqp:first-read');
    // The database is read at once, while the code that checks and paints what it holds loads.
    const started = startFirstRead();
    const [first, painter, noted] = await Promise.all([
      import('@/storage/first-read').then((m) => m.checkFirstRead(started)),
      import('./pre-paint'),
      import('./reminder-days').then((m) => m.notedReminderDays()),
    ]);
    performance.mark?.('aqp:first-read-done');
    if (!first || isMounted) return first;
    held = holdClicks(root);
    // config.json is read once this is on screen: its setting as it was at the last start.
    if (await painter.prePaintDashboard(root, first, { now: new Date(), reminderDays: noted }))
      performance.mark?.('aqp:pre-painted');
    return first;
  };
  const firstScreen = path === '/' && savedWorkNoted() ? settled(paint()) : undefined;
  const appMayLoad = firstScreen
    ? Promise.race([
        firstScreen.then(
          () => undefined,
          () => undefined,
        ),
        new Promise<void>((resolve) => setTimeout(resolve, prePaintWaitMs)),
      ])
    : Promise.resolve();
  return {
    firstScreen,
    appMayLoad,
    mounting: () => (isMounted = true),
    mounted: () => held?.replay(),
  };
}
