/**
 * `npm test`: every gate, in order: format check, lint, typecheck, the runtime-dependency audit,
 * unit/contract/component tests,
 * the production build, the bundle-size check, and the browser e2e tests. Runs every gate even
 * after a failure (so one run shows every problem), then prints each gate's result and, last, the
 * line `tests: N passed, M failed` counting every test that ran. Exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const results = path.resolve('test-results');
mkdirSync(results, { recursive: true });

interface Gate {
  readonly name: string;
  readonly command: readonly string[];
  readonly report?: string;
  readonly needs?: string;
  /** Exit code 78 means the gate could not run here (e.g. no advisory service): reported, not failed. */
  readonly mayBeUnavailable?: boolean;
}

const bin = (name: string) => path.resolve('node_modules/.bin', name);
const vitest = (project: string, report: string): readonly string[] => [
  bin('vitest'),
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
];

const gates: readonly Gate[] = [
  { name: 'format', command: [bin('prettier'), '--check', '.'] },
  { name: 'lint', command: [bin('eslint'), '.', '--max-warnings', '0'] },
  { name: 'typecheck', command: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  // Runtime dependencies only: no high or critical advisory (asks the npm registry).
  { name: 'audit', command: [bin('tsx'), 'test/tools/audit.ts'], mayBeUnavailable: true },
  { name: 'unit', command: vitest('unit', path.join(results, 'unit.json')), report: path.join(results, 'unit.json') },
  { name: 'build', command: [bin('vite'), 'build', '--logLevel', 'warn'] },
  { name: 'size', command: [bin('tsx'), 'test/tools/size-check.ts'], needs: 'build' },
  {
    name: 'e2e',
    command: vitest('e2e', path.join(results, 'e2e.json')),
    report: path.join(results, 'e2e.json'),
    needs: 'build',
  },
];

const Report = z.object({ numPassedTests: z.number(), numFailedTests: z.number() });

const outcome = new Map<string, 'passed' | 'failed' | 'not run' | 'unavailable'>();
let passed = 0;
let failed = 0;

for (const gate of gates) {
  if (gate.needs && outcome.get(gate.needs) !== 'passed') {
    outcome.set(gate.name, 'not run');
    console.log(`\n== ${gate.name}: not run, because ${gate.needs} failed`);
    continue;
  }
  console.log(`\n== ${gate.name}: ${gate.command.map((part) => path.relative(process.cwd(), part) || part).join(' ')}`);
  if (gate.report && existsSync(gate.report)) writeFileSync(gate.report, '');
  const [command = '', ...args] = gate.command;
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = run.status === 0;
  outcome.set(gate.name, ok ? 'passed' : gate.mayBeUnavailable && run.status === 78 ? 'unavailable' : 'failed');
  if (gate.report) {
    const parsed = existsSync(gate.report) ? Report.safeParse(safeJson(readFileSync(gate.report, 'utf8'))) : null;
    if (parsed?.success) {
      passed += parsed.data.numPassedTests;
      failed += parsed.data.numFailedTests;
    } else if (!ok) failed += 1;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

console.log('\n== summary');
for (const [name, result] of outcome) console.log(`${name.padEnd(10)} ${result}`);
const gatesFailed = [...outcome.values()].some((result) => result !== 'passed' && result !== 'unavailable');
const summary = `tests: ${passed} passed, ${failed} failed`;
writeFileSync(path.join(results, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(gatesFailed || failed > 0 ? 1 : 0);
