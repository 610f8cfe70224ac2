/**
 * Evidence files on IndexedDB: the validated details in `evidence`, the file itself as a Blob in
 * `evidenceBlobs` under the same id, always written and deleted together in one transaction.
 * Files are checked against the evidence limits and hashed before the transaction opens. Must
 * never store a file the limits refuse, or return details that restore has not read.
 */
import { restoreEvidenceMeta } from '@/domain/application/restore';
import type { EvidenceRepository } from '@/domain/ports';
import type { Connection } from '@/storage/connection';
import { failure } from '@/storage/errors';
import { editedEvidence, prepareEvidence } from '@/storage/evidence-file';
import { readable, restored, type StorageDeps } from '@/storage/record-helpers';

function blobOf(raw: unknown): Blob | undefined {
  const blob: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'blob') : undefined;
  return blob instanceof Blob ? blob : undefined;
}

export function createDexieEvidenceRepository(connection: Connection, deps: StorageDeps): EvidenceRepository {
  const readOne = (raw: unknown) => restored(restoreEvidenceMeta, raw);
  return {
    listForProfile: (profileId) =>
      connection.run(async (db) =>
        readable(restoreEvidenceMeta, await db.evidence.where('profileId').equals(profileId).toArray()),
      ),
    get: (id) => connection.run(async (db) => readOne(await db.evidence.get(id))),
    getBlob: (id) => connection.run(async (db) => blobOf(await db.evidenceBlobs.get(id))),
    add: async (file, blob) => {
      const prepared = await prepareEvidence(file, blob, deps);
      await connection.run(
        (db) =>
          db.transaction('rw', db.evidence, db.evidenceBlobs, async () => {
            await db.evidence.add(prepared.meta);
            await db.evidenceBlobs.add({ id: prepared.meta.id, blob: prepared.blob });
          }),
        { durable: true },
      );
      return prepared.meta;
    },
    update: (meta) =>
      connection.run((db) =>
        db.transaction('rw', db.evidence, async () => {
          const stored = readOne(await db.evidence.get(meta.id));
          if (stored === undefined) throw failure('not-found');
          const next = editedEvidence(stored, meta);
          await db.evidence.put(next);
          return next;
        }),
      ),
    delete: (id) =>
      connection.run(
        (db) =>
          db.transaction('rw', db.evidence, db.evidenceBlobs, async () => {
            await db.evidence.delete(id);
            await db.evidenceBlobs.delete(id);
          }),
        { durable: true },
      ),
    subscribe: (listener) => connection.subscribe(['evidence'], listener),
  };
}
