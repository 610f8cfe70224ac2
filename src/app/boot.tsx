/**
 * Mounts the app once what the first screen needs has arrived (start.ts began loading it from the
 * entry module), so the first screen paints once, complete (issue 13). Until then the frame
 * pre-rendered in index.html shows; if that takes longer than `firstRenderWaitMs` (a slow disk,
 * another tab blocking the database) the app mounts anyway and says what it is waiting for.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { startServiceWorker } from './service-worker';
import type { Started } from './start';

/** The longest the app waits for the first screen's parts before it mounts and shows progress. */
export const firstRenderWaitMs = 1500;

export function boot(root: HTMLElement, { services, hosting, ready }: Started): void {
  startServiceWorker();
  const mount = () =>
    createRoot(root).render(
      <StrictMode>
        <App services={services} hosting={hosting} />
      </StrictMode>,
    );
  let timer: ReturnType<typeof setTimeout> | undefined;
  void Promise.race([
    ready.catch(() => undefined), // a failure is shown by the page that needed it
    new Promise((resolve) => (timer = setTimeout(resolve, firstRenderWaitMs))),
  ]).then(() => {
    clearTimeout(timer);
    mount();
  });
}
