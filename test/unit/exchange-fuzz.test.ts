// @vitest-environment node
/**
 * Exchange fuzz test: hundreds of damaged and hostile exchange files, made by mutating real files
 * that the app's own `makeReviewFile` and `makeCommentsFile` wrote (a review of a draft with two
 * evidence files, and an LMC's second comments file on it). Many mutations are re-hashed (given a
 * correct `sha256` for the changed content), so the checks after the hash are reached too. The
 * cases are in `support/exchange-fuzz-cases.ts`; the seed is printed and can be set with FUZZ_SEED.
 *
 * Comments files are imported into a fresh practice database that sent the review (and two
 * others) and imported the LMC's first comments; review files are opened in a fresh reviewer
 * database that already holds another review. Each file must be refused with a plain message and
 * leave the whole database exactly as it was, or be applied correctly: the one record it writes
 * passes the app's own restore and holds what the file says, and nothing else changed. After
 * every case no prototype may have changed. A case that throws is "crashed"; one that takes
 * longer than `caseTimeoutMs` is "hung". The last test feeds the same checks a broken app of each
 * kind, so each count can fail. Over 300 lines: the checks of an applied file and their own test
 * belong with the cases they judge.
 *
 * A comments file's `applicationRevision` must be the revision the review file was sent at (a
 * changed one is refused; that case still expects "either", as both outcomes are safe). Refusals of
 * text that is not JSON, too large or too deep come from the shared safe JSON parser, which names
 * the kind of file expected ("review file", "comments file").
 */
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxStoredStringLength } from '@/domain/answers/answer-value';
import { maxEvidenceFileBytes } from '@/domain/backup/backup-format';
import {
  maxCommentChars,
  maxComments,
  maxCommentsChars,
  maxReviewChars,
  maxReviewEvidence,
  type CommentsFile,
  type ReviewFile,
} from '@/domain/exchange/exchange-format';
import {
  practiceReviewId,
  restoreReview,
  reviewerReviewId,
  type CommentTargets,
  type ReviewRecord,
  type ReviewerReview,
} from '@/domain/exchange/review-record';
import type { Repositories } from '@/domain/ports';
import { exportBackup } from '@/storage/backup';
import {
  importCommentsFile,
  makeCommentsFile,
  makeReviewFile,
  openReviewFile,
  type ExchangeResult,
} from '@/storage/exchange';
import { aqp } from '../helpers/engine';
import {
  at,
  dexieBackend,
  makeApplication,
  makeProfile,
  randomBytes,
  seededRandom,
  testDeps,
} from '../helpers/storage-fixtures';
import { buildCases, type ExchangeCase, type ExchangeSources } from './support/exchange-fuzz-cases';
import { isObject, sha256Hex as sha256, type Json, type JsonObject } from './support/fuzz';
import {
  applyWords as words,
  byKey,
  failureKindsOf,
  firstDifference,
  fuzzSeed,
  prototypeShape,
  runCorpus,
  runFuzzCase,
  type CaseResult,
  type Dump,
  type FailureKind as FailureKindOf,
  type Shape,
} from './support/fuzz-checks';

const defaultSeed = 20261203;
const caseTimeoutMs = 5_000;
const now = () => new Date('2026-11-22T12:00:00.000Z');
const applicationId = 'application-1';

const checklist = aqp();
const targets: CommentTargets = {
  hasSection: (id) => checklist.sections.has(id),
  sectionOf: (questionId) => checklist.questions.get(questionId)?.section.id,
};

type Backend = ReturnType<typeof dexieBackend>;
const exchangeDeps = (prefix: string) => {
  let ids = 0;
  return { now, newId: () => `${prefix}-${(ids += 1)}` };
};
const must = <T>(result: ExchangeResult<T>): T & { ok: true } => {
  if (!result.ok) throw new Error(result.message);
  return result;
};

// ---------------------------------------------------------------------------------------------
// The databases

/** The practice's organisation, two applications and three evidence files (two referenced). */
async function practiceWork(): Promise<Backend> {
  let ids = 0;
  const backend = dexieBackend(testDeps({ newId: () => `evidence-${(ids += 1)}` }));
  const r = backend.repositories;
  const deed = await r.evidence.add(
    {
      profileId: 'profile-1',
      name: 'Partnership deed.pdf',
      type: 'application/pdf',
      questionIds: ['org.partnership-deed'],
    },
    new Blob([randomBytes(21, 2049)], { type: 'application/pdf' }),
  );
  const policy = await r.evidence.add(
    {
      profileId: 'profile-1',
      name: 'Clinical governance – Zoë.txt',
      type: 'text/plain',
      questionIds: ['gov.cg-policy'],
    },
    new Blob(['Audit monthly. £5 a month.'], { type: 'text/plain' }),
  );
  await r.evidence.add(
    { profileId: 'profile-1', name: 'Unreferenced.txt', type: 'text/plain', questionIds: [] },
    new Blob(['not in any answer'], { type: 'text/plain' }),
  );
  await r.profiles.create(
    makeProfile({
      answers: {
        'org.legal-name': 'Riverside Medical Practice – Zoë Ładny & Partners',
        'org.ods-code': 'A12345',
        'org.date-formed': { day: '1', month: '4', year: '1998' },
        'org.people': [
          { id: 'person-1', values: { name: 'Dr Zoë Ładny', role: 'partner' } },
          { id: 'person-2', values: { name: 'Sam Hill', role: 'partner' } },
        ],
        'org.partnership-deed': [deed.id],
      },
    }),
  );
  await r.applications.create(
    makeApplication({
      answers: {
        'com.standard-contract': 'yes',
        'bid.model': 'other',
        'bid.model-other': 'We lead a federation of four practices.',
        'gov.cg-policy': [policy.id],
        'svc.start': { day: '1', month: '4', year: '2027' },
      },
      completedSections: ['organisation'],
    }),
  );
  await r.applications.create(makeApplication({ id: 'application-2', services: ['podiatry'] }));
  return backend;
}

interface World {
  readonly sources: ExchangeSources;
  /** The practice's review records after it sent three reviews and imported the first comments. */
  readonly practiceReviews: readonly ReviewRecord[];
  /** Another review the reviewer's database holds, with comments. */
  readonly otherReview: ReviewerReview;
}

async function makeWorld(): Promise<World> {
  const practice = await practiceWork();
  const r = practice.repositories;
  const profile = await r.profiles.get('profile-1');
  const [app1, app2] = [await r.applications.get(applicationId), await r.applications.get('application-2')];
  if (!profile || !app1 || !app2) throw new Error('the practice database is incomplete');
  const reviewDeps = exchangeDeps('review');
  const review = must(await makeReviewFile(r, { application: app1, profile, includeEvidence: true }, reviewDeps)).text;
  const reviewWithout = must(
    await makeReviewFile(r, { application: app1, profile, includeEvidence: false }, reviewDeps),
  ).text;
  const forApp2 = must(
    await makeReviewFile(r, { application: app2, profile, includeEvidence: false }, reviewDeps),
  ).text;
  const idOf = (text: string) => (JSON.parse(text) as ReviewFile).id;

  // The LMC opens the review, writes two comments and sends them.
  const reviewer = dexieBackend(testDeps());
  const opened = must(await openReviewFile(reviewer.repositories, review, { now }));
  const save = async (record: ReviewerReview): Promise<ReviewerReview> => {
    const saved = await reviewer.repositories.reviews.save(record);
    if (!saved.ok || saved.record.role !== 'reviewer') throw new Error('the reviewer record was not saved');
    return saved.record;
  };
  const stored = await reviewer.repositories.reviews.get(opened.id);
  if (stored?.role !== 'reviewer') throw new Error('no reviewer record');
  const first = await save({
    ...stored,
    reviewer: { name: 'Dr Alex Morgan', organisation: 'Kernow LMC' },
    overall: 'A strong draft.',
    comments: [
      { id: 'c-1', sectionId: 'commercial', questionId: 'com.standard-contract', text: 'Which version?' },
      { id: 'c-2', sectionId: 'organisation', text: 'Add the trading name.' },
    ],
  });
  const commentsDeps = exchangeDeps('comments');
  const firstComments = must(await makeCommentsFile(first, commentsDeps)).text;
  must(await importCommentsFile(r, applicationId, firstComments, targets, { now }));

  // The practice replies; the LMC revises its comments and sends them again.
  const sent = await r.reviews.get(practiceReviewId(idOf(review)));
  if (sent?.role !== 'practice' || !sent.received) throw new Error('the first comments were not imported');
  const replied = await r.reviews.save({
    ...sent,
    received: {
      ...sent.received,
      comments: sent.received.comments.map((c, i) =>
        i === 0 ? { ...c, reply: 'The 2024/25 contract.', resolvedAt: at(45) } : { ...c, reply: 'Will do.' },
      ),
    },
  });
  if (!replied.ok) throw new Error('the replies were not saved');
  const second = await save({
    ...first,
    overall: 'Better. One more point. – Zoë’s team',
    comments: [
      { id: 'c-1', sectionId: 'commercial', questionId: 'com.standard-contract', text: 'Which version, and its date?' },
      { id: 'c-2', sectionId: 'organisation', text: 'Add the trading name.' },
      { id: 'c-3', sectionId: 'organisation', questionId: 'org.legal-name', text: 'Use the name on the deed.' },
    ],
  });
  const comments = must(await makeCommentsFile(second, commentsDeps)).text;

  // The reviewer's database for the cases holds another review, with comments.
  const otherOpened = must(await openReviewFile(reviewer.repositories, forApp2, { now }));
  const other = await reviewer.repositories.reviews.get(otherOpened.id);
  if (other?.role !== 'reviewer') throw new Error('no other reviewer record');
  const otherReview = await save({
    ...other,
    reviewer: { name: 'Dr Alex Morgan', organisation: '' },
    comments: [{ id: 'o-1', sectionId: 'organisation', text: 'Draft note.' }],
  });

  const backup = await exportBackup(r, { scope: { kind: 'all' }, now });
  if (!backup.ok) throw new Error(backup.message);
  const practiceReviews = await r.reviews.list();
  practice.connection.close();
  reviewer.connection.close();
  return {
    sources: {
      review,
      reviewWithout,
      comments,
      firstCommentsId: (JSON.parse(firstComments) as CommentsFile).id,
      backup: backup.text,
      unansweredReviewId: idOf(reviewWithout),
      otherApplicationReviewId: idOf(forApp2),
      otherApplicationId: 'application-2',
      openReviewId: idOf(forApp2),
      question: { id: 'org.legal-name', section: 'organisation', otherSection: 'commercial' },
    },
    practiceReviews,
    otherReview,
  };
}

async function targetDatabase(world: World, target: ExchangeCase['target']): Promise<Backend> {
  if (target === 'practice') {
    const backend = await practiceWork();
    for (const record of world.practiceReviews) await backend.repositories.reviews.restore(record);
    return backend;
  }
  const backend = dexieBackend(testDeps());
  await backend.repositories.profiles.create(makeProfile({ id: 'lmc-profile', name: 'Kernow LMC', answers: {} }));
  await backend.repositories.reviews.restore(world.otherReview);
  return backend;
}

// ---------------------------------------------------------------------------------------------
// Running one case

/** The app under test; the last test swaps in broken versions to prove the checks catch them. */
interface App {
  importComments(
    repositories: Repositories,
    text: string,
  ): Promise<ExchangeResult<{ comments: number; reviewer: string }>>;
  openReview(repositories: Repositories, text: string): Promise<ExchangeResult<{ id: string; reopened: boolean }>>;
}

const realApp: App = {
  importComments: (repositories, text) => importCommentsFile(repositories, applicationId, text, targets, { now }),
  openReview: (repositories, text) => openReviewFile(repositories, text, { now }),
};

const failureKinds = failureKindsOf(words);
type FailureKind = FailureKindOf<typeof words>;
type Applied = { comments: number; reviewer: string } | { id: string; reopened: boolean };

function runCase(
  world: World,
  c: ExchangeCase,
  baseline: Shape,
  app: App = realApp,
  timeoutMs = caseTimeoutMs,
): Promise<CaseResult<typeof words>> {
  return runFuzzCase(
    words,
    c,
    {
      open: () => targetDatabase(world, c.target),
      attempt: (backend): Promise<ExchangeResult<Applied>> =>
        c.target === 'practice'
          ? app.importComments(backend.repositories, c.text)
          : app.openReview(backend.repositories, c.text),
      check: (_, result, before, after) =>
        c.target === 'practice'
          ? 'comments' in result
            ? checkImported(c.text, result, before, after)
            : ['the import did not say how many comments it imported']
          : 'id' in result
            ? checkOpened(c.text, result, before, after)
            : ['opening did not say which review it kept'],
    },
    baseline,
    timeoutMs,
  );
}

// ---------------------------------------------------------------------------------------------
// Whether a file was applied correctly

/** The stored record passes the app's own restore, unchanged by it. */
function restoresAsIs(key: string, row: unknown): string[] {
  const restored = restoreReview(row);
  if (!restored.ok) return [`reviews "${key}" does not restore: ${restored.reason}`];
  return isDeepStrictEqual(restored.record, row) ? [] : [`reviews "${key}" changes on restore`];
}

function parsedFile(text: string): JsonObject | string {
  try {
    const parsed = JSON.parse(text) as Json;
    return isObject(parsed) ? parsed : 'applied a file that is not a JSON object';
  } catch {
    return 'applied a file that is not JSON';
  }
}

function checkImported(
  text: string,
  result: { comments: number; reviewer: string },
  before: Dump,
  after: Dump,
): string[] {
  const file = parsedFile(text);
  if (typeof file === 'string') return [file];
  const problems: string[] = [];
  const key = practiceReviewId(String(file['reviewId']));
  const was = byKey(before, 'reviews').get(key) as Record<string, unknown> | undefined;
  const now_ = byKey(after, 'reviews').get(key) as Record<string, unknown> | undefined;
  if (!was || was['role'] !== 'practice') return [`imported comments on "${key}", which this computer did not send`];
  if (was['applicationId'] !== applicationId)
    problems.push(`imported into ${applicationId} comments on a review of ${String(was['applicationId'])}`);
  if (file['applicationId'] !== applicationId) problems.push(`imported comments on ${String(file['applicationId'])}`);
  if (!now_) return [...problems, `reviews "${key}" is gone`];
  problems.push(...restoresAsIs(key, now_));
  const changed = firstDifference(before, after, { table: 'reviews', key });
  if (changed) problems.push(`more than the review's record changed: ${changed}`);

  // The record is the one sent, with the file's comments received, replies kept by comment id.
  const received = was['received'] as
    { commentsId?: unknown; comments?: { id: string; reply: string; resolvedAt?: string }[] } | undefined;
  if (received?.commentsId === file['id']) problems.push('the same comments file was imported twice');
  const prior = new Map((received?.comments ?? []).map((c) => [c.id, c]));
  const fileComments = Array.isArray(file['comments']) ? (file['comments'] as JsonObject[]) : [];
  const expected = {
    ...was,
    revision: Number(was['revision']) + 1,
    received: {
      commentsId: file['id'],
      importedAt: now().toISOString(),
      sentAt: file['createdAt'],
      reviewer: file['reviewer'],
      overall: file['overall'],
      comments: fileComments.map((c) => {
        const old = prior.get(String(c['id']));
        return { ...c, reply: old?.reply ?? '', ...(old?.resolvedAt ? { resolvedAt: old.resolvedAt } : {}) };
      }),
    },
  };
  if (!isDeepStrictEqual(now_, expected))
    problems.push(`the stored record is not what the file says: ${JSON.stringify(now_).slice(0, 200)}`);
  const reviewer = isObject(file['reviewer']) ? file['reviewer']['organisation'] : undefined;
  if (result.comments !== fileComments.length || result.reviewer !== reviewer)
    problems.push(`the result says ${result.comments} comments from ${result.reviewer}`);
  return problems;
}

function checkOpened(text: string, result: { id: string; reopened: boolean }, before: Dump, after: Dump): string[] {
  const file = parsedFile(text);
  if (typeof file === 'string') return [file];
  const problems: string[] = [];
  const key = reviewerReviewId(String(file['id']));
  if (result.id !== key) problems.push(`the result names "${result.id}", not "${key}"`);
  const existed = byKey(before, 'reviews').has(key);
  if (result.reopened !== existed) problems.push(`the result says reopened ${result.reopened}`);
  if (existed) {
    const changed = firstDifference(before, after);
    return changed ? [...problems, `reopening changed the database: ${changed}`] : problems;
  }
  const changed = firstDifference(before, after, { table: 'reviews', key });
  if (changed) problems.push(`more than the new record changed: ${changed}`);
  const stored = byKey(after, 'reviews').get(key);
  if (stored === undefined) return [...problems, `reviews "${key}" was not stored`];
  problems.push(...restoresAsIs(key, stored));
  const expected = {
    formatVersion: 1,
    id: key,
    revision: 0,
    role: 'reviewer',
    openedAt: now().toISOString(),
    review: file,
    reviewer: { name: '', organisation: '' },
    overall: '',
    comments: [],
  };
  if (!isDeepStrictEqual(stored, expected))
    problems.push(`the stored record is not what the file says: ${JSON.stringify(stored).slice(0, 200)}`);

  // The files' bytes are the files the details describe, and the application is the organisation's.
  const evidence = Array.isArray(file['evidence']) ? (file['evidence'] as JsonObject[]) : [];
  evidence.forEach((entry, i) => {
    const meta = isObject(entry['meta']) ? entry['meta'] : {};
    if (typeof entry['data'] !== 'string') return;
    const bytes = new Uint8Array(Buffer.from(entry['data'], 'base64'));
    if (bytes.byteLength !== meta['size'] || sha256(bytes) !== meta['sha256'])
      problems.push(`evidence [${i}] was kept though its bytes do not match its size and sha256`);
  });
  const profile = isObject(file['profile']) ? file['profile'] : {};
  const application = isObject(file['application']) ? file['application'] : {};
  if (application['profileId'] !== profile['id']) problems.push('the application kept is not its organisation’s');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The tests

describe('exchange fuzz', () => {
  const seed = fuzzSeed(defaultSeed);
  let world: World;
  let cases: ExchangeCase[] = [];
  let baseline: Shape = [];

  beforeAll(async () => {
    world = await makeWorld();
    cases = buildCases(seededRandom(seed), world.sources, {
      maxCommentsChars,
      maxReviewChars,
      maxComments,
      maxCommentChars,
      maxReviewEvidence,
      maxEvidenceFileBytes,
      maxStoredStringLength,
    });
    baseline = prototypeShape();
  }, 30_000);

  it('refuses each damaged or hostile file plainly, or applies it correctly', async () => {
    const { counts, failing, first, byKind, seconds } = await runCorpus(
      words,
      cases,
      (c) => runCase(world, c, baseline),
      seed,
    );
    console.info(
      `exchange fuzz (seed ${seed}): ${cases.length} cases, ${counts.refused} refused, ${counts.applied} applied, ` +
        `${failing('crashed')} crashed, ${failing('hung')} hung, ${failing('polluted')} polluted, ` +
        `${failing('changed')} changed after refusal; ${failing('unclear message')} unclear messages, ` +
        `${failing('wrong outcome')} wrong outcomes, ${failing('bad apply')} bad applies (${seconds} s)\n` +
        `  by kind (refused/cases): ${byKind}`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(counts.refused + counts.applied + counts.crashed + counts.hung).toBe(cases.length);
    expect(counts.applied).toBeGreaterThan(0);
    for (const kind of failureKinds) expect(failing(kind), first(kind)).toBe(0);
  }, 120_000);

  it('catches a crash, a hang, pollution, a change after refusal, an unclear message and a bad apply', async () => {
    const control = (target: ExchangeCase['target']) => {
      const c = cases.find((x) => x.kind === 'unchanged' && x.target === target);
      if (!c) throw new Error(`no control case for the ${target}`);
      return c;
    };
    const comments = control('practice');
    const review = control('reviewer');
    const refuse = (message: string) => ({ ok: false as const, message });
    const broken: [FailureKind, App, ExchangeCase][] = [
      ['crashed', { ...realApp, importComments: () => Promise.reject(new TypeError('x is undefined')) }, comments],
      ['crashed', { ...realApp, openReview: () => Promise.reject(new Error('boom')) }, review],
      ['hung', { ...realApp, importComments: () => new Promise<never>(() => undefined) }, comments],
      ['hung', { ...realApp, openReview: () => new Promise<never>(() => undefined) }, review],
      [
        'polluted',
        {
          ...realApp,
          importComments: async () => {
            Reflect.set(Object.prototype, 'polluted', 'yes');
            return refuse('This file is not a comments file.');
          },
        },
        comments,
      ],
      [
        'changed',
        {
          ...realApp,
          importComments: async (repositories, text) => {
            await realApp.importComments(repositories, text);
            return refuse('The comments could not be saved. The disk is full.');
          },
        },
        comments,
      ],
      [
        'changed',
        {
          ...realApp,
          openReview: async (repositories) => {
            await repositories.profiles.create(makeProfile({ id: 'half-written' }));
            return refuse('The review file could not be kept on this computer.');
          },
        },
        review,
      ],
      [
        'unclear message',
        { ...realApp, importComments: async () => refuse('Error: undefined at x (exchange.ts:1:2)') },
        comments,
      ],
      ['unclear message', { ...realApp, openReview: async () => refuse('[object Object]') }, review],
      [
        'unclear message',
        { ...realApp, openReview: async () => refuse('[{"code":"invalid_type","path":["id"]}]') },
        review,
      ],
      ['wrong outcome', realApp, { ...comments, expect: 'refused' }],
      ['wrong outcome', realApp, { ...review, text: '{}', expect: 'applied' }],
      [
        'bad apply',
        {
          ...realApp,
          importComments: async (repositories, text) => {
            const result = await realApp.importComments(repositories, text);
            const stored = await repositories.reviews.get(
              practiceReviewId((JSON.parse(text) as CommentsFile).reviewId),
            );
            if (stored?.role === 'practice' && stored.received)
              await repositories.reviews.save({
                ...stored,
                received: {
                  ...stored.received,
                  comments: stored.received.comments.map((c) => ({ ...c, reply: 'lost' })),
                },
              });
            return result;
          },
        },
        comments,
      ],
      [
        'bad apply',
        {
          ...realApp,
          importComments: async (repositories, text) => {
            const result = await realApp.importComments(repositories, text);
            await repositories.applications.delete('application-2');
            return result;
          },
        },
        comments,
      ],
      [
        'bad apply',
        {
          ...realApp,
          openReview: async (repositories, text) => {
            const result = await realApp.openReview(repositories, text);
            const stored = result.ok ? await repositories.reviews.get(result.id) : undefined;
            if (stored?.role === 'reviewer')
              await repositories.reviews.save({
                ...stored,
                comments: [{ id: 'x', sectionId: 'organisation', text: 'Planted.' }],
              });
            return result;
          },
        },
        review,
      ],
      [
        'bad apply',
        { ...realApp, openReview: async () => ({ ok: true as const, id: 'reviewer-nothing', reopened: false }) },
        review,
      ],
    ];
    for (const [kind, app, c] of broken) {
      const result = await runCase(world, c, baseline, app, 200);
      expect(
        result.failures.map((f) => f.kind),
        `${kind}: ${c.description}`,
      ).toContain(kind);
    }
    expect(Reflect.get({}, 'polluted')).toBeUndefined(); // put back by the check
    expect((await runCase(world, comments, baseline)).failures).toEqual([]);
    expect((await runCase(world, review, baseline)).failures).toEqual([]);
  }, 30_000);
});
