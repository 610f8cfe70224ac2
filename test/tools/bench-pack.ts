/**
 * `npm run bench:pack`: times the PDF pack of the largest reference application (a federation with
 * 20 member practices, all sections and 8 services answered, 10 evidence files) in real Chromium
 * with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate), as an old practice PC would run it.
 *
 * Method: the UI does not call the exporter yet, so this bundles a small page
 * (bench-pack-page.ts, which imports src/pdf exactly as the app will) with Vite's build API and the
 * project's own vite.config.ts, serves it on a loopback port with the app's static server, and
 * runs the export RUNS times, each in a freshly loaded page (a cold start, like a user's first
 * export). Prints JSON: the median run, and every run. Measures; never asserts.
 *
 * Usage: tsx test/tools/bench-pack.ts   (RUNS=5, THROTTLE=6 to change; PROFILE=file.cpuprofile
 * saves a CPU profile of the first run, for Chrome DevTools; MINIFY=0 keeps function names;
 * KEEP_DIR=1 keeps the built page so profile line numbers can be read)
 * Timings move with the machine's load: run it on a quiet machine and compare medians.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchChromium } from '../e2e/support/chromium';
import { startStaticServer } from '../e2e/support/static-server';
import { largeFederation, referenceNow } from '../fixtures/applications/reference-applications';
import type { BenchInput, BenchRun } from './bench-pack-page';

const runs = Number(process.env.RUNS ?? 3);
const throttle = Number(process.env.THROTTLE ?? 4);

async function prepare(dir: string): Promise<void> {
  const ref = await largeFederation();
  const input: BenchInput = {
    application: ref.application,
    profile: ref.profile,
    evidence: ref.evidence,
    now: referenceNow,
  };
  await build({
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'warn',
    build: {
      outDir: dir,
      emptyOutDir: true,
      manifest: false,
      copyPublicDir: false,
      minify: process.env.MINIFY !== '0',
      rollupOptions: {
        input: path.resolve('test/tools/bench-pack-page.ts'),
        output: { entryFileNames: 'bench.js' },
      },
    },
  });
  writeFileSync(path.join(dir, 'input.json'), JSON.stringify(input));
  mkdirSync(path.join(dir, 'evidence'));
  for (const [id, bytes] of ref.evidenceBytes) writeFileSync(path.join(dir, 'evidence', id), bytes);
  cpSync(path.resolve('public/fonts'), path.join(dir, 'fonts'), { recursive: true });
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>bench</title>' +
      '<script type="module" src="./bench.js"></script></head><body></body></html>',
  );
}

/** The bundle's JavaScript chunks and their gzipped sizes: jsPDF's html2canvas, DOMPurify and canvg must not be among them. */
function chunks(dir: string): Record<string, string> {
  const assets = path.join(dir, 'assets');
  return Object.fromEntries(
    readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => [
        name,
        `${(gzipSync(readFileSync(path.join(assets, name)), { level: 9 }).length / 1024).toFixed(1)} KB gz`,
      ]),
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-pack-'));
  await prepare(dir);
  const built = chunks(dir);
  const server = await startStaticServer(dir);
  const browser = await launchChromium();
  const results: BenchRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.goto(server.url);
      await page.waitForFunction(() => typeof window.benchPack === 'function');
      const profile = i === 0 ? process.env.PROFILE : undefined;
      if (profile) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
      results.push(await page.evaluate(() => window.benchPack()));
      if (profile) writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    if (process.env.KEEP_DIR) console.error(`bench files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  const pick = (key: 'ms' | 'msBeforeAppendices' | 'modelMs' | 'longestTaskMs') => median(results.map((r) => r[key]));
  const first = results[0];
  console.log(
    JSON.stringify(
      {
        application: 'largeFederation (20 member practices, 8 services, 10 evidence files)',
        cpuThrottle: throttle,
        runs,
        ms: pick('ms'),
        msBeforeAppendices: pick('msBeforeAppendices'),
        modelMs: pick('modelMs'),
        longestTaskMs: pick('longestTaskMs'),
        pages: first?.pages,
        bytesBeforeAppendices: first?.bytesBeforeAppendices,
        bytesTotal: first?.bytesTotal,
        missingGlyphs: first?.missingGlyphs,
        budget: { ms: 1000, bytesBeforeAppendices: 300 * 1024 },
        chunks: built,
        each: results,
      },
      null,
      2,
    ),
  );
}

await main();
