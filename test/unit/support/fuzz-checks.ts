/**
 * What the fuzz tests of imported files share (backup-fuzz, exchange-fuzz, return-fuzz; the dump
 * also exchange and returns): a dump of every table of a database (Blobs as type, size and
 * SHA-256) and its first difference; a guard that finds, and undoes, any change to the built-in
 * prototypes; a timeout that marks a hung case; the test of whether a refusal's message is a plain
 * sentence for the user; and, built from those, the run of one case (fed into a fresh database, it
 * is refused plainly with the database exactly as it was, or applied and judged by the test's own
 * check) and of a whole corpus, with the counts the tests print. The cases themselves are made
 * with the helpers in `fuzz.ts`.
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

// ---------------------------------------------------------------------------------------------
// Running one case, and a corpus

/** FUZZ_SEED, when set, or the test's own seed. */
export function fuzzSeed(defaultSeed: number): number {
  const raw = process.env['FUZZ_SEED'];
  if (raw === undefined || raw.trim() === '') return defaultSeed;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`FUZZ_SEED must be a whole number from 0 to 4294967295, not "${raw}"`);
  return seed;
}

/**
 * How a test names a file that was taken in, and the two failures that depend on it: a backup is
 * "imported" (a change after a refusal, a bad import); an exchange file is "applied".
 */
export interface Words {
  readonly applied: string;
  readonly changed: string;
  readonly bad: string;
}
export const applyWords = { applied: 'applied', changed: 'changed', bad: 'bad apply' } as const;

export type Outcome<W extends Words> = 'refused' | W['applied'] | 'crashed' | 'hung';
export type FailureKind<W extends Words> =
  'crashed' | 'hung' | 'polluted' | W['changed'] | 'unclear message' | 'wrong outcome' | W['bad'];
export const failureKindsOf = <W extends Words>(words: W): readonly FailureKind<W>[] => [
  'crashed',
  'hung',
  'polluted',
  words.changed,
  'unclear message',
  'wrong outcome',
  words.bad,
];

export interface CaseResult<W extends Words> {
  readonly outcome: Outcome<W>;
  readonly failures: readonly { readonly kind: FailureKind<W>; readonly detail: string }[];
}

export interface Refusal {
  readonly ok: false;
  readonly message: string;
}

/** How one case is fed in and judged: the parts that differ from one test to another. */
export interface CaseRun<B extends { readonly connection: Connection }, R extends { readonly ok: true }> {
  /** A fresh database for the case; closed when the case is done. */
  readonly open: () => Promise<B>;
  /** Feeds the file in, the way the app does: a refusal and its message, or what was taken in. */
  readonly attempt: (backend: B) => Promise<R | Refusal>;
  /** What is wrong with what was taken in (`before` and `after` are the whole database). */
  readonly check: (backend: B, taken: R, before: Dump, after: Dump) => readonly string[] | Promise<readonly string[]>;
}

const refused = <R extends { readonly ok: true }>(result: R | Refusal): result is Refusal => !result.ok;

/**
 * One case: it must not crash, hang or touch a prototype; refused, it must say why plainly (and
 * what `c.says`, where known) and leave the database exactly as it was; taken in, `run.check`
 * must find nothing wrong. Either outcome must be the one `c.expect` allows.
 */
export async function runFuzzCase<
  W extends Words,
  B extends { readonly connection: Connection },
  R extends { readonly ok: true },
>(
  words: W,
  c: { readonly expect: string; readonly says?: RegExp },
  run: CaseRun<B, R>,
  baseline: Shape,
  timeoutMs: number,
): Promise<CaseResult<W>> {
  const failures: { kind: FailureKind<W>; detail: string }[] = [];
  const fail = (kind: FailureKind<W>, detail: string) => failures.push({ kind, detail });
  const backend = await run.open();
  try {
    const before = await dumpDatabase(backend.connection);
    let result: R | Refusal | typeof hung | undefined;
    try {
      result = await withTimeout(() => run.attempt(backend), timeoutMs);
    } catch (error) {
      fail(
        'crashed',
        `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.slice(0, 300),
      );
    }
    for (const found of pollution(baseline)) fail('polluted', found);
    if (result === undefined) return { outcome: 'crashed', failures };
    if (result === hung) {
      fail('hung', `did not finish within ${timeoutMs} ms`);
      return { outcome: 'hung', failures };
    }
    const after = await dumpDatabase(backend.connection);
    if (refused(result)) {
      const why = unclear(result.message);
      if (why) fail('unclear message', `${why}: ${JSON.stringify(String(result.message).slice(0, 300))}`);
      else if (c.says && !c.says.test(result.message))
        fail('unclear message', `expected ${String(c.says)}, said ${JSON.stringify(result.message.slice(0, 300))}`);
      if (c.expect === words.applied) fail('wrong outcome', `refused: ${result.message.slice(0, 300)}`);
      const changed = firstDifference(before, after);
      if (changed) fail(words.changed, changed);
      return { outcome: 'refused', failures };
    }
    if (c.expect === 'refused') fail('wrong outcome', `${words.applied} a file that must be refused`);
    const problems = await run.check(backend, result, before, after);
    for (const problem of problems.slice(0, 3)) fail(words.bad, problem);
    return { outcome: words.applied, failures };
  } finally {
    backend.connection.close();
  }
}

/** What a corpus's run found, for the test to print and check. */
export interface Tally<W extends Words> {
  readonly counts: Readonly<Record<Outcome<W>, number>>;
  /** How many cases failed in this way. */
  readonly failing: (kind: FailureKind<W>) => number;
  /** The first cases that failed in this way, with the seed to rerun them. */
  readonly first: (kind: FailureKind<W>) => string;
  /** Each kind of damage as "kind refused/cases", in the order met. */
  readonly byKind: string;
  readonly seconds: string;
}

/** Every case in turn, counted by outcome, by kind of damage and by failure. */
export async function runCorpus<W extends Words, C extends { readonly kind: string; readonly description: string }>(
  words: W,
  cases: readonly C[],
  run: (c: C) => Promise<CaseResult<W>>,
  seed: number,
  label: (c: C) => string = (c) => `[${c.kind}] ${c.description}`,
): Promise<Tally<W>> {
  const started = performance.now();
  const outcomes: Outcome<W>[] = ['refused', words.applied, 'crashed', 'hung'];
  const counts = Object.fromEntries(outcomes.map((o) => [o, 0])) as Record<Outcome<W>, number>;
  const failed = new Map<FailureKind<W>, string[]>(failureKindsOf(words).map((k) => [k, []]));
  const kinds = new Map<string, { cases: number; refused: number }>();
  for (const [i, c] of cases.entries()) {
    const result = await run(c);
    counts[result.outcome] += 1;
    const kind = kinds.get(c.kind) ?? { cases: 0, refused: 0 };
    kinds.set(c.kind, { cases: kind.cases + 1, refused: kind.refused + (result.outcome === 'refused' ? 1 : 0) });
    for (const f of result.failures) failed.get(f.kind)?.push(`#${i} ${label(c)}: ${f.detail}`);
  }
  return {
    counts,
    failing: (k) => new Set((failed.get(k) ?? []).map((line) => line.split(' ')[0])).size,
    first: (k) => `${k} (seed ${seed}; set FUZZ_SEED to rerun):\n  ${(failed.get(k) ?? []).slice(0, 8).join('\n  ')}`,
    byKind: [...kinds].map(([k, v]) => `${k} ${v.refused}/${v.cases}`).join(', '),
    seconds: ((performance.now() - started) / 1000).toFixed(1),
  };
}
