/**
 * The top of "Your applications", everything its first screen shows: the heading, the notices,
 * "Start a new application", a card for each application shown, and "Show more". Pure (props in,
 * markup out), so the same component paints the list from the database before the app has
 * loaded (src/app/pre-paint.tsx) and renders it once the app has mounted, and nothing moves
 * between the two (issue 13). The page (drafts-page.tsx) owns the state and what comes below.
 */
import type { ReactNode } from 'react';
import type { ApplicationSummary, OrganisationName } from '@/domain/application/application-summary';
import { checklistOutline, serviceName } from '@/domain/definition/checklist-outline';
import { applicationStanding } from '@/domain/application/standing';
import { formatDate } from '@/domain/rules/values';
import { StandingTag } from '@/components/application/standing-tag';
import { Button, ButtonLink } from '@/components/nhs/button';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { isoDate, timeOfDay } from '@/components/session/dates';

/** Cards shown at first, and added by each "Show more". */
export const pageSize = 20;

/** The newest first; a member's draft of a return is listed under "Fill in a return", not here. */
export function listedApplications(summaries: readonly ApplicationSummary[]): ApplicationSummary[] {
  // Compared as instants (a backup may carry another offset), each worked out once: sorting with
  // localeCompare cost tens of milliseconds on a slow PC before the list could paint.
  return summaries
    .filter((a) => !a.isReturn)
    .map((app) => ({ app, at: Date.parse(app.updatedAt) }))
    .sort((a, b) => b.at - a.at)
    .map(({ app }) => app);
}

/** When each application and organisation shown was last changed (for the backup reminder). */
export function changedAtOf(apps: readonly ApplicationSummary[], orgs: readonly OrganisationName[]): readonly string[] {
  return [...apps.map((a) => a.updatedAt), ...orgs.map((o) => o.updatedAt)];
}

export interface DashboardFirstScreenProps {
  /** The applications, in the order listed. */
  readonly apps: readonly ApplicationSummary[];
  readonly orgs: readonly OrganisationName[];
  /** Today, YYYY-MM-DD ("Last saved: today at …"). */
  readonly today: string;
  /** How many cards are shown. */
  readonly shown: number;
  /** The backup reminder and the storage notice, as the page has them. */
  readonly notices: ReactNode;
  /** The application just deleted, with Undo. */
  readonly deleted?: { readonly commissioner: string; readonly profileId: string } | null;
  readonly onUndo?: () => void;
  readonly onDelete?: (id: string) => void;
  readonly onShowMore?: () => void;
}

export function DashboardFirstScreen({
  apps,
  orgs,
  today,
  shown,
  notices,
  deleted,
  onUndo,
  onDelete,
  onShowMore,
}: DashboardFirstScreenProps) {
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name || 'Unnamed organisation';
  const saved = (iso: string) =>
    isoDate(new Date(iso)) === today ? `today at ${timeOfDay(iso)}` : formatDate(isoDate(new Date(iso)));
  const visible = apps.slice(0, shown);
  return (
    <>
      <h1 className="nhsuk-heading-l">Your applications</h1>
      {notices}
      {deleted ? (
        <div className="nhsuk-inset-text" role="status">
          <p>
            Deleted the application to {deleted.commissioner || 'the commissioner'} for {orgName(deleted.profileId)}.{' '}
            <Button variant="secondary" className="app-button--inline" onClick={onUndo}>
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
            const names = app.services.map((s) => serviceName(checklistOutline, s)).join(', ');
            const org = orgName(app.profileId);
            const facts: readonly (readonly [string, ReactNode])[] = [
              ['Services', names || 'None chosen'],
              [
                'Commissioner',
                `${app.advert.commissioner || 'Not given'}${app.advert.reference ? ` (${app.advert.reference})` : ''}`,
              ],
              ['Progress', `${app.progress.completed} of ${app.progress.total} sections completed`],
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
            ];
            return (
              <li className="nhsuk-card app-application" key={app.id}>
                <div className="nhsuk-card__content">
                  <h2 className="nhsuk-card__heading nhsuk-heading-m">
                    <a href={href(paths.taskList(app.id))}>{org}</a>
                  </h2>
                  <dl className="nhsuk-summary-list nhsuk-summary-list--no-border app-application__facts">
                    {facts.map(([key, value]) => (
                      <div className="nhsuk-summary-list__row" key={key}>
                        <dt className="nhsuk-summary-list__key">{key}</dt>
                        <dd className="nhsuk-summary-list__value">{value}</dd>
                      </div>
                    ))}
                  </dl>
                  <div className="app-application__actions">
                    <a className="nhsuk-link" href={href(paths.taskList(app.id))}>
                      Continue
                      <span className="nhsuk-u-visually-hidden"> the application for {org}</span>
                    </a>
                    <a className="nhsuk-link" href={href(paths.startFrom(app.id))}>
                      Start a new application from this one
                      <span className="nhsuk-u-visually-hidden">
                        {' '}
                        (the application for {org} to {app.advert.commissioner || 'the commissioner'})
                      </span>
                    </a>
                    <button type="button" className="app-link-button" onClick={() => onDelete?.(app.id)}>
                      Delete
                      <span className="nhsuk-u-visually-hidden"> the application for {org}</span>
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
          <Button variant="secondary" aria-describedby="applications-shown" onClick={onShowMore}>
            Show {Math.min(pageSize, apps.length - shown)} more
          </Button>
        </div>
      ) : null}
    </>
  );
}
