/**
 * Paints the first screen of "Your applications" from the database before the app has loaded
 * (issue 13): a returning user's list shows soon after the page itself, instead of after React,
 * storage and the page's code have all arrived. The data comes from src/storage/first-read.ts
 * (checked by the domain's schemas); the markup from the same pure components the page renders
 * (the parts of DashboardFirstScreen and the notices' views), through render-static.ts, so when
 * the app mounts a moment later it renders the same nodes over these, and nothing moves. It is
 * painted a part at a time (the heading and notices, then a few cards at a time, then "Show
 * more"), each in a short task, so the page answers input and the top shows first. Until the app
 * has mounted, links work (they only change the address) and buttons wait.
 */
import type { ReactNode } from 'react';
import type { FirstScreen } from '@/components/services/first-screen';
import { BackupReminderView, reminderOf } from '@/components/services/backup-reminder';
import { StorageHealthView } from '@/components/services/storage-health';
import { pageTitle } from '@/components/routing/page-title';
import { isoDate } from '@/components/session/dates';
import {
  ApplicationCard,
  ApplicationList,
  changedAtOf,
  DashboardHeading,
  listedApplications,
  offersSearch,
  pageSize,
  ShowMore,
} from '@/features/drafts/dashboard-first-screen';
import { ApplicationSearch } from '@/features/drafts/application-search';
import { renderStatic } from './render-static';

export interface PrePaintOptions {
  readonly now: Date;
  /** config.json's backupReminderDays as last seen, when the host set it. */
  readonly reminderDays: number | undefined;
  /** Lets the browser paint and handle input between parts; by default, a new task. */
  readonly yieldToMain?: () => Promise<void>;
}

/** Cards painted in the first part (about what a window shows), then in each part after. */
const firstCards = 3;
const cardsPerPart = 4;

function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Renders `node` into `parent` and gives the element it made last (the list, for its cards). */
function paint(node: ReactNode, parent: Element): Element | null {
  const before = parent.lastElementChild;
  renderStatic(node, parent);
  return parent.lastElementChild === before ? null : parent.lastElementChild;
}

/**
 * Paints the list into the pre-rendered frame's main landmark; says whether it did. Not when
 * there are no applications at all (the home page is then the start page, which the app shows).
 */
export async function prePaintDashboard(
  root: HTMLElement,
  first: FirstScreen,
  options: PrePaintOptions,
): Promise<boolean> {
  if (first.summaries.length === 0) return false;
  const main = root.querySelector('main#maincontent');
  if (!main) return false;
  const yieldToMain = options.yieldToMain ?? nextTask;
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
  document.title = pageTitle('Your applications');
  // The same parts, in the same order, as DashboardFirstScreen renders (a component test checks).
  paint(
    <DashboardHeading
      orgs={orgs}
      notices={
        <>
          <BackupReminderView reminder={reminder} />
          <StorageHealthView settings={first.settings} today={today} />
        </>
      }
    />,
    main,
  );
  if (offersSearch(apps)) paint(<ApplicationSearch query="" matching={apps.length} />, main);
  const list = paint(<ApplicationList none={apps.length === 0} />, main);
  const shown = apps.slice(0, pageSize);
  for (let from = 0; list && from < shown.length;) {
    const to = from === 0 ? firstCards : from + cardsPerPart;
    renderStatic(
      shown.slice(from, to).map((app) => <ApplicationCard key={app.id} app={app} orgs={orgs} today={today} />),
      list,
    );
    from = to;
    await yieldToMain();
  }
  paint(<ShowMore total={apps.length} shown={pageSize} />, main);
  return true;
}
