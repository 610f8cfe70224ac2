/**
 * "Your applications": every application on this computer with its organisation, services,
 * commissioner, progress, last saved and where it stands; start new, continue, start a new one
 * from it, delete with undo. Updates live when another tab changes the list. It reads only the
 * small summary row storage keeps per application (never the records, the checklist or the rules
 * engine), the newest 20 first with "Show more" for the rest, and paints once everything the
 * first screen shows has been read, so nothing moves (issue 13). The status shows the stored
 * facts (pack exported, changed since): "Ready to export" is shown on the application's own task list.
 * Its first screen (dashboard-first-screen.tsx) may already have been painted from the database
 * before the app loaded; the page then renders the same data first (useFirstScreen), then reads again.
 */
import { useEffect, useState } from 'react';
import type { Application, Settings } from '@/domain/application/application';
import type { ApplicationSummary, OrganisationName } from '@/domain/application/application-summary';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { href } from '@/components/routing/hash-location';
import { useAppServices } from '@/components/services/app-services';
import { BackupReminder } from '@/components/services/backup-reminder';
import { useFirstScreen, type FirstScreen } from '@/components/services/first-screen';
import { StorageHealth } from '@/components/services/storage-health';
import { OpenAdverts } from '@/components/hosting/hosted-content';
import { isoDate } from '@/components/session/dates';
import { prefetchAppChecklist } from '@/components/session/checklist';
import { changedAtOf, DashboardFirstScreen, listedApplications, pageSize } from './dashboard-first-screen';
import { typedBeforeMount } from './application-search';
import { ExpiringEvidence } from './expiring-evidence';

interface Loaded {
  readonly apps: readonly ApplicationSummary[];
  readonly orgs: readonly OrganisationName[];
  readonly settings: Settings;
  readonly persisted: boolean | undefined;
}

const loadedFrom = (first: FirstScreen): Loaded => ({
  apps: listedApplications(first.summaries),
  orgs: first.organisations,
  settings: first.settings,
  persisted: first.persisted,
});

export function DraftsPage() {
  const services = useAppServices();
  const { applications, summaries, profiles, settings } = services.repositories;
  // Painted already from the database before the app loaded: render the same, then read again.
  const first = useFirstScreen();
  const [loaded, setLoaded] = useState<Loaded | null>(() => (first ? loadedFrom(first) : null));
  const [failed, setFailed] = useState<string | null>(null);
  const [shown, setShown] = useState(pageSize);
  // Counts backups downloaded from the reminder, so the storage notice reads the date again.
  const [backups, setBackups] = useState(0);
  // Typed into the search box painted before the app loaded, if anything was: kept.
  const [query, setQuery] = useState(() => (first ? typedBeforeMount() : ''));
  const [deleted, setDeleted] = useState<Application | null>(null);
  // After "Show more", focus goes to the first card it added (its heading's link).
  const [focusCard, setFocusCard] = useState<number | null>(null);
  usePageTitle('Your applications');
  // Most ways on from here need the checklist: fetch its code once the list has painted.
  const painted = loaded !== null;
  useEffect(() => {
    if (!painted) return;
    const load = () => prefetchAppChecklist();
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(load, { timeout: 2000 });
    else setTimeout(load, 200);
  }, [painted]);
  useEffect(() => {
    if (focusCard === null) return;
    document.querySelectorAll<HTMLElement>('li.app-application h2 a')[focusCard]?.focus();
    setFocusCard(null);
  }, [focusCard]);

  useEffect(() => {
    let live = true;
    // For the benchmark (User Timing; costs nothing): when the list starts being read.
    performance.mark?.('aqp:dashboard-read');
    // Everything the first screen shows is read together, so it paints once and nothing moves.
    const refresh = () =>
      void Promise.all([
        summaries.list(),
        summaries.organisations(),
        settings.get(),
        services.offlineStatus().then(
          (s) => s.persisted,
          () => undefined,
        ),
      ]).then(
        ([list, orgs, read, persisted]) =>
          live &&
          // The same as shown (the first read, painted before the app loaded): nothing to render again.
          setLoaded((shown) => {
            const next = { apps: listedApplications(list), orgs, settings: read, persisted };
            return shown && JSON.stringify(shown) === JSON.stringify(next) ? shown : next;
          }),
        (error: unknown) =>
          live && setFailed(error instanceof Error ? error.message : 'Your applications could not be read.'),
      );
    refresh();
    const a = summaries.subscribe(refresh);
    const p = profiles.subscribe(refresh);
    return () => {
      live = false;
      a();
      p();
    };
  }, [summaries, profiles, settings, services]);

  const remove = async (id: string) => {
    const record = await applications.get(id);
    await applications.delete(id);
    if (record) setDeleted(record);
  };
  const undo = async () => {
    if (!deleted) return;
    await applications.restore(deleted);
    setDeleted(null);
  };
  if (failed) return <p className="nhsuk-error-message">{failed}</p>;
  if (!loaded) return <h1 className="nhsuk-heading-l">Your applications</h1>;
  const { apps, orgs } = loaded;

  return (
    <>
      <DashboardFirstScreen
        apps={apps}
        orgs={orgs}
        today={isoDate(services.now())}
        shown={shown}
        notices={
          <>
            <BackupReminder
              changedAt={changedAtOf(apps, orgs)}
              preloaded={{ settings: loaded.settings, persisted: loaded.persisted }}
              onBackedUp={() => setBackups((n) => n + 1)}
            />
            <StorageHealth preloaded={loaded.settings} readAgain={backups} />
          </>
        }
        deleted={deleted ? { commissioner: deleted.advert.commissioner, profileId: deleted.profileId } : null}
        onUndo={() => void undo()}
        onDelete={(id) => void remove(id)}
        onShowMore={() => {
          setFocusCard(shown);
          setShown((n) => n + pageSize);
        }}
        query={query}
        onSearch={(typed) => {
          setQuery(typed);
          setShown(pageSize);
        }}
      />
      <ExpiringEvidence apps={apps} orgs={orgs} />
      <OpenAdverts />
      <p className="nhsuk-body">
        <a href={href(paths.settings())}>Backups, importing and storage</a>
      </p>
      <p className="nhsuk-body">
        From a Local Medical Committee? <a href={href(paths.reviews())}>Review an application for a practice</a>
      </p>
      <p className="nhsuk-body">
        Asked by a lead provider for your part of their bid? <a href={href(paths.fillInReturn())}>Fill in a return</a>
      </p>
    </>
  );
}
