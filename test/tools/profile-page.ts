/**
 * Where a page load spends its main-thread time: loads the built app's home route in Chromium at
 * 4× CPU (with 200 applications stored, or in a fresh profile with FRESH=1), records a CPU
 * profile until the first screen is painted, and prints the self time by script and by function,
 * and the long tasks (over 50 ms) the page saw. A tool for finding what to make faster; it
 * measures and never asserts. `npx tsx test/tools/profile-page.ts` (after `vite build`).
 */
import { chromium } from 'playwright-core';
import { chromiumFlags, chromiumPath } from '../e2e/support/chromium';
import { distDir } from '../e2e/support/paths';
import { startStaticServer } from '../e2e/support/static-server';
import { dashboardApplications } from '../fixtures/applications/dashboard-applications';
import { referenceNow } from '../fixtures/applications/reference-applications';
import { makeBackupText } from './bench/backup-files';
import { newAppContext, throttle } from './bench/browser';
import { importBackupFile, openSettings } from './bench/settings-page';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const fresh = process.env.FRESH === '1';
const rate = Number(process.env.THROTTLE ?? 4);
const ready = fresh ? 'h1' : 'li.app-application';

const server = await startStaticServer(process.env.DIST_DIR ?? distDir, '/', { gzip: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags, headless: true });
try {
  const context = await newAppContext(browser);
  if (!fresh) {
    const set = dashboardApplications({ applications: 200 });
    const page = await context.newPage();
    await openSettings(page, server.url);
    await importBackupFile(page, { name: 'b.json', text: await makeBackupText(set, new Date(referenceNow)) });
    await page.close();
  }
  const page = await context.newPage();
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __tasks: typeof tasks }).__tasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        tasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
  await throttle(page, rate);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(server.url);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const tasks = await page.evaluate(() => (window as unknown as { __tasks: unknown[] }).__tasks);
  const timeline = await page.evaluate(() => [
    ...performance
      .getEntriesByType('resource')
      .map(
        (e) =>
          `${Math.round(e.startTime)}-${Math.round((e as PerformanceResourceTiming).responseEnd)} ${e.name.replace(/^.*\//, '')}`,
      ),
    ...performance.getEntriesByType('mark').map((e) => `${Math.round(e.startTime)} mark ${e.name}`),
    ...performance.getEntriesByType('paint').map((e) => `${Math.round(e.startTime)} ${e.name}`),
  ]);

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const script = node.callFrame.url.replace(/^.*\//, '') || `(${node.callFrame.functionName || 'native'})`;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${script}:${node.callFrame.lineNumber}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`);
  console.log(`Self time by script (${rate}× CPU, ${fresh ? 'first visit' : '200 applications'}):`);
  console.log(top(byScript, 25).join('\n'));
  console.log('\nSelf time by function:');
  console.log(top(byFunction, 40).join('\n'));
  console.log('\nTimeline (ms from navigation start):');
  console.log(timeline.sort((a, b) => parseInt(a) - parseInt(b)).join('\n'));
  console.log('\nLong tasks (start, duration ms):', JSON.stringify(tasks));
} finally {
  await browser.close();
  await server.close();
}
