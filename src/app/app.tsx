/**
 * The app shell: skip link, header, main landmark, footer, and the page for the current route.
 * Moves focus to the main landmark when the route changes, so screen-reader and keyboard users
 * start at the new page's content.
 */
import { Suspense, useEffect, useRef } from 'react';
import { Footer } from '@/components/nhs/footer';
import { Header } from '@/components/nhs/header';
import { SkipLink } from '@/components/nhs/skip-link';
import { href, parseRoute, useHashRoute } from '@/components/routing/hash-location';
import { serviceName } from '@/components/routing/page-title';
import { matchRoute } from './routes';

const footerLinks = [{ label: 'Accessibility statement', href: href('/accessibility') }];

export function App() {
  const route = useHashRoute();
  const { path } = parseRoute(route);
  const { Page, params } = matchRoute(path);
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

  return (
    <>
      <SkipLink targetId="maincontent" />
      <Header serviceName={serviceName} />
      <div className="nhsuk-width-container app-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" role="main" tabIndex={-1} ref={main}>
          <Suspense fallback={<p className="nhsuk-body">Loading…</p>}>
            <Page params={params} />
          </Suspense>
        </main>
      </div>
      <Footer
        links={footerLinks}
        provider="Provided by your Local Medical Committee. Your answers stay on this computer."
      />
    </>
  );
}
