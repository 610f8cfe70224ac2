/**
 * Paints the first screen of "Your applications" from the database before the app has loaded
 * (issue 13): a returning user's list shows within a frame or two of the page itself, instead of
 * after React, storage and the page's code have all arrived. The data comes from
 * src/storage/first-read.ts (checked by the domain's schemas); the markup from the same pure
 * components the page renders (DashboardFirstScreen and the notices' views), through
 * render-static.ts, so when the app mounts a moment later it renders the same nodes over these,
 * and nothing moves. Until then links work (they only change the address) and buttons wait.
 */
import type { FirstScreen } from '@/components/services/first-screen';
import { BackupReminderView, reminderOf } from '@/components/services/backup-reminder';
import { StorageHealthView } from '@/components/services/storage-health';
import { pageTitle } from '@/components/routing/page-title';
import { isoDate } from '@/components/session/dates';
import {
  changedAtOf,
  DashboardFirstScreen,
  listedApplications,
  pageSize,
} from '@/features/drafts/dashboard-first-screen';
import { renderStatic } from './render-static';

export interface PrePaintOptions {
  readonly now: Date;
  /** config.json's backupReminderDays as last seen, when the host set it. */
  readonly reminderDays: number | undefined;
}

/**
 * Paints the list into the pre-rendered frame's main landmark; says whether it did. Not when
 * there are no applications at all (the home page is then the start page, which the app shows).
 */
export function prePaintDashboard(root: HTMLElement, first: FirstScreen, options: PrePaintOptions): boolean {
  if (first.summaries.length === 0) return false;
  const main = root.querySelector('main#maincontent');
  if (!main) return false;
  const apps = listedApplications(first.summaries);
  const orgs = first.organisations;
  const today = isoDate(options.now);
  const reminder = reminderOf({
    settings: first.settings,
    persisted: first.persisted,
    changedAt: changedAtOf(apps, orgs),
    today,
    days: options.reminderDays,
  });
  const painted = document.createDocumentFragment();
  renderStatic(
    <DashboardFirstScreen
      apps={apps}
      orgs={orgs}
      today={today}
      shown={pageSize}
      notices={
        <>
          <BackupReminderView reminder={reminder} />
          <StorageHealthView settings={first.settings} today={today} />
        </>
      }
    />,
    painted,
  );
  main.append(painted);
  document.title = pageTitle('Your applications');
  return true;
}
