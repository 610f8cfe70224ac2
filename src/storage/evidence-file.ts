/**
 * Turns a file the user chose into an evidence record: checks it against the evidence limits and
 * the storage estimate, hashes its bytes with WebCrypto SHA-256, and builds its validated details.
 * Runs before any transaction opens (hashing inside one would commit it early). Must never store
 * anything itself.
 */
import { currentFormatVersion, type EvidenceMeta } from '@/domain/application/application';
import { restoreEvidenceMeta } from '@/domain/application/restore';
import type { NewEvidence } from '@/domain/ports';
import { failure } from '@/storage/errors';
import { checkEvidenceFile, checkRoomFor } from '@/storage/evidence-limits';
import { checked, type StorageDeps } from '@/storage/record-helpers';

export interface PreparedEvidence {
  readonly meta: EvidenceMeta;
  readonly blob: Blob;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function prepareEvidence(file: NewEvidence, blob: Blob, deps: StorageDeps): Promise<PreparedEvidence> {
  const accepted = checkEvidenceFile({ name: file.name, type: file.type || blob.type, size: blob.size }, deps.limits);
  if (!accepted.ok) throw failure('invalid', undefined, accepted.message);
  const room = checkRoomFor(blob.size, await deps.estimate());
  if (!room.ok) throw failure('quota', undefined, room.message);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const meta = checked(restoreEvidenceMeta, {
    formatVersion: currentFormatVersion,
    id: deps.newId(),
    profileId: file.profileId,
    name: file.name,
    type: accepted.type,
    size: bytes.byteLength,
    sha256: await sha256Hex(bytes),
    ...(file.validUntil === undefined ? {} : { validUntil: file.validUntil }),
    questionIds: [...file.questionIds],
    addedAt: deps.now().toISOString(),
  });
  return { meta, blob: blob.type === accepted.type ? blob : new Blob([bytes], { type: accepted.type }) };
}

/** The details a user may change on an evidence file; its bytes, hash and owner never change. */
export function editedEvidence(stored: EvidenceMeta, edit: EvidenceMeta): EvidenceMeta {
  return checked(restoreEvidenceMeta, {
    formatVersion: stored.formatVersion,
    id: stored.id,
    profileId: stored.profileId,
    name: edit.name,
    type: stored.type,
    size: stored.size,
    sha256: stored.sha256,
    ...(edit.validUntil === undefined ? {} : { validUntil: edit.validUntil }),
    questionIds: [...edit.questionIds],
    addedAt: stored.addedAt,
  });
}
