/**
 * What the fuzz tests of imported files share (backup-fuzz, exchange-fuzz, exchange): a dump of
 * every table of a database (Blobs as type, size and SHA-256) and its first difference; a guard
 * that finds, and undoes, any change to the built-in prototypes; a timeout that marks a hung
 * case; and the test of whether a refusal's message is a plain sentence for the user.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Connection } from '@/storage/connection';

// ---------------------------------------------------------------------------------------------
// A full dump of every table, with each Blob as its type, size and SHA-256

export interface Row {
  readonly key: string;
  readonly value: unknown;
}
export type Dump = Readonly<Record<string, readonly Row[]>>;

async function snapshot(value: unknown): Promise<unknown> {
  if (value instanceof Blob) {
    const bytes = new Uint8Array(await value.arrayBuffer());
    return {
      kind: 'Blob',
      type: value.type,
      size: value.size,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }
  if (Array.isArray(value)) return Promise.all(value.map(snapshot));
  if (typeof value === 'object' && value !== null) {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await snapshot(v)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

export async function dumpDatabase(connection: Connection): Promise<Dump> {
  const db = connection.db;
  const tables = await db.transaction('r', db.tables, () =>
    Promise.all(
      db.tables.map(async (table) => ({
        name: table.name,
        keys: await table.toCollection().primaryKeys(),
        values: await table.toArray(),
      })),
    ),
  );
  const dump: Record<string, Row[]> = {};
  for (const { name, keys, values } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    dump[name] = await Promise.all(
      values.map(async (value, i) => ({ key: String(keys[i]), value: await snapshot(value) })),
    );
  }
  return dump;
}

export const byKey = (dump: Dump, table: string): Map<string, unknown> =>
  new Map((dump[table] ?? []).map((row) => [row.key, row.value]));

/** The first row that differs between two dumps, in words (one row may be left out); undefined when none. */
export function firstDifference(
  before: Dump,
  after: Dump,
  except?: { readonly table: string; readonly key: string },
): string | undefined {
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = byKey(before, table);
    const b = byKey(after, table);
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      if (except && except.table === table && except.key === key) continue;
      if (!a.has(key)) return `${table} gained "${key}"`;
      if (!b.has(key)) return `${table} lost "${key}"`;
      if (!isDeepStrictEqual(a.get(key), b.get(key))) return `${table} "${key}" changed`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Prototypes

const guarded = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype];
export type Shape = readonly Map<PropertyKey, PropertyDescriptor>[];
export const prototypeShape = (): Shape =>
  guarded.map(
    (proto) =>
      new Map(
        Reflect.ownKeys(proto).flatMap((key) => {
          const descriptor = Object.getOwnPropertyDescriptor(proto, key);
          return descriptor ? [[key, descriptor] as const] : [];
        }),
      ),
  );
const sameDescriptor = (a: PropertyDescriptor, b: PropertyDescriptor) =>
  a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable;

/** What changed on the prototypes since `baseline`; puts them back, so one case cannot blame the next. */
export function pollution(baseline: Shape): string[] {
  const found: string[] = [];
  guarded.forEach((proto, i) => {
    const was = baseline[i] ?? new Map<PropertyKey, PropertyDescriptor>();
    const name = proto === Object.prototype ? 'Object' : (proto.constructor as { name: string }).name;
    for (const key of Reflect.ownKeys(proto)) {
      const old = was.get(key);
      const current = Object.getOwnPropertyDescriptor(proto, key);
      if (old === undefined) {
        found.push(`${name}.prototype gained "${String(key)}"`);
        Reflect.deleteProperty(proto, key);
      } else if (current && !sameDescriptor(old, current)) {
        found.push(`${name}.prototype "${String(key)}" changed`);
        Object.defineProperty(proto, key, old);
      }
    }
  });
  const probe: Record<string, unknown> = {};
  for (const key of ['polluted', 'isAdmin'])
    if (probe[key] !== undefined || Reflect.get([], key) !== undefined) found.push(`({}).${key} is set`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Timeouts and messages

export const hung = Symbol('hung');
export async function withTimeout<T>(work: () => Promise<T>, ms: number): Promise<T | typeof hung> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof hung>((resolve) => (timer = setTimeout(() => resolve(hung), ms)));
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why a refusal's message is not a plain sentence for the user, if it is not. */
export function unclear(message: unknown): string | undefined {
  if (typeof message !== 'string') return `the message is ${typeof message}`;
  const text = message.trim();
  if (text === '') return 'the message is empty';
  if (text.length > 1000) return `the message is ${text.length} characters long`;
  const faults: [RegExp, string][] = [
    [/\bundefined\b/, '"undefined"'],
    [/\[object \w+\]/, '"[object …]"'],
    [/\bNaN\b/, '"NaN"'],
    [/\n\s*at\s|\bat \S+ \(|\.[cm]?[jt]sx?:\d+/, 'a stack trace'],
    [/\b\w*Error\b|DOMException/, 'an error name'],
    [
      /"(code|path|expected|received|issues)"\s*:|\b(invalid_type|invalid_union|invalid_value|too_big|too_small|unrecognized_keys|invalid_format)\b/,
      'a raw zod dump',
    ],
  ];
  for (const [pattern, what] of faults) if (pattern.test(text)) return `the message has ${what}`;
  if (!/^[A-Z“"]/.test(text)) return 'the message does not start as a sentence';
  if (!/[.!?]$/.test(text)) return 'the message does not end as a sentence';
  return undefined;
}
