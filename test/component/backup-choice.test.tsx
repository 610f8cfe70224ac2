// Choosing a backup file on the Backups and storage page: what was said about one file is never
// shown as if it were about the next. The page is rendered with the app's real services; only
// the reading of a file is held back, so the order in which two reads end can be chosen.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppServicesProvider, type AppServices, type BackupInspection } from '@/components/services/app-services';
import { SettingsPage } from '@/features/settings/settings-page';
import { memoryServices } from '../helpers/render-app';

interface HeldRead {
  readonly name: string;
  readonly end: (result: BackupInspection | Error) => Promise<void>;
}

/** The real services, but each file's read waits until the test ends it. */
async function servicesWithHeldReads(): Promise<{ services: AppServices; reads: HeldRead[] }> {
  const real = await memoryServices();
  const reads: HeldRead[] = [];
  const services: AppServices = {
    ...real,
    backup: {
      ...real.backup,
      inspectBackup: (file) =>
        new Promise<BackupInspection>((resolve, reject) => {
          reads.push({
            name: file.name,
            end: async (result) => {
              await act(async () => {
                if (result instanceof Error) reject(result);
                else resolve(result);
                await Promise.resolve();
              });
            },
          });
        }),
    },
  };
  return { services, reads };
}

/** The n-th read begun, which must have begun. */
function read(reads: readonly HeldRead[], n: number): HeldRead {
  const held = reads[n];
  if (!held) throw new Error(`only ${reads.length} reads began`);
  return held;
}

const choose = (name: string) => {
  const input = screen.getByLabelText('Choose a backup file');
  fireEvent.change(input, { target: { files: [new File(['{}'], name, { type: 'application/json' })] } });
};

const readingStatus = () => screen.getByRole('status');

const refusal = (message: string): BackupInspection => ({ ok: false, message });
const readable: BackupInspection = {
  ok: true,
  applications: 2,
  profiles: 1,
  evidence: 0,
  clashes: 0,
  encrypted: false,
};

async function renderPage() {
  const { services, reads } = await servicesWithHeldReads();
  render(
    <AppServicesProvider services={services}>
      <SettingsPage />
    </AppServicesProvider>,
  );
  return reads;
}

describe('choosing a backup file', () => {
  it('takes away what was said about the last file as soon as another is chosen', async () => {
    const reads = await renderPage();
    choose('first.json');
    expect(readingStatus().textContent).toBe('Reading first.json…');
    await read(reads, 0).end(refusal('The file is not a complete backup: it seems to have been cut short.'));
    expect(screen.getByText(/it seems to have been cut short/)).toBeTruthy();
    expect(readingStatus().textContent).toBe('');

    choose('second.json');
    expect(screen.queryByText(/it seems to have been cut short/)).toBeNull();
    expect(readingStatus().textContent).toBe('Reading second.json…');
    await read(reads, 1).end(
      refusal('This file is not a backup this app can import: Organisation profile 1 cannot be read.'),
    );
    expect(screen.getByText(/Organisation profile 1 cannot be read/)).toBeTruthy();
    expect(screen.queryByText(/it seems to have been cut short/)).toBeNull();
  });

  it('shows the latest choice when an earlier file’s read ends after it', async () => {
    const reads = await renderPage();
    choose('slow.json');
    choose('quick.json');
    await read(reads, 1).end(readable);
    expect(screen.getByText('This backup holds 2 applications, 1 organisation and 0 files.')).toBeTruthy();
    await read(reads, 0).end(refusal('The file is not a complete backup: it seems to have been cut short.'));
    expect(screen.queryByText(/it seems to have been cut short/)).toBeNull();
    expect(screen.getByText('This backup holds 2 applications, 1 organisation and 0 files.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import backup' })).toBeTruthy();
  });

  it('says plainly when the file could not be read at all, and lets the user choose again', async () => {
    const reads = await renderPage();
    choose('backup.json');
    await read(reads, 0).end(new Error('Failed to fetch dynamically imported module'));
    expect(
      screen.getByText(
        'The file could not be read (Failed to fetch dynamically imported module). Try choosing it again.',
      ),
    ).toBeTruthy();
    expect(readingStatus().textContent).toBe('');
    choose('backup.json');
    await read(reads, 1).end(readable);
    expect(screen.getByRole('button', { name: 'Import backup' })).toBeTruthy();
  });
});
