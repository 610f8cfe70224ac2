/**
 * Mounts the app once what the first screen needs has arrived (start.ts began loading it from the
 * entry module), so the first screen paints once, complete (issue 13). Until then the frame
 * pre-rendered in index.html shows; if that takes longer than `firstRenderWaitMs` (a slow disk,
 * another tab blocking the database) the app mounts anyway and says what it is waiting for.
 */
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { settledValue } from '@/components/routing/ready';
import { App } from './app';
import { focusedIn, refocus } from './keep-focus';
import { startServiceWorker } from './service-worker';
import type { Started } from './start';

/** The longest the app waits for the first screen's parts before it mounts and shows progress. */
export const firstRenderWaitMs = 1500;

export function boot(root: HTMLElement, { services, hosting, ready, firstScreen, mounting, mounted }: Started): void {
  startServiceWorker();
  const mount = () => {
    mounting();
    // The first render commits at once (what it needs has arrived), so focus can be put back on
    // the app's copy of the control it was on in the pre-rendered frame.
    const focused = focusedIn(root);
    const app = createRoot(root);
    flushSync(() =>
      app.render(
        <StrictMode>
          <App services={services} hosting={hosting} firstScreen={settledValue(firstScreen)} />
        </StrictMode>,
      ),
    );
    if (focused) refocus(root, focused);
    performance.mark?.('aqp:mounted');
    mounted();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  void Promise.race([
    ready.catch(() => undefined), // a failure is shown by the page that needed it
    new Promise((resolve) => (timer = setTimeout(resolve, firstRenderWaitMs))),
  ]).then(() => {
    clearTimeout(timer);
    mount();
  });
}
