/**
 * The checklist the app runs on, loaded lazily (it is large) and once. Bundled checklists are
 * checked by the loader; a broken one is a build error caught by the tests.
 */
import type { LoadedChecklist } from '@/domain/definition/load-checklist';

let loading: Promise<LoadedChecklist> | undefined;

export function loadAppChecklist(): Promise<LoadedChecklist> {
  loading ??= Promise.all([
    import('@/domain/definition/load-checklist'),
    import('../../../schemas/checklists/aqp-2012.json'),
  ]).then(([loader, data]) => loader.loadChecklistOrThrow(data.default));
  return loading;
}
