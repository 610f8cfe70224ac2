/**
 * Before any browser test: the production build must exist and Chromium must be found. Both fail
 * loudly with what to do, so the e2e tests never skip silently.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromiumPath } from './chromium';

export default function setup(): void {
  const index = path.resolve('dist/index.html');
  if (!existsSync(index)) throw new Error('No production build at dist/. Run "npm run build" first (npm test does).');
  chromiumPath();
}
