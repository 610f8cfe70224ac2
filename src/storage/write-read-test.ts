/**
 * The "Ready to work offline?" page's storage check: writes a small record to the real database,
 * reads it back and deletes it, so the user learns now (not after an afternoon's typing) whether
 * this browser will keep their answers. Uses the settings table under its own key, which nothing
 * else reads.
 */
import type { StorageFailure } from '@/domain/ports';
import type { AppDatabase } from '@/storage/db';
import { failure, toStorageFailure } from '@/storage/errors';

const probeKey = 'write-read-test';

export async function writeReadTest(db: AppDatabase, token: string): Promise<StorageFailure | null> {
  try {
    await db.settings.put({ token }, probeKey);
    const back = (await db.settings.get(probeKey)) as { token?: unknown } | undefined;
    await db.settings.delete(probeKey);
    return back?.token === token
      ? null
      : failure('unknown', undefined, 'The test record did not read back the same as it was written.');
  } catch (error) {
    return toStorageFailure(error);
  }
}
