/**
 * `npm run bench:pack`: times the PDF pack of the largest reference application in real Chromium
 * with the CPU slowed 4×, as an old practice PC would run it (the method is in bench/pack.ts,
 * shared with `npm run bench`). Prints JSON: the median run, and every run. Measures; never asserts.
 *
 * Usage: tsx test/tools/bench-pack.ts   (RUNS=5, THROTTLE=6 to change; PROFILE=file.cpuprofile
 * saves a CPU profile of the first run, for Chrome DevTools; MINIFY=0 keeps function names;
 * KEEP_DIR=1 keeps the built page so profile line numbers can be read)
 * Timings move with the machine's load: run it on a quiet machine and compare medians.
 */
import { launchChromium } from '../e2e/support/chromium';
import { runPackBench } from './bench/pack';

const browser = await launchChromium();
try {
  const result = await runPackBench({
    browser,
    runs: Number(process.env.RUNS ?? 3),
    throttle: Number(process.env.THROTTLE ?? 4),
    ...(process.env.PROFILE ? { profile: process.env.PROFILE } : {}),
    minify: process.env.MINIFY !== '0',
    keepDir: Boolean(process.env.KEEP_DIR),
    log: (message) => console.error(message),
  });
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
}
