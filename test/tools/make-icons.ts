/**
 * `tsx test/tools/make-icons.ts`: draws the web app manifest's PNG icons from public/favicon.svg
 * in Chromium (192 and 512 px, plus a 512 px "maskable" icon with the safe-zone padding Android
 * crops to) and writes them to public/icons/. Run it again when the favicon changes; the icons
 * are committed, so builds never depend on this.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../e2e/support/chromium';

const svg = readFileSync(path.resolve('public/favicon.svg'), 'utf8');
const out = path.resolve('public/icons');
mkdirSync(out, { recursive: true });

const icons = [
  { file: 'icon-192.png', size: 192, padding: 0, background: 'transparent' },
  { file: 'icon-512.png', size: 512, padding: 0, background: 'transparent' },
  // Maskable icons keep their content inside the central 80% circle; the rest is the brand blue.
  { file: 'icon-maskable-512.png', size: 512, padding: 0.12, background: '#005eb8' },
];

const browser = await launchChromium();
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const inset = Math.round(icon.size * icon.padding);
    await page.setContent(
      `<html><body style="margin:0;background:${icon.background}">` +
        `<div style="position:absolute;inset:${inset}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div>` +
        '</body></html>',
    );
    await page.screenshot({ path: path.join(out, icon.file), omitBackground: icon.background === 'transparent' });
    await page.close();
    console.log(`public/icons/${icon.file}`);
  }
} finally {
  await browser.close();
}
