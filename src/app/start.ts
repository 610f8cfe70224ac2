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
import { parseRoute } from '@/components/routing/hash-location';
import { preloadable, settled } from '@/components/routing/ready';
import { startFirstScreen, type FirstScreenStart } from './first-screen-start';
import { firstVisit, noteStorageOpened } from './first-visit';
import { matchRoute } from './routes';

export interface Started extends FirstScreenStart {
  readonly hosting: Promise<HostingState>;
  /** Opens storage when first called (and gives the same services after). */
  readonly services: () => Promise<AppServices>;
  /** Settles when what the first screen needs has arrived (or failed: its page says so). */
  readonly ready: Promise<unknown>;
}

/** The start page; preloaded for a first visit, so it renders without suspending. */
export const HomePage = preloadable(() => import('@/features/home/home-page').then((m) => m.HomePage));

/**
 * The session of one application, loaded with the first application page: it brings the rules
 * and record checks (and zod) with it, which the home page and the dashboard do not need.
 */
export const ApplicationSessionProvider = preloadable(() =>
  import('@/components/session/application-session').then((m) => m.ApplicationSessionProvider),
);

export function startLoading(root: HTMLElement): Started {
  const config = fetch(new URL('config.json', document.baseURI), { cache: 'no-cache', credentials: 'same-origin' });
  config.catch(() => undefined); // offline with no copy: loadHosting says so and uses its defaults
  const { path } = parseRoute(window.location.hash.replace(/^#/, '') || '/');
  const route = matchRoute(path);
  // A returning user's home page ("Your applications") is painted from the database first, and
  // the rest (the config's checks included) loads once it is on screen.
  const { firstScreen, appMayLoad, mounting, mounted } = startFirstScreen(root, path);
  const hosting = settled(
    appMayLoad
      .then(() => Promise.all([import('./hosting'), import('./reminder-days')]))
      .then(async ([{ loadHosting }, { noteReminderDays }]) => {
        const state = await loadHosting(() => config);
        noteReminderDays(state);
        return state;
      })
      // Their code failed to load (the page reloads for it once, reload-on-chunk-error.ts): the
      // app carries on with the defaults, as with no config.json, rather than fail every page.
      .catch((): HostingState => ({ config: {} })),
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
  return { hosting, services, ready, firstScreen, mounting, mounted, appMayLoad };
}
