// "Find an application" on "Your applications": offered once there are more applications than the
// first screen lists; narrows the list to those whose organisation, commissioner, advert
// reference or services hold every word typed; says how many match, or that none do; "Show more"
// counts what matched; and what was typed in the copy painted before the app loaded is kept.
// The page runs on the app's real services on a fake IndexedDB.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '@/app/app-services';
import { HostingProvider } from '@/components/hosting/hosting-context';
import { AppServicesProvider } from '@/components/services/app-services';
import { FirstScreenContext, type FirstScreen } from '@/components/services/first-screen';
import type { ServiceId } from '@/domain/definition/checklist-schema';
import { matchesSearch, searchWords } from '@/domain/application/application-search';
import { searchOutcome } from '@/features/drafts/application-search';
import { DraftsPage } from '@/features/drafts/drafts-page';
import { readFirstScreen } from '@/storage/first-read';
import type { AppStorage } from '@/storage/open-storage';
import { freshIndexedDB, makeApplication, makeProfile, openTestStorage } from '../helpers/storage-fixtures';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

const practices = ['Oak Tree Surgery', 'Elm Medical Centre', 'Ash Lane Practice'];
const commissioners = ['NHS Kernow CCG', 'NHS Devon CCG'];
const services: ServiceId[][] = [['podiatry'], ['msk', 'hearing']];

/** 30 applications across three practices, two commissioners and two sets of services. */
async function storedApplications(count = 30) {
  const db = freshIndexedDB();
  const storage = await openTestStorage(db);
  closers.push(() => storage.close());
  for (const [i, name] of practices.entries())
    await storage.repositories.profiles.create(makeProfile({ id: `p-${i}`, name }));
  for (let i = 0; i < count; i += 1)
    await storage.repositories.applications.create(
      makeApplication({
        id: `app-${String(i).padStart(2, '0')}`,
        profileId: `p-${i % 3}`,
        services: services[i % 2] ?? ['podiatry'],
        advert: { commissioner: commissioners[i % 2] ?? '', reference: `REF-${i}`, serviceStart: '2027-04-01' },
        updatedAt: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
      }),
    );
  return { storage, db };
}

/** The page on that storage, as the app renders it (after a painted first screen, when given). */
const renderDrafts = (storage: AppStorage, first?: FirstScreen) =>
  render(
    <AppServicesProvider services={createAppServices(storage)}>
      <HostingProvider hosting={{ config: {} }}>
        <FirstScreenContext value={first}>
          <DraftsPage />
        </FirstScreenContext>
      </HostingProvider>
    </AppServicesProvider>,
  );

async function renderPage(count = 30) {
  const { storage } = await storedApplications(count);
  renderDrafts(storage);
  await screen.findAllByRole('link', { name: /^Continue/ });
}

const cards = () => screen.queryAllByRole('listitem').filter((li) => li.classList.contains('app-application'));
const search = () => screen.getByLabelText('Find an application');
const outcome = () => document.getElementById('application-search-outcome')?.textContent;

describe('finding an application', () => {
  it('matches every word, in any case, across organisation, commissioner, reference and services', () => {
    const app = makeApplication({
      profileId: 'p-1',
      services: ['msk'],
      advert: { commissioner: 'NHS Kernow CCG', reference: 'KCCG/AQP/2027', serviceStart: '2027-04-01' },
    });
    const orgs = [{ id: 'p-1', name: 'Oak Tree Surgery', updatedAt: '2026-11-01T09:00:00.000Z' }];
    expect(matchesSearch(app, orgs, searchWords('oak kernow'))).toBe(true);
    expect(matchesSearch(app, orgs, searchWords('  KCCG/aqp  '))).toBe(true);
    expect(matchesSearch(app, orgs, searchWords('back and neck'))).toBe(true);
    expect(matchesSearch(app, orgs, searchWords('oak devon'))).toBe(false);
    expect(matchesSearch(app, orgs, searchWords(''))).toBe(true);
    expect(searchOutcome('  oak ', 1)).toBe('1 application matches “oak”.');
    expect(searchOutcome('oak', 3)).toBe('3 applications match “oak”.');
    expect(searchOutcome('zzz', 0)).toBe('No applications match “zzz”.');
    expect(searchOutcome('   ', 30)).toBe('');
  });

  it('is not offered while every application fits on the first screen', async () => {
    await renderPage(20);
    expect(screen.queryByLabelText('Find an application')).toBeNull();
    expect(cards()).toHaveLength(20);
  });

  it('narrows the list, says how many match or that none do, and Show more counts what matched', async () => {
    await renderPage();
    expect(cards()).toHaveLength(20);
    expect(outcome()).toBe('');

    fireEvent.change(search(), { target: { value: 'oak' } });
    expect(cards()).toHaveLength(10);
    expect(outcome()).toBe('10 applications match “oak”.');
    for (const card of cards()) expect(within(card).getByRole('heading').textContent).toBe('Oak Tree Surgery');
    expect(screen.queryByRole('button', { name: /^Show \d+ more$/ })).toBeNull();

    // Oak's are apps 0, 3, 6 … ; of those, the even ones are Kernow's podiatry.
    fireEvent.change(search(), { target: { value: 'OAK podiatry kernow' } });
    expect(cards()).toHaveLength(5);
    expect(outcome()).toBe('5 applications match “OAK podiatry kernow”.');

    fireEvent.change(search(), { target: { value: 'kernow' } });
    expect(cards()).toHaveLength(15);

    fireEvent.change(search(), { target: { value: 'ccg' } });
    expect(cards()).toHaveLength(20);
    expect(screen.getByText('Showing your 20 most recently saved applications of 30.')).toBeTruthy();

    fireEvent.change(search(), { target: { value: 'Birch' } });
    expect(cards()).toHaveLength(0);
    expect(outcome()).toBe('No applications match “Birch”.');
    expect(screen.queryByText('You have no applications on this computer yet.')).toBeNull();

    fireEvent.change(search(), { target: { value: '' } });
    expect(cards()).toHaveLength(20);
  });

  it('keeps what was typed in the box painted before the app loaded', async () => {
    const { storage, db } = await storedApplications();
    const first = await readFirstScreen({ indexedDB: db.factory, databaseName: db.name, storage: undefined });
    if (!first) throw new Error('nothing was read');
    // The painted copy, as pre-paint.tsx leaves it, with a word typed into it.
    const painted = document.body.appendChild(document.createElement('input'));
    painted.id = 'application-search';
    painted.value = 'elm';
    closers.push(() => painted.remove());
    await act(async () => {
      renderDrafts(storage, first);
    });
    painted.remove();
    expect((search() as HTMLInputElement).value).toBe('elm');
    expect(cards()).toHaveLength(10);
  });
});
