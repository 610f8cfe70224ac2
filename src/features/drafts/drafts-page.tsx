/**
 * "Your applications": every application on this computer with its organisation, services,
 * commissioner, progress, last saved and where it stands; start new, continue, start a new one
 * from it, delete with undo. Updates live when another tab changes the list. It reads only the
 * small summary row storage keeps per application (never the records, the checklist or the rules
 * engine), the newest 20 first with "Show more" for the rest, and paints once everything the
 * first screen shows has been read, so nothing moves (issue 13). The status shows the stored
 * facts (pack exported, changed since): "Ready to export" is shown on the application's own task list.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Application, Settings } from '@/domain/application/application';
import type { ApplicationSummary, OrganisationName } from '@/domain/application/application-summary';
import { checklistOutline, serviceName } from '@/domain/definition/checklist-outline';
import { applicationStanding } from '@/domain/application/standing';
import { StandingTag } from '@/components/application/standing-tag';
import { Button, ButtonLink } from '@/components/nhs/button';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { BackupReminder } from '@/components/services/backup-reminder';
import { StorageHealth } from '@/components/services/storage-health';
import { OpenAdverts } from '@/components/hosting/hosted-content';
import { isoDate, timeOfDay } from '@/components/session/dates';
import { formatDate } from '@/domain/rules/values';
import { prefetchAppChecklist } from '@/components/session/checklist';
import { ExpiringEvidence } from './expiring-evidence';

/** Cards shown at first, and added by each "Show more". */
export const pageSize = 20;

interface Loaded {
  readonly apps: readonly ApplicationSummary[];
  readonly orgs: readonly OrganisationName[];
  readonly settings: Settings;
  readonly persisted: boolean | undefined;
}

export function DraftsPage() {
  const services = useAppServices();
  const { applications, summaries, profiles, settings } = services.repositories;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [shown, setShown] = useState(pageSize);
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
          setLoaded({
            // A member's draft of a return is listed under "Fill in a return", not here.
            apps: list.filter((a) => !a.isReturn).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
            orgs,
            settings: read,
            persisted,
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
  const apps = loaded?.apps ?? null;
  const orgs = loaded?.orgs ?? [];
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name || 'Unnamed organisation';
  const today = isoDate(services.now());
  const saved = (iso: string) =>
    isoDate(new Date(iso)) === today ? `today at ${timeOfDay(iso)}` : formatDate(isoDate(new Date(iso)));
  if (failed) return <p className="nhsuk-error-message">{failed}</p>;
  if (!loaded || !apps) return <h1 className="nhsuk-heading-l">Your applications</h1>;
  const visible = apps.slice(0, shown);

  return (
    <>
      <h1 className="nhsuk-heading-l">Your applications</h1>
      <BackupReminder
        changedAt={[...apps.map((a) => a.updatedAt), ...orgs.map((o) => o.updatedAt)]}
        preloaded={{ settings: loaded.settings, persisted: loaded.persisted }}
      />
      <StorageHealth preloaded={loaded.settings} />
      {deleted ? (
        <div className="nhsuk-inset-text" role="status">
          <p>
            Deleted the application to {deleted.advert.commissioner || 'the commissioner'} for{' '}
            {orgName(deleted.profileId)}.{' '}
            <Button variant="secondary" className="app-button--inline" onClick={() => void undo()}>
              Undo
            </Button>
          </p>
        </div>
      ) : null}
      <ButtonLink href={href(paths.start())}>Start a new application</ButtonLink>
      {apps.length === 0 ? (
        <p className="nhsuk-body">You have no applications on this computer yet.</p>
      ) : (
        <ul className="nhsuk-list app-applications">
          {visible.map((app) => {
            const sections = app.progress;
            const names = app.services.map((s) => serviceName(checklistOutline, s)).join(', ');
            return (
              <li className="nhsuk-card app-application" key={app.id}>
                <div className="nhsuk-card__content">
                  <h2 className="nhsuk-card__heading nhsuk-heading-m">
                    <a href={href(paths.taskList(app.id))}>{orgName(app.profileId)}</a>
                  </h2>
                  <dl className="nhsuk-summary-list nhsuk-summary-list--no-border app-application__facts">
                    {(
                      [
                        ['Services', names || 'None chosen'],
                        [
                          'Commissioner',
                          `${app.advert.commissioner || 'Not given'}${app.advert.reference ? ` (${app.advert.reference})` : ''}`,
                        ],
                        ['Progress', `${sections.completed} of ${sections.total} sections completed`],
                        ['Last saved', saved(app.updatedAt)],
                        [
                          'Status',
                          <StandingTag
                            key="status"
                            standing={applicationStanding(
                              app,
                              undefined,
                              orgs.find((o) => o.id === app.profileId),
                            )}
                          />,
                        ],
                      ] satisfies (readonly [string, ReactNode])[]
                    ).map(([key, value]) => (
                      <div className="nhsuk-summary-list__row" key={key}>
                        <dt className="nhsuk-summary-list__key">{key}</dt>
                        <dd className="nhsuk-summary-list__value">{value}</dd>
                      </div>
                    ))}
                  </dl>
                  <div className="app-application__actions">
                    <a className="nhsuk-link" href={href(paths.taskList(app.id))}>
                      Continue
                      <span className="nhsuk-u-visually-hidden"> the application for {orgName(app.profileId)}</span>
                    </a>
                    <a className="nhsuk-link" href={href(paths.startFrom(app.id))}>
                      Start a new application from this one
                      <span className="nhsuk-u-visually-hidden">
                        {' '}
                        (the application for {orgName(app.profileId)} to {app.advert.commissioner || 'the commissioner'}
                        )
                      </span>
                    </a>
                    <button type="button" className="app-link-button" onClick={() => void remove(app.id)}>
                      Delete
                      <span className="nhsuk-u-visually-hidden"> the application for {orgName(app.profileId)}</span>
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {apps.length > shown ? (
        <div className="app-show-more">
          <p className="nhsuk-body" id="applications-shown" role="status">
            Showing your {shown} most recently saved applications of {apps.length}.
          </p>
          <Button
            variant="secondary"
            aria-describedby="applications-shown"
            onClick={() => {
              setFocusCard(shown);
              setShown((n) => n + pageSize);
            }}
          >
            Show {Math.min(pageSize, apps.length - shown)} more
          </Button>
        </div>
      ) : null}
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
