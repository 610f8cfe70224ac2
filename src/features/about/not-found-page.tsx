/** Shown for an address the app does not know, with a way back. */
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>
        <a href={href('/')}>Go to the start page</a>
      </p>
    </>
  );
}
