/**
 * `npm run bench`: the app's performance figures against the budgets, as ONE JSON object on
 * stdout (progress on stderr). Builds the app with the project's vite.config.ts, serves `dist/`
 * with the test static server, drives Debian's Chromium (playwright-core) with the CPU slowed 4×
 * (the reference PC of facts §7) and measures:
 *
 * - initialJsKbGz, totalJsKbGz: from the build manifest (size-check.ts's `measure`);
 * - precacheKb: the files listed in `dist/sw.js`'s precache manifest (null while there is none);
 * - dashboardMs, lighthouse, cls, homeJsKbGz: the first-visit figures (bench-first-visit.ts): a
 *   fresh load of "Your applications" with 200 applications stored (seeded by importing a backup
 *   file through the settings page), Lighthouse's mobile preset for the home page and that
 *   dashboard, layout shift on four pages, and the home page's JavaScript, served with gzip;
 * - inputLatencyMs, durableMs: typing on the longest page of the largest reference application
 *   (bench/typing.ts);
 * - pack: the PDF export of that application (bench/pack.ts, shared with `npm run bench:pack`);
 * - backup: "Download a backup" and importing that file in a fresh browser profile, through the
 *   settings page (bench/settings-page.ts).
 *
 * Timings move with the machine's load: each is the median of several runs, and `environment`
 * records the load average. Measures; never asserts (exit code 0 unless the bench itself fails).
 *
 * Usage: npm run bench   (RUNS=5 loads and typing trials, THROTTLE=4, PROFILE_DIR=dir saves CPU
 * profiles of one extra dashboard load and typing trial, for Chrome DevTools; MINIFY=0 builds
 * without minifying, so the profiles show function names, and the sizes are then not comparable)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { parseBackup } from '@/domain/backup/backup-format';
import { defaultDatabaseName } from '@/storage/db';
import { launchChromium } from '../e2e/support/chromium';
import { distDir } from '../e2e/support/paths';
import { startStaticServer } from '../e2e/support/static-server';
import { largeFederation, referenceDates, referenceNow } from '../fixtures/applications/reference-applications';
import { makeBackupText } from './bench/backup-files';
import { newAppContext, throttle } from './bench/browser';
import { longestPage } from './bench/longest-page';
import { runPackBench } from './bench/pack';
import { measurePrecache } from './bench/precache';
import { downloadBackup, importBackupFile, openSettings, type ImportTiming } from './bench/settings-page';
import { median, progress, round } from './bench/stats';
import { installTypingProbe, typingTrial, type TypingTarget, type TypingTrial } from './bench/typing';
import { measure as measureSizes } from './size-check';
import { measureFirstVisit } from './bench-first-visit';

const runs = Number(process.env.RUNS ?? 5);
const cpuThrottle = Number(process.env.THROTTLE ?? 4);
const profileDir = process.env.PROFILE_DIR ? path.resolve(process.env.PROFILE_DIR) : undefined;
const minify = process.env.MINIFY !== '0';
const typingDelayMs = 100;

const budgets = {
  initialJsKbGz: 120,
  dashboardMs: 300,
  inputLatencyMs: 100,
  durableMs: 1000,
  packMs: 1000,
  backupRoundTripMs: 2000,
};

const started = performance.now();
const loadAverage = () => os.loadavg().map((l) => round(l, 2));

async function buildApp() {
  progress('building the app (vite build, vite.config.ts)');
  await build({
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'warn',
    ...(minify ? {} : { build: { minify } }),
  });
  const sizes = measureSizes();
  const precache = measurePrecache(distDir);
  return { sizes, precache };
}

/** Saves a CPU profile of whatever `run` does in the page (with the page's CDP session). */
async function profiled<T>(page: Page, file: string, run: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const result = await run();
  writeFileSync(file, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  progress(`CPU profile saved to ${file}`);
  return result;
}

async function largeApplication(browser: Browser, appUrl: string) {
  const ref = await largeFederation();
  const { application, profile } = ref;
  const text = await makeBackupText(
    {
      profiles: [profile],
      applications: [application],
      evidence: ref.evidence.map((meta) => {
        const bytes = ref.evidenceBytes.get(meta.id);
        if (!bytes) throw new Error(`no bytes for ${meta.id}`);
        return { meta, bytes };
      }),
    },
    new Date(referenceNow),
  );
  const longest = longestPage(
    ref.checklist,
    application,
    { ...profile.answers, ...application.answers },
    referenceDates,
  );
  const imports: ImportTiming[] = [];
  const exports: { ms: number; fileName: string; kb: number }[] = [];
  const trials: TypingTrial[] = [];
  let exported = '';
  const context = await newAppContext(browser);
  try {
    // Seeding is itself the first import trial: the Node-made file, into an empty profile, at 4×.
    const page = await context.newPage();
    await throttle(page, cpuThrottle);
    await openSettings(page, appUrl);
    imports.push(await importBackupFile(page, { name: 'large-backup.json', text }));
    progress(`large application: imported through the settings page: ${imports[0]?.message}`);

    const url = `${appUrl}#/applications/${encodeURIComponent(application.id)}/sections/${longest.sectionId}/${longest.pageId}`;
    await page.goto(url);
    await page.locator(`#${longest.domId}`).waitFor();
    await installTypingProbe(page);
    const target: TypingTarget = {
      domId: longest.domId,
      questionId: longest.questionId,
      store: longest.scope === 'organisation' ? 'profiles' : 'applications',
      key: longest.scope === 'organisation' ? profile.id : application.id,
      databaseName: defaultDatabaseName,
    };
    progress(`typing: ${runs} trials on ${longest.sectionId}/${longest.pageId} (#${longest.domId}) at ${cpuThrottle}×`);
    for (let i = 0; i < runs; i++) {
      const typed = ` Trial ${i + 1}: clinics run weekly at Hoole Road, led by the practice nurse.`;
      trials.push(await typingTrial(page, target, typed, typingDelayMs));
      progress(
        `typing: trial ${i + 1}: p98 ${trials[i]?.p98Ms} ms, max ${trials[i]?.maxMs} ms, durable ${trials[i]?.durableMs} ms`,
      );
      await page.waitForTimeout(500);
    }
    if (profileDir) {
      await profiled(page, path.join(profileDir, 'typing.cpuprofile'), () =>
        typingTrial(page, target, ' Profiled trial: one more sentence typed.', typingDelayMs),
      );
    }

    progress(`backup: 3 downloads at ${cpuThrottle}×`);
    for (let i = 0; i < 3; i++) {
      await openSettings(page, appUrl);
      const done = await downloadBackup(page);
      exports.push({ ms: done.ms, fileName: done.fileName, kb: round(Buffer.byteLength(done.text) / 1024) });
      exported = done.text;
    }
    await page.close();
  } finally {
    await context.close();
  }
  progress(`backup: importing the downloaded file into 2 fresh browser profiles at ${cpuThrottle}×`);
  for (let i = 0; i < 2; i++) {
    const fresh = await newAppContext(browser);
    try {
      const page = await fresh.newPage();
      await throttle(page, cpuThrottle);
      await openSettings(page, appUrl);
      imports.push(await importBackupFile(page, { name: exports[0]?.fileName ?? 'backup.json', text: exported }));
    } finally {
      await fresh.close();
    }
  }
  const parsed = parseBackup(exported);
  const backupHolds =
    parsed.ok && parsed.kind === 'plain'
      ? {
          applications: parsed.backup.applications.length,
          evidenceFiles: parsed.backup.evidence.length,
          typedTextKept: parsed.backup.applications.some((a) =>
            String(a.answers[longest.questionId] ?? '').includes(' Trial 1: '),
          ),
        }
      : { error: parsed.ok ? 'encrypted' : parsed.message };
  return { longest, trials, imports, exports, backupHolds };
}

async function main(): Promise<void> {
  const environment = {
    chromium: '',
    cpus: os.cpus().length,
    loadAverageAtStart: loadAverage(),
    loadAverageAtEnd: [] as number[],
    cpuThrottle,
    runs,
    minified: minify,
  };
  const { sizes, precache } = await buildApp();
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const server = await startStaticServer(distDir);
  // As an LMC would host it, for the first-visit figures (Lighthouse, layout shift, home JS).
  const gzipServer = await startStaticServer(distDir, '/', { gzip: true });
  const browser = await launchChromium();
  environment.chromium = browser.version();
  try {
    const firstVisit = await measureFirstVisit(browser, gzipServer);
    const large = await largeApplication(browser, server.url);
    progress(`pack: 3 exports at ${cpuThrottle}×`);
    const pack = await runPackBench({ browser, runs: 3, throttle: cpuThrottle, minify, log: progress });
    environment.loadAverageAtEnd = loadAverage();

    const { dashboardMs } = firstVisit;
    const inputLatencyMs = round(median(large.trials.map((t) => t.p98Ms)));
    const durableMs = round(median(large.trials.map((t) => t.durableMs)));
    const exportMs = round(median(large.exports.map((e) => e.ms)));
    const importMs = round(median(large.imports.map((i) => i.readMs + i.importMs)));
    const result = {
      initialJsKbGz: sizes.initialJsGzipKb,
      totalJsKbGz: sizes.allJsGzipKb,
      sizes: {
        withStorageJsKbGz: sizes.withStorageJsGzipKb,
        initialCssKbGz: sizes.initialCssGzipKb,
        totalJsKbRaw: sizes.allJsRawKb,
        jsChunks: sizes.jsChunks,
      },
      precacheKb: precache ? precache.kb : null,
      precache: precache ?? {
        note: 'dist/sw.js does not exist: the build has no service worker yet, so there is no precache to measure.',
      },
      dashboardMs,
      dashboard: firstVisit.dashboard,
      lighthouse: firstVisit.lighthouse,
      cls: firstVisit.cls,
      layoutShifts: firstVisit.layoutShifts,
      homeJsKbGz: firstVisit.homeJsKbGz,
      homeJs: firstVisit.homeJs,
      filmstrip: firstVisit.filmstrip,
      inputLatencyMs,
      input: {
        page: `${large.longest.sectionId}/${large.longest.pageId} (“${large.longest.title}”, ${large.longest.visibleQuestions} questions shown)`,
        field: `#${large.longest.domId} (${large.longest.questionId}, ${large.longest.scope} record)`,
        cpuThrottle,
        keyDelayMs: typingDelayMs,
        measure: 'median over trials of the p98 keystroke latency (Event Timing, threshold 16 ms)',
        trials: large.trials.map((t) => ({
          keystrokes: t.keystrokes,
          over16ms: t.reported,
          p98Ms: round(t.p98Ms),
          maxMs: round(t.maxMs),
          slowest: t.slowest,
          longTasksMs: t.longTasks,
        })),
      },
      durableMs,
      durable: {
        measure: 'last keydown → raw IndexedDB read (a second connection, every 16 ms) returns the typed text',
        trialsMs: large.trials.map((t) => t.durableMs),
      },
      pack: {
        ms: pack.ms,
        pages: pack.pages,
        bytes: pack.bytesTotal,
        bytesBeforeAppendices: pack.bytesBeforeAppendices,
        codeMs: pack.codeMs,
        longestTaskMs: pack.longestTaskMs,
        missingGlyphs: pack.missingGlyphs,
        cpuThrottle: pack.cpuThrottle,
        runsMs: pack.each.map((r) => r.ms),
      },
      backup: {
        exportMs,
        importMs,
        roundTripMs: exportMs + importMs,
        application: 'largeFederation with its organisation and 10 evidence files (the only records in the profile)',
        cpuThrottle,
        fileKb: large.exports[0]?.kb,
        exportRunsMs: large.exports.map((e) => round(e.ms)),
        importRuns: large.imports.map((i) => ({ readMs: round(i.readMs), importMs: round(i.importMs) })),
        downloadedFileHolds: large.backupHolds,
      },
      budgets: { ...budgets, ...firstVisit.budgets },
      met: {
        ...firstVisit.met,
        initialJsKbGz: sizes.initialJsGzipKb <= budgets.initialJsKbGz,
        dashboardMs: dashboardMs <= budgets.dashboardMs,
        inputLatencyMs: inputLatencyMs <= budgets.inputLatencyMs,
        durableMs: durableMs <= budgets.durableMs,
        packMs: pack.ms <= budgets.packMs,
        backupRoundTripMs: exportMs + importMs <= budgets.backupRoundTripMs,
      },
      environment: { ...environment, benchSeconds: round((performance.now() - started) / 1000) },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await server.close();
    await gzipServer.close();
  }
}

await main();
