/** The home route: the start page for a first visit, "Your applications" once any exist. */
import { useEffect, useState } from 'react';
import { useAppServices } from '@/components/services/app-services';
import { DraftsPage } from '@/features/drafts/drafts-page';
import { HomePage } from '@/features/home/home-page';

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
