/**
 * Decides what importing a backup writes, given what is already stored and the user's choice for
 * records that already exist: "replace" them, or "keep both" (the imported copy gets new ids, and
 * references to it are rewritten). Identical records are left alone either way.
 *
 * Pure and synchronous, so it can run inside the import's single transaction (a transaction
 * commits early if it awaits anything else). Must never touch storage or drop an imported record.
 */
import type { Application, EvidenceMeta, KeptVersion, OrganisationProfile } from '@/domain/application/application';
import {
  restoreApplication,
  restoreEvidenceMeta,
  restoreKeptVersion,
  restoreProfile,
} from '@/domain/application/restore';
import { atRevision } from '@/domain/application/standing';
import { checked, sameContent } from '@/storage/record-helpers';

export type ExistingChoice = 'keep-both' | 'replace';

export interface EvidenceWithBlob {
  readonly meta: EvidenceMeta;
  readonly blob: Blob;
}

/** Stored records by id; `undefined` for a record that is stored but cannot be read. */
export interface ExistingRecords {
  readonly profiles: ReadonlyMap<string, OrganisationProfile | undefined>;
  readonly applications: ReadonlyMap<string, Application | undefined>;
  readonly evidence: ReadonlyMap<string, EvidenceMeta | undefined>;
  readonly keptVersions: ReadonlyMap<string, KeptVersion | undefined>;
}

export interface ImportRecords {
  readonly profiles: readonly OrganisationProfile[];
  readonly applications: readonly Application[];
  readonly evidence: readonly EvidenceWithBlob[];
  /** Versions kept after a clash (backup format 2), under the ids their records are stored with. */
  readonly keptVersions: readonly KeptVersion[];
}

export interface ImportReport {
  readonly added: number;
  readonly replaced: number;
  /** Imported beside an existing record, under a new id. */
  readonly keptBoth: number;
  /** Already stored exactly as in the file. */
  readonly unchanged: number;
  /** The imported applications' ids as stored (new ids for copies). */
  readonly applicationIds: readonly string[];
}

/** Implemented by each storage: reads what exists and writes the plan, all in one transaction. */
export interface ImportTarget {
  applyImport(build: (existing: ExistingRecords) => ImportRecords): Promise<void>;
}

type Outcome = 'added' | 'replaced' | 'keptBoth' | 'unchanged';

type Revised = { readonly id: string; readonly revision: number };

/** The record under another revision; an application's export facts move with it (see atRevision). */
const plainRevision = <T extends Revised>(record: T, revision: number): T => ({ ...record, revision });

function decide<T extends Revised>(
  incoming: T,
  existing: ReadonlyMap<string, T | undefined>,
  choice: ExistingChoice,
  newId: () => string,
  at: (record: T, revision: number) => T = plainRevision,
): { outcome: Outcome; record: T } {
  if (!existing.has(incoming.id)) return { outcome: 'added', record: incoming };
  const stored = existing.get(incoming.id);
  if (stored && sameContent(stored, incoming)) return { outcome: 'unchanged', record: stored };
  if (choice === 'replace') {
    // One past the stored revision, so a tab still editing the old one gets a conflict, not a win.
    return { outcome: 'replaced', record: at(incoming, (stored?.revision ?? incoming.revision) + 1) };
  }
  return { outcome: 'keptBoth', record: at({ ...incoming, id: newId() }, 0) };
}

/** Every string in a value, passed through `map`; keys are left alone. */
function mapStrings(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, map));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)]));
  }
  return value;
}

export function planImport(
  incoming: ImportRecords,
  existing: ExistingRecords,
  choice: ExistingChoice,
  newId: () => string,
): { readonly records: ImportRecords; readonly report: ImportReport } {
  const counts: Record<Outcome, number> = { added: 0, replaced: 0, keptBoth: 0, unchanged: 0 };
  const profileIds = new Map<string, string>();
  const evidenceIds = new Map<string, string>();
  const profiles: OrganisationProfile[] = [];
  for (const profile of incoming.profiles) {
    const { outcome, record } = decide(profile, existing.profiles, choice, newId);
    profileIds.set(profile.id, record.id);
    if (outcome !== 'unchanged') profiles.push(record);
  }
  const evidence: EvidenceWithBlob[] = [];
  for (const { meta, blob } of incoming.evidence) {
    const moved = checked(restoreEvidenceMeta, {
      ...meta,
      profileId: profileIds.get(meta.profileId) ?? meta.profileId,
    });
    const stored = existing.evidence.get(meta.id);
    const sameFile = stored !== undefined && stored.sha256 === moved.sha256 && stored.profileId === moved.profileId;
    const id = !existing.evidence.has(meta.id) || choice === 'replace' || sameFile ? meta.id : newId();
    evidenceIds.set(meta.id, id);
    if (!(sameFile && choice === 'keep-both')) evidence.push({ meta: { ...moved, id }, blob });
  }
  const rewrite = (s: string) => evidenceIds.get(s) ?? s;
  const applications: Application[] = [];
  const applicationIds: string[] = [];
  const storedAs = new Map<string, string>();
  for (const application of incoming.applications) {
    const remapped = checked(restoreApplication, {
      ...application,
      profileId: profileIds.get(application.profileId) ?? application.profileId,
      answers: mapStrings(application.answers, rewrite),
      retiredAnswers: mapStrings(application.retiredAnswers, rewrite),
    });
    const { outcome, record } = decide(remapped, existing.applications, choice, newId, atRevision);
    storedAs.set(application.id, record.id);
    counts[outcome] += 1;
    applicationIds.push(record.id);
    if (outcome !== 'unchanged') applications.push(record);
  }
  const movedProfiles = profiles.map((p) => checked(restoreProfile, { ...p, answers: mapStrings(p.answers, rewrite) }));
  const keptVersions = planKept(incoming.keptVersions, existing.keptVersions, {
    application: (id) => storedAs.get(id) ?? id,
    profile: (id) => profileIds.get(id) ?? id,
    evidence: rewrite,
    newId,
  });
  return {
    records: { profiles: movedProfiles, applications, evidence, keptVersions },
    report: { ...counts, applicationIds },
  };
}

/**
 * Kept versions follow their records: to the ids the records were stored under (a copy kept
 * beside an existing one has a new id) and to the evidence ids as stored. One already here
 * exactly is left alone; one whose id is taken by another gets a new id, so none is lost.
 */
function planKept(
  incoming: readonly KeptVersion[],
  existing: ReadonlyMap<string, KeptVersion | undefined>,
  ids: {
    readonly application: (id: string) => string;
    readonly profile: (id: string) => string;
    readonly evidence: (id: string) => string;
    readonly newId: () => string;
  },
): KeptVersion[] {
  const out: KeptVersion[] = [];
  for (const kept of incoming) {
    const record = kept.record;
    const moved = checked(restoreKeptVersion, {
      ...kept,
      record:
        kept.kind === 'application'
          ? {
              ...record,
              id: ids.application(record.id),
              profileId: ids.profile((record as Application).profileId),
              answers: mapStrings(record.answers, ids.evidence),
              retiredAnswers: mapStrings((record as Application).retiredAnswers, ids.evidence),
            }
          : { ...record, id: ids.profile(record.id), answers: mapStrings(record.answers, ids.evidence) },
    });
    const stored = existing.get(kept.id);
    if (stored && JSON.stringify(stored) === JSON.stringify(moved)) continue;
    out.push(existing.has(kept.id) ? { ...moved, id: ids.newId() } : moved);
  }
  return out;
}
