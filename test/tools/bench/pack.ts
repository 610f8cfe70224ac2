/**
 * The PDF pack benchmark shared by `npm run bench:pack` and `npm run bench`: times the pack of the
 * largest reference application (a federation with 20 member practices, all sections and 8
 * services answered, 10 evidence files) in real Chromium with the CPU slowed (CDP
 * Emulation.setCPUThrottlingRate), as an old practice PC would run it.
 *
 * Method: bundles a small page (bench-pack-page.ts, which imports src/pdf exactly as the app does)
 * with Vite's build API and the project's own vite.config.ts, serves it on a loopback port with
 * the app's static server, and runs the export `runs` times, each in a freshly loaded page: a
 * user's first export, with the PDF code and fonts loaded as the review page loads them when it
 * opens (that load is timed apart, as `codeMs`). Measures; never asserts.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { startStaticServer } from '../../e2e/support/static-server';
import { largeFederation, referenceNow } from '../../fixtures/applications/reference-applications';
import type { BenchInput, BenchRun } from '../bench-pack-page';
import { median } from './stats';

export const packApplication = 'largeFederation (20 member practices, 8 services, 10 evidence files)';

export interface PackBenchOptions {
  readonly browser: Browser;
  readonly runs: number;
  readonly throttle: number;
  /** Save a CPU profile of the first run here (for Chrome DevTools). */
  readonly profile?: string;
  /** Keep function names in the bundle (for readable profiles). */
  readonly minify?: boolean;
  /** Keep the built page's directory and say where it is. */
  readonly keepDir?: boolean;
  readonly log?: (message: string) => void;
}

export interface PackBenchResult {
  readonly application: string;
  readonly cpuThrottle: number;
  readonly runs: number;
  readonly ms: number;
  /** Fetching and compiling the PDF code and fonts, done when the review page opens (not in `ms`). */
  readonly codeMs: number;
  readonly longestTaskMs: number;
  readonly pages: number | undefined;
  readonly bytesBeforeAppendices: number | undefined;
  readonly bytesTotal: number | undefined;
  readonly missingGlyphs: readonly string[] | undefined;
  readonly budget: { readonly ms: number; readonly bytesBeforeAppendices: number };
  /** The bundle's JavaScript chunks and their gzipped sizes. */
  readonly chunks: Record<string, string>;
  readonly each: readonly BenchRun[];
}

async function preparePage(dir: string, minify: boolean): Promise<void> {
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
      minify,
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

export async function runPackBench(options: PackBenchOptions): Promise<PackBenchResult> {
  const { browser, runs, throttle } = options;
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-pack-'));
  log('pack: bundling the export page');
  await preparePage(dir, options.minify ?? true);
  const built = chunks(dir);
  const server = await startStaticServer(dir);
  const results: BenchRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.goto(server.url);
      await page.waitForFunction(() => typeof window.benchPack === 'function');
      const profile = i === 0 ? options.profile : undefined;
      if (profile)
        await cdp
          .send('Profiler.enable')
          .then(() => cdp.send('Profiler.setSamplingInterval', { interval: 100 }))
          .then(() => cdp.send('Profiler.start'));
      results.push(await page.evaluate(() => window.benchPack()));
      if (profile) writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      await page.close();
      log(`pack: run ${i + 1}/${runs}: ${results[i]?.ms} ms`);
    }
  } finally {
    await server.close();
    if (options.keepDir) log(`bench files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  const pick = (key: 'ms' | 'codeMs' | 'longestTaskMs') => Math.round(median(results.map((r) => r[key])));
  const first = results[0];
  return {
    application: packApplication,
    cpuThrottle: throttle,
    runs,
    ms: pick('ms'),
    codeMs: pick('codeMs'),
    longestTaskMs: pick('longestTaskMs'),
    pages: first?.pages,
    bytesBeforeAppendices: first?.bytesBeforeAppendices,
    bytesTotal: first?.bytesTotal,
    missingGlyphs: first?.missingGlyphs,
    budget: { ms: 1000, bytesBeforeAppendices: 300 * 1024 },
    chunks: built,
    each: results,
  };
}
