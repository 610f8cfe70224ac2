/**
 * The route table: each path pattern and the lazily loaded page it shows. Pages are split into
 * their own chunks so the initial JavaScript stays small.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface RouteMatch {
  readonly Page: LazyExoticComponent<ComponentType<{ readonly params: Readonly<Record<string, string>> }>>;
  readonly params: Readonly<Record<string, string>>;
}

interface RouteDef {
  readonly pattern: string;
  readonly Page: RouteMatch['Page'];
}

const HomePage = lazy(() => import('@/features/home/home-page').then((m) => ({ default: m.HomePage })));
const AccessibilityPage = lazy(() =>
  import('@/features/about/accessibility-page').then((m) => ({ default: m.AccessibilityPage })),
);
const NotFoundPage = lazy(() => import('@/features/about/not-found-page').then((m) => ({ default: m.NotFoundPage })));

const routes: readonly RouteDef[] = [
  { pattern: '/', Page: HomePage },
  { pattern: '/accessibility', Page: AccessibilityPage },
];

/** Matches a path against the table; `:name` segments become params. Unknown paths: not found. */
export function matchRoute(path: string): RouteMatch {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    const parts = route.pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = parts.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(segment);
        return true;
      }
      return part === segment;
    });
    if (ok) return { Page: route.Page, params };
  }
  return { Page: NotFoundPage, params: {} };
}
