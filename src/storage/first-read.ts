/**
 * The first screen's read (issue 13): what "Your applications" shows first, read straight from
 * IndexedDB as the page starts (first-read-raw.ts, without Dexie or the rest of storage) and
 * checked here by the domain's own schemas, exactly as the repositories check them, so the list
 * can be painted before the app itself has loaded (src/app/pre-paint.tsx). Gives `undefined`
 * whenever the raw read did.
 */
import { organisationNames, restoreSummary, type ApplicationSummary } from '@/domain/application/application-summary';
import type { FirstScreen } from '@/domain/application/first-screen';
import { readable } from '@/domain/application/record-kind';
import { readSettings } from '@/domain/application/settings';
import { startFirstRead, type FirstReadOptions, type RawFirstRead } from './first-read-raw';

/** Rows checked per task, so that checking 200 does not hold the page for one long task. */
const rowsPerTask = 50;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Checks what the raw read gave, `rowsPerTask` summary rows at a time. */
export async function checkFirstRead(
  started: Promise<RawFirstRead>,
  yieldToMain: () => Promise<void> = nextTask,
): Promise<FirstScreen | undefined> {
  const { raw, persisted } = await started;
  if (!raw) return undefined;
  const summaries: ApplicationSummary[] = [];
  for (let from = 0; from < raw.summaries.length; from += rowsPerTask) {
    if (from > 0) await yieldToMain();
    summaries.push(...readable(restoreSummary, raw.summaries.slice(from, from + rowsPerTask)));
  }
  return {
    summaries,
    organisations: organisationNames(raw.names),
    settings: readSettings(raw.settings),
    persisted,
  };
}

/** Reads and checks the first screen's data, or gives undefined when it cannot be read here. */
export function readFirstScreen(options: FirstReadOptions = {}): Promise<FirstScreen | undefined> {
  return checkFirstRead(startFirstRead(options));
}
