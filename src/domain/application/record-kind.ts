/**
 * The one way a saved record of any kind is read: upgraded from an earlier format version one
 * version at a time, then validated with its kind's strict schema (restore.ts lists the kinds of
 * the app's records and their upgrade chains). Its own module, with no schema of its own, so a
 * small record (settings, a list's summary row) can be read without building the large schemas.
 * Pure: must never throw, read the clock, or trust its input.
 */
import type { z } from '@/domain/zod';

/** On failure, `message` is a full sentence; `reason` is only what is wrong, for use in another sentence. */
export type RestoreResult<T> =
  { readonly ok: true; readonly record: T } | { readonly ok: false; readonly message: string; readonly reason: string };

export type RawRecord = Readonly<Record<string, unknown>>;

/** Turns a record of format version n into version n + 1. Entry n - 1 of a list upgrades version n. */
export type Upgrade = (record: RawRecord) => RawRecord;

export interface RecordKind<T> {
  /** How the user would name one record, mid-sentence: "application", "evidence file". */
  readonly label: string;
  readonly schema: z.ZodType<T>;
  readonly upgrades: readonly Upgrade[];
}

function isPlainObject(value: unknown): value is RawRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** One plain-English line for the first problem zod found, with where it is. */
export function describeIssues(error: z.ZodError): string {
  const [issue] = error.issues;
  if (!issue) return 'it is not in the expected shape';
  const where = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  // zod says "Invalid input: expected string, received undefined" for a field that is not there.
  if (where !== '' && issue.code === 'invalid_type' && /received undefined$/.test(issue.message))
    return `"${where}" is missing${more}`;
  return `${where === '' ? '' : `"${where}": `}${issue.message}${more}`;
}

/** Upgrades and validates a record of the given kind. */
export function restoreRecord<T>(kind: RecordKind<T>, raw: unknown): RestoreResult<T> {
  const fail = (reason: string): RestoreResult<T> => ({
    ok: false,
    message: `The saved ${kind.label} could not be read: ${reason}.`,
    reason,
  });
  if (!isPlainObject(raw)) return fail('it is not a record');
  const version = raw['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('it has no format version');
  }
  const latest = kind.upgrades.length + 1; // equals currentFormatVersion (a test checks it)
  if (version > latest) {
    return fail(
      `it was saved by a newer version of this app (format ${version}, this app reads up to ${latest}). ` +
        'Reload the page to get the newer version',
    );
  }
  let record: RawRecord = raw;
  for (let from = version; from < latest; from += 1) {
    const upgrade = kind.upgrades[from - 1];
    if (!upgrade) return fail(`this app cannot upgrade format ${from}`);
    try {
      record = upgrade(record);
    } catch {
      return fail(`it could not be upgraded from format ${from}`);
    }
  }
  const parsed = kind.schema.safeParse(record);
  return parsed.success ? { ok: true, record: parsed.data } : fail(describeIssues(parsed.error));
}

/** Restores every readable record; unreadable ones stay stored, untouched, and are left out. */
export function readable<T>(restore: (raw: unknown) => RestoreResult<T>, raws: readonly unknown[]): T[] {
  return raws.flatMap((raw) => {
    const result = restore(raw);
    return result.ok ? [result.record] : [];
  });
}
