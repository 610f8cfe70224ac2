/**
 * The app shell: skip link, header, main landmark, footer, and the page for the current route,
 * inside the app's services and (for pages about one application) that application's session.
 * Moves focus to the main landmark when the route changes, so screen-reader and keyboard users
 * start at the new page's content. Shows, above every page, the warnings that must stay on screen.
 * A page that cannot load or render says so in the main landmark (part-failed.tsx).
 */
import { Suspense, use, useEffect, useRef, useState, type ReactNode } from 'react';
import { href, parseRoute, useHashRoute } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { AppServicesProvider, type AppServices } from '@/components/services/app-services';
import { FirstScreenContext, type FirstScreen } from '@/components/services/first-screen';
import { settled } from '@/components/routing/ready';
import { HostingProvider } from '@/components/hosting/hosting-context';
import type { HostingState } from '@/components/services/app-services';
import { AppBanners, FirstVisitBanners } from './app-banners';
import { AppFooter, AppFrame } from './app-frame';
import { firstVisit } from './first-visit';
import { matchRoute } from './routes';
import { PartFailed } from './part-failed';
import { ApplicationSessionProvider, HomePage } from './start';

/** The footer names the hosting LMC from config.json once it is read, in the same line. */
function HostedFooter({ hosting }: { readonly hosting: Promise<HostingState> }) {
  return <AppFooter lmcName={use(hosting).config.lmc?.name} />;
}

function SessionFallback({
  state,
  message,
}: {
  readonly state: 'loading' | 'missing' | 'failed';
  readonly message?: string;
}) {
  if (state === 'loading') return <p className="nhsuk-body">Loading your application…</p>;
  return (
    <>
      <h1 className="nhsuk-heading-l">
        {state === 'missing' ? 'Application not found' : 'Sorry, the application could not be opened'}
      </h1>
      <p className="nhsuk-body">
        {state === 'missing'
          ? 'It may have been deleted, or it was saved in another browser or on another computer.'
          : message}
      </p>
      <p className="nhsuk-body">
        <a href={href(paths.home())}>Go to your applications</a>
      </p>
    </>
  );
}

/** Waits for storage to open, then provides the services (and the host's config) to every page. */
function WithServices({
  services,
  children,
}: {
  readonly services: Promise<AppServices>;
  readonly children: ReactNode;
}) {
  const ready = use(services);
  return (
    <AppServicesProvider services={ready}>
      <HostingProvider hosting={ready.hosting}>{children}</HostingProvider>
    </AppServicesProvider>
  );
}

/**
 * The home route: on a first visit (no saved work in this browser) the start page, from the shell
 * and config.json alone, without opening storage; otherwise the page with its services.
 */
function HomeOrServices({
  first,
  hosting,
  withServices,
}: {
  readonly first: Promise<boolean>;
  readonly hosting: Promise<HostingState>;
  readonly withServices: () => ReactNode;
}) {
  if (!use(first)) return <>{withServices()}</>;
  return (
    <HostingProvider hosting={use(hosting)}>
      <FirstVisitBanners />
      <HomePage />
    </HostingProvider>
  );
}

export function App({
  services,
  hosting,
  firstScreen,
}: {
  /** Opens storage when first called (and gives the same services after). */
  readonly services: () => Promise<AppServices>;
  readonly hosting: Promise<HostingState>;
  /** What the first screen was painted from before the app loaded (start.ts), if it was. */
  readonly firstScreen?: FirstScreen | undefined;
}) {
  const route = useHashRoute();
  const { path, query } = parseRoute(route);
  // The painted first screen is for the route the app started on, until the user goes elsewhere.
  const [startPath] = useState(path);
  const [left, setLeft] = useState(false);
  const away = left || path !== startPath;
  useEffect(() => {
    if (away) setLeft(true);
  }, [away]);
  const { Page, params, applicationId } = matchRoute(path);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);

  const page = <Page params={params} query={query} />;
  const visit = path === '/' ? firstVisit() : false;
  const first = visit && settled(visit);
  const withServices = () => (
    <WithServices services={services()}>
      <AppBanners />
      <Suspense fallback={<p className="nhsuk-body">Loading…</p>}>
        {applicationId ? (
          <ApplicationSessionProvider
            key={applicationId}
            id={applicationId}
            fallback={(state, message) => <SessionFallback state={state} message={message} />}
          >
            {page}
          </ApplicationSessionProvider>
        ) : (
          page
        )}
      </Suspense>
    </WithServices>
  );
  return (
    <FirstScreenContext value={away ? undefined : firstScreen}>
      <AppFrame
        mainRef={main}
        footer={
          <Suspense fallback={<AppFooter />}>
            <HostedFooter hosting={hosting} />
          </Suspense>
        }
      >
        <PartFailed resetKey={path}>
          <Suspense fallback={first ? null : <p className="nhsuk-body">Opening your saved work…</p>}>
            {first ? <HomeOrServices first={first} hosting={hosting} withServices={withServices} /> : withServices()}
          </Suspense>
        </PartFailed>
      </AppFrame>
    </FirstScreenContext>
  );
}
