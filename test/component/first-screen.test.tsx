// "Your applications" painted before the app loads (issue 13): for the same stored data, the first
// screen painted from the database (readFirstScreen, then prePaintDashboard) is node for node what
// the app's own page (DraftsPage, which starts from that read and then reads again through the
// repositories) renders, so nothing changes when the app mounts over it. Checked for many
// applications with "Show more", every standing, the backup reminder for both of its reasons and
// the host's own number of days, a missing organisation, hostile text and a member's draft of a
// return alone. The page's own parts below the first screen (documents to renew, adverts, links)
// follow the painted part and are not painted.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { prePaintDashboard } from '@/app/pre-paint';
import { createAppServices } from '@/app/app-services';
import { HostingProvider } from '@/components/hosting/hosting-context';
import { AppServicesProvider } from '@/components/services/app-services';
import { FirstScreenContext, type FirstScreen } from '@/components/services/first-screen';
import type { Application, OrganisationProfile } from '@/domain/application/application';
import { DraftsPage } from '@/features/drafts/drafts-page';
import { readFirstScreen } from '@/storage/first-read';
import type { AppStorage } from '@/storage/open-storage';
import { freshIndexedDB, makeApplication, makeProfile, openTestStorage } from '../helpers/storage-fixtures';

const now = new Date('2026-12-07T15:30:00Z');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

interface Scenario {
  readonly profiles: readonly OrganisationProfile[];
  readonly applications: readonly Application[];
  readonly lastBackupAt?: string;
  readonly persistence?: 'granted' | 'unknown';
  readonly reminderDays?: number;
}

/** Nodes serialised the same way for both (a comparison of DOM, not of text). */
const markupOf = (nodes: readonly Node[]) => nodes.map((n) => new XMLSerializer().serializeToString(n)).join('');

const day = (d: number, time = '09:15:00') => `2026-12-${String(d).padStart(2, '0')}T${time}.000Z`;

async function stored(scenario: Scenario): Promise<{ storage: AppStorage; db: ReturnType<typeof freshIndexedDB> }> {
  const db = freshIndexedDB();
  const storage = await openTestStorage(db);
  cleanups.push(() => storage.close());
  for (const profile of scenario.profiles) await storage.repositories.profiles.create(profile);
  for (const application of scenario.applications) await storage.repositories.applications.create(application);
  await storage.repositories.settings.update({
    ...(scenario.lastBackupAt ? { lastBackupAt: scenario.lastBackupAt } : {}),
    persistence: scenario.persistence ?? 'unknown',
  });
  return { storage, db };
}

/** The first screen painted before the app loads, as HTML (with the data it was painted from). */
async function painted(scenario: Scenario) {
  const { storage, db } = await stored(scenario);
  const first = await readFirstScreen({ indexedDB: db.factory, databaseName: db.name, storage: undefined });
  if (!first) throw new Error('nothing was read');
  const root = document.createElement('div');
  const main = root.appendChild(document.createElement('main'));
  main.id = 'maincontent';
  const did = await prePaintDashboard(root, first, { now, reminderDays: scenario.reminderDays });
  return { storage, first, did, html: markupOf([...main.childNodes]), count: main.childNodes.length };
}

/** The app's page for the same data, as React renders it (its first render, then its own read). */
async function appPage(storage: AppStorage, first: FirstScreen, reminderDays: number | undefined, nodes: number) {
  const hosting = { config: reminderDays === undefined ? {} : { backupReminderDays: reminderDays } };
  const services = { ...createAppServices(storage, hosting), now: () => now };
  const container = document.createElement('div');
  const root = createRoot(container);
  await act(async () => {
    root.render(
      <AppServicesProvider services={services}>
        <HostingProvider hosting={hosting}>
          <FirstScreenContext value={first}>
            <DraftsPage />
          </FirstScreenContext>
        </HostingProvider>
      </AppServicesProvider>,
    );
  });
  const firstRender = markupOf([...container.childNodes]); // before the page's own read has come back
  // Let the page's own read finish and render.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
  const afterRead = markupOf([...container.childNodes].slice(0, nodes));
  cleanups.push(() => act(() => root.unmount()));
  return { first: firstRender, afterRead, whole: markupOf([...container.childNodes]) };
}

async function expectSame(scenario: Scenario) {
  const paint = await painted(scenario);
  expect(paint.did).toBe(true);
  const page = await appPage(paint.storage, paint.first, scenario.reminderDays, paint.count);
  expect(page.afterRead).toBe(paint.html);
  expect(page.first.startsWith(paint.html)).toBe(true);
  return { paint, page };
}

const organisations = [
  makeProfile({ id: 'p-oak', name: 'Oak Tree Surgery', updatedAt: '2026-11-20T09:00:00.000Z' }),
  makeProfile({ id: 'p-elm', name: 'Elm & Ash <Federation> “Ltd”', updatedAt: day(6) }),
];

describe('the first screen painted before the app loads', () => {
  it('is what the page renders, for 25 applications of every standing (with Show more) and a reminder', async () => {
    const applications = Array.from({ length: 25 }, (_, i) =>
      makeApplication({
        id: `app-${String(i).padStart(2, '0')}`,
        profileId: i % 5 === 0 ? 'p-missing' : i % 2 ? 'p-oak' : 'p-elm',
        services: i % 3 === 0 ? [] : i % 3 === 1 ? ['msk', 'podiatry'] : ['hearing'],
        advert: { commissioner: i % 4 === 0 ? '' : `NHS Kernow ICB ${i}`, reference: i % 2 ? `REF-${i}` : '' },
        completedSections: i % 2 ? ['organisation', 'finance'] : [],
        ...(i % 6 === 1 ? { status: 'exported' as const, exportedAt: day(2), exportedRevision: 0 } : {}),
        updatedAt: i === 3 ? day(7, '10:05:00') : day(1 + (i % 6), `0${i % 10}:00:00`),
      }),
    );
    const { paint, page } = await expectSame({ profiles: organisations, applications });
    expect(paint.html).toContain('Showing your 20 most recently saved applications of 25.');
    expect(paint.html).toContain('today at 10:05');
    expect(paint.html).toContain('Unnamed organisation');
    expect(paint.html).toContain('Elm &amp; Ash &lt;Federation&gt; “Ltd”');
    expect(paint.html).toContain('Download a backup of your work');
    expect(paint.html).toContain('Pack exported on 2 December 2026');
    // Below the first screen, the page goes on with what the painted part leaves out.
    expect(page.whole.length).toBeGreaterThan(paint.html.length);
    expect(page.whole).toContain('Fill in a return');
    expect(paint.html).not.toContain('Fill in a return');
  });

  it('is what the page renders when the browser may clear the data, after a backup', async () => {
    await expectSame({
      profiles: organisations,
      applications: [makeApplication({ id: 'a', profileId: 'p-oak', updatedAt: day(6) })],
      lastBackupAt: day(5),
      persistence: 'granted',
    });
  });

  it('follows the host’s number of days as noted at the last start', async () => {
    const applications = [makeApplication({ id: 'a', profileId: 'p-oak', updatedAt: day(1) })];
    const longer = await expectSame({
      profiles: organisations,
      applications,
      lastBackupAt: day(1, '08:00:00'),
      reminderDays: 30,
    });
    expect(longer.paint.html).not.toContain('Download a backup of your work');
    const shorter = await expectSame({
      profiles: organisations,
      applications,
      lastBackupAt: day(1, '08:00:00'),
      reminderDays: 2,
    });
    expect(shorter.paint.html).toContain('Download a backup of your work');
  });

  it('is what the page renders when only a member’s draft of a return is stored', async () => {
    const { paint } = await expectSame({
      profiles: organisations,
      applications: [makeApplication({ id: 'r', profileId: 'p-oak', returnFor: { requestId: 'req-1' } })],
    });
    expect(paint.html).toContain('You have no applications on this computer yet.');
  });

  it('paints nothing when no application is stored (the home page is then the start page)', async () => {
    const paint = await painted({ profiles: organisations, applications: [] });
    expect(paint.did).toBe(false);
    expect(paint.html).toBe('');
  });
});
