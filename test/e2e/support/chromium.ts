/**
 * Finds Debian's Chromium for the browser tests and launches it with the flags this workplace
 * needs. Never skips: with no browser it fails with a message saying how to install one.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to "${fromEnv}" but there is no file there.`);
  }
  const found = candidates.find((file) => existsSync(file));
  if (found) return found;
  throw new Error(
    'No Chromium found for the browser tests. Install Debian\'s Chromium with "sudo apt-get install -y chromium", ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Chromium 156 preloads its own omnibox pop-up (a WebUI page of some 400 scripts) in a renderer
  // of its own beside every new tab; on a 2-core machine that competed with the page under test
  // for the CPU during its first second, in every browser test and every timing of the bench.
  '--disable-features=PreloadTopChromeWebUI',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags, headless: true });
}
