/**
 * The dashboard figure of `npm run bench` alone (issue 13), for working on it: "Your applications"
 * with 200 applications stored, loaded RUNS times (default 7) at 4× CPU in Debian's Chromium,
 * the built app served with gzip on loopback. Prints, per run and as medians, the time from
 * navigation start to the first screen of the list painted, to the first contentful paint, to the
 * app mounted, and from the page starting to read the list; and the floor, the first paint of a
 * page of plain HTML at the same slowdown. Measures; never asserts. `npm run bench:dashboard`
 * (builds first unless SKIP_BUILD=1; DIST_DIR=dir measures another build).
 */
import os from 'node:os';
import { launchChromium } from '../e2e/support/chromium';
import { startStaticServer } from '../e2e/support/static-server';
import { dashboardApplications } from '../fixtures/applications/dashboard-applications';
import { referenceNow } from '../fixtures/applications/reference-applications';
import { makeBackupText } from './bench/backup-files';
import { newAppContext } from './bench/browser';
import { buildToMeasure } from './bench/build';
import { measureDashboard } from './bench/dashboard';
import { measureFloor } from './bench/first-visit';
import { importBackupFile, openSettings } from './bench/settings-page';
import { median, progress, round } from './bench/stats';

const runs = Number(process.env.RUNS ?? 7);
const cpuThrottle = Number(process.env.THROTTLE ?? 4);
const count = Number(process.env.APPLICATIONS ?? 200);

const loadAverageAtStart = os.loadavg().map((l) => round(l, 2));
const server = await startStaticServer(await buildToMeasure(), '/', { gzip: true });
const browser = await launchChromium();
try {
  const set = dashboardApplications({ applications: count });
  const text = await makeBackupText(set, new Date(referenceNow));
  const context = await newAppContext(browser);
  const page = await context.newPage();
  await openSettings(page, server.url);
  await importBackupFile(page, { name: 'dashboard-backup.json', text });
  await page.close();
  progress(`dashboard: ${runs} loads at ${cpuThrottle}×`);
  const loads = await measureDashboard(context, server.url, Math.min(count, 20), cpuThrottle, runs);
  await context.close();
  const plain = await newAppContext(browser);
  const floorFcpMs = await measureFloor(plain, cpuThrottle, runs);
  await plain.close();
  console.log(
    JSON.stringify(
      {
        applications: count,
        cpuThrottle,
        paintedMs: round(median(loads.map((l) => l.paintedMs))),
        firstContentfulPaintMs: round(median(loads.map((l) => l.fcpMs))),
        fromReadMs: round(median(loads.map((l) => l.fromReadMs))),
        mountedMs: round(median(loads.map((l) => l.mountedMs))),
        floorFcpMs,
        runs: loads.map((l) => ({
          paintedMs: round(l.paintedMs),
          fcpMs: round(l.fcpMs),
          fromReadMs: round(l.fromReadMs),
          mountedMs: round(l.mountedMs),
          prePainted: l.prePainted,
          cards: l.cards,
        })),
        loadAverage: { start: loadAverageAtStart, end: os.loadavg().map((l) => round(l, 2)) },
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await server.close();
}
