/**
 * The checklist the app runs on, loaded lazily (it is large) and once. Bundled checklists are
 * checked by the loader; a broken one is a build error caught by the tests. An application
 * started from an LMC advert with local questions runs on the bundled checklist plus those
 * questions (built once per set of questions).
 */
import type { Advert } from '@/domain/application/application';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';

let loading: Promise<LoadedChecklist> | undefined;
const withLocal = new Map<string, Promise<LoadedChecklist>>();

const fetchCode = () =>
  Promise.all([import('@/domain/definition/load-checklist'), import('../../../schemas/checklists/aqp-2012.json')]);

/**
 * Fetches the checklist's code and data (each its own task) without checking it: what a page
 * does at idle for the next step. The check itself (over 100 ms at 4x CPU, one task) runs when a
 * page first needs the checklist, so it never blocks input on the page that only prefetched.
 */
export function prefetchAppChecklist(): void {
  fetchCode().catch(() => undefined); // a failure is met again, and reported, by loadAppChecklist
}

export function loadAppChecklist(): Promise<LoadedChecklist> {
  loading ??= fetchCode().then(
    ([loader, data]) => {
      // For the benchmark (User Timing; costs nothing): the code has loaded, and the check ends.
      performance.mark?.('aqp:checklist-fetched');
      const checked = loader.loadChecklistOrThrow(data.default);
      performance.mark?.('aqp:checklist-checked');
      return checked;
    },
    (error: unknown) => {
      // A failed load (a moment's bad connection) is tried again by the next caller.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The checklist for one application: the bundled one, plus its advert's local questions if any. */
export function loadChecklistFor(advert: Pick<Advert, 'commissioner' | 'localQuestions'>): Promise<LoadedChecklist> {
  const questions = advert.localQuestions;
  if (!questions?.length) return loadAppChecklist();
  const key = JSON.stringify([advert.commissioner, questions]);
  let found = withLocal.get(key);
  if (!found) {
    found = Promise.all([
      loadAppChecklist(),
      import('@/domain/definition/load-checklist'),
      import('@/domain/definition/local-questions'),
    ]).then(([base, loader, local]) =>
      loader.loadChecklistOrThrow(local.withLocalQuestions(base.definition, advert.commissioner, questions)),
    );
    withLocal.set(key, found);
  }
  return found;
}
