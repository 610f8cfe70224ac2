/**
 * The runtime-dependency audit: `npm audit --omit=dev`, failing on any high or critical advisory.
 * When the registry has no advisory service (some mirrors answer the bulk endpoint with an HTTP
 * error) the audit cannot run: this says so plainly and exits with 78, which `npm test` reports
 * as "unavailable", never as passed. Any advisory found, or any other error, fails.
 */
import { spawnSync } from 'node:child_process';
import { z } from 'zod';

export const unavailableExit = 78;

const Report = z.object({
  metadata: z.object({
    vulnerabilities: z.object({ high: z.number(), critical: z.number(), moderate: z.number(), low: z.number() }),
  }),
});
const EndpointError = z.object({ statusCode: z.number(), uri: z.string() });

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};
const body = parse(run.stdout);
const report = Report.safeParse(body);
if (report.success) {
  const v = report.data.metadata.vulnerabilities;
  console.log(
    `runtime dependencies: ${v.critical} critical, ${v.high} high, ${v.moderate} moderate, ${v.low} low advisories`,
  );
  process.exit(v.critical + v.high > 0 ? 1 : 0);
}
const endpoint = EndpointError.safeParse(body);
if (endpoint.success) {
  console.log(
    `The audit could not run: the registry's advisory service answered ${endpoint.data.statusCode} (${endpoint.data.uri}).`,
  );
  process.exit(unavailableExit);
}
console.error(run.stdout, run.stderr);
console.error('npm audit gave an answer this script does not understand.');
process.exit(1);
