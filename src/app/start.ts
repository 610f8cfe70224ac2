/**
 * Starts everything the first screen needs, from the entry module, before React has even loaded
 * (issue 13): the host's config.json (requested before the code that checks it), storage (Dexie,
 * zod's record checks, the database opening) and the page's own code. A first visit's home page
 * needs neither storage nor the checklist, only its own code and config.json. A returning user's
 * home page, "Your applications", is painted from the database before any of that has arrived
 * (pre-paint.tsx). Boot (boot.tsx) mounts the app once `ready` settles, so the first screen paints
 * once, complete.
 */
import type { AppServices, HostingState } from '@/components/services/app-services';
import type { FirstScreen } from '@/components/services/first-screen';
import { parseRoute } from '@/components/routing/hash-location';
import { preloadable, settled } from '@/components/routing/ready';
import { firstVisit, noteStorageOpened, savedWorkNoted } from './first-visit';
import { startFirstRead } from '@/storage/first-read-raw';
import { holdClicks, type HeldClicks } from './replay-clicks';
import { matchRoute } from './routes';

export interface Started {
  readonly hosting: Promise<HostingState>;
  /** Opens storage when first called (and gives the same services after). */
  readonly services: () => Promise<AppServices>;
  /** Settles when what the first screen needs has arrived (or failed: its page says so). */
  readonly ready: Promise<unknown>;
  /**
   * A returning user's home page: what "Your applications" was painted from before the app
   * loaded (pre-paint.tsx), for the page's first render; undefined when nothing was read.
   */
  readonly firstScreen: Promise<FirstScreen | undefined> | undefined;
  /** Called as the app mounts: from then on nothing is painted outside React. */
  readonly mounting: () => void;
  /** Called once the app has mounted: buttons pressed on the painted list are pressed again. */
  readonly mounted: () => void;
  /**
   * Settles when the app's own code may start loading: at once, or once the first screen has been
   * painted (at most `prePaintWaitMs` later), so that reading and painting it do not wait behind
   * React and storage being evaluated on the same thread.
   */
  readonly appMayLoad: Promise<void>;
}

/** The longest the app's own code waits for the first screen to be painted before it loads anyway. */
export const prePaintWaitMs = 800;

/** The start page; preloaded for a first visit, so it renders without suspending. */
export const HomePage = preloadable(() => import('@/features/home/home-page').then((m) => m.HomePage));

/**
 * The session of one application, loaded with the first application page: it brings the rules
 * and record checks (and zod) with it, which the home page and the dashboard do not need.
 */
export const ApplicationSessionProvider = preloadable(() =>
  import('@/components/session/application-session').then((m) => m.ApplicationSessionProvider),
);

/**
 * Reads the first screen of "Your applications" straight from the database and paints it, unless
 * the app has mounted first. Gives what it read (or undefined), for the page's first render.
 */
async function prePaint(root: HTMLElement, mounted: () => boolean, hold: () => void): Promise<FirstScreen | undefined> {
  performance.mark?.('aqp:first-read');
  // The database is read at once, while the code that checks and paints what it holds loads.
  const started = startFirstRead();
  const [first, painter, noted] = await Promise.all([
    import('@/storage/first-read').then((m) => m.checkFirstRead(started)),
    import('./pre-paint'),
    import('./reminder-days').then((m) => m.notedReminderDays()),
  ]);
  performance.mark?.('aqp:first-read-done');
  if (!first || mounted()) return first;
  hold();
  // config.json is read once this is on screen: its setting as it was at the last start.
  if (await painter.prePaintDashboard(root, first, { now: new Date(), reminderDays: noted }))
    performance.mark?.('aqp:pre-painted');
  return first;
}

export function startLoading(root: HTMLElement): Started {
  const config = fetch(new URL('config.json', document.baseURI), { cache: 'no-cache', credentials: 'same-origin' });
  config.catch(() => undefined); // offline with no copy: loadHosting says so and uses its defaults
  const { path } = parseRoute(window.location.hash.replace(/^#/, '') || '/');
  const route = matchRoute(path);
  // A returning user's home page ("Your applications") is painted from the database first, and
  // the rest (the config's checks included) loads once it is on screen.
  let mounted = false;
  let held: HeldClicks | undefined;
  const firstScreen =
    path === '/' && savedWorkNoted()
      ? settled(
          prePaint(
            root,
            () => mounted,
            () => (held = holdClicks(root)),
          ),
        )
      : undefined;
  const appMayLoad = firstScreen
    ? Promise.race([
        firstScreen.then(
          () => undefined,
          () => undefined,
        ),
        new Promise<void>((resolve) => setTimeout(resolve, prePaintWaitMs)),
      ])
    : Promise.resolve();
  const hosting = settled(
    appMayLoad
      .then(() => Promise.all([import('./hosting'), import('./reminder-days')]))
      .then(async ([{ loadHosting }, { noteReminderDays }]) => {
        const state = await loadHosting(() => config);
        noteReminderDays(state);
        return state;
      }),
  );
  let opened: Promise<AppServices> | undefined;
  const services = () => {
    if (!opened) {
      noteStorageOpened();
      opened = settled(import('./open-services').then((m) => m.openServices(hosting)));
    }
    return opened;
  };
  // Every page but a first visit's home page needs storage, and its own code.
  const forPage = (): Promise<unknown> =>
    Promise.all([
      services(),
      route.Page.preload(),
      route.applicationId ? ApplicationSessionProvider.preload() : undefined,
    ]);
  // Marked settled now, so the app's first render reads the answer without suspending.
  const visit = path === '/' ? firstVisit() : false;
  if (visit) settled(visit);
  const ready = Promise.all([
    hosting,
    path === '/'
      ? Promise.all([visit, appMayLoad]).then(([first]) => (first ? HomePage.preload() : forPage()))
      : forPage(),
    firstScreen?.catch(() => undefined),
  ]);
  return {
    hosting,
    services,
    ready,
    firstScreen,
    mounting: () => (mounted = true),
    mounted: () => held?.replay(),
    appMayLoad,
  };
}
