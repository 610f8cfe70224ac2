/**
 * Mounts the app shell at once and asks for the host's config.json beside it (the request goes
 * out before any of the code that checks it has loaded). Storage (Dexie, zod's record checks)
 * starts opening at once too, beside the shell, unless this is a first visit's home page, which
 * needs neither storage nor the checklist (issue 13); the checklist is fetched by the pages that
 * need it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppServices } from '@/components/services/app-services';
import { parseRoute } from '@/components/routing/hash-location';
import { App } from './app';
import { firstVisit, noteStorageOpened } from './first-visit';
import { matchRoute } from './routes';
import { startServiceWorker } from './service-worker';

export function boot(root: HTMLElement): void {
  const config = fetch(new URL('config.json', document.baseURI), { cache: 'no-cache', credentials: 'same-origin' });
  config.catch(() => undefined); // offline with no copy: loadHosting says so and uses its defaults
  const hosting = import('./hosting').then((m) => m.loadHosting(() => config));
  let opened: Promise<AppServices> | undefined;
  const services = () => {
    if (!opened) {
      noteStorageOpened();
      opened = import('./open-services').then((m) => m.openServices(hosting));
    }
    return opened;
  };
  // Every page but a first visit's home page needs storage: start opening it now.
  const { path } = parseRoute(window.location.hash.replace(/^#/, '') || '/');
  // The page's own code is fetched beside storage too (a first visit's home page is in the shell).
  const openForPage = () => {
    void services();
    matchRoute(path).Page.preload();
  };
  if (path !== '/') openForPage();
  else
    void Promise.resolve(firstVisit()).then((first) => {
      if (!first) openForPage();
    });
  startServiceWorker();
  createRoot(root).render(
    <StrictMode>
      <App services={services} hosting={hosting} />
    </StrictMode>,
  );
}
