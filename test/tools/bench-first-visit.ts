/**
 * The first-visit figures of `npm run bench` (issue 13), also runnable alone as
 * `npm run bench:first-visit`: the built app served with gzip on loopback, in Debian's Chromium.
 *
 * - lighthouse: Lighthouse's mobile preset (simulated slow 4G, 4× CPU), median of RUNS_LH (3)
 *   runs, for the home page of a first visit and for "Your applications" with 200 applications;
 * - dashboardMs: navigation start → the first screen of "Your applications" painted with every
 *   card's progress, with 200 applications stored, at 4× CPU (median of RUNS); beside it when the
 *   app mounted over the list painted before it loaded, and the floor: the first paint of a page
 *   of plain HTML at the same slowdown;
 * - cls: layout shift on the home page, "Your applications", a task list and a question page, at
 *   4× CPU, with what moved;
 * - homeJsKbGz: the JavaScript the browser loads for the home page until the network is quiet;
 * - filmstrip: the frames of the home page's first second, in /tmp/first-visit-frames.
 *
 * Measures; never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumFlags, chromiumPath, launchChromium } from '../e2e/support/chromium';
import { startStaticServer, type StaticServer } from '../e2e/support/static-server';
import { dashboardApplications } from '../fixtures/applications/dashboard-applications';
import { referenceNow } from '../fixtures/applications/reference-applications';
import { makeBackupText } from './bench/backup-files';
import { nameHelper, newAppContext } from './bench/browser';
import { buildToMeasure, measuredDist } from './bench/build';
import { measureDashboard } from './bench/dashboard';
import { filmstrip, measureFloor, measureLayoutShift, measureScriptLoad, runLighthouse } from './bench/first-visit';
import { importBackupFile, openSettings } from './bench/settings-page';
import { median, progress, round } from './bench/stats';

const runs = Number(process.env.RUNS ?? 5);
const lighthouseRuns = Number(process.env.RUNS_LH ?? 3);
const cpuThrottle = Number(process.env.THROTTLE ?? 4);
const dashboardCount = 200;
/** Cards on the first screen of "Your applications" (the rest behind "Show more"). */
export const firstScreenCards = 20;

export const firstVisitBudgets = {
  lighthousePerformance: 95,
  lcpMs: 2000,
  tbtMs: 150,
  cls: 0.02,
  dashboardMs: 300,
  homeJsKbGz: 120,
};

/** A Chromium profile directory holding 200 applications, seeded through the settings page. */
async function seededProfile(url: string, text: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aqp-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    args: chromiumFlags,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  try {
    await context.addInitScript({ content: nameHelper });
    const page = await context.newPage();
    await openSettings(page, url);
    await importBackupFile(page, { name: 'dashboard-backup.json', text });
  } finally {
    await context.close();
  }
  return dir;
}

export async function measureFirstVisit(browser: Browser, server: StaticServer, dist: string = measuredDist()) {
  const url = server.url;
  progress(`first visit: ${dashboardCount} applications for the dashboard`);
  const set = dashboardApplications({ applications: dashboardCount });
  const text = await makeBackupText(set, new Date(referenceNow));
  const appId = set.applications[0]?.id ?? '';

  progress('first visit: home page scripts, filmstrip and layout shift');
  // Each in a new context: a true first visit (no service worker, nothing cached, no saved work).
  const inFresh = async <T>(measure: (context: BrowserContext) => Promise<T>): Promise<T> => {
    const fresh = await newAppContext(browser);
    try {
      return await measure(fresh);
    } finally {
      await fresh.close();
    }
  };
  const homeJs = await inFresh((c) => measureScriptLoad(c, url, dist));
  const frames = await inFresh((c) => filmstrip(c, url, '/tmp/first-visit-frames', cpuThrottle, 2500));
  const homeShift = await inFresh((c) => measureLayoutShift(c, url, 'h1', cpuThrottle));
  const floorFcpMs = await inFresh((c) => measureFloor(c, cpuThrottle, runs));

  const seeded = await newAppContext(browser);
  let dashboard;
  let shifts;
  try {
    const page = await seeded.newPage();
    await openSettings(page, url);
    await importBackupFile(page, { name: 'dashboard-backup.json', text });
    await page.close();
    progress(`first visit: dashboard, ${runs} loads at ${cpuThrottle}×`);
    const expected = Math.min(dashboardCount, firstScreenCards);
    dashboard = await measureDashboard(seeded, url, expected, cpuThrottle, runs);
    progress('first visit: layout shift on the dashboard, a task list and a question page');
    shifts = {
      home: homeShift,
      dashboard: await measureLayoutShift(seeded, url, 'li.app-application', cpuThrottle),
      taskList: await measureLayoutShift(seeded, `${url}#/applications/${appId}`, '.nhsuk-task-list', cpuThrottle),
      questionPage: await measureLayoutShift(
        seeded,
        `${url}#/applications/${appId}/sections/organisation/org-identity`,
        'form',
        cpuThrottle,
      ),
    };
  } finally {
    await seeded.close();
  }

  progress(`first visit: Lighthouse (mobile preset), ${lighthouseRuns} runs each for home and dashboard`);
  const flags = chromiumFlags;
  const dashboardProfile = await seededProfile(url, text);
  let lighthouse;
  try {
    lighthouse = {
      home: await runLighthouse(url, { chromePath: chromiumPath(), flags, runs: lighthouseRuns }),
      dashboard: await runLighthouse(url, {
        chromePath: chromiumPath(),
        flags,
        userDataDir: dashboardProfile,
        runs: lighthouseRuns,
      }),
    };
  } finally {
    rmSync(dashboardProfile, { recursive: true, force: true });
  }
  const dashboardMs = round(median(dashboard.map((l) => l.paintedMs)));
  return {
    lighthouse,
    dashboardMs,
    dashboard: {
      applications: dashboardCount,
      firstScreenCards,
      cpuThrottle,
      measure: 'navigation start → the first screen of the list painted with every card complete',
      paintedMs: dashboard.map((l) => round(l.paintedMs)),
      prePainted: dashboard.map((l) => l.prePainted),
      fromReadMs: round(median(dashboard.map((l) => l.fromReadMs))),
      fromReadRunsMs: dashboard.map((l) => round(l.fromReadMs)),
      mountedMs: round(median(dashboard.map((l) => l.mountedMs))),
      mountedRunsMs: dashboard.map((l) => round(l.mountedMs)),
      firstContentfulPaintMs: dashboard.map((l) => round(l.fcpMs)),
      cards: dashboard.map((l) => l.cards),
      /** The first paint of a page of plain HTML at the same slowdown: this machine's floor. */
      floorFcpMs,
    },
    cls: Object.fromEntries(Object.entries(shifts).map(([k, v]) => [k, v.cls])),
    layoutShifts: shifts,
    homeJsKbGz: homeJs.kbGz,
    homeJs: homeJs.files,
    filmstrip: frames.map((f) => path.basename(f)),
    budgets: firstVisitBudgets,
    met: {
      lighthousePerformance:
        lighthouse.home.performance >= firstVisitBudgets.lighthousePerformance &&
        lighthouse.dashboard.performance >= firstVisitBudgets.lighthousePerformance,
      lcpMs: Math.max(lighthouse.home.lcpMs, lighthouse.dashboard.lcpMs) <= firstVisitBudgets.lcpMs,
      tbtMs: Math.max(lighthouse.home.tbtMs, lighthouse.dashboard.tbtMs) <= firstVisitBudgets.tbtMs,
      cls: Math.max(...Object.values(shifts).map((s) => s.cls)) <= firstVisitBudgets.cls,
      dashboardMs: dashboardMs <= firstVisitBudgets.dashboardMs,
      homeJsKbGz: homeJs.kbGz <= firstVisitBudgets.homeJsKbGz,
    },
  };
}

async function main(): Promise<void> {
  const loadAverageAtStart = os.loadavg().map((l) => round(l, 2));
  const server = await startStaticServer(await buildToMeasure(), '/', { gzip: true });
  const browser = await launchChromium();
  try {
    const result = await measureFirstVisit(browser, server);
    console.log(
      JSON.stringify(
        {
          ...result,
          environment: {
            chromium: browser.version(),
            cpus: os.cpus().length,
            loadAverageAtStart,
            loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
