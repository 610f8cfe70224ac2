/**
 * The service worker's side of the page: registers it (Workbox, built by vite-plugin-pwa), says
 * when the app is cached for offline use and when a new version is waiting, and applies that
 * version only when the user accepts, after every pending edit is saved. It checks for a new
 * version when the page becomes visible again and every hour, since a hash-routed app never
 * navigates (the browser's own check happens on navigation).
 */
import { useSyncExternalStore } from 'react';
import { registerSW } from 'virtual:pwa-register';

export interface ServiceWorkerState {
  /** The browser supports service workers and this page is served over http(s). */
  readonly supported: boolean;
  /** A new version is installed and waiting for the user to accept it. */
  readonly updateReady: boolean;
  /** The app has been cached for offline use during this visit. */
  readonly offlineReady: boolean;
  /** Registration failed: the app works, but not offline. */
  readonly error?: string;
}

let state: ServiceWorkerState = { supported: false, updateReady: false, offlineReady: false };
const listeners = new Set<() => void>();
let applyWaiting: ((reload?: boolean) => Promise<void>) | undefined;

function set(next: Partial<ServiceWorkerState>): void {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener());
}

const hourMs = 60 * 60 * 1000;

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  set({ supported: true });
  applyWaiting = registerSW({
    immediate: true,
    onNeedRefresh: () => set({ updateReady: true }),
    onOfflineReady: () => set({ offlineReady: true }),
    onRegisterError: (error: unknown) =>
      set({ error: error instanceof Error ? error.message : 'The browser refused to install it.' }),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      // No point asking for a new version with no connection: the check would only fail.
      const check = () => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      };
      setInterval(check, hourMs);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });
}

export function useServiceWorker(): ServiceWorkerState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/**
 * Saves every pending edit (`saveAll` says whether it could), then activates the waiting version,
 * which reloads the page. If anything could not be saved the update is held back and the reason
 * returned, so no typed character is lost to an update.
 */
export async function applyUpdate(saveAll: () => Promise<string | null>): Promise<string | null> {
  const problem = await saveAll();
  if (problem) return problem;
  await applyWaiting?.(true);
  return null;
}
