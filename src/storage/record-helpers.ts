/**
 * What the Dexie and in-memory repositories share, so they behave the same: validation of what
 * goes in, restore of what comes out, the revision compare-and-set, and the injected clock, ids
 * and storage estimate. Must never touch a database itself.
 */
import type { RestoreResult } from '@/domain/application/restore';
import type { SaveResult } from '@/domain/ports';
import { failure } from '@/storage/errors';
import { defaultEvidenceLimits, type EvidenceLimits, type StorageEstimateLike } from '@/storage/evidence-limits';

export type Restore<T> = (raw: unknown) => RestoreResult<T>;

export interface StorageDeps {
  readonly now: () => Date;
  readonly newId: () => string;
  readonly estimate: () => Promise<StorageEstimateLike | undefined>;
  readonly limits: EvidenceLimits;
}

export function defaultDeps(overrides: Partial<StorageDeps> = {}): StorageDeps {
  return {
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    estimate: async () => {
      try {
        return await navigator.storage.estimate();
      } catch {
        return undefined; // no StorageManager (older browser, insecure context)
      }
    },
    limits: defaultEvidenceLimits,
    ...overrides,
  };
}

/** Validates a record on its way in; throws an 'invalid' StorageFailure. */
export function checked<T>(restore: Restore<T>, record: unknown): T {
  const result = restore(record);
  if (!result.ok) throw failure('invalid', undefined, `This could not be saved: ${result.reason}.`);
  return result.record;
}

/** Restores a stored record on its way out; throws an 'invalid' StorageFailure. */
export function restored<T>(restore: Restore<T>, raw: unknown): T | undefined {
  if (raw === undefined) return undefined;
  const result = restore(raw);
  if (!result.ok) throw failure('invalid', undefined, result.message);
  return result.record;
}

export { readable } from '@/domain/application/record-kind';

export type CasOutcome<T> = { readonly write: T } | { readonly result: SaveResult<T> };

/** Compare-and-set on the revision: what to write, or the conflict to report. */
export function compareAndSet<T extends { readonly revision: number }>(stored: T, record: T): CasOutcome<T> {
  if (stored.revision !== record.revision) return { result: { ok: false, conflict: stored } };
  return { write: { ...record, revision: record.revision + 1 } };
}

/** Whether two records hold the same content, whatever their revisions. */
export function sameContent<T extends { readonly revision: number }>(a: T, b: T): boolean {
  return JSON.stringify({ ...a, revision: 0 }) === JSON.stringify({ ...b, revision: 0 });
}

/**
 * Whether two versions hold the same work: the same content apart from the revision and when it
 * was last changed (two tabs that typed the same thing at different times did the same work).
 */
export function sameWork<T extends { readonly revision: number }>(a: T, b: T): boolean {
  const strip = (r: T) => JSON.stringify({ ...r, revision: 0, updatedAt: undefined });
  return strip(a) === strip(b);
}
