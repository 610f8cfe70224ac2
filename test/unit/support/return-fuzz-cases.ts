/**
 * The cases of the return fuzz test (`test/unit/return-fuzz.test.ts`): mutations of real return
 * and request files made by the app's own `makeReturnFile` and `makeReturnRequest`, each saying
 * what was done (so a failure can be reproduced), where the file goes (a return is imported on the
 * lead's computer, a request is opened on a member's), and what must happen: refused, applied, or
 * either (when only the check of what was kept can tell). Many are re-hashed (`rehash`), so they
 * reach the checks after the SHA-256: the schema, the evidence bytes, and the match to the request.
 *
 * Deterministic: the same sources and seed make the same cases. The JSON helpers and the kinds of
 * damage any exchange file can take come from `fuzz.ts`; what is here is what only a return or a
 * request has. Over 300 lines: one generator per kind of damage, kept together so the whole
 * corpus reads in one place.
 */
import {
  adder,
  allPaths,
  base64Of,
  byteFlips,
  getAt,
  hashes,
  long,
  mustGet,
  otherType,
  oversize,
  prototypeInsertions,
  rehash,
  removals,
  removeAt,
  setAt,
  sha256Hex,
  textLimit as text,
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

/** `lead`: a return imported into the lead's application; `member`: a request opened by a member. */
export type Target = 'lead' | 'member';
export type { Expected };
export type ReturnCase = FileCase<Target>;

export interface ReturnSources {
  /** A member practice's return (two evidence files) to a request the lead's database holds. */
  readonly memberReturn: string;
  /** A declarant's second return (with interests); their first is imported already. */
  readonly declarantReturn: string;
  /** The id of that first, imported return. */
  readonly importedReturnId: string;
  /** The request the member's return answers. */
  readonly memberRequest: string;
  /** The declarant's request, which the member's database has open already. */
  readonly declarantRequest: string;
  /** A request for another member practice that a newer request replaced, and its subject. */
  readonly replacedRequestId: string;
  readonly replacedSubject: { readonly itemId: string; readonly name: string };
  /** A second application on the lead's computer. */
  readonly otherApplicationId: string;
  /** The last day the requests may be answered, and the day after it. */
  readonly replyBy: string;
}

/** Limits the schemas set, as the fuzz checks them. */
export interface ReturnLimits {
  readonly maxReturnChars: number;
  readonly maxRequestChars: number;
  readonly maxReturnEvidence: number;
  readonly maxReturnInterests: number;
  readonly maxRequestPeople: number;
  readonly maxEvidenceFileBytes: number;
  readonly maxStoredStringLength: number;
  readonly maxRepeatItems: number;
}

type Source = FileSource<Target>;

/** Answers (an item's values, an interest's, a person's) may hold any well-formed value. */
const inValues = (path: Path) => path.includes('values');

const saysDamaged = /^Evidence file \d+ in the return from .+ is damaged: its contents do not match its details/;
const saysOtherApplication = /is for a different application/;
const saysNotMade = /answers a request that was not made from this application on this computer/;
const saysNotAnswered = /does not answer the request it names/;

// ---------------------------------------------------------------------------------------------
// What the damage any exchange file can take (in fuzz.ts) must do to a return or a request

/** What removing the value at `path` (and re-hashing) must do. */
function removalExpected(s: Source, path: Path): Expected {
  if (path.length === 1) return 'refused';
  if (inValues(path)) {
    const at = path.lastIndexOf('values');
    // The values themselves are required, and an interest must name its declarant.
    if (path.length === at + 1 || path[at + 1] === 'declarant') return 'refused';
    // A whole answer may go, and an entry of a list; a part of an address or a date may not.
    if (path.length === at + 2) return 'applied';
    return Array.isArray(getAt(s.doc, path.slice(0, -1))) ? 'applied' : 'refused';
  }
  // Whole entries of a list may go: an interest, an evidence file, a person in the register.
  const [top, , ...rest] = path;
  const lists = s.target === 'lead' ? ['interests', 'evidence'] : [];
  if (typeof top === 'string' && lists.includes(top) && path.length === 2) return 'applied';
  if (top === 'prefill' && path.length === 3 && path[1] !== 'item') return 'applied';
  if (rest.includes('questionIds') && path.length === 5) return 'applied';
  return path.some((p) => p === 'advert') ? 'either' : 'refused';
}

/**
 * What a type swap inside answers must do: an answer is a string, a list of strings, a date or an
 * address, so a whole answer may become a string or a list; nothing else is an answer, and an
 * interest must still name its declarant.
 */
function swapInValues(path: Path, swapped: Json): Expected {
  const at = path.lastIndexOf('values');
  if (path.length !== at + 2 || path[at + 1] === 'declarant') return 'refused';
  return typeof swapped === 'string' || Array.isArray(swapped) ? 'applied' : 'refused';
}

const answerKey = /^[a-z][a-z0-9.-]{0,119}$/;

function typeSwaps(s: Source, rng: Rng, share: number): ReturnCase[] {
  return allPaths(s.doc).flatMap((path) => {
    if (rng() >= share) return [];
    const swapped = otherType(rng, mustGet(s.doc, path));
    return typeSwap(s, path, swapped, true, inValues(path) ? swapInValues(path, swapped) : 'refused');
  });
}

const prototypeValues = ['{"polluted":"yes"}', '{"prototype":{"polluted":"yes"}}', '"polluted"', '[{"polluted":1}]'];

/** An answer may be under any well-formed field id; every other object is strict. */
const unknownKeyExpected = (path: Path, key: string, value: Json): Expected =>
  path[path.length - 1] === 'values' && answerKey.test(key) && (typeof value === 'string' || Array.isArray(value))
    ? 'applied'
    : 'refused';

const formatVersions: Json[] = [0, -1, 2, 99, 1.5, '1', null, true];
const formats = ['aqp-apply-exchange-v2', 'AQP-APPLY-EXCHANGE', '', 'aqp-apply-backup'];

// ---------------------------------------------------------------------------------------------
// Changes to a return made on purpose

function returnChanges(s: Source, sources: ReturnSources, limits: ReturnLimits, rng: Rng): ReturnCase[] {
  const { doc } = s;
  const cases: ReturnCase[] = [];
  const c = adder(s, cases);
  const declarant = mustGet(doc, ['subject', 'type']) === 'declarant';
  const itemId = String(mustGet(doc, ['subject', 'itemId']));
  const request = JSON.parse(declarant ? sources.declarantRequest : sources.memberRequest) as JsonObject;

  // Wrong ids.
  c(
    'wrong id',
    `applicationId set to "${sources.otherApplicationId}"`,
    setAt(doc, ['applicationId'], sources.otherApplicationId),
    'refused',
    saysOtherApplication,
  );
  c(
    'wrong id',
    'applicationId set to "application-9"',
    setAt(doc, ['applicationId'], 'application-9'),
    'refused',
    saysOtherApplication,
  );
  c('wrong id', 'applicationId set to ""', setAt(doc, ['applicationId'], ''), 'refused');
  c(
    'wrong id',
    'requestId set to one never made',
    setAt(doc, ['requestId'], 'request-never-made'),
    'refused',
    saysNotMade,
  );
  c('wrong id', 'requestId set to ""', setAt(doc, ['requestId'], ''), 'refused');
  for (const value of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'request-x'])
    c('wrong id', `requestId set to "${value}"`, setAt(doc, ['requestId'], value), 'refused', saysNotMade);
  const otherRequest = JSON.parse(declarant ? sources.memberRequest : sources.declarantRequest) as JsonObject;
  c(
    'wrong id',
    'requestId set to the request for someone else',
    setAt(doc, ['requestId'], String(otherRequest['id'])),
    'refused',
    saysNotAnswered,
  );
  c(
    'wrong id',
    'requestId set to the id of the return itself',
    setAt(doc, ['requestId'], String(mustGet(doc, ['id']))),
    'refused',
    saysNotMade,
  );
  const moved = (next: Json, to: { itemId: string; name: string }) =>
    setAt(
      setAt(setAt(next, ['subject', 'itemId'], to.itemId), ['subject', 'name'], to.name),
      ['item', 'id'],
      to.itemId,
    );
  if (!declarant) {
    c(
      'wrong id',
      'requestId set to a replaced request, subject and item moved to match it',
      moved(setAt(doc, ['requestId'], sources.replacedRequestId), sources.replacedSubject),
      'refused',
      /answers an older request that a newer one replaced/,
    );
    c(
      'wrong id',
      'subject and item moved to another member',
      moved(doc, sources.replacedSubject),
      'refused',
      saysNotAnswered,
    );
  }
  c(
    'wrong id',
    'subject.itemId set to another item',
    setAt(doc, ['subject', 'itemId'], 'm-brook'),
    'refused',
    /the item is not the one asked for/,
  );
  c(
    'wrong id',
    'item.id set to another item',
    setAt(doc, ['item', 'id'], 'item-9'),
    'refused',
    /the item is not the one asked for/,
  );
  c(
    'wrong id',
    'subject.itemId and item.id set to "__proto__"',
    moved(doc, { itemId: '__proto__', name: 'x' }),
    'refused',
    // A declarant's interests then name another person.
    declarant ? /the interest is not this person’s/ : saysNotAnswered,
  );
  c(
    'wrong id',
    'subject.type swapped, its question kept',
    setAt(doc, ['subject', 'type'], declarant ? 'member' : 'declarant'),
    'refused',
    /the question does not match the kind of return/,
  );
  c(
    'wrong id',
    'subject.type and questionId swapped to the other kind',
    setAt(
      setAt(doc, ['subject', 'type'], declarant ? 'member' : 'declarant'),
      ['subject', 'questionId'],
      declarant ? 'bid.members' : 'coi.declarants',
    ),
    'refused',
  );
  c(
    'wrong id',
    'subject.questionId set to "org.people"',
    setAt(doc, ['subject', 'questionId'], 'org.people'),
    'refused',
  );
  c(
    'wrong id',
    'subject.name changed (names are words, not ids)',
    setAt(doc, ['subject', 'name'], 'Someone Else'),
    'either',
  );
  c('wrong id', 'id set to "__proto__"', setAt(doc, ['id'], '__proto__'), 'applied');
  c('wrong id', 'id set to ""', setAt(doc, ['id'], ''), 'refused');
  if (declarant)
    c(
      'wrong id',
      'id set to the return imported already',
      setAt(doc, ['id'], sources.importedReturnId),
      'refused',
      /has been imported already/,
    );

  // Dates.
  c(
    'dates',
    'createdAt before the request was made',
    setAt(doc, ['createdAt'], '2026-11-22T09:00:01.000Z'),
    'refused',
    /dated before the request was made/,
  );
  c(
    'dates',
    'createdAt after the reply-by date',
    setAt(doc, ['createdAt'], `${sources.replyBy}T23:59:59.000Z`),
    'applied',
  );
  const dayAfter = new Date(Date.parse(`${sources.replyBy}T12:00:00Z`) + 86_400_000).toISOString();
  c('dates', 'createdAt the day after the reply-by date', setAt(doc, ['createdAt'], dayAfter), 'refused', /expired on/);
  c('dates', 'createdAt set to "yesterday"', setAt(doc, ['createdAt'], 'yesterday'), 'refused');
  c('dates', 'createdAt with no time zone', setAt(doc, ['createdAt'], '2026-11-22T10:00:00'), 'refused');
  // After the request both as written and in real time: the request check compares the text.
  c(
    'dates',
    'createdAt given an hour offset, after the request either way',
    setAt(doc, ['createdAt'], '2026-11-22T11:30:00+01:00'),
    'applied',
  );

  // The item and its answers.
  c('content', 'item marked pending', setAt(doc, ['item', 'pending'], true), 'refused', /the item was not saved/);
  c('content', 'item.pending set to false', setAt(doc, ['item', 'pending'], false), 'refused');
  c('content', 'an answer the checklist does not have', setAt(doc, ['item', 'values', 'zz.unknown'], 'x'), 'applied');
  c(
    'content',
    'an answer under a key that is not a field id',
    setAt(doc, ['item', 'values', 'Bad Key'], 'x'),
    'refused',
  );
  c('content', 'every answer removed', setAt(doc, ['item', 'values'], {}), 'applied');
  c(
    'content',
    'an answer in many scripts',
    setAt(doc, ['item', 'values', 'locations'], 'Zoë – “ok” 🏥 مرحبا \u0000 </script><b>'),
    'applied',
  );
  c('content', 'respondent name set to spaces', setAt(doc, ['respondent', 'name'], '   '), 'refused');
  c(
    'content',
    'respondent name with spaces around it',
    setAt(doc, ['respondent', 'name'], '  Dr Priya Shah  '),
    'either',
  );
  c('content', 'respondent organisation emptied', setAt(doc, ['respondent', 'organisation'], ''), 'applied');
  c('content', 'a field "extra" at the top', setAt(doc, ['extra'], 1), 'refused');
  c('content', 'a field "extra" in respondent', setAt(doc, ['respondent', 'extra'], 'x'), 'refused');
  c('content', 'a field "extra" in subject', setAt(doc, ['subject', 'extra'], 'x'), 'refused');
  c('content', 'a field "extra" in item', setAt(doc, ['item', 'extra'], 'x'), 'refused');
  c('content', 'a field "file" in the top (as the lead stores it)', setAt(doc, ['file'], {}), 'refused');

  // Interests.
  const interests = mustGet(doc, ['interests']) as JsonObject[];
  const anInterest: JsonObject = interests[0] ?? {
    id: 'i-new',
    values: { declarant: itemId, type: 'financial', organisation: 'Planted Ltd' },
  };
  if (declarant) {
    c(
      'interests',
      'interests [0] made another declarant’s',
      setAt(doc, ['interests', 0, 'values', 'declarant'], 'd-sam'),
      'refused',
      /the interest is not this person’s/,
    );
    c(
      'interests',
      'interests [0] with no declarant',
      removeAt(doc, ['interests', 0, 'values', 'declarant']),
      'refused',
      /the interest is not this person’s/,
    );
    // The schema lets these two through today (no check of interest ids, nor of `pending` on an
    // interest), so either outcome passes here; only the check of what was kept judges them.
    c(
      'interests',
      'interests [1] given interests [0]’s id',
      setAt(doc, ['interests', 1, 'id'], String(anInterest['id'])),
      'either',
    );
    c('interests', 'interests emptied', setAt(doc, ['interests'], []), 'applied');
    c('interests', 'interests [0] marked pending', setAt(doc, ['interests', 0, 'pending'], true), 'either');
  } else {
    c(
      'interests',
      'an interest added to a member’s return',
      setAt(doc, ['interests'], [anInterest]),
      'refused',
      /a member practice’s return holds no interests/,
    );
  }

  // Evidence.
  if (!declarant) {
    const data = (i: number) => String(mustGet(doc, ['evidence', i, 'data']));
    const bytes = (i: number) => new Uint8Array(Buffer.from(data(i), 'base64'));
    const other = bytes(0).map((b, i) => (i === 0 ? b ^ 0xff : b));
    const firstId = String(mustGet(doc, ['evidence', 0, 'meta', 'id']));
    const dup = /two evidence files have the same id/;
    c(
      'duplicate id',
      'evidence [1] given evidence [0]’s id',
      setAt(doc, ['evidence', 1, 'meta', 'id'], firstId),
      'refused',
      dup,
    );
    c(
      'duplicate id',
      'evidence [0] appended again',
      setAt(doc, ['evidence', 2], mustGet(doc, ['evidence', 0])),
      'refused',
      dup,
    );
    c(
      'duplicate id',
      'evidence [1] appended twice',
      setAt(setAt(doc, ['evidence', 2], mustGet(doc, ['evidence', 1])), ['evidence', 3], mustGet(doc, ['evidence', 1])),
      'refused',
      dup,
    );
    cases.push({
      kind: 'duplicate id',
      description: `${s.label}: a second "id" key in evidence [1].meta, equal to evidence [0]’s id, re-hashed before`,
      target: s.target,
      text: withRaw(rehash(doc), ['evidence', 1, 'meta'], { key: '"id"', value: JSON.stringify(firstId) }),
      expect: 'refused',
    });
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
    c(
      'evidence',
      'evidence [0] given evidence [1]’s data',
      setAt(doc, ['evidence', 0, 'data'], data(1)),
      'refused',
      /the file is not the size it says/,
    );
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
      /the file is not the size it says/,
    );
    c(
      'evidence',
      'evidence [0] data with a "!"',
      setAt(doc, ['evidence', 0, 'data'], `!${data(0).slice(1)}`),
      'refused',
    );
    c(
      'evidence',
      'evidence [0] data with a line break',
      setAt(doc, ['evidence', 0, 'data'], `${data(0).slice(0, 8)}\n${data(0).slice(8)}`),
      'refused',
    );
    c('evidence', 'evidence [0] with no data', removeAt(doc, ['evidence', 0, 'data']), 'refused');
    c('evidence', 'no evidence (the answers still name the files)', setAt(doc, ['evidence'], []), 'applied');
    c(
      'evidence',
      'evidence [0] of another type',
      setAt(doc, ['evidence', 0, 'meta', 'type'], 'application/x-msdownload'),
      'applied',
    );
    c(
      'evidence',
      'evidence [0] named with a path',
      setAt(doc, ['evidence', 0, 'meta', 'name'], '../../etc/passwd'),
      'applied',
    );
    c('evidence', 'evidence [0] size set to -1', setAt(doc, ['evidence', 0, 'meta', 'size'], -1), 'refused');
    c(
      'evidence',
      'evidence [0] sha256 in capitals',
      setAt(
        doc,
        ['evidence', 0, 'meta', 'sha256'],
        String(mustGet(doc, ['evidence', 0, 'meta', 'sha256'])).toUpperCase(),
      ),
      'refused',
    );
    const big = limits.maxEvidenceFileBytes + 3;
    c(
      'oversize',
      `evidence [0] data made ${big} bytes (the most is ${limits.maxEvidenceFileBytes})`,
      setAt(
        setAt(doc, ['evidence', 0, 'data'], long(Math.ceil(big / 3) * 4, 'A')),
        ['evidence', 0, 'meta', 'size'],
        big,
      ),
      'refused',
    );
  }

  // Oversize fields and lists.
  const entry = (mustGet(doc, ['evidence']) as JsonObject[])[1];
  const meta = (entry?.['meta'] ?? {}) as JsonObject;
  const limitsOf: Limit[] = [
    text('respondent name', ['respondent', 'name'], 160),
    text('respondent organisation', ['respondent', 'organisation'], 160),
    text('subject name', ['subject', 'name'], 160, 'either'),
    text('file id', ['id'], 64),
    // At their most, these no longer name the request, the application or the item.
    text('request id', ['requestId'], 64, 'refused'),
    text('application id', ['applicationId'], 64, 'refused'),
    text('text answer', ['item', 'values', declarant ? 'consent-reasons' : 'locations'], limits.maxStoredStringLength),
    {
      what: 'checkbox answer',
      path: ['item', 'values', declarant ? 'ccg-roles' : 'services'],
      max: limits.maxRepeatItems,
      make: (n) => Array.from({ length: n }, (_, i) => `value-${i}`),
      atMax: 'applied',
    },
  ];
  if (entry)
    limitsOf.push(text('evidence name', ['evidence', 1, 'meta', 'name'], 255), {
      what: 'evidence files',
      path: ['evidence'],
      max: limits.maxReturnEvidence,
      make: (n) => Array.from({ length: n }, (_, i) => ({ ...entry, meta: { ...meta, id: `fuzz-evidence-${i}` } })),
      atMax: 'applied',
    });
  if (declarant)
    limitsOf.push({
      what: 'interests',
      path: ['interests'],
      max: limits.maxReturnInterests,
      make: (n) => Array.from({ length: n }, (_, i) => ({ ...anInterest, id: `fuzz-interest-${i}` })),
      atMax: 'applied',
    });
  cases.push(...oversize(s, limitsOf, rng, 1000));

  // The wrong kind of file.
  const k = wrongKind(s, cases);
  k(
    'the request it answers, given as a return',
    JSON.stringify(request),
    /is a request for a return .*“Fill in a return”/,
  );
  for (const value of ['return-request', 'review', 'comments'])
    k(
      `kind set to "${value}", re-hashed`,
      JSON.stringify(rehash(setAt(doc, ['kind'], value))),
      value === 'review'
        ? /is a review file/
        : value === 'comments'
          ? /is a comments file/
          : /is a request for a return/,
    );
  for (const value of ['backup', '', 'RETURN', long(41, 'k'), 42, null, ['return']] as Json[])
    k(`kind set to ${JSON.stringify(value)}, re-hashed`, JSON.stringify(rehash(setAt(doc, ['kind'], value))));
  for (const raw of ['', '   ', 'null', 'true', '0', '[]', '{}', '"return"', '[{"format":"aqp-apply-exchange"}]'])
    k(`the text ${JSON.stringify(raw)}`, raw);

  cases.push(...hashes(s, ['respondent', 'organisation'], 'Changed Practice'));
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Changes to a request made on purpose

function requestChanges(s: Source, sources: ReturnSources, limits: ReturnLimits, rng: Rng): ReturnCase[] {
  const { doc } = s;
  const cases: ReturnCase[] = [];
  const c = adder(s, cases);
  const declarant = mustGet(doc, ['subject', 'type']) === 'declarant';
  const openId = String((JSON.parse(sources.declarantRequest) as JsonObject)['id']);
  if (!declarant)
    c('wrong id', 'id set to the request already open on this computer', setAt(doc, ['id'], openId), 'applied');
  c('wrong id', 'id set to "__proto__"', setAt(doc, ['id'], '__proto__'), 'applied');
  c('wrong id', 'id set to ""', setAt(doc, ['id'], ''), 'refused');
  c('wrong id', 'application.id set to ""', setAt(doc, ['application', 'id'], ''), 'refused');
  c(
    'wrong id',
    'prefill.item.id set to another item',
    setAt(doc, ['prefill', 'item', 'id'], 'item-9'),
    'refused',
    /the item is not the one asked for/,
  );
  c(
    'wrong id',
    'subject.type swapped, its question kept',
    setAt(doc, ['subject', 'type'], declarant ? 'member' : 'declarant'),
    'refused',
  );
  c(
    'dates',
    'replyBy before the file was made',
    setAt(doc, ['replyBy'], '2026-11-21'),
    'refused',
    /the reply-by date is before the file was made/,
  );
  c(
    'dates',
    'made on 1 November with a reply-by date of 15 November (expired)',
    setAt(setAt(doc, ['createdAt'], '2026-11-01T09:00:00.000Z'), ['replyBy'], '2026-11-15'),
    'refused',
    /^This request expired on 2026-11-15\. Ask .+ at .+ for a new one\.$/,
  );
  c('dates', 'replyBy set to today', setAt(doc, ['replyBy'], '2026-11-22'), 'applied');
  c('dates', 'replyBy set to "soon"', setAt(doc, ['replyBy'], 'soon'), 'refused');
  c('content', 'no services', setAt(doc, ['application', 'services'], []), 'refused');
  c('content', 'a service the checklist does not have', setAt(doc, ['application', 'services'], ['x-ray']), 'refused');
  c('content', 'checklistVersion set to 0', setAt(doc, ['application', 'checklistVersion'], 0), 'refused');
  c('content', 'asked by spaces', setAt(doc, ['from', 'askedBy'], '  '), 'refused');
  c('content', 'a field "extra" in from', setAt(doc, ['from', 'extra'], 1), 'refused');
  c('content', 'a field "extra" in prefill', setAt(doc, ['prefill', 'extra'], 1), 'refused');
  c('content', 'no people in the register', setAt(doc, ['prefill', 'people'], []), 'applied');
  if (!declarant)
    c(
      'content',
      'an interest in a member practice’s request',
      setAt(doc, ['prefill', 'interests'], [{ id: 'i-x', values: { declarant: 'm-hill' } }]),
      'refused',
      /a member practice’s return holds no interests/,
    );
  else
    c(
      'content',
      'an interest of another declarant',
      setAt(doc, ['prefill', 'interests', 0, 'values', 'declarant'], 'd-sam'),
      'refused',
      /the interest is not this person’s/,
    );
  const person = (mustGet(doc, ['prefill', 'people']) as JsonObject[])[0] ?? {};
  const limitsOf: Limit[] = [
    text('asked by', ['from', 'askedBy'], 160),
    text('email', ['from', 'email'], 254),
    text('checklist edition', ['application', 'checklistEdition'], 300),
    {
      what: 'people',
      path: ['prefill', 'people'],
      max: limits.maxRequestPeople,
      make: (n) => Array.from({ length: n }, (_, i) => ({ ...person, id: `fuzz-person-${i}` })),
      atMax: 'applied',
    },
  ];
  if (declarant) {
    const anInterest = (mustGet(doc, ['prefill', 'interests']) as JsonObject[])[0] ?? {};
    limitsOf.push({
      what: 'interests',
      path: ['prefill', 'interests'],
      max: limits.maxReturnInterests,
      make: (n) => Array.from({ length: n }, (_, i) => ({ ...anInterest, id: `fuzz-interest-${i}` })),
      atMax: 'applied',
    });
  }
  cases.push(...oversize(s, limitsOf, rng, 1000));
  const k = wrongKind(s, cases);
  k('a return given as a request', sources.memberReturn, /is a return .*“Returns from members and declarants”/);
  k('kind set to "return", re-hashed', JSON.stringify(rehash(setAt(doc, ['kind'], 'return'))), /is a return/);
  for (const raw of ['', 'null', '{}', '[]']) k(`the text ${JSON.stringify(raw)}`, raw);
  cases.push(...hashes(s, ['from', 'askedBy'], 'Someone Else'));
  return cases;
}

function controls(sources: ReturnSources, sourcesOf: readonly Source[]): ReturnCase[] {
  const texts: Record<string, string> = {
    'member return': sources.memberReturn,
    'declarant return': sources.declarantReturn,
    'member request': sources.memberRequest,
    'declarant request (open already)': sources.declarantRequest,
  };
  return sourcesOf.flatMap((s) => [
    {
      kind: 'unchanged',
      description: `${s.label}: as made`,
      target: s.target,
      text: texts[s.label] ?? '',
      expect: 'applied' as const,
    },
    {
      kind: 'unchanged',
      description: `${s.label}: re-hashed as it was`,
      target: s.target,
      text: JSON.stringify(rehash(s.doc)),
      expect: 'applied' as const,
    },
  ]);
}

/** Every case, from the app's own return and request files, in a seeded order of choices. */
export function buildCases(rng: Rng, sources: ReturnSources, limits: ReturnLimits): ReturnCase[] {
  const source = (label: string, textOf: string, target: Target): Source => ({
    label,
    doc: JSON.parse(textOf) as Json,
    target,
  });
  const member = source('member return', sources.memberReturn, 'lead');
  const declarant = source('declarant return', sources.declarantReturn, 'lead');
  const request = source('member request', sources.memberRequest, 'member');
  const declarantRequest = source('declarant request (open already)', sources.declarantRequest, 'member');
  return [
    ...controls(sources, [member, declarant, request, declarantRequest]),
    // Returns, imported by the lead.
    ...removals(member, rng, 0.3, (path) => removalExpected(member, path)),
    ...removals(declarant, rng, 0.15, (path) => removalExpected(declarant, path)),
    ...typeSwaps(member, rng, 0.8),
    ...typeSwaps(declarant, rng, 0.4),
    ...prototypeInsertions(member, rng, prototypeValues, 1),
    ...prototypeInsertions(declarant, rng, prototypeValues, 0.3),
    ...wholeFileLimits(member, limits.maxReturnChars, rng, tooLarge(100)),
    ...returnChanges(member, sources, limits, rng),
    ...returnChanges(declarant, sources, limits, rng),
    ...versions(member, formatVersions, formats),
    ...truncations(member, rng, 15),
    ...truncations(declarant, rng, 8),
    ...byteFlips(member, rng, 40),
    ...byteFlips(declarant, rng, 20),
    ...unknownKeys(member, rng, 12, unknownKeyExpected),
    ...unknownKeys(declarant, rng, 8, unknownKeyExpected),
    // Requests, opened by a member.
    ...removals(request, rng, 0.1, (path) => removalExpected(request, path)).filter(() => rng() < 0.5),
    ...typeSwaps(request, rng, 0.25),
    ...prototypeInsertions(request, rng, prototypeValues, 0.25),
    ...wholeFileLimits(request, limits.maxRequestChars, rng, tooLarge(1)),
    ...requestChanges(request, sources, limits, rng),
    ...requestChanges(declarantRequest, sources, limits, rng),
    ...versions(request, formatVersions, formats),
    ...truncations(request, rng, 6),
    ...byteFlips(request, rng, 15),
    ...unknownKeys(request, rng, 6, unknownKeyExpected),
  ];
}
