/**
 * What the Dexie and in-memory kept-version repositories share: building a kept version, and the
 * plan for using one instead of the current record (the current one is kept in its place unless it
 * holds the same content, so a swap never loses a version). Must never touch a database itself.
 */
import type { KeptKind, KeptReason, KeptVersion } from '@/domain/application/application';
import { restoreApplication, restoreKeptVersion, restoreProfile } from '@/domain/application/restore';
import { atRevision } from '@/domain/application/standing';
import type { KeptRecord } from '@/domain/ports';
import { checked, restored, sameWork, type Restore, type StorageDeps } from '@/storage/record-helpers';

export function newKeptVersion(kept: KeptRecord, reason: KeptReason, deps: StorageDeps): KeptVersion {
  return checked(restoreKeptVersion, {
    formatVersion: 1,
    id: deps.newId(),
    keptAt: deps.now().toISOString(),
    reason,
    kind: kept.kind,
    record: kept.record,
  });
}

export const restoreFor = (kind: KeptKind): Restore<KeptRecord['record']> =>
  kind === 'application' ? restoreApplication : restoreProfile;

export interface SwapPlan {
  /** The record to store as current. */
  readonly current: KeptRecord['record'];
  /** The version it replaces, to keep; undefined when there was none or it held the same content. */
  readonly replaced: KeptVersion | undefined;
}

/**
 * Using `kept` instead of `storedRaw` (the record stored now, if any): the kept record becomes the
 * next revision, dated now; the stored one is kept (reason "replaced") unless it is the same.
 */
export function planSwap(kept: KeptVersion, storedRaw: unknown, deps: StorageDeps): SwapPlan {
  const stored = restored(restoreFor(kept.kind), storedRaw);
  const revision = stored === undefined ? 0 : stored.revision + 1;
  const updatedAt = deps.now().toISOString();
  // An application's export facts move with its revision, so "changed since export" stays as it was.
  const current =
    kept.kind === 'application'
      ? { ...atRevision(kept.record, revision), updatedAt }
      : { ...kept.record, revision, updatedAt };
  const replaced =
    stored === undefined || sameWork(stored, kept.record)
      ? undefined
      : newKeptVersion({ kind: kept.kind, record: stored } as KeptRecord, 'replaced', deps);
  return { current: checked(restoreFor(kept.kind), current), replaced };
}
