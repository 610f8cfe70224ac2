/**
 * The cases of the exchange fuzz test (`test/unit/exchange-fuzz.test.ts`): mutations of real
 * review and comments files made by the app's own `makeReviewFile` and `makeCommentsFile`, each
 * saying what was done (so a failure can be reproduced), where the file is opened, and what must
 * happen: refused, applied, or either (when only the check of what was kept can tell). Many are
 * re-hashed (`rehash`), so they reach the checks after the SHA-256. Also the database snapshots
 * that the fuzz test and `exchange.test.ts` use to show that a refused file changed nothing.
 *
 * Deterministic: the same sources and seed make the same cases. The JSON helpers come from
 * `backup-fuzz-cases.ts`; the few small ones it does not export are written again here. Over 300
 * lines: one generator per kind of damage, kept together so the whole corpus reads in one place.
 */
import { createHash } from 'node:crypto';
import { exchangeContent } from '@/domain/exchange/exchange-format';
import {
  allPaths,
  clone,
  getAt,
  isObject,
  setAt,
  type Json,
  type JsonObject,
  type Path,
  type Rng,
} from './backup-fuzz-cases';

// The database dump and its comparison are shared with the backup fuzz test.
export { byKey, dumpDatabase, firstDifference, type Dump, type Row } from './fuzz-checks';

// ---------------------------------------------------------------------------------------------
// The cases

export type Target = 'practice' | 'reviewer';
export type Expected = 'refused' | 'applied' | 'either';

export interface ExchangeCase {
  /** The kind of damage, for the summary. */
  readonly kind: string;
  /** Exactly what was done to which file, to reproduce it. */
  readonly description: string;
  /** Where the file is opened: comments into the practice's database, a review into the reviewer's. */
  readonly target: Target;
  readonly text: string;
  readonly expect: Expected;
  /** What a refusal must say, where that is known. */
  readonly says?: RegExp;
}

export interface ExchangeSources {
  /** A review file of application-1 with its evidence's bytes (two files). */
  readonly review: string;
  /** The same draft without the bytes. */
  readonly reviewWithout: string;
  /** The LMC's second comments file on `review` (the first is already imported at the practice). */
  readonly comments: string;
  /** The id of that first comments file. */
  readonly firstCommentsId: string;
  /** A backup of the practice's database. */
  readonly backup: string;
  /** A review the practice sent for review that has no comments yet (application-1). */
  readonly unansweredReviewId: string;
  /** A review the practice sent for application-2. */
  readonly otherApplicationReviewId: string;
  readonly otherApplicationId: string;
  /** A review the reviewer's database already holds, with comments. */
  readonly openReviewId: string;
  /** A question of the checklist, and a section it is not in. */
  readonly question: { readonly id: string; readonly section: string; readonly otherSection: string };
}

/** Limits the schemas set, as the fuzz checks them. */
export interface ExchangeLimits {
  readonly maxCommentsChars: number;
  readonly maxReviewChars: number;
  readonly maxComments: number;
  readonly maxCommentChars: number;
  readonly maxReviewEvidence: number;
  readonly maxEvidenceFileBytes: number;
  readonly maxStoredStringLength: number;
}

const show = (path: Path): string =>
  path.length === 0
    ? '(the top)'
    : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
const jsonType = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const pick = <T>(rng: Rng, items: readonly T[]): T => {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
const below = (rng: Rng, n: number): number => Math.floor(rng() * n);
const long = (length: number, char = 'x'): string => char.repeat(length);
const sha256Hex = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

function mustGet(doc: Json, path: Path): Json {
  const value = getAt(doc, path);
  if (value === undefined) throw new Error(`the fuzz source has nothing at ${show(path)}`);
  return value;
}

/** A copy of `doc` without the value at `path` (an array element is spliced out). */
function removeAt(doc: Json, path: Path): Json {
  const copy = clone(doc);
  const parent = mustGet(copy, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) Reflect.deleteProperty(parent, String(last));
  return copy;
}

/** `doc` with a correct `sha256` for its content: the mutation then reaches the checks after the hash. */
export function rehash(doc: Json): Json {
  if (!isObject(doc)) return doc;
  // exchangeContent leaves out `sha256`.
  return { ...doc, sha256: sha256Hex(exchangeContent(doc)) };
}

const marker = '__fuzz_marker__';
/** The document's text with a raw `"key": value` in the object at `path`, or a raw element appended to the list. */
function withRaw(doc: Json, path: Path, raw: { key: string; value: string } | { element: string }): string {
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

function otherType(rng: Rng, original: Json): Json {
  const all: Json[] = ['text', '', 7, -1.5, 0, true, false, null, [], ['x'], {}, { a: 'b' }];
  return pick(
    rng,
    all.filter((v) => jsonType(v) !== jsonType(original)),
  );
}

/** Inside answers any well-formed value may be valid, so only the check of what was kept can tell. */
const inAnswers = (path: Path) => path.some((p) => p === 'answers' || p === 'retiredAnswers');

interface Source {
  readonly label: string;
  readonly doc: Json;
  readonly target: Target;
}

const saysPrototype = /contains a field named "(__proto__|constructor|prototype)"/;
const saysEdited = /has been changed since it was made/;
const saysDamaged = /Evidence file \d+ in this review file is damaged/;

function removals(s: Source, rng: Rng, plainShare: number): ExchangeCase[] {
  return allPaths(s.doc).flatMap((path): ExchangeCase[] => {
    const removed = removeAt(s.doc, path);
    const cases: ExchangeCase[] = [];
    if (rng() < plainShare)
      cases.push({
        kind: 'field removed',
        description: `${s.label}: removed ${show(path)}`,
        target: s.target,
        text: JSON.stringify(removed),
        expect: 'refused',
      });
    if (path[0] !== 'sha256') {
      const last = path[path.length - 1];
      // Every field at the top is required. Of a comments file, a comment and a question id may go.
      const applied =
        s.target === 'practice' && ((path.length === 2 && path[0] === 'comments') || last === 'questionId');
      cases.push({
        kind: 'field removed',
        description: `${s.label}: removed ${show(path)}, re-hashed`,
        target: s.target,
        text: JSON.stringify(rehash(removed)),
        expect: path.length === 1 ? 'refused' : applied ? 'applied' : s.target === 'practice' ? 'refused' : 'either',
      });
    }
    return cases;
  });
}

function typeSwaps(s: Source, rng: Rng, plainShare: number): ExchangeCase[] {
  return allPaths(s.doc).flatMap((path): ExchangeCase[] => {
    const original = mustGet(s.doc, path);
    const swapped = otherType(rng, original);
    const changed = setAt(s.doc, path, swapped);
    const what = `${show(path)} (${jsonType(original)}) set to ${JSON.stringify(swapped)}`;
    const cases: ExchangeCase[] = [];
    if (rng() < plainShare)
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
        expect: inAnswers(path) ? 'either' : 'refused',
      });
    return cases;
  });
}

const prototypeKeys = [
  '"__proto__"',
  '"constructor"',
  '"prototype"',
  '"\\u005f\\u005fproto\\u005f\\u005f"',
  '"constructo\\u0072"',
  '"proto\\u0074ype"',
];
const prototypeValues = [
  '{"polluted":"yes"}',
  '{"prototype":{"polluted":"yes"}}',
  '"polluted"',
  '[{"polluted":1}]',
  'null',
];

/** A prototype key in every object, and an object holding one appended to every list, at every depth. */
function prototypeInsertions(s: Source, rng: Rng): ExchangeCase[] {
  const containers: Path[] = [[], ...allPaths(s.doc)].filter((p) => typeof getAt(s.doc, p) === 'object');
  // Re-hashed as the file would be by someone who made it on purpose.
  const doc = rehash(s.doc);
  return containers.map((path, i) => {
    const key = prototypeKeys[i % prototypeKeys.length] ?? '"__proto__"';
    const value = pick(rng, prototypeValues);
    const list = Array.isArray(getAt(doc, path));
    return {
      kind: 'prototype key',
      description: list
        ? `${s.label}: appended {${key}:${value}} to the list ${show(path)}`
        : `${s.label}: added ${key}:${value} to ${show(path)}`,
      target: s.target,
      text: list ? withRaw(doc, path, { element: `{${key}:${value}}` }) : withRaw(doc, path, { key, value }),
      expect: 'refused',
      says: saysPrototype,
    };
  });
}

interface Limit {
  readonly what: string;
  readonly path: Path;
  readonly max: number;
  readonly make: (size: number) => Json;
  /** Whether a file with exactly `max` is still applied. */
  readonly atMax: Expected;
}

function oversize(s: Source, limits: Limit[], rng: Rng): ExchangeCase[] {
  return limits.flatMap((limit) => {
    const over = limit.max + 1 + (rng() < 0.5 ? 0 : below(rng, limit.max));
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

function commentLimits(doc: Json, limits: ExchangeLimits): Limit[] {
  const str = (what: string, path: Path, max: number, atMax: Expected = 'applied'): Limit => ({
    what,
    path,
    max,
    make: (n) => long(n),
    atMax,
  });
  const first = mustGet(doc, ['comments', 0]) as JsonObject;
  return [
    str('comment text', ['comments', 0, 'text'], limits.maxCommentChars),
    str('overall note', ['overall'], limits.maxCommentChars),
    str('reviewer name', ['reviewer', 'name'], 160),
    str('reviewer organisation', ['reviewer', 'organisation'], 160),
    str('file id', ['id'], 64),
    str('comment id', ['comments', 1, 'id'], 64),
    // At their most, these no longer name the review, the application or a section here.
    str('review id', ['reviewId'], 64, 'refused'),
    str('application id', ['applicationId'], 64, 'refused'),
    str('section id', ['comments', 0, 'sectionId'], 120, 'refused'),
    str('question id', ['comments', 0, 'questionId'], 120, 'refused'),
    {
      what: 'comments',
      path: ['comments'],
      max: limits.maxComments,
      make: (n) => Array.from({ length: n }, (_, i) => ({ ...first, id: `fuzz-comment-${i}` })),
      atMax: 'applied',
    },
  ];
}

function reviewLimits(doc: Json, limits: ExchangeLimits): Limit[] {
  const str = (what: string, path: Path, max: number, atMax: Expected = 'applied'): Limit => ({
    what,
    path,
    max,
    make: (n) => long(n),
    atMax,
  });
  const entry = mustGet(doc, ['evidence', 1]) as JsonObject;
  const meta = entry['meta'] as JsonObject;
  return [
    str('organisation sending it', ['from', 'organisation'], 500),
    str('file id', ['id'], 64),
    str('profile name', ['profile', 'name'], 500),
    str('text answer', ['application', 'answers', 'bid.model-other'], limits.maxStoredStringLength),
    str('evidence name', ['evidence', 0, 'meta', 'name'], 255),
    {
      what: 'evidence entries',
      path: ['evidence'],
      max: limits.maxReviewEvidence,
      make: (n) => Array.from({ length: n }, (_, i) => ({ ...entry, meta: { ...meta, id: `fuzz-evidence-${i}` } })),
      atMax: 'applied',
    },
  ];
}

function wholeFileLimits(s: Source, maxChars: number, rng: Rng, limitWords: RegExp): ExchangeCase[] {
  const text = JSON.stringify(s.doc);
  const cases: ExchangeCase[] = [
    {
      kind: 'oversize',
      description: `${s.label}: padded with spaces to ${maxChars + 1} characters (the most is ${maxChars})`,
      target: s.target,
      text: text + ' '.repeat(maxChars + 1 - text.length),
      expect: 'refused',
      says: limitWords,
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

function truncations(s: Source, rng: Rng, count: number): ExchangeCase[] {
  const bytes = new TextEncoder().encode(JSON.stringify(s.doc));
  const cuts = [0, 1, bytes.length - 1, ...Array.from({ length: count }, () => below(rng, bytes.length))];
  const multibyte = bytes.findIndex((b) => b >= 0xc0);
  if (multibyte >= 0) cuts.push(multibyte + 1);
  return cuts.map((at) => ({
    kind: 'truncated',
    description: `${s.label}: cut to its first ${at} of ${bytes.length} bytes`,
    target: s.target,
    text: new TextDecoder().decode(bytes.slice(0, at)),
    expect: 'refused' as const,
  }));
}

function byteFlips(s: Source, rng: Rng, count: number): ExchangeCase[] {
  const text = JSON.stringify(s.doc);
  return Array.from({ length: count }, () => {
    const bytes = new TextEncoder().encode(text);
    const done: string[] = [];
    for (let f = 0, flips = 1 + below(rng, 3); f < flips; f += 1) {
      const at = below(rng, bytes.length);
      const bit = below(rng, 8);
      bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
      done.push(`bit ${bit} of byte ${at}`);
    }
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

function kinds(comments: Source, review: Source, sources: ExchangeSources): ExchangeCase[] {
  const cases: ExchangeCase[] = [];
  const k = (s: Source, description: string, text: string, says?: RegExp) =>
    cases.push({
      kind: 'wrong kind',
      description: `${s.label}: ${description}`,
      target: s.target,
      text,
      expect: 'refused',
      ...(says ? { says } : {}),
    });
  k(
    comments,
    'a real review file imported as comments',
    sources.review,
    /is a review file.*“Review an application for a practice”/,
  );
  k(
    review,
    'a real comments file opened as a review',
    sources.comments,
    /is a comments file.*“Comments from your LMC”/,
  );
  k(comments, 'a backup imported as comments', sources.backup, /it is a backup\. Import it from “Backups and storage”/);
  k(review, 'a backup opened as a review', sources.backup, /it is a backup/);
  for (const s of [comments, review]) {
    const other = s.target === 'practice' ? 'review' : 'comments';
    k(
      s,
      `kind set to "${other}", re-hashed`,
      JSON.stringify(rehash(setAt(s.doc, ['kind'], other))),
      new RegExp(`is a ${other} file`),
    );
    for (const value of ['backup', '', 'REVIEW', 'Comments', long(41, 'k'), 42, null, ['review']] as Json[])
      k(s, `kind set to ${JSON.stringify(value)}, re-hashed`, JSON.stringify(rehash(setAt(s.doc, ['kind'], value))));
    for (const text of ['', '   ', 'null', 'true', '0', '[]', '{}', '"comments"', '[{"format":"aqp-apply-exchange"}]'])
      k(s, `the text ${JSON.stringify(text)}`, text);
  }
  return cases;
}

function versions(s: Source): ExchangeCase[] {
  const cases: ExchangeCase[] = [];
  for (const value of [0, -1, 2, 99, 1.5, 1e300, '1', null, true] as Json[]) {
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
  for (const value of ['aqp-apply-exchange-v2', 'AQP-APPLY-EXCHANGE', '', 'aqp-apply-exchange ', 'aqp-apply-backup']) {
    cases.push({
      kind: 'unknown version',
      description: `${s.label}: format set to ${JSON.stringify(value)}, re-hashed`,
      target: s.target,
      text: JSON.stringify(rehash(setAt(s.doc, ['format'], value))),
      expect: 'refused',
      says: value === 'aqp-apply-backup' ? /it is a backup/ : /not made by this app/,
    });
  }
  return cases;
}

/** Changes to a comments file made on purpose, re-hashed, so each reaches the checks after the hash. */
function commentChanges(s: Source, sources: ExchangeSources): ExchangeCase[] {
  const { doc } = s;
  const cases: ExchangeCase[] = [];
  const c = (kind: string, description: string, next: Json, expect: Expected, says?: RegExp, hashed = true) =>
    cases.push({
      kind,
      description: `${s.label}: ${description}${hashed ? ', re-hashed' : ''}`,
      target: s.target,
      text: JSON.stringify(hashed ? rehash(next) : next),
      expect,
      ...(says ? { says } : {}),
    });
  const notSent = /answer a review file that was not sent from this application on this computer/;
  const otherApp = /on a different application/;
  // Wrong ids.
  c(
    'wrong id',
    `applicationId set to "${sources.otherApplicationId}"`,
    setAt(doc, ['applicationId'], sources.otherApplicationId),
    'refused',
    otherApp,
  );
  c(
    'wrong id',
    'applicationId set to "application-9"',
    setAt(doc, ['applicationId'], 'application-9'),
    'refused',
    otherApp,
  );
  c('wrong id', 'applicationId set to ""', setAt(doc, ['applicationId'], ''), 'refused');
  c('wrong id', 'reviewId set to one never sent', setAt(doc, ['reviewId'], 'review-never-sent'), 'refused', notSent);
  c('wrong id', 'reviewId set to ""', setAt(doc, ['reviewId'], ''), 'refused');
  c(
    'wrong id',
    'reviewId set to the review sent for application-2',
    setAt(doc, ['reviewId'], sources.otherApplicationReviewId),
    'refused',
    notSent,
  );
  c(
    'wrong id',
    'reviewId and applicationId set to the review sent for application-2',
    setAt(setAt(doc, ['reviewId'], sources.otherApplicationReviewId), ['applicationId'], sources.otherApplicationId),
    'refused',
    otherApp,
  );
  c(
    'wrong id',
    'reviewId set to the other review of this application (no comments yet)',
    setAt(doc, ['reviewId'], sources.unansweredReviewId),
    'applied',
  );
  c(
    'wrong id',
    'id set to the comments file already imported',
    setAt(doc, ['id'], sources.firstCommentsId),
    'refused',
    /imported already/,
  );
  for (const value of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
    c('wrong id', `reviewId set to "${value}"`, setAt(doc, ['reviewId'], value), 'refused', notSent);
  c(
    'wrong id',
    'applicationRevision set to 99 (not checked against what was sent)',
    setAt(doc, ['applicationRevision'], 99),
    'either',
  );
  c('wrong id', 'applicationRevision set to -1', setAt(doc, ['applicationRevision'], -1), 'refused');
  c('wrong id', 'applicationRevision set to 1.5', setAt(doc, ['applicationRevision'], 1.5), 'refused');
  // Duplicates.
  const comments = mustGet(doc, ['comments']) as JsonObject[];
  const firstId = String(comments[0]?.['id']);
  c(
    'duplicate id',
    'comments [1] given comments [0]’s id',
    setAt(doc, ['comments', 1, 'id'], firstId),
    'refused',
    /two comments have the same id/,
  );
  c(
    'duplicate id',
    'comments [0] appended again',
    setAt(doc, ['comments', comments.length], comments[0] ?? {}),
    'refused',
    /two comments have the same id/,
  );
  cases.push({
    kind: 'duplicate id',
    description: `${s.label}: a second "id" key in comments [1], equal to comments [0]’s id, re-hashed before`,
    target: s.target,
    text: withRaw(rehash(doc), ['comments', 1], { key: '"id"', value: JSON.stringify(firstId) }),
    expect: 'refused',
  });
  // Where the comments point.
  const where = /is on a (question|section) this version of the checklist does not have/;
  const q = sources.question;
  c(
    'target',
    'comments [0] on a question the checklist does not have',
    setAt(doc, ['comments', 0, 'questionId'], 'com.no-such-question'),
    'refused',
    where,
  );
  c(
    'target',
    `comments [0] on "${q.id}" in section "${q.otherSection}"`,
    setAt(setAt(doc, ['comments', 0, 'questionId'], q.id), ['comments', 0, 'sectionId'], q.otherSection),
    'refused',
    where,
  );
  c(
    'target',
    `comments [0] on "${q.id}" in its section "${q.section}"`,
    setAt(setAt(doc, ['comments', 0, 'questionId'], q.id), ['comments', 0, 'sectionId'], q.section),
    'applied',
  );
  c(
    'target',
    'comments [1] on a section the checklist does not have',
    setAt(doc, ['comments', 1, 'sectionId'], 'no-such-section'),
    'refused',
    where,
  );
  for (const value of ['__proto__', 'constructor', 'toString', 'valueOf']) {
    c(
      'target',
      `comments [1] on section "${value}"`,
      setAt(doc, ['comments', 1, 'sectionId'], value),
      'refused',
      where,
    );
    c(
      'target',
      `comments [0] on question "${value}"`,
      setAt(doc, ['comments', 0, 'questionId'], value),
      'refused',
      where,
    );
  }
  // Content.
  c('content', 'comments [0] text set to spaces', setAt(doc, ['comments', 0, 'text'], '   '), 'refused');
  c('content', 'comments [0] text with spaces around it', setAt(doc, ['comments', 0, 'text'], '  Padded.  '), 'either');
  c(
    'content',
    'comments [0] text in many scripts',
    setAt(doc, ['comments', 0, 'text'], 'Zoë – “ok” 🏥 مرحبا \u0000 </script><b>'),
    'applied',
  );
  c('content', 'overall note emptied', setAt(doc, ['overall'], ''), 'applied');
  c('content', 'comments emptied, the overall note kept', setAt(doc, ['comments'], []), 'applied');
  c(
    'content',
    'comments and the overall note emptied',
    setAt(setAt(doc, ['comments'], []), ['overall'], ''),
    'refused',
    /it holds no comments/,
  );
  c(
    'content',
    'comments emptied, the overall note spaces',
    setAt(setAt(doc, ['comments'], []), ['overall'], '  '),
    'refused',
    /it holds no comments/,
  );
  c('content', 'reviewer name set to spaces', setAt(doc, ['reviewer', 'name'], '  '), 'refused');
  c('content', 'createdAt set to "yesterday"', setAt(doc, ['createdAt'], 'yesterday'), 'refused');
  c('content', 'createdAt given an hour offset', setAt(doc, ['createdAt'], '2026-11-22T09:00:00+01:00'), 'applied');
  c('content', 'a field "extra" at the top', setAt(doc, ['extra'], 1), 'refused');
  c('content', 'a field "extra" in reviewer', setAt(doc, ['reviewer', 'extra'], 'x'), 'refused');
  c('content', 'a field "reply" in comments [0]', setAt(doc, ['comments', 0, 'reply'], 'injected'), 'refused');
  c(
    'content',
    'a field "resolvedAt" in comments [1]',
    setAt(doc, ['comments', 1, 'resolvedAt'], '2026-11-22T09:00:00.000Z'),
    'refused',
  );
  // The hash itself.
  const hash = String(mustGet(doc, ['sha256']));
  const flipped = hash.slice(0, 10) + (hash[10] === '0' ? '1' : '0') + hash.slice(11);
  c('hash', 'sha256 with one hex digit changed', setAt(doc, ['sha256'], flipped), 'refused', saysEdited, false);
  c('hash', 'sha256 in capitals', setAt(doc, ['sha256'], hash.toUpperCase()), 'refused', undefined, false);
  c('hash', 'sha256 set to ""', setAt(doc, ['sha256'], ''), 'refused', undefined, false);
  c(
    'hash',
    'sha256 of the file before a comment was changed',
    setAt(doc, ['comments', 0, 'text'], 'Changed.'),
    'refused',
    saysEdited,
    false,
  );
  c(
    'hash',
    'sha256 of the whole text',
    setAt(doc, ['sha256'], sha256Hex(JSON.stringify(doc))),
    'refused',
    saysEdited,
    false,
  );
  return cases;
}

/** Changes to a review file made on purpose, re-hashed. */
function reviewChanges(s: Source, sources: ExchangeSources, limits: ExchangeLimits): ExchangeCase[] {
  const { doc } = s;
  const cases: ExchangeCase[] = [];
  const c = (kind: string, description: string, next: Json, expect: Expected, says?: RegExp, hashed = true) =>
    cases.push({
      kind,
      description: `${s.label}: ${description}${hashed ? ', re-hashed' : ''}`,
      target: s.target,
      text: JSON.stringify(hashed ? rehash(next) : next),
      expect,
      ...(says ? { says } : {}),
    });
  const data = (i: number) => String(mustGet(doc, ['evidence', i, 'data']));
  const bytes = (i: number) => new Uint8Array(Buffer.from(data(i), 'base64'));
  const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  const other = bytes(0).map((b, i) => (i === 0 ? b ^ 0xff : b));
  // Ids.
  c('wrong id', 'id set to a review this computer already holds', setAt(doc, ['id'], sources.openReviewId), 'applied');
  c('wrong id', 'id set to ""', setAt(doc, ['id'], ''), 'refused');
  c('wrong id', 'id set to "__proto__"', setAt(doc, ['id'], '__proto__'), 'either');
  c(
    'wrong id',
    'application moved to another organisation',
    setAt(doc, ['application', 'profileId'], 'profile-9'),
    'refused',
    /not this organisation’s/,
  );
  c(
    'wrong id',
    'profile given another id',
    setAt(doc, ['profile', 'id'], 'profile-9'),
    'refused',
    /not this organisation’s/,
  );
  c(
    'wrong id',
    'profile and application both given another organisation id',
    setAt(setAt(doc, ['profile', 'id'], 'profile-9'), ['application', 'profileId'], 'profile-9'),
    'either',
  );
  // Evidence.
  c(
    'duplicate id',
    'evidence [1] given evidence [0]’s id',
    setAt(doc, ['evidence', 1, 'meta', 'id'], String(mustGet(doc, ['evidence', 0, 'meta', 'id']))),
    'refused',
    /two evidence files have the same id/,
  );
  c(
    'duplicate id',
    'evidence [0] appended again',
    setAt(doc, ['evidence', 2], mustGet(doc, ['evidence', 0])),
    'refused',
    /two evidence files have the same id/,
  );
  c(
    'evidence',
    'evidence [0] data replaced by other bytes of the same length',
    setAt(doc, ['evidence', 0, 'data'], base64(other)),
    'refused',
    saysDamaged,
  );
  c(
    'evidence',
    'evidence [0] sha256 set to that of other bytes',
    setAt(doc, ['evidence', 0, 'meta', 'sha256'], sha256Hex(other)),
    'refused',
    saysDamaged,
  );
  c('evidence', 'evidence [0] given evidence [1]’s data', setAt(doc, ['evidence', 0, 'data'], data(1)), 'refused');
  c(
    'evidence',
    'evidence [0] given evidence [1]’s data and size',
    setAt(setAt(doc, ['evidence', 0, 'data'], data(1)), ['evidence', 0, 'meta', 'size'], bytes(1).byteLength),
    'refused',
    saysDamaged,
  );
  c(
    'evidence',
    'evidence [0] replaced by other bytes with their own sha256',
    setAt(setAt(doc, ['evidence', 0, 'data'], base64(other)), ['evidence', 0, 'meta', 'sha256'], sha256Hex(other)),
    'applied',
  );
  c(
    'evidence',
    'evidence [0] data one byte short',
    setAt(doc, ['evidence', 0, 'data'], base64(bytes(0).slice(1))),
    'refused',
    /not the size it says/,
  );
  c('evidence', 'evidence [0] data with a "!"', setAt(doc, ['evidence', 0, 'data'], `!${data(0).slice(1)}`), 'refused');
  c(
    'evidence',
    'evidence [0] data with a line break',
    setAt(doc, ['evidence', 0, 'data'], `${data(0).slice(0, 8)}\n${data(0).slice(8)}`),
    'refused',
  );
  c('evidence', 'evidence [0] data removed (no bytes sent)', removeAt(doc, ['evidence', 0, 'data']), 'applied');
  c('evidence', 'no evidence', setAt(doc, ['evidence'], []), 'applied');
  const big = limits.maxEvidenceFileBytes + 3;
  c(
    'oversize',
    `evidence [0] data made ${big} bytes (the most is ${limits.maxEvidenceFileBytes})`,
    setAt(setAt(doc, ['evidence', 0, 'data'], long(Math.ceil(big / 3) * 4, 'A')), ['evidence', 0, 'meta', 'size'], big),
    'refused',
  );
  // Records.
  c('content', 'application given a new answer', setAt(doc, ['application', 'answers', 'com.price'], 'yes'), 'applied');
  c('content', 'organisation renamed', setAt(doc, ['profile', 'name'], 'Renamed Practice'), 'applied');
  c('content', 'sent from an organisation with no name', setAt(doc, ['from', 'organisation'], ''), 'applied');
  c('content', 'profile formatVersion set to 2', setAt(doc, ['profile', 'formatVersion'], 2), 'refused');
  c('content', 'application formatVersion set to 0', setAt(doc, ['application', 'formatVersion'], 0), 'refused');
  c(
    'content',
    'evidence [1] meta formatVersion set to 2',
    setAt(doc, ['evidence', 1, 'meta', 'formatVersion'], 2),
    'refused',
  );
  c('content', 'createdAt set to "yesterday"', setAt(doc, ['createdAt'], 'yesterday'), 'refused');
  c('content', 'a field "extra" at the top', setAt(doc, ['extra'], 1), 'refused');
  c('content', 'a field "extra" in from', setAt(doc, ['from', 'extra'], 1), 'refused');
  c('content', 'a field "extra" in evidence [0]', setAt(doc, ['evidence', 0, 'extra'], 1), 'refused');
  const hash = String(mustGet(doc, ['sha256']));
  c(
    'hash',
    'sha256 with its last hex digit changed',
    setAt(doc, ['sha256'], hash.slice(0, -1) + (hash.endsWith('0') ? '1' : '0')),
    'refused',
    saysEdited,
    false,
  );
  c(
    'hash',
    'sha256 of the file before an answer was changed',
    setAt(doc, ['application', 'answers', 'com.price'], 'no'),
    'refused',
    saysEdited,
    false,
  );
  return cases;
}

function unknownKeys(s: Source, rng: Rng, count: number): ExchangeCase[] {
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
      // An answer may be any well-formed question id; every other object is strict.
      expect: inAnswers(path) ? ('either' as const) : ('refused' as const),
    };
  });
}

function controls(comments: Source, review: Source, sources: ExchangeSources): ExchangeCase[] {
  const c = (s: Source, description: string, text: string): ExchangeCase => ({
    kind: 'unchanged',
    description: `${s.label}: ${description}`,
    target: s.target,
    text,
    expect: 'applied',
  });
  return [
    c(comments, 'as made', sources.comments),
    c(review, 'as made', sources.review),
    c({ ...review, label: 'review without evidence bytes' }, 'as made', sources.reviewWithout),
    c(comments, 're-hashed as it was', JSON.stringify(rehash(comments.doc))),
  ];
}

/** Every case, from the app's own exchange files, in a seeded order of choices. */
export function buildCases(rng: Rng, sources: ExchangeSources, limits: ExchangeLimits): ExchangeCase[] {
  const comments: Source = { label: 'comments', doc: JSON.parse(sources.comments) as Json, target: 'practice' };
  const review: Source = { label: 'review', doc: JSON.parse(sources.review) as Json, target: 'reviewer' };
  const without: Source = {
    label: 'review without evidence bytes',
    doc: JSON.parse(sources.reviewWithout) as Json,
    target: 'reviewer',
  };
  const tooLarge = (mb: number) => new RegExp(`too large .*the most is ${mb} MB`);
  return [
    ...controls(comments, review, sources),
    ...removals(comments, rng, 1),
    ...removals(review, rng, 0.25),
    ...typeSwaps(comments, rng, 1),
    ...typeSwaps(review, rng, 0.25),
    ...typeSwaps(without, rng, 0).filter(() => rng() < 0.3),
    ...prototypeInsertions(comments, rng),
    ...prototypeInsertions(review, rng),
    ...oversize(comments, commentLimits(comments.doc, limits), rng),
    ...oversize(review, reviewLimits(review.doc, limits), rng),
    ...wholeFileLimits(comments, limits.maxCommentsChars, rng, tooLarge(2)),
    ...wholeFileLimits(review, limits.maxReviewChars, rng, tooLarge(100)),
    ...commentChanges(comments, sources),
    ...reviewChanges(review, sources, limits),
    ...kinds(comments, review, sources),
    ...versions(comments),
    ...versions(review),
    ...truncations(comments, rng, 15),
    ...truncations(review, rng, 10),
    ...byteFlips(comments, rng, 40),
    ...byteFlips(review, rng, 25),
    ...unknownKeys(comments, rng, 10),
    ...unknownKeys(review, rng, 15),
  ];
}
