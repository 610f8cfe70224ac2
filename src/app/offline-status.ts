/**
 * Whether this browser has kept the app for use with no connection, and whether it will keep the
 * app's data: what the "Ready to work offline?" page asks the browser. A service worker that has
 * installed means every file of the app (scripts, checklist, PDF maker, fonts) is cached, because
 * Workbox installs all of its precache or nothing.
 */
import type { OfflineStatus } from '@/components/services/app-services';

export async function offlineStatus(): Promise<OfflineStatus> {
  const persisted = await navigator.storage?.persisted?.().catch(() => undefined);
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return { app: 'unsupported', persisted };
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  if (registration?.active) return { app: 'cached', persisted };
  if (registration?.installing || registration?.waiting) return { app: 'caching', persisted };
  return { app: 'not-cached', persisted };
}
