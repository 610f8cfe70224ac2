/**
 * "Your applications": every application on this computer with its organisation, services,
 * commissioner, progress, last saved and status; start new, continue, duplicate, delete with
 * undo. Updates live when another tab changes the list. Progress here is cheap (sections marked
 * complete of those that apply) so 200 applications list quickly.
 */
import { useEffect, useState } from 'react';
import type { Application, OrganisationProfile } from '@/domain/application/application';
import { duplicateApplication } from '@/domain/application/new-application';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { createEvaluator } from '@/domain/rules/evaluator';
import { Button, ButtonLink } from '@/components/nhs/button';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { StorageHealth } from '@/components/services/storage-health';
import { loadAppChecklist } from '@/components/session/checklist';
import { OpenAdverts } from '@/components/hosting/hosted-content';
import { isoDate, timeOfDay } from '@/components/session/dates';
import { formatDate } from '@/domain/rules/values';

function sectionsThatApply(checklist: LoadedChecklist, app: Application, today: string): number {
  const ev = createEvaluator({
    checklist,
    answers: app.answers,
    services: app.services,
    dates: { today },
  });
  // sectionVisible already leaves out the services not chosen.
  // An advert's local questions add one section of their own (see loadChecklistFor).
  const local = app.advert.localQuestions?.length ? 1 : 0;
  return checklist.definition.sections.filter((s) => ev.sectionVisible(s)).length + local;
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
        .then((list) => setApps([...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))));
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
  const duplicate = async (app: Application) => {
    await applications.create(duplicateApplication(app, services.newId(), services.now().toISOString()));
  };
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name || 'Unnamed organisation';
  const today = isoDate(services.now());
  const saved = (iso: string) =>
    isoDate(new Date(iso)) === today ? `today at ${timeOfDay(iso)}` : formatDate(isoDate(new Date(iso)));

  return (
    <>
      <h1 className="nhsuk-heading-l">Your applications</h1>
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
            const total = checklist ? sectionsThatApply(checklist, app, today) : 0;
            const names = app.services.map((s) => checklist?.services.get(s)?.name ?? s).join(', ');
            return (
              <li className="nhsuk-card app-application" key={app.id}>
                <div className="nhsuk-card__content">
                  <h2 className="nhsuk-card__heading nhsuk-heading-m">
                    <a href={href(paths.taskList(app.id))}>{orgName(app.profileId)}</a>
                  </h2>
                  <dl className="nhsuk-summary-list nhsuk-summary-list--no-border app-application__facts">
                    {[
                      ['Services', names || 'None chosen'],
                      [
                        'Commissioner',
                        `${app.advert.commissioner || 'Not given'}${app.advert.reference ? ` (${app.advert.reference})` : ''}`,
                      ],
                      ['Progress', checklist ? `${app.completedSections.length} of ${total} sections completed` : '…'],
                      ['Last saved', saved(app.updatedAt)],
                      [
                        'Status',
                        app.status === 'exported'
                          ? 'Pack exported'
                          : app.status === 'ready'
                            ? 'Ready to export'
                            : 'Draft',
                      ],
                    ].map(([key, value]) => (
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
                    <button type="button" className="app-link-button" onClick={() => void duplicate(app)}>
                      Duplicate
                      <span className="nhsuk-u-visually-hidden"> the application for {orgName(app.profileId)}</span>
                    </button>
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
      <OpenAdverts />
      <p className="nhsuk-body">
        <a href={href(paths.settings())}>Backups, importing and storage</a>
      </p>
    </>
  );
}
