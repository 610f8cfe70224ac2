// A page that cannot load or render: the main landmark says so, with a reload, and the rest of
// the app stays; going to another page tries again. The lazily loaded page here fails as a
// chunk that could not be fetched fails (React.lazy rejecting with the browser's own words).
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PartFailed, partFailedMessage } from '@/app/part-failed';

const FailedPage = lazy(() =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/settings-page-x.js')),
);

function Shell({ path, reload }: { readonly path: string; readonly reload: () => void }) {
  return (
    <>
      <header>Apply to be an Any Qualified Provider</header>
      <main>
        <PartFailed resetKey={path} reload={reload}>
          <Suspense fallback={<p>Loading…</p>}>
            {path === '/settings' ? <FailedPage /> : <h1>Your applications</h1>}
          </Suspense>
        </PartFailed>
      </main>
    </>
  );
}

describe('a page that could not be loaded', () => {
  beforeEach(() => {
    // React reports an error its boundary caught on the console; this is the error the test causes.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('says so in place of the page, offers a reload, and tries again on another page', async () => {
    const reload = vi.fn();
    const { rerender } = render(<Shell path="/settings" reload={reload} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sorry, this page could not be shown');
    expect(alert).toHaveTextContent(partFailedMessage);
    await waitFor(() => expect(document.title).toMatch(/^Sorry, this page could not be shown/));
    expect(screen.getByText('Apply to be an Any Qualified Provider'), 'the frame stays').toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Reload the page' }));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Go to your applications' })).toHaveAttribute('href', '#/');

    rerender(<Shell path="/" reload={reload} />);
    expect(screen.getByRole('heading', { name: 'Your applications' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
