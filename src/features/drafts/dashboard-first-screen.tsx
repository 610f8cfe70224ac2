/**
 * The top of "Your applications", everything its first screen shows: the heading, the notices,
 * "Start a new application", a card for each application shown, and "Show more". Pure (props in,
 * markup out), so the same components paint the list from the database before the app has
 * loaded (src/app/pre-paint.tsx, a part at a time) and render it once the app has mounted, and
 * nothing moves between the two (issue 13). The page (drafts-page.tsx) owns the state and what
 * comes below.
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
import { matchesSearch, searchWords } from '@/domain/application/application-search';
import { ApplicationSearch } from './application-search';

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
  /** What is typed in "Find an application" (shown when there are more than `pageSize`). */
  readonly query?: string;
  readonly onSearch?: (query: string) => void;
}

/** Whether the list is long enough to offer "Find an application". */
export const offersSearch = (apps: readonly ApplicationSummary[]) => apps.length > pageSize;

/** The applications listed for what is typed in "Find an application" (all when nothing is). */
export function foundApplications(
  apps: readonly ApplicationSummary[],
  orgs: readonly OrganisationName[],
  query: string,
): readonly ApplicationSummary[] {
  const words = searchWords(query);
  return words.length ? apps.filter((app) => matchesSearch(app, orgs, words)) : apps;
}

const orgNameOf = (orgs: readonly OrganisationName[], id: string) =>
  orgs.find((o) => o.id === id)?.name || 'Unnamed organisation';

/** The heading, the notices, an application just deleted (with Undo) and "Start a new application". */
export function DashboardHeading({
  orgs,
  notices,
  deleted,
  onUndo,
}: Pick<DashboardFirstScreenProps, 'orgs' | 'notices' | 'deleted' | 'onUndo'>) {
  return (
    <>
      <h1 className="nhsuk-heading-l">Your applications</h1>
      {notices}
      {deleted ? (
        <div className="nhsuk-inset-text" role="status">
          <p>
            Deleted the application to {deleted.commissioner || 'the commissioner'} for{' '}
            {orgNameOf(orgs, deleted.profileId)}.{' '}
            <Button variant="secondary" className="app-button--inline" onClick={onUndo}>
              Undo
            </Button>
          </p>
        </div>
      ) : null}
      <ButtonLink href={href(paths.start())}>Start a new application</ButtonLink>
    </>
  );
}

/** The list of the cards shown, or what to say when there is no application at all. */
export function ApplicationList({ none, children }: { readonly none: boolean; readonly children?: ReactNode }) {
  if (none) return <p className="nhsuk-body">You have no applications on this computer yet.</p>;
  return <ul className="nhsuk-list app-applications">{children}</ul>;
}

/** One application's card: whose, its facts, where it stands, and what can be done with it. */
export function ApplicationCard({
  app,
  orgs,
  today,
  onDelete,
}: Pick<DashboardFirstScreenProps, 'orgs' | 'today' | 'onDelete'> & { readonly app: ApplicationSummary }) {
  const names = app.services.map((s) => serviceName(checklistOutline, s)).join(', ');
  const org = orgNameOf(orgs, app.profileId);
  const day = isoDate(new Date(app.updatedAt));
  const facts: readonly (readonly [string, ReactNode])[] = [
    ['Services', names || 'None chosen'],
    [
      'Commissioner',
      `${app.advert.commissioner || 'Not given'}${app.advert.reference ? ` (${app.advert.reference})` : ''}`,
    ],
    ['Progress', `${app.progress.completed} of ${app.progress.total} sections completed`],
    ['Last saved', day === today ? `today at ${timeOfDay(app.updatedAt)}` : formatDate(day)],
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
    <li className="nhsuk-card app-application">
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
}

/** "Showing your 20 most recently saved applications of 45" with "Show 20 more", when there are more. */
export function ShowMore({
  total,
  shown,
  onShowMore,
}: {
  readonly total: number;
  readonly shown: number;
  readonly onShowMore?: (() => void) | undefined;
}) {
  if (total <= shown) return null;
  return (
    <div className="app-show-more">
      <p className="nhsuk-body" id="applications-shown" role="status">
        Showing your {shown} most recently saved applications of {total}.
      </p>
      <Button variant="secondary" aria-describedby="applications-shown" onClick={onShowMore}>
        Show {Math.min(pageSize, total - shown)} more
      </Button>
    </div>
  );
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
  query = '',
  onSearch,
}: DashboardFirstScreenProps) {
  const found = foundApplications(apps, orgs, query);
  return (
    <>
      <DashboardHeading orgs={orgs} notices={notices} deleted={deleted} onUndo={onUndo} />
      {offersSearch(apps) ? <ApplicationSearch query={query} matching={found.length} onSearch={onSearch} /> : null}
      <ApplicationList none={apps.length === 0}>
        {found.slice(0, shown).map((app) => (
          <ApplicationCard key={app.id} app={app} orgs={orgs} today={today} onDelete={onDelete} />
        ))}
      </ApplicationList>
      <ShowMore total={found.length} shown={shown} onShowMore={onShowMore} />
    </>
  );
}
