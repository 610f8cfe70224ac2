/**
 * Opens storage and builds the app's services with the host's config.json (read by the shell, see
 * hosting.ts); its own chunk, fetched when the first page that needs storage opens.
 */
import { openStorage } from '@/storage/open-storage';
import type { AppServices } from '@/components/services/app-services';
import { createAppServices } from './app-services';
import type { HostingState } from '@/components/services/app-services';

export async function openServices(hostingState: Promise<HostingState>): Promise<AppServices> {
  performance.mark?.('aqp:storage-open');
  const [storage, hosting, persisted] = await Promise.all([
    openStorage(),
    hostingState,
    navigator.storage?.persisted?.().catch(() => undefined),
  ]);
  // Read once here, so the notices that depend on them show with their page's first paint.
  performance.mark?.('aqp:storage-opened');
  const settings = await storage.repositories.settings.get().catch(() => undefined);
  performance.mark?.('aqp:services-ready');
  return createAppServices(storage, hosting, settings ? { settings, persisted } : undefined);
}
