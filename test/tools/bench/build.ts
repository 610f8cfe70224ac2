/**
 * The build a benchmark measures: `DIST_DIR=dir` measures another build as it is (say, the code
 * before a change, built in a worktree); otherwise the app is built first with vite.config.ts,
 * unless `SKIP_BUILD=1` says dist/ is built already.
 */
import path from 'node:path';
import { build } from 'vite';
import { distDir as builtDir } from '../../e2e/support/paths';
import { progress } from './stats';

/** The folder the given build is in, without building. */
export const measuredDist = (): string => (process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : builtDir);

/** Builds the app unless another build or the existing one is to be measured; gives its folder. */
export async function buildToMeasure(): Promise<string> {
  if (process.env.SKIP_BUILD !== '1' && !process.env.DIST_DIR) {
    progress('building the app (vite build, vite.config.ts)');
    await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
  }
  return measuredDist();
}
