/**
 * Mounts the app shell at once and opens storage in parallel: the header, footer and a "loading"
 * message show while the storage chunk (Dexie, zod, the record checks) arrives.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadAppChecklist } from '@/components/session/checklist';
import { App } from './app';
import { startServiceWorker } from './service-worker';

export function boot(root: HTMLElement): void {
  const services = import('./open-services').then((m) => m.openServices());
  // The checklist is needed by almost every page: fetch and check it while storage opens.
  void loadAppChecklist().catch(() => undefined);
  startServiceWorker();
  createRoot(root).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}
