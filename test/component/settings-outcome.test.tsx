// After a backup is downloaded, the storage notice says it was made today rather than still saying
// none has been: on Backups and storage (where the outcome also takes focus, being at the top of a
// long page, out of sight of the button, and the notice does not link to the page it is on), and on
// "Your applications" when the backup is downloaded from its reminder.
// The app's real services on a fake IndexedDB; only the browser's download is stood in for.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppServices } from '@/app/app-services';
import { HostingProvider } from '@/components/hosting/hosting-context';
import { AppServicesProvider } from '@/components/services/app-services';
import { DraftsPage } from '@/features/drafts/drafts-page';
import { SettingsPage } from '@/features/settings/settings-page';
import { makeApplication, makeProfile, openTestStorage } from '../helpers/storage-fixtures';

// The browser's download is stood in for: no object URL, no click on the download link.
beforeEach(() => {
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:backup');
  vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockReturnValue(undefined);
});
afterEach(() => vi.restoreAllMocks());

const notice = () => {
  const found = screen.getByText(/^Your answers are saved on this computer only/).closest('.nhsuk-inset-text');
  if (!(found instanceof HTMLElement)) throw new Error('no storage notice');
  return found;
};

describe('Backups and storage, once a backup is downloaded', () => {
  it('focuses the outcome and says the backup was made today', async () => {
    const storage = await openTestStorage();
    render(
      <AppServicesProvider services={createAppServices(storage)}>
        <SettingsPage />
      </AppServicesProvider>,
    );
    await waitFor(() => expect(notice().textContent).toContain('You have not downloaded a backup yet.'));
    expect(notice().querySelector('a'), 'a link to this very page').toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Download a backup' }));
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toMatch(/Backup downloaded as aqp-backup-.+\.json/);
    // Focus moves once the banner has been drawn (an effect, just after it appears).
    await waitFor(() => expect(document.activeElement, 'the outcome has focus').toBe(banner));
    await waitFor(() => expect(notice().textContent).toContain('You last downloaded a backup today.'));

    // A second download is a new outcome: focused again, though the words may be the same.
    screen.getByRole('button', { name: 'Download a backup' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Download a backup' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('alert')));
    storage.close();
  });
});

describe('"Your applications", once a backup is downloaded from its reminder', () => {
  it('says in the storage notice that the backup was made today', async () => {
    const storage = await openTestStorage();
    await storage.repositories.profiles.create(makeProfile({ id: 'profile-1', name: 'Oak Tree Surgery' }));
    await storage.repositories.applications.create(makeApplication({ profileId: 'profile-1' }));
    render(
      <AppServicesProvider services={createAppServices(storage)}>
        <HostingProvider hosting={{ config: {} }}>
          <DraftsPage />
        </HostingProvider>
      </AppServicesProvider>,
    );
    const reminder = await screen.findByRole('region', { name: 'Download a backup of your work' });
    expect(notice().textContent).toContain('You have not downloaded a backup yet.');
    fireEvent.click(within(reminder).getByRole('button', { name: 'Download a backup' }));
    await screen.findByText(/^Backup downloaded as aqp-backup-all-/);
    await waitFor(() => expect(notice().textContent).toContain('You last downloaded a backup today.'));
    storage.close();
  });
});
