/**
 * "Your applications": every application on this computer with its organisation, services,
 * commissioner, progress, last saved and where it stands; start new, continue, start a new one
 * from it, delete with undo. Updates live when another tab changes the list. Progress here is
 * cheap (sections marked complete of those that apply) so 200 applications list quickly; for the
 * same reason the status shows the stored facts (pack exported, changed since) and never runs the
 * rules engine: "Ready to export" is shown on the application's own task list.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Application, OrganisationProfile } from '@/domain/application/application';
import { applicationStanding } from '@/domain/application/standing';
import { StandingTag } from '@/components/application/standing-tag';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { localSectionId } from '@/domain/definition/local-questions';
import { createEvaluator } from '@/domain/rules/evaluator';
import { Button, ButtonLink } from '@/components/nhs/button';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { BackupReminder } from '@/components/services/backup-reminder';
import { StorageHealth } from '@/components/services/storage-health';
import { loadAppChecklist } from '@/components/session/checklist';
import { OpenAdverts } from '@/components/hosting/hosted-content';
import { isoDate, timeOfDay } from '@/components/session/dates';
import { formatDate } from '@/domain/rules/values';
import { ExpiringEvidence } from './expiring-evidence';

/** Sections that apply to the application, and how many of those it has marked complete. */
function sectionsThatApply(
  checklist: LoadedChecklist,
  app: Application,
  today: string,
): { readonly total: number; readonly completed: number } {
  const ev = createEvaluator({
    checklist,
    answers: app.answers,
    services: app.services,
    dates: { today },
  });
  // sectionVisible already leaves out the services not chosen.
  const applying = new Set(checklist.definition.sections.filter((s) => ev.sectionVisible(s)).map((s) => s.id));
  // An advert's local questions add one section of their own (see loadChecklistFor).
  if (app.advert.localQuestions?.length) applying.add(localSectionId);
  // A section marked complete that no longer applies (a service dropped) is not counted.
  return { total: applying.size, completed: app.completedSections.filter((id) => applying.has(id)).length };
}

export function DraftsPage() {
  const services = useAppServices();
  const { applications, profiles } = services.repositories;
  const [apps, setApps] = useState<readonly Application[] | null>(null);
  const [orgs, setOrgs] = useState<readonly OrganisationProfile[]>([]);
  const [checklist, setChecklist] = useState<LoadedChecklist | null>(null);
  const [deleted, setDeleted] = useState<Application | null>(null);
  usePageTitle('Your applications');

  useEffect(() => {
    const refresh = () => {
      void applications
        .list()
        // A member's draft of a return is listed under "Fill in a return", not here.
        .then((list) =>
          setApps(list.filter((a) => !a.returnFor).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))),
        );
      void profiles.list().then(setOrgs);
    };
    refresh();
    void loadAppChecklist().then(setChecklist);
    const a = applications.subscribe(refresh);
    const p = profiles.subscribe(refresh);
    return () => {
      a();
      p();
    };
  }, [applications, profiles]);

  const remove = async (app: Application) => {
    await applications.delete(app.id);
    setDeleted(app);
  };
  const undo = async () => {
    if (!deleted) return;
    await applications.restore(deleted);
    setDeleted(null);
  };
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name || 'Unnamed organisation';
  const today = isoDate(services.now());
  const saved = (iso: string) =>
    isoDate(new Date(iso)) === today ? `today at ${timeOfDay(iso)}` : formatDate(isoDate(new Date(iso)));

  return (
    <>
      <h1 className="nhsuk-heading-l">Your applications</h1>
      {apps ? <BackupReminder changedAt={[...apps.map((a) => a.updatedAt), ...orgs.map((o) => o.updatedAt)]} /> : null}
      <StorageHealth />
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
      {apps === null ? (
        <p className="nhsuk-body">Loading your applications…</p>
      ) : apps.length === 0 ? (
        <p className="nhsuk-body">You have no applications on this computer yet.</p>
      ) : (
        <ul className="nhsuk-list app-applications">
          {apps.map((app) => {
            const sections = checklist ? sectionsThatApply(checklist, app, today) : undefined;
            const names = app.services.map((s) => checklist?.services.get(s)?.name ?? s).join(', ');
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
                        ['Progress', sections ? `${sections.completed} of ${sections.total} sections completed` : '…'],
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
                    <button type="button" className="app-link-button" onClick={() => void remove(app)}>
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
      {apps ? <ExpiringEvidence apps={apps} orgs={orgs} /> : null}
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
