/**
 * The home route once storage is open: the start page when there are no applications, "Your
 * applications" once any exist. (A first visit's start page is shown by the shell without opening
 * storage: see app.tsx and first-visit.ts.) Each page is its own chunk.
 */
import { useEffect, useState } from 'react';
import { preloadable } from '@/components/routing/ready';
import { useAppServices } from '@/components/services/app-services';
import { useFirstScreen } from '@/components/services/first-screen';
import { HomePage } from './start';

const DraftsPage = preloadable(() => import('@/features/drafts/drafts-page').then((m) => m.DraftsPage));
// Fetched at once, beside the count: someone with storage open most likely has applications.
// The route waits for it (routes.ts), so the page renders without suspending.
export const preloadDashboard = DraftsPage.preload;

export function HomeRoute() {
  const { repositories } = useAppServices();
  // Known already when the list was painted before the app loaded: render it at once.
  const first = useFirstScreen();
  const [count, setCount] = useState<number | null>(() => (first?.summaries.length ? first.summaries.length : null));
  useEffect(() => {
    const refresh = () => void repositories.applications.count().then(setCount);
    refresh();
    return repositories.applications.subscribe(refresh);
  }, [repositories]);
  if (count === null) return null;
  return count > 0 ? <DraftsPage /> : <HomePage />;
}
