/**
 * Takes screenshots of the built app for a person to look at.
 * Usage: tsx test/tools/screenshot.ts <out-dir> <route> [<route> ...]   (e.g. "/" "/accessibility")
 * Options through the environment: WIDTHS=320,1280 (default 1280); CONFIG=file serves that file
 * as the host's config.json.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../e2e/support/chromium';
import { distDir } from '../e2e/support/paths';
import { startStaticServer } from '../e2e/support/static-server';

const [outDir = 'test-results/screens', ...routes] = process.argv.slice(2);
const widths = (process.env.WIDTHS ?? '1280').split(',').map(Number);
mkdirSync(outDir, { recursive: true });
const server = await startStaticServer(distDir);
if (process.env.CONFIG) server.override('config.json', readFileSync(process.env.CONFIG, 'utf8'));
const browser = await launchChromium();
for (const width of widths) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const route of routes.length ? routes : ['/']) {
    await page.goto(`${server.url}#${route}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const name = `${route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${width}.png`;
    await page.screenshot({ path: path.join(outDir, name), fullPage: true });
    console.log(path.join(outDir, name));
  }
  await page.close();
}
await browser.close();
await server.close();
