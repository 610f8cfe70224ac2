/**
 * The first visit, measured from outside on the built app (issue 13): layout shift after first
 * paint on a page (the Layout Instability API's entries, summed as CLS, with what moved), the
 * JavaScript the browser loads for a page until the network is quiet (each file's gzipped size,
 * as counted from the files the browser asked for), frames of the first second of a load (CDP
 * screencast, one PNG per change, named by its time), and Lighthouse's mobile preset (its
 * default: simulated slow 4G and 4× CPU) against the app served with gzip, median of several runs.
 * Measures; never asserts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { throttle } from './browser';
import { median, round } from './stats';

export interface LayoutShift {
  readonly value: number;
  readonly atMs: number;
  readonly sources: readonly string[];
}

export interface ShiftMeasure {
  readonly cls: number;
  readonly shifts: readonly LayoutShift[];
}

type ShiftWindow = Window & { __benchShifts?: LayoutShift[] };

function watchShifts(): void {
  const shifts: LayoutShift[] = [];
  (window as ShiftWindow).__benchShifts = shifts;
  const describe = (node: Node | null | undefined): string => {
    if (!node || !(node instanceof Element)) return node?.nodeName ?? '?';
    const cls = typeof node.className === 'string' && node.className ? `.${node.className.split(/\s+/).join('.')}` : '';
    return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${cls}`.slice(0, 120);
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null }[];
    })[])
      if (!entry.hadRecentInput)
        shifts.push({
          value: entry.value,
          atMs: entry.startTime,
          sources: (entry.sources ?? []).map((s) => describe(s.node)),
        });
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Loads `url` in a new page of `context`, waits for `ready` and `settleMs` more, and sums the shifts. */
export async function measureLayoutShift(
  context: BrowserContext,
  url: string,
  ready: string,
  cpuThrottle: number,
  settleMs = 3000,
): Promise<ShiftMeasure> {
  const page = await context.newPage();
  try {
    await page.addInitScript(watchShifts);
    await throttle(page, cpuThrottle);
    await page.goto(url);
    await page.locator(ready).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(settleMs);
    const shifts = await page.evaluate(() => (window as ShiftWindow).__benchShifts ?? []);
    return {
      cls: round(
        shifts.reduce((sum, s) => sum + s.value, 0),
        4,
      ),
      shifts: shifts.map((s) => ({ ...s, value: round(s.value, 4), atMs: round(s.atMs) })),
    };
  } finally {
    await page.close();
  }
}

export interface ScriptLoad {
  readonly kbGz: number;
  readonly files: readonly { readonly file: string; readonly kbGz: number }[];
}

/**
 * Loads `url` in a fresh page and lists every JavaScript file the browser fetched until the
 * network has been quiet for `quietMs`, with its gzipped size (from `distDir`, as served).
 */
export async function measureScriptLoad(
  context: BrowserContext,
  url: string,
  distDir: string,
  quietMs = 2000,
): Promise<ScriptLoad> {
  const page = await context.newPage();
  const scripts = new Set<string>();
  let last = Date.now();
  page.on('request', (request) => {
    last = Date.now();
    if (request.resourceType() === 'script' || /\.m?js(\?|$)/.test(request.url())) scripts.add(request.url());
  });
  try {
    await page.goto(url);
    await page.waitForLoadState('load');
    while (Date.now() - last < quietMs) await page.waitForTimeout(200);
  } finally {
    await page.close();
  }
  const files = [...scripts].flatMap((u) => {
    const rel = decodeURIComponent(new URL(u).pathname).replace(/^\/+/, '');
    const file = path.join(distDir, rel);
    if (!existsSync(file)) return [];
    return [{ file: rel, kbGz: round(gzipSync(readFileSync(file), { level: 9 }).byteLength / 1024, 1) }];
  });
  return {
    kbGz: round(
      files.reduce((n, f) => n + f.kbGz, 0),
      1,
    ),
    files: files.sort((a, b) => b.kbGz - a.kbGz),
  };
}

/**
 * Frames of the first `durationMs` of loading `url` at `cpuThrottle`, as the screen changed (CDP
 * screencast), written to `dir` as `frame-<ms>.png` (ms since the navigation began).
 */
export async function filmstrip(
  context: BrowserContext,
  url: string,
  dir: string,
  cpuThrottle: number,
  durationMs = 1000,
): Promise<string[]> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const page = await context.newPage();
  await throttle(page, cpuThrottle);
  const cdp = await context.newCDPSession(page);
  const frames: { at: number; data: string }[] = [];

  cdp.on('Page.screencastFrame', (frame: { data: string; sessionId: number; metadata: { timestamp?: number } }) => {
    frames.push({ at: (frame.metadata.timestamp ?? 0) * 1000, data: frame.data });
    void cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => undefined);
  });
  await cdp.send('Page.startScreencast', { format: 'png', everyNthFrame: 1, maxWidth: 1280, maxHeight: 900 });
  const start = Date.now();
  await page.goto(url);
  await page.waitForTimeout(Math.max(0, durationMs + 500 - (Date.now() - start)));
  await cdp.send('Page.stopScreencast');
  await page.close();
  const t0 = frames[0]?.at ?? 0;
  const written: string[] = [];
  for (const f of frames) {
    const ms = Math.round(f.at - t0);
    if (ms > durationMs + 500) continue;
    const name = path.join(dir, `frame-${String(ms).padStart(4, '0')}.png`);
    writeFileSync(name, Buffer.from(f.data, 'base64'));
    written.push(name);
  }
  return written;
}

export interface LighthouseFigures {
  readonly performance: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
  readonly fcpMs: number;
}

export interface LighthouseRun extends LighthouseFigures {
  readonly runs: readonly LighthouseFigures[];
}

/**
 * Lighthouse's mobile preset against `url`, `runs` times, in Debian's Chromium. With `userDataDir`
 * (a profile holding stored applications) storage is not reset between runs; without it each run
 * has a new, empty profile: a true first visit (no service worker, nothing cached). The median of
 * each figure.
 */
export async function runLighthouse(
  url: string,
  options: { chromePath: string; flags: readonly string[]; userDataDir?: string; runs: number },
): Promise<LighthouseRun> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const runs: LighthouseFigures[] = [];
  for (let i = 0; i < options.runs; i++) {
    const profile = options.userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'aqp-lighthouse-'));
    const chrome = await chromeLauncher.launch({
      chromePath: options.chromePath,
      chromeFlags: [...options.flags.filter((f) => f !== '--headless'), '--headless=new'],
      userDataDir: profile,
      logLevel: 'silent',
    });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        disableStorageReset: true,
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error('Lighthouse returned no result');
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      runs.push({
        performance: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
        lcpMs: round(audit('largest-contentful-paint')),
        tbtMs: round(audit('total-blocking-time')),
        cls: round(audit('cumulative-layout-shift'), 4),
        fcpMs: round(audit('first-contentful-paint')),
      });
    } finally {
      chrome.kill();
      if (!options.userDataDir) rmSync(profile, { recursive: true, force: true });
    }
  }
  const med = (pick: (r: LighthouseFigures) => number) => median(runs.map(pick));
  return {
    performance: med((r) => r.performance),
    lcpMs: round(med((r) => r.lcpMs)),
    tbtMs: round(med((r) => r.tbtMs)),
    cls: round(
      med((r) => r.cls),
      4,
    ),
    fcpMs: round(med((r) => r.fcpMs)),
    runs,
  };
}

/**
 * What this machine can do at all: the first contentful paint of a page of plain HTML (a heading
 * and a paragraph, no stylesheet, no script) served by the same kind of server, at the same CPU
 * slowdown, median of `runs` loads. A budget measured from navigation start cannot be met below it.
 */
export async function measureFloor(context: BrowserContext, cpuThrottle: number, runs: number): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aqp-bench-floor-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Floor</title></head>' +
      '<body><h1>Your applications</h1><p>A page of plain HTML.</p></body></html>',
  );
  const { startStaticServer } = await import('../../e2e/support/static-server');
  const server = await startStaticServer(dir, '/', { gzip: true });
  try {
    const paints: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await throttle(page, cpuThrottle);
      await page.goto(server.url);
      await page.waitForTimeout(300);
      paints.push(
        await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN),
      );
      await page.close();
    }
    return round(median(paints));
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
