/**
 * Where an application stands: a draft, ready to export, its pack exported (on a date), or changed
 * since the pack was exported. Only the facts are stored on the application (when the latest final
 * pack was made, and the revision of the record it was made from); everything else is derived here.
 *
 * Readiness is passed in, never stored: it needs the rules engine and today's date (evidence
 * expires). A caller that has not evaluated the application passes `undefined`, and a draft is then
 * simply a draft. Pure: no clock, no storage.
 */
import { formatDate } from '@/domain/rules/values';
import type { Application, OrganisationProfile } from './application';

export type Standing =
  | { readonly kind: 'draft' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'exported'; readonly exportedAt: string }
  | { readonly kind: 'changed'; readonly exportedAt: string };

export type StandingFacts = Pick<Application, 'revision' | 'exportedAt' | 'exportedRevision'>;

const time = (iso: string) => Date.parse(iso);

/**
 * Whether the answers changed after the pack was made: the application record was saved again
 * (its revision is past the exported one), or its organisation's answers, which every pack
 * prints, were changed after the pack's date.
 */
export function changedSinceExport(
  application: StandingFacts,
  organisation?: Pick<OrganisationProfile, 'updatedAt'>,
): boolean {
  const { exportedAt, exportedRevision, revision } = application;
  if (exportedAt === undefined || exportedRevision === undefined) return false;
  if (revision > exportedRevision) return true;
  return organisation !== undefined && time(organisation.updatedAt) > time(exportedAt);
}

/** `ready`: readiness passes (true), fails (false) or was not evaluated (undefined). */
export function applicationStanding(
  application: StandingFacts,
  ready: boolean | undefined,
  organisation?: Pick<OrganisationProfile, 'updatedAt'>,
): Standing {
  const { exportedAt, exportedRevision } = application;
  if (exportedAt !== undefined && exportedRevision !== undefined)
    return changedSinceExport(application, organisation)
      ? { kind: 'changed', exportedAt }
      : { kind: 'exported', exportedAt };
  return ready ? { kind: 'ready' } : { kind: 'draft' };
}

/**
 * The standing in words. `exportedOn` is the pack's date as the user's calendar has it
 * (YYYY-MM-DD): turning an instant into a local day is the caller's, not the domain's.
 */
export function standingLabel(standing: Standing, exportedOn?: string): string {
  switch (standing.kind) {
    case 'draft':
      return 'Draft';
    case 'ready':
      return 'Ready to export';
    case 'exported':
      return exportedOn ? `Pack exported on ${formatDate(exportedOn)}` : 'Pack exported';
    case 'changed':
      return 'Changed since the pack was exported';
  }
}

/**
 * The application once a final pack made at `at` has been exported. `revision` is the revision
 * whose answers the pack shows: the one this record will have once saved, if nothing changed while
 * the pack was made; otherwise the one the pack was made from, so the change shows.
 */
export function recordExport(application: Application, at: string, revision: number): Application {
  return { ...application, status: 'exported', exportedAt: at, exportedRevision: revision };
}

/**
 * The application stored under another revision (an import, a kept version used instead): the
 * exported revision moves with it, so "changed since the pack was exported" stays true or false
 * as it was. A changed record cannot be stored at revision 0, so it takes revision 1.
 */
export function atRevision(application: Application, revision: number): Application {
  const { exportedRevision } = application;
  if (exportedRevision === undefined) return { ...application, revision };
  if (application.revision <= exportedRevision) return { ...application, revision, exportedRevision: revision };
  const moved = Math.max(revision, 1);
  return { ...application, revision: moved, exportedRevision: moved - 1 };
}

/** What the autosave knows: the revision stored last, and whether anything is waiting or saving. */
export interface SavedState {
  readonly revision: number;
  readonly settled: boolean;
}

/**
 * A change that leaves the pack as it was (marking a section complete: packs do not print it).
 * If the stored record is still the pack's, the one saved next is too, so the pack's revision
 * moves on with it. With a save still to come or under way, it is left alone: the application
 * then reads as changed, the safe side to err on.
 */
export function keepExportThrough(application: Application, saved: SavedState): Application {
  const { exportedRevision } = application;
  if (exportedRevision === undefined || !saved.settled || exportedRevision !== saved.revision) return application;
  return { ...application, exportedRevision: saved.revision + 1 };
}

/** A change to the answers: a pack revision moved on by `keepExportThrough` but not yet saved moves back. */
export function exportAfterAnswerChange(application: Application, savedRevision: number): Application {
  const { exportedRevision } = application;
  if (exportedRevision === undefined || exportedRevision <= savedRevision) return application;
  return { ...application, exportedRevision: savedRevision };
}
