/**
 * The frame every page shares: skip link, header, the main landmark and the footer. It is also
 * rendered into index.html at build time (first-paint.tsx), so the page the browser paints before
 * any script has run and the one React then mounts are laid out by the same component, and
 * nothing moves when one replaces the other (issue 13).
 */
import type { ReactNode, Ref } from 'react';
import { Footer } from '@/components/nhs/footer';
import { Header } from '@/components/nhs/header';
import { SkipLink } from '@/components/nhs/skip-link';
import { href } from '@/components/routing/hash-location';
import { serviceName } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';

export const footerLinks = [
  { label: 'Your applications', href: href(paths.home()) },
  { label: 'Backups and storage', href: href(paths.settings()) },
  { label: 'Ready to work offline?', href: href(paths.offline()) },
  { label: 'Accessibility statement', href: href(paths.accessibility()) },
];

// The name arrives with config.json. It swaps in for the generic words on a line of its own, last
// in the footer: a name of usual length keeps that one line, and a long one that wraps further
// moves no other text.
const provider = (lmcName: string | undefined) => (
  <>
    Your answers stay on this computer.{' '}
    <span className="app-footer-provider">Provided by {lmcName ?? 'your Local Medical Committee'}.</span>
  </>
);

/** The footer, naming the hosting LMC once config.json has been read. */
export function AppFooter({ lmcName }: { readonly lmcName?: string | undefined }) {
  return <Footer links={footerLinks} provider={provider(lmcName)} />;
}

export function AppFrame({
  mainRef,
  footer,
  children,
}: {
  readonly mainRef?: Ref<HTMLElement>;
  readonly footer: ReactNode;
  readonly children: ReactNode;
}) {
  return (
    <>
      <SkipLink targetId="maincontent" />
      <Header serviceName={serviceName} />
      <div className="nhsuk-width-container app-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" role="main" tabIndex={-1} ref={mainRef}>
          {children}
        </main>
      </div>
      {footer}
    </>
  );
}
