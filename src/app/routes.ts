/**
 * The route table: each path pattern, the lazily loaded page it shows, and whether the page works
 * on one application (then the app wraps it in that application's session). Pages are split into
 * their own chunks so the initial JavaScript stays small.
 */
import type { ComponentType } from 'react';
import type { RouteProps } from '@/components/routing/route-props';
import { preloadable, type Preloadable } from '@/components/routing/ready';

/** A page's component; `preload()` fetches its code (once) before it is first rendered. */
type PageComponent = Preloadable<RouteProps>;

export interface RouteMatch {
  readonly Page: PageComponent;
  readonly params: Readonly<Record<string, string>>;
  /** Set for pages about one application: its id. */
  readonly applicationId?: string;
}

interface RouteDef {
  readonly pattern: string;
  readonly Page: PageComponent;
}

const page = <K extends string>(load: () => Promise<Record<K, ComponentType<RouteProps>>>, name: K): PageComponent =>
  preloadable(() => load().then((m) => m[name]));

const routes: readonly RouteDef[] = [
  {
    pattern: '/',
    // With "Your applications" loaded too, so the page renders without suspending.
    Page: page(() => import('./home-route').then(async (m) => (await m.preloadDashboard(), m)), 'HomeRoute'),
  },
  { pattern: '/start', Page: page(() => import('@/features/start/start-page'), 'StartPage') },
  { pattern: '/settings', Page: page(() => import('@/features/settings/settings-page'), 'SettingsPage') },
  { pattern: '/offline', Page: page(() => import('@/features/offline/offline-page'), 'OfflinePage') },
  { pattern: '/accessibility', Page: page(() => import('@/features/about/accessibility-page'), 'AccessibilityPage') },
  { pattern: '/applications/:id', Page: page(() => import('./task-list-route'), 'TaskListRoute') },
  { pattern: '/applications/:id/review', Page: page(() => import('@/features/review/review-page'), 'ReviewPage') },
  {
    pattern: '/applications/:id/comments',
    Page: page(() => import('@/features/lmc-review/comments-page'), 'CommentsPage'),
  },
  {
    pattern: '/applications/:id/returns',
    Page: page(() => import('@/features/member-returns/returns-page'), 'ReturnsPage'),
  },
  {
    pattern: '/applications/:id/returns/:requestId',
    Page: page(() => import('@/features/member-returns/check-return-page'), 'CheckReturnPage'),
  },
  {
    pattern: '/returns',
    Page: page(() => import('@/features/member-returns/fill-in-return-page'), 'FillInReturnPage'),
  },
  { pattern: '/reviews', Page: page(() => import('@/features/lmc-review/reviews-page'), 'ReviewsPage') },
  { pattern: '/reviews/:id', Page: page(() => import('@/features/lmc-review/reviewer-page'), 'ReviewerPage') },
  {
    pattern: '/applications/:id/start-another',
    Page: page(() => import('@/features/start/start-another-page'), 'StartAnotherPage'),
  },
  { pattern: '/applications/:id/copied', Page: page(() => import('@/features/start/copied-page'), 'CopiedPage') },
  {
    pattern: '/applications/:id/evidence',
    Page: page(() => import('@/features/evidence/evidence-page'), 'EvidencePage'),
  },
  {
    pattern: '/applications/:id/sections/:sectionId/check',
    Page: page(() => import('@/features/wizard/wizard-routes'), 'WizardSectionCheck'),
  },
  {
    pattern: '/applications/:id/sections/:sectionId/:pageId',
    Page: page(() => import('@/features/wizard/wizard-routes'), 'WizardPage'),
  },
  {
    pattern: '/applications/:id/sections/:sectionId/:pageId/items/:questionId/:itemId',
    Page: page(() => import('@/features/wizard/wizard-routes'), 'WizardItem'),
  },
];

const NotFoundPage = page(() => import('@/features/about/not-found-page'), 'NotFoundPage');

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Matches a path against the table; `:name` segments become params. Unknown paths: not found. */
export function matchRoute(path: string): RouteMatch {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    const parts = route.pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = parts.every((part, i) => {
      const segment = safeDecode(segments[i] ?? '');
      if (segment === null || segment.length > 200) return false;
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return true;
      }
      return part === segment;
    });
    if (ok)
      return {
        Page: route.Page,
        params,
        ...(route.pattern.startsWith('/applications/:id') && params.id ? { applicationId: params.id } : {}),
      };
  }
  return { Page: NotFoundPage, params: {} };
}
