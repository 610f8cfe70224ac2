/**
 * What the cases of the fuzz tests of imported files share (`backup-fuzz-cases.ts`,
 * `exchange-fuzz-cases.ts`, `return-fuzz-cases.ts`): JSON documents and paths (read, set and
 * remove a value, every path, a raw entry that JSON.stringify cannot write), seeded choices
 * (`pick`, `below`, a value of another type, bits flipped), the prototype keys, and, for the
 * exchange formats whose files carry a `sha256` of their content (review, comments, return,
 * request), the kinds of damage any such file can take: removals, type swaps, prototype keys,
 * oversize fields and files, truncations, byte flips, unknown keys, versions and hashes, most of
 * them re-hashed (`rehash`) so they reach the checks after the hash.
 *
 * Each generator draws from `rng` in exactly the order the case files drew before they shared it,
 * so the same seed still makes the same cases (and the counts the fuzz tests print). Where the
 * case files drew differently, that is a parameter (`share`, `spread`), not a second copy. How a
 * mutated file is fed in and judged is in `fuzz-checks.ts`. Over 300 lines: one generator per
 * kind of damage, kept together so what all three corpora are made of reads in one place.
 */
import { createHash } from 'node:crypto';
import { exchangeContent } from '@/domain/exchange/exchange-format';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Path = readonly (string | number)[];
export type Rng = () => number;

// ---------------------------------------------------------------------------------------------
// JSON documents and paths

export const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const clone = <T extends Json>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
export const jsonType = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/** A path as a case's description writes it: `evidence[0].meta.id`. */
export const show = (path: Path): string =>
  path.length === 0
    ? '(the top)'
    : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

export function getAt(doc: Json, path: Path): Json | undefined {
  let node: Json | undefined = doc;
  for (const key of path) {
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[String(key)];
    else return undefined;
  }
  return node;
}

/** The value at `path`; the source a case is made from must have one. */
export function mustGet(doc: Json, path: Path): Json {
  const value = getAt(doc, path);
  if (value === undefined) throw new Error(`the fuzz source has nothing at ${show(path)}`);
  return value;
}

/** A copy of `doc` with `value` at `path` (the parent must exist). */
export function setAt(doc: Json, path: Path, value: Json): Json {
  const copy = clone(doc);
  const parent = mustGet(copy, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent)) parent[Number(last)] = value;
  else if (isObject(parent) && last !== undefined) parent[String(last)] = value;
  else throw new Error(`cannot set ${show(path)}`);
  return copy;
}

/** A copy of `doc` without the value at `path` (an array element is spliced out). */
export function removeAt(doc: Json, path: Path): Json {
  const copy = clone(doc);
  const parent = mustGet(copy, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) Reflect.deleteProperty(parent, String(last));
  return copy;
}

/** Every path to a value in a JSON document, parents before children; the top is not included. */
export function allPaths(value: Json, prefix: Path = []): Path[] {
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i): [number, Json] => [i, v])
    : isObject(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [[...prefix, key], ...allPaths(child, [...prefix, key])]);
}

const marker = '__fuzz_marker__';
/**
 * The document's text with a raw `"key": value` (which JSON.stringify cannot write: a duplicate
 * key, `__proto__`, a nesting too deep to build) in the object at `path`, or a raw element appended
 * to the list at `path`.
 */
export function withRaw(doc: Json, path: Path, raw: { key: string; value: string } | { element: string }): string {
  if ('element' in raw) {
    const list = mustGet(doc, path);
    const length = Array.isArray(list) ? list.length : 0;
    return JSON.stringify(setAt(doc, [...path, length], marker)).replace(`"${marker}"`, raw.element);
  }
  const text = JSON.stringify(
    path.length === 0 ? { ...(doc as JsonObject), [marker]: 0 } : setAt(doc, [...path, marker], 0),
  );
  return text.replace(`"${marker}":0`, `${raw.key}:${raw.value}`);
}

// ---------------------------------------------------------------------------------------------
// Seeded choices and small tools

export const pick = <T>(rng: Rng, items: readonly T[]): T => {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
export const below = (rng: Rng, n: number): number => Math.floor(rng() * n);
export const long = (length: number, char = 'x'): string => char.repeat(length);
export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
export const base64Of = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** A value of another JSON type than `original`, chosen by `rng`. */
export function otherType(rng: Rng, original: Json): Json {
  const all: Json[] = ['text', '', 7, -1.5, 0, true, false, null, [], ['x'], {}, { a: 'b' }];
  return pick(
    rng,
    all.filter((v) => jsonType(v) !== jsonType(original)),
  );
}

/** Flips one to three bits of `bytes` in place, chosen by `rng`; says which, for the description. */
export function flipBits(rng: Rng, bytes: Uint8Array): string[] {
  const done: string[] = [];
  for (let f = 0, flips = 1 + below(rng, 3); f < flips; f += 1) {
    const at = below(rng, bytes.length);
    const bit = below(rng, 8);
    bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
    done.push(`bit ${bit} of byte ${at}`);
  }
  return done;
}

/** Keys that reach a prototype, as raw JSON (escaped spellings included); each corpus has its own values. */
export const prototypeKeys = [
  '"__proto__"',
  '"constructor"',
  '"prototype"',
  '"\\u005f\\u005fproto\\u005f\\u005f"',
  '"constructo\\u0072"',
  '"proto\\u0074ype"',
];
export const saysPrototype = /contains a field named "(__proto__|constructor|prototype)"/;
export const saysEdited = /has been changed since it was made/;
export const tooLarge = (megabytes: number) => new RegExp(`too large .*the most is ${megabytes} MB`);

// ---------------------------------------------------------------------------------------------
// Exchange files: the cases, and the damage any of them can take

export type Expected = 'refused' | 'applied' | 'either';

/** One mutated exchange file, and where it is opened (`target`: whose database, and how). */
export interface FileCase<Target extends string> {
  /** The kind of damage, for the summary. */
  readonly kind: string;
  /** Exactly what was done to which file, to reproduce it. */
  readonly description: string;
  readonly target: Target;
  readonly text: string;
  readonly expect: Expected;
  /** What a refusal must say, where that is known. */
  readonly says?: RegExp;
}

/** A real file the cases mutate: its label in descriptions, its parsed content, where it is opened. */
export interface Source<Target extends string> {
  readonly label: string;
  readonly doc: Json;
  readonly target: Target;
}

/** `doc` with a correct `sha256` for its content: the mutation then reaches the checks after the hash. */
export function rehash(doc: Json): Json {
  if (!isObject(doc)) return doc;
  // exchangeContent leaves out `sha256`.
  return { ...doc, sha256: sha256Hex(exchangeContent(doc)) };
}

/** A helper that adds re-hashed (or not) changes of one source to `cases`. */
export function adder<T extends string>(s: Source<T>, cases: FileCase<T>[]) {
  return (kind: string, description: string, next: Json, expect: Expected, says?: RegExp, hashed = true) =>
    cases.push({
      kind,
      description: `${s.label}: ${description}${hashed ? ', re-hashed' : ''}`,
      target: s.target,
      text: JSON.stringify(hashed ? rehash(next) : next),
      expect,
      ...(says ? { says } : {}),
    });
}

/** A helper that adds files of the wrong kind (or not a file at all) in place of one source, to `cases`. */
export function wrongKind<T extends string>(s: Source<T>, cases: FileCase<T>[]) {
  return (description: string, text: string, says?: RegExp) =>
    cases.push({
      kind: 'wrong kind',
      description: `${s.label}: ${description}`,
      target: s.target,
      text,
      expect: 'refused',
      ...(says ? { says } : {}),
    });
}

/**
 * Each value removed: as it is (for a share of the paths, drawn by `rng`), which the hash refuses,
 * and re-hashed, which must do what `expected` says.
 */
export function removals<T extends string>(
  s: Source<T>,
  rng: Rng,
  plainShare: number,
  expected: (path: Path) => Expected,
): FileCase<T>[] {
  return allPaths(s.doc).flatMap((path): FileCase<T>[] => {
    const removed = removeAt(s.doc, path);
    const cases: FileCase<T>[] = [];
    if (rng() < plainShare)
      cases.push({
        kind: 'field removed',
        description: `${s.label}: removed ${show(path)}`,
        target: s.target,
        text: JSON.stringify(removed),
        expect: 'refused',
      });
    if (path[0] !== 'sha256')
      cases.push({
        kind: 'field removed',
        description: `${s.label}: removed ${show(path)}, re-hashed`,
        target: s.target,
        text: JSON.stringify(rehash(removed)),
        expect: expected(path),
      });
    return cases;
  });
}

/**
 * The value at `path` swapped for `swapped` (chosen by the caller, which draws in its own order):
 * as it is, when `plain`, which the hash refuses; and re-hashed, which must do what `expect` says.
 */
export function typeSwap<T extends string>(
  s: Source<T>,
  path: Path,
  swapped: Json,
  plain: boolean,
  expect: Expected,
): FileCase<T>[] {
  const original = mustGet(s.doc, path);
  const changed = setAt(s.doc, path, swapped);
  const what = `${show(path)} (${jsonType(original)}) set to ${JSON.stringify(swapped)}`;
  const cases: FileCase<T>[] = [];
  if (plain)
    cases.push({
      kind: 'type changed',
      description: `${s.label}: ${what}`,
      target: s.target,
      text: JSON.stringify(changed),
      expect: 'refused',
    });
  if (path[0] !== 'sha256')
    cases.push({
      kind: 'type changed',
      description: `${s.label}: ${what}, re-hashed`,
      target: s.target,
      text: JSON.stringify(rehash(changed)),
      expect,
    });
  return cases;
}

/**
 * A prototype key in every object, and an object holding one appended to every list, at every
 * depth, in the re-hashed file (as someone who made it on purpose would). With `share`, each
 * container below the top is kept for that share, drawn by `rng`; without it nothing is drawn.
 */
export function prototypeInsertions<T extends string>(
  s: Source<T>,
  rng: Rng,
  values: readonly string[],
  share?: number,
): FileCase<T>[] {
  const containers: Path[] = [[], ...allPaths(s.doc)].filter((p) => typeof getAt(s.doc, p) === 'object');
  const doc = rehash(s.doc);
  return containers.flatMap((path, i): FileCase<T>[] => {
    if (share !== undefined && path.length > 0 && rng() >= share) return [];
    const key = prototypeKeys[i % prototypeKeys.length] ?? '"__proto__"';
    const value = pick(rng, values);
    const list = Array.isArray(getAt(doc, path));
    return [
      {
        kind: 'prototype key',
        description: list
          ? `${s.label}: appended {${key}:${value}} to the list ${show(path)}`
          : `${s.label}: added ${key}:${value} to ${show(path)}`,
        target: s.target,
        text: list ? withRaw(doc, path, { element: `{${key}:${value}}` }) : withRaw(doc, path, { key, value }),
        expect: 'refused',
        says: saysPrototype,
      },
    ];
  });
}

export interface Limit {
  readonly what: string;
  readonly path: Path;
  readonly max: number;
  /** The value of a given size (a string of that length, or a list of that many items). */
  readonly make: (size: number) => Json;
  /** Whether a file with exactly `max` is still applied. */
  readonly atMax: Expected;
}

/** A text field's limit. */
export const textLimit = (what: string, path: Path, max: number, atMax: Expected = 'applied'): Limit => ({
  what,
  path,
  max,
  make: (n) => long(n),
  atMax,
});

/**
 * Each limit passed (by one, or by up to `spread` more, drawn by `rng`) and met exactly, re-hashed.
 * The extra is drawn below the smaller of `max` and `spread`.
 */
export function oversize<T extends string>(
  s: Source<T>,
  limits: readonly Limit[],
  rng: Rng,
  spread = Infinity,
): FileCase<T>[] {
  return limits.flatMap((limit) => {
    const over = limit.max + 1 + (rng() < 0.5 ? 0 : below(rng, Math.min(limit.max, spread)));
    const at = (size: number) => JSON.stringify(rehash(setAt(s.doc, limit.path, limit.make(size))));
    return [
      {
        kind: 'oversize',
        description: `${s.label}: ${limit.what} at ${show(limit.path)} made ${over} long (the most is ${limit.max}), re-hashed`,
        target: s.target,
        text: at(over),
        expect: 'refused' as const,
      },
      {
        kind: 'oversize',
        description: `${s.label}: ${limit.what} at ${show(limit.path)} made exactly ${limit.max} long, re-hashed`,
        target: s.target,
        text: at(limit.max),
        expect: limit.atMax,
      },
    ];
  });
}

/** The whole file over its size (a refusal that says `tooLargeWords`), indented, and nested too deeply. */
export function wholeFileLimits<T extends string>(
  s: Source<T>,
  maxChars: number,
  rng: Rng,
  tooLargeWords: RegExp,
): FileCase<T>[] {
  const written = JSON.stringify(s.doc);
  const cases: FileCase<T>[] = [
    {
      kind: 'oversize',
      description: `${s.label}: padded with spaces to ${maxChars + 1} characters (the most is ${maxChars})`,
      target: s.target,
      text: written + ' '.repeat(maxChars + 1 - written.length),
      expect: 'refused',
      says: tooLargeWords,
    },
    {
      kind: 'oversize',
      description: `${s.label}: written with two-space indents (the same content)`,
      target: s.target,
      text: JSON.stringify(s.doc, null, 2),
      expect: 'applied',
    },
  ];
  for (const depth of [30, 1000, 100_000]) {
    const lists = rng() < 0.5;
    const nested = lists ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    cases.push({
      kind: 'oversize',
      description: `${s.label}: ${depth} nested ${lists ? 'lists' : 'objects'} as a field "deep" at the top`,
      target: s.target,
      text: withRaw(s.doc, [], { key: '"deep"', value: nested }),
      expect: 'refused',
      says: /nested far more deeply/,
    });
  }
  return cases;
}

/** The file cut short: to nothing, one byte, all but one, `count` places drawn by `rng`, and inside a character. */
export function truncations<T extends string>(s: Source<T>, rng: Rng, count: number): FileCase<T>[] {
  const bytes = new TextEncoder().encode(JSON.stringify(s.doc));
  const cuts = [0, 1, bytes.length - 1, ...Array.from({ length: count }, () => below(rng, bytes.length))];
  const multibyte = bytes.findIndex((b) => b >= 0xc0);
  if (multibyte >= 0) cuts.push(multibyte + 1);
  return cuts.map((cut) => ({
    kind: 'truncated',
    description: `${s.label}: cut to its first ${cut} of ${bytes.length} bytes`,
    target: s.target,
    text: new TextDecoder().decode(bytes.slice(0, cut)),
    expect: 'refused' as const,
  }));
}

/** `count` copies of the file, each with one to three bits flipped. */
export function byteFlips<T extends string>(s: Source<T>, rng: Rng, count: number): FileCase<T>[] {
  const written = JSON.stringify(s.doc);
  return Array.from({ length: count }, () => {
    const bytes = new TextEncoder().encode(written);
    const done = flipBits(rng, bytes);
    return {
      kind: 'byte flip',
      description: `${s.label}: flipped ${done.join(', ')}`,
      target: s.target,
      text: new TextDecoder().decode(bytes),
      // Every byte of the text is covered by the SHA-256, so a changed file is always refused.
      expect: 'refused' as const,
    };
  });
}

/** `count` unknown keys, each added to an object drawn by `rng`, re-hashed; `expected` judges each. */
export function unknownKeys<T extends string>(
  s: Source<T>,
  rng: Rng,
  count: number,
  expected: (path: Path, key: string, value: Json) => Expected,
): FileCase<T>[] {
  const objects: Path[] = [[], ...allPaths(s.doc)].filter((p) => isObject(getAt(s.doc, p)));
  return Array.from({ length: count }, () => {
    const path = pick(rng, objects);
    const key = pick(rng, ['extra', 'zz.unknown', 'Id', 'sha256 ', 'a key with spaces', '💥', 'x.y']);
    const value = pick(rng, ['extra', 1, true, [], {}, null] as Json[]);
    return {
      kind: 'unknown key',
      description: `${s.label}: added ${JSON.stringify(key)}:${JSON.stringify(value)} to ${show(path)}, re-hashed`,
      target: s.target,
      text: JSON.stringify(rehash(setAt(s.doc, [...path, key], value))),
      expect: expected(path, key, value),
    };
  });
}

/** `formatVersion` and `format` set to each of the values given, re-hashed. */
export function versions<T extends string>(
  s: Source<T>,
  formatVersions: readonly Json[],
  formats: readonly string[],
): FileCase<T>[] {
  const cases: FileCase<T>[] = [];
  for (const value of formatVersions) {
    const newer = typeof value === 'number' && Number.isInteger(value) && value > 1 && value < 1e6;
    cases.push({
      kind: 'unknown version',
      description: `${s.label}: formatVersion set to ${JSON.stringify(value)}, re-hashed`,
      target: s.target,
      text: JSON.stringify(rehash(setAt(s.doc, ['formatVersion'], value))),
      expect: 'refused',
      ...(newer ? { says: /in exchange format \d+; this app reads format 1/ } : {}),
    });
  }
  for (const value of formats)
    cases.push({
      kind: 'unknown version',
      description: `${s.label}: format set to ${JSON.stringify(value)}, re-hashed`,
      target: s.target,
      text: JSON.stringify(rehash(setAt(s.doc, ['format'], value))),
      expect: 'refused',
      says: value === 'aqp-apply-backup' ? /it is a backup/ : /not made by this app/,
    });
  return cases;
}

/** The hash itself wrong: one digit, capitals, empty, of the file before `change` (`what`), of the whole text. */
export function hashes<T extends string>(s: Source<T>, change: Path, value: Json, what = show(change)): FileCase<T>[] {
  const c: FileCase<T>[] = [];
  const add = adder(s, c);
  const hash = String(mustGet(s.doc, ['sha256']));
  const flipped = hash.slice(0, 10) + (hash[10] === '0' ? '1' : '0') + hash.slice(11);
  add('hash', 'sha256 with one hex digit changed', setAt(s.doc, ['sha256'], flipped), 'refused', saysEdited, false);
  add('hash', 'sha256 in capitals', setAt(s.doc, ['sha256'], hash.toUpperCase()), 'refused', undefined, false);
  add('hash', 'sha256 set to ""', setAt(s.doc, ['sha256'], ''), 'refused', undefined, false);
  add(
    'hash',
    `sha256 of the file before ${what} was changed`,
    setAt(s.doc, change, value),
    'refused',
    saysEdited,
    false,
  );
  add(
    'hash',
    'sha256 of the whole text',
    setAt(s.doc, ['sha256'], sha256Hex(JSON.stringify(s.doc))),
    'refused',
    saysEdited,
    false,
  );
  return c;
}
