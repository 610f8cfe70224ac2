/**
 * Organisations' names read from the profiles' name index (database schema 6), not from their
 * records: each index entry is the key [name, updatedAt] with the profile's id as its primary
 * key, so 60 organisations list without reading 60 sets of answers. Shared by the Dexie
 * repository and the first screen's read (first-read-raw.ts); what comes out is checked by the
 * domain (`organisationNames`), as every read is. Imports nothing, so the entry stays small.
 */

/** One index entry as a row `organisationNames` can check: anything odd fails its schema there. */
export function profileNameRow(key: unknown, primaryKey: unknown): Readonly<Record<string, unknown>> {
  const [name, updatedAt] = Array.isArray(key) ? (key as unknown[]) : [];
  return { id: primaryKey, name, updatedAt };
}
