/**
 * The cases of the exchange fuzz test (`test/unit/exchange-fuzz.test.ts`): mutations of real
 * review and comments files made by the app's own `makeReviewFile` and `makeCommentsFile`, each
 * saying what was done (so a failure can be reproduced), where the file is opened, and what must
 * happen: refused, applied, or either (when only the check of what was kept can tell). Many are
 * re-hashed (`rehash`), so they reach the checks after the SHA-256. Also the database snapshots
 * that the fuzz test and `exchange.test.ts` use to show that a refused file changed nothing.
 *
 * Deterministic: the same sources and seed make the same cases. The JSON helpers and the kinds of
 * damage any exchange file can take come from `fuzz.ts`; what is here is what only a review or a
 * comments file has. Over 300 lines: one generator per kind of damage, kept together so the whole
 * corpus reads in one place.
 */
import {
  adder,
  allPaths,
  base64Of,
  byteFlips,
  hashes,
  long,
  mustGet,
  otherType,
  oversize,
  prototypeInsertions,
  rehash,
  removals,
  removeAt,
  saysEdited,
  setAt,
  sha256Hex,
  textLimit,
  tooLarge,
  truncations,
  typeSwap,
  unknownKeys,
  versions,
  wholeFileLimits,
  withRaw,
  wrongKind,
  type Expected,
  type FileCase,
  type Json,
  type JsonObject,
  type Limit,
  type Path,
  type Rng,
  type Source as FileSource,
} from './fuzz';

// The database dump and its comparison are shared with the backup fuzz test.
export { byKey, dumpDatabase, firstDifference, type Dump, type Row } from './fuzz-checks';

// ---------------------------------------------------------------------------------------------
// The cases

/** Where a file is opened: comments into the practice's database, a review into the reviewer's. */
export type Target = 'practice' | 'reviewer';
export type { Expected };
export type ExchangeCase = FileCase<Target>;

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

/** Inside answers any well-formed value may be valid, so only the check of what was kept can tell. */
const inAnswers = (path: Path) => path.some((p) => p === 'answers' || p === 'retiredAnswers');

type Source = FileSource<Target>;

const saysDamaged = /Evidence file \d+ in this review file is damaged/;

/** Every field at the top is required. Of a comments file, a comment and a question id may go. */
function removalExpected(s: Source, path: Path): Expected {
  const last = path[path.length - 1];
  const applied = s.target === 'practice' && ((path.length === 2 && path[0] === 'comments') || last === 'questionId');
  return path.length === 1 ? 'refused' : applied ? 'applied' : s.target === 'practice' ? 'refused' : 'either';
}

function typeSwaps(s: Source, rng: Rng, plainShare: number): ExchangeCase[] {
  return allPaths(s.doc).flatMap((path) => {
    const swapped = otherType(rng, mustGet(s.doc, path));
    return typeSwap(s, path, swapped, rng() < plainShare, inAnswers(path) ? 'either' : 'refused');
  });
}

const prototypeValues = [
  '{"polluted":"yes"}',
  '{"prototype":{"polluted":"yes"}}',
  '"polluted"',
  '[{"polluted":1}]',
  'null',
];

function commentLimits(doc: Json, limits: ExchangeLimits): Limit[] {
  const str = textLimit;
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
  const str = textLimit;
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

function kinds(comments: Source, review: Source, sources: ExchangeSources): ExchangeCase[] {
  const cases: ExchangeCase[] = [];
  const k = (s: Source, description: string, text: string, says?: RegExp) =>
    wrongKind(s, cases)(description, text, says);
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

/** Changes to a comments file made on purpose, re-hashed, so each reaches the checks after the hash. */
function commentChanges(s: Source, sources: ExchangeSources): ExchangeCase[] {
  const { doc } = s;
  const cases: ExchangeCase[] = [];
  const c = adder(s, cases);
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
  cases.push(...hashes(s, ['comments', 0, 'text'], 'Changed.', 'a comment'));
  return cases;
}

/** Changes to a review file made on purpose, re-hashed. */
function reviewChanges(s: Source, sources: ExchangeSources, limits: ExchangeLimits): ExchangeCase[] {
  const { doc } = s;
  const cases: ExchangeCase[] = [];
  const c = adder(s, cases);
  const data = (i: number) => String(mustGet(doc, ['evidence', i, 'data']));
  const bytes = (i: number) => new Uint8Array(Buffer.from(data(i), 'base64'));
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
    setAt(doc, ['evidence', 0, 'data'], base64Of(other)),
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
    setAt(setAt(doc, ['evidence', 0, 'data'], base64Of(other)), ['evidence', 0, 'meta', 'sha256'], sha256Hex(other)),
    'applied',
  );
  c(
    'evidence',
    'evidence [0] data one byte short',
    setAt(doc, ['evidence', 0, 'data'], base64Of(bytes(0).slice(1))),
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

const formatVersions: Json[] = [0, -1, 2, 99, 1.5, 1e300, '1', null, true];
const formats = ['aqp-apply-exchange-v2', 'AQP-APPLY-EXCHANGE', '', 'aqp-apply-exchange ', 'aqp-apply-backup'];

/** An answer may be any well-formed question id; every other object is strict. */
const unknownKeyExpected = (path: Path): Expected => (inAnswers(path) ? 'either' : 'refused');

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
  return [
    ...controls(comments, review, sources),
    ...removals(comments, rng, 1, (path) => removalExpected(comments, path)),
    ...removals(review, rng, 0.25, (path) => removalExpected(review, path)),
    ...typeSwaps(comments, rng, 1),
    ...typeSwaps(review, rng, 0.25),
    ...typeSwaps(without, rng, 0).filter(() => rng() < 0.3),
    ...prototypeInsertions(comments, rng, prototypeValues),
    ...prototypeInsertions(review, rng, prototypeValues),
    ...oversize(comments, commentLimits(comments.doc, limits), rng),
    ...oversize(review, reviewLimits(review.doc, limits), rng),
    ...wholeFileLimits(comments, limits.maxCommentsChars, rng, tooLarge(2)),
    ...wholeFileLimits(review, limits.maxReviewChars, rng, tooLarge(100)),
    ...commentChanges(comments, sources),
    ...reviewChanges(review, sources, limits),
    ...kinds(comments, review, sources),
    ...versions(comments, formatVersions, formats),
    ...versions(review, formatVersions, formats),
    ...truncations(comments, rng, 15),
    ...truncations(review, rng, 10),
    ...byteFlips(comments, rng, 40),
    ...byteFlips(review, rng, 25),
    ...unknownKeys(comments, rng, 10, unknownKeyExpected),
    ...unknownKeys(review, rng, 15, unknownKeyExpected),
  ];
}
