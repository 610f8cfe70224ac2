/**
 * The home route once storage is open: the start page when there are no applications, "Your
 * applications" once any exist. (A first visit's start page is shown by the shell without opening
 * storage: see app.tsx and first-visit.ts.) Each page is its own chunk.
 */
import { lazy, useEffect, useState } from 'react';
import { useAppServices } from '@/components/services/app-services';

// Fetched at once, beside the count: someone with storage open most likely has applications.
const drafts = import('@/features/drafts/drafts-page');
const DraftsPage = lazy(() => drafts.then((m) => ({ default: m.DraftsPage })));
const HomePage = lazy(() => import('@/features/home/home-page').then((m) => ({ default: m.HomePage })));

export function HomeRoute() {
  const { repositories } = useAppServices();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const refresh = () => void repositories.applications.count().then(setCount);
    refresh();
    return repositories.applications.subscribe(refresh);
  }, [repositories]);
  if (count === null) return null;
  return count > 0 ? <DraftsPage /> : <HomePage />;
}
