/**
 * The host's config.json, as read at start (see src/app/hosting.ts), for the pages and parts that
 * need only it (the LMC's welcome, open adverts, the footer's name, config problems): provided on
 * a first visit's home page before storage is opened, and on every other page beside the services.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { HostingState } from '@/components/services/app-services';

const HostingContext = createContext<{ readonly hosting: HostingState } | null>(null);

export function HostingProvider({
  hosting,
  children,
}: {
  readonly hosting: HostingState;
  readonly children: ReactNode;
}) {
  return <HostingContext.Provider value={{ hosting }}>{children}</HostingContext.Provider>;
}

export function useHosting(): { readonly hosting: HostingState } {
  const value = useContext(HostingContext);
  if (!value) throw new Error('useHosting must be used inside a HostingProvider.');
  return value;
}
