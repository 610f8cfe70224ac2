/**
 * Hash-based location: the route lives after `#/` so the built app works from any static host and
 * any sub-path, and the browser's back and forward buttons work without a server.
 *
 * Owns reading and changing the hash. A hash that is not a route (such as the skip link's
 * `#maincontent`) is ignored. Route parameters are parsed where they are used, with zod.
 */
import { useSyncExternalStore } from 'react';

export interface HashLocation {
  readonly path: string;
  readonly query: URLSearchParams;
}

let lastRoute = '/';

function readRoute(): string {
  const hash = window.location.hash;
  if (hash.startsWith('#/')) lastRoute = hash.slice(1);
  else if (hash === '' || hash === '#') lastRoute = '/';
  return lastRoute;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Splits "/a/b?x=1" into its path and query. */
export function parseRoute(route: string): HashLocation {
  const [rawPath = '/', rawQuery = ''] = route.split('?', 2);
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : '/';
  return { path, query: new URLSearchParams(rawQuery) };
}

export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, readRoute, () => '/');
}

/** Goes to an in-app route such as "/applications"; adds a history entry unless `replace`. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = `#${to.startsWith('/') ? to : `/${to}`}`;
  if (options.replace) {
    window.history.replaceState(window.history.state, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}

/** The href for an in-app link. */
export function href(to: string): string {
  return `#${to.startsWith('/') ? to : `/${to}`}`;
}
