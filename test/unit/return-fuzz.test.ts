// @vitest-environment node
/**
 * Return fuzz test: hundreds of damaged and hostile member returns and requests, made by mutating
 * real files that the app's own `makeReturnFile` and `makeReturnRequest` wrote: a member
 * practice's return with two evidence files, a declarant's second return with interests (their
 * first is imported already), and the requests they answer. Many mutations are re-hashed (given a
 * correct `sha256` for the changed content), so the checks after the hash are reached too. The
 * cases are in `support/return-fuzz-cases.ts`; the seed is printed and can be set with FUZZ_SEED.
 *
 * Returns are imported (`importReturnFiles`) into a fresh lead database that made four requests
 * (one replaced, one answered already); requests are opened (`openReturnRequest`) in a fresh member
 * database that already has the declarant's request open. Each file must be refused with a plain
 * message and leave every table exactly as it was, or be applied correctly: for a return, the one
 * record it writes is the request with `received` holding the parsed file; for a request, a new
 * draft, organisation and record holding what the file says (or, when it is open already, nothing
 * changed). After every case no prototype may have changed. A case that throws is "crashed"; one
 * that takes longer than `caseTimeoutMs` is "hung". The last test feeds the same checks a broken
 * app of each kind, so each count can fail. Over 300 lines: the checks of an applied file and
 * their own test belong with the cases they judge.
 */
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxRepeatItems, maxStoredStringLength, type RepeatItem } from '@/domain/answers/answer-value';
import type { Application, OrganisationProfile } from '@/domain/application/application';
import { restoreApplication, restoreProfile } from '@/domain/application/restore';
import { maxEvidenceFileBytes } from '@/domain/backup/backup-format';
import { exchangeContent, parseExchange } from '@/domain/exchange/exchange-format';
import {
  maxRequestChars,
  maxRequestPeople,
  maxReturnChars,
  maxReturnEvidence,
  maxReturnInterests,
  type ReturnFile,
  type ReturnRequestFile,
  type ReturnSubject,
} from '@/domain/exchange/return-format';
import {
  leadRequestId,
  respondentReturnId,
  restoreReturn,
  type LeadRequest,
  type ReturnRecord,
  type RespondentReturn,
} from '@/domain/exchange/return-record';
import type { Repositories } from '@/domain/ports';
import {
  importReturnFiles,
  makeReturnFile,
  makeReturnRequest,
  openReturnRequest,
  type ReturnResult,
} from '@/storage/returns';
import {
  at,
  dexieBackend,
  makeApplication,
  makeProfile,
  randomBytes,
  seededRandom,
  testDeps,
} from '../helpers/storage-fixtures';
import { sha256Hex as sha256 } from './support/fuzz';
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
  type Refusal,
  type Shape,
} from './support/fuzz-checks';
import { buildCases, type ReturnCase, type ReturnSources } from './support/return-fuzz-cases';

const defaultSeed = 20261210;
const caseTimeoutMs = 5_000;
const now = () => new Date(at(70));
const applicationId = 'application-1';

type Backend = ReturnType<typeof dexieBackend>;
const idsAt = (prefix: string, second: number) => {
  let ids = 0;
  return { now: () => new Date(at(second)), newId: () => `${prefix}-${(ids += 1)}` };
};
const must = <T>(result: ReturnResult<T>): T & { ok: true } => {
  if (!result.ok) throw new Error(result.message);
  return result;
};

// ---------------------------------------------------------------------------------------------
// The world: the lead's database with its requests, and a member's with a request open

const interest = (id: string, declarant: string, organisation: string): RepeatItem => ({
  id,
  values: {
    declarant,
    type: 'financial',
    organisation,
    description: `An interest in ${organisation}.`,
    directness: 'direct',
    from: { day: '1', month: '4', year: '2020' },
    mitigation: 'Takes no part in the decision.',
  },
});
const subject = (type: ReturnSubject['type'], itemId: string, name: string): ReturnSubject => ({
  type,
  questionId: type === 'member' ? 'bid.members' : 'coi.declarants',
  itemId,
  name,
});
const hill = subject('member', 'm-hill', 'Hillside Surgery');
const brook = subject('member', 'm-brook', 'Brook Lane Practice');
const zoe = subject('declarant', 'd-zoe', 'Dr Zoë Ładny');

async function leadWork(): Promise<{ backend: Backend; profile: OrganisationProfile; application: Application }> {
  const backend = dexieBackend(testDeps({ newId: () => 'lead-new-id' }));
  const r = backend.repositories;
  const profile = await r.profiles.create(
    makeProfile({
      name: 'Riverside Health Federation',
      answers: {
        'org.people': [
          { id: 'p-zoe', values: { name: 'Dr Zoë Ładny', role: 'partner', register: 'gmc' } },
          { id: 'p-sam', values: { name: 'Sam Hill', role: 'partner', register: 'none' } },
          { id: 'p-priya', values: { name: 'Dr Priya Shah', role: 'clinician', register: 'gmc' } },
        ],
      },
    }),
  );
  const application = await r.applications.create(
    makeApplication({
      answers: {
        'bid.model': 'lead-provider',
        'bid.members': [
          {
            id: 'm-hill',
            values: { name: 'Hillside Surgery', kind: 'gp-practice', 'ods-code': 'B81001', services: ['msk'] },
          },
          { id: 'm-brook', values: { name: 'Brook Lane Practice', kind: 'gp-practice' } },
        ],
        'coi.declarants': [
          { id: 'd-zoe', values: { name: 'p-zoe', role: 'partner' } },
          { id: 'd-sam', values: { name: 'p-sam', role: 'partner' } },
        ],
        'coi.interests': [interest('i-1', 'd-zoe', 'ABC Health Ltd'), interest('i-3', 'd-sam', 'Hill Holdings')],
      },
      advert: { commissioner: 'NHS North Riverside ICB', reference: 'MSK-2026-01', closingDate: '2026-12-15' },
    }),
  );
  await r.applications.create(makeApplication({ id: 'application-2', services: ['podiatry'] }));
  return { backend, profile, application };
}

interface World {
  readonly sources: ReturnSources;
  readonly lead: {
    readonly profiles: OrganisationProfile[];
    readonly applications: Application[];
    readonly returns: ReturnRecord[];
  };
  readonly member: {
    readonly profiles: OrganisationProfile[];
    readonly applications: Application[];
    readonly returns: ReturnRecord[];
  };
}

async function opened(member: Backend, text: string, prefix: string) {
  const open = must(await openReturnRequest(member.repositories, text, idsAt(prefix, 50)));
  const application = await member.repositories.applications.get(open.draftId);
  const record = await member.repositories.returns.get(respondentReturnId((JSON.parse(text) as ReturnRequestFile).id));
  if (!application || record?.role !== 'respondent') throw new Error('no draft');
  return { application, record };
}

async function saveItem(member: Backend, application: Application, answers: Application['answers']) {
  const saved = await member.repositories.applications.save({
    ...application,
    answers: { ...application.answers, ...answers },
  });
  if (!saved.ok) throw new Error('the draft was not saved');
  return saved.record;
}

async function sendBack(member: Backend, requestId: string, application: Application, prefix: string, second: number) {
  const record = await member.repositories.returns.get(respondentReturnId(requestId));
  if (record?.role !== 'respondent') throw new Error('no respondent record');
  return must(
    await makeReturnFile(
      member.repositories,
      {
        record,
        answers: application.answers,
        evidence: await member.repositories.evidence.listForProfile(application.profileId),
        respondent: { name: 'Dr Priya Shah', organisation: 'Hillside Surgery' },
      },
      idsAt(prefix, second),
    ),
  ).text;
}

async function makeWorld(): Promise<World> {
  const lead = await leadWork();
  const r = lead.backend.repositories;
  const answers = { ...lead.profile.answers, ...lead.application.answers };
  const ask = async (s: ReturnSubject, second: number) =>
    must(
      await makeReturnRequest(
        r,
        {
          application: lead.application,
          profile: lead.profile,
          answers,
          subject: s,
          askedBy: 'Jane Smith',
          email: 'jane.smith@nhs.net',
        },
        idsAt(`request-${s.itemId}-${second}`, second),
      ),
    );
  const replaced = await ask(brook, 30);
  await ask(brook, 35);
  const memberRequest = (await ask(hill, 40)).text;
  const declarantRequest = (await ask(zoe, 41)).text;
  const idOf = (text: string) => (JSON.parse(text) as { id: string }).id;

  // The member practice fills in its part, with two files.
  let evidenceIds = 0;
  const practice = dexieBackend(testDeps({ newId: () => `practice-evidence-${(evidenceIds += 1)}` }));
  const draft = await opened(practice, memberRequest, 'practice');
  const add = (name: string, type: string, bytes: Uint8Array<ArrayBuffer>) =>
    practice.repositories.evidence.add(
      { profileId: draft.application.profileId, name, type, questionIds: ['bid.members'] },
      new Blob([bytes], { type }),
    );
  const certificate = await add('CQC certificate – Hillside.pdf', 'application/pdf', randomBytes(41, 1500));
  const declaration = await add(
    'Self-declaration.txt',
    'text/plain',
    new TextEncoder().encode('We declare. £5 – Zoë.'),
  );
  const filled = await saveItem(practice, draft.application, {
    'bid.members': [
      {
        id: 'm-hill',
        values: {
          name: 'Hillside Surgery',
          kind: 'gp-practice',
          'ods-code': 'B81002',
          'cqc-provider-id': '1-199747506',
          address: { line1: '1 Hill Street', line2: '', town: 'Riverside', county: '', postcode: 'RV1 2AB' },
          locations: 'Branch surgery, 2 Mill Road',
          services: ['msk'],
          insured: 'yes',
          clinicians: ['p-priya'],
          'cqc-certificate': [certificate.id],
          'self-declaration': [declaration.id],
        },
      },
    ],
  });
  const memberReturn = await sendBack(practice, idOf(memberRequest), filled, 'practice-return', 60);

  // The declarant sends a first return, which the lead imports, then a second.
  const person = dexieBackend(testDeps());
  const declaration1 = await opened(person, declarantRequest, 'member');
  const declarant = (has: string) => ({
    'coi.declarants': [
      {
        id: 'd-zoe',
        values: {
          name: 'p-zoe',
          role: 'partner',
          'has-interests': has,
          declared: { day: '20', month: '11', year: '2026' },
        },
      },
    ],
  });
  const first = await saveItem(person, declaration1.application, { ...declarant('no'), 'coi.interests': [] });
  const firstReturn = await sendBack(person, idOf(declarantRequest), first, 'declarant-return-a', 55);
  const imported = await importReturnFiles(r, applicationId, [{ name: 'first.json', text: firstReturn }], {
    now: () => new Date(at(58)),
  });
  if (!imported[0]?.ok) throw new Error(imported[0]?.message);
  const second = await saveItem(person, first, {
    ...declarant('yes'),
    'coi.interests': [interest('i-1', 'd-zoe', 'ABC Health Ltd – 12%'), interest('i-9', 'd-zoe', 'Kernow Physio Ltd')],
  });
  const declarantReturn = await sendBack(person, idOf(declarantRequest), second, 'declarant-return-b', 62);

  const world: World = {
    sources: {
      memberReturn,
      declarantReturn,
      importedReturnId: idOf(firstReturn),
      memberRequest,
      declarantRequest,
      replacedRequestId: idOf(replaced.text),
      replacedSubject: { itemId: brook.itemId, name: brook.name },
      otherApplicationId: 'application-2',
      replyBy: '2026-12-15',
    },
    lead: {
      profiles: [...(await r.profiles.list())],
      applications: [...(await r.applications.list())],
      returns: [...(await r.returns.list())],
    },
    member: {
      profiles: [...(await person.repositories.profiles.list())],
      applications: [...(await person.repositories.applications.list())],
      returns: [...(await person.repositories.returns.list())],
    },
  };
  for (const b of [lead.backend, practice, person]) b.connection.close();
  return world;
}

async function targetDatabase(world: World, target: ReturnCase['target']): Promise<Backend> {
  const records = target === 'lead' ? world.lead : world.member;
  const backend = dexieBackend(testDeps({ newId: () => 'storage-new-id' }));
  const r = backend.repositories;
  for (const p of records.profiles) await r.profiles.restore(p);
  for (const a of records.applications) await r.applications.restore(a);
  for (const x of records.returns) await r.returns.restore(x);
  return backend;
}

// ---------------------------------------------------------------------------------------------
// Running one case

type Opened = { draftId: string; reopened: boolean };
/** The app under test; the last test swaps in broken versions to prove the checks catch them. */
interface App {
  importReturn(repositories: Repositories, text: string): Promise<{ ok: boolean; message: string }>;
  openRequest(repositories: Repositories, text: string): Promise<ReturnResult<Opened>>;
}

const realApp: App = {
  importReturn: async (repositories, text) => {
    const results = await importReturnFiles(repositories, applicationId, [{ name: 'fuzz.json', text }], { now });
    if (results.length !== 1) return { ok: false, message: `${results.length} results for one file` };
    return results[0] ?? { ok: false, message: '' };
  },
  openRequest: (repositories, text) => {
    let ids = 0;
    return openReturnRequest(repositories, text, { now, newId: () => `fuzz-${(ids += 1)}` });
  },
};

const failureKinds = failureKindsOf(words);
type FailureKind = FailureKindOf<typeof words>;

function runCase(
  world: World,
  c: ReturnCase,
  baseline: Shape,
  app: App = realApp,
  timeoutMs = caseTimeoutMs,
): Promise<CaseResult<typeof words>> {
  return runFuzzCase(
    words,
    c,
    {
      open: () => targetDatabase(world, c.target),
      attempt: async (backend): Promise<{ ok: true; draftId?: string; reopened?: boolean } | Refusal> => {
        if (c.target === 'lead') {
          const imported = await app.importReturn(backend.repositories, c.text);
          return imported.ok ? { ok: true as const } : { ok: false as const, message: imported.message };
        }
        return app.openRequest(backend.repositories, c.text);
      },
      check: (_, result, before, after) =>
        c.target === 'lead'
          ? checkImported(c.text, before, after)
          : typeof result.draftId === 'string' && typeof result.reopened === 'boolean'
            ? checkOpened(c.text, { draftId: result.draftId, reopened: result.reopened }, before, after)
            : ['opening did not say which draft it made'],
    },
    baseline,
    timeoutMs,
  );
}

// ---------------------------------------------------------------------------------------------
// Whether a file was applied correctly

function restoresAsIs(
  what: string,
  restored: { ok: boolean; record?: unknown; reason?: string },
  row: unknown,
): string[] {
  if (!restored.ok) return [`${what} does not restore: ${restored.reason ?? ''}`];
  return isDeepStrictEqual(restored.record, row) ? [] : [`${what} changes on restore`];
}

/** A dump without some rows, to compare the rest. */
const without = (dump: Dump, rows: readonly { table: string; key: string }[]): Dump =>
  Object.fromEntries(
    Object.entries(dump).map(([table, list]) => [
      table,
      list.filter((row) => !rows.some((r) => r.table === table && r.key === row.key)),
    ]),
  );

const today = () => now().toISOString().slice(0, 10);

/** The return was kept on the request it answers, whole, and nothing else changed. */
function checkImported(text: string, before: Dump, after: Dump): string[] {
  const parsed = parseExchange(text, 'return');
  if (!parsed.ok) return [`applied a file the parser refuses: ${parsed.message}`];
  const file: ReturnFile = parsed.file;
  const problems: string[] = [];
  if (sha256(exchangeContent(file)) !== file.sha256) problems.push('applied a file whose sha256 is not of its content');
  file.evidence.forEach((e, i) => {
    const bytes = Buffer.from(e.data, 'base64');
    if (bytes.byteLength !== e.meta.size || sha256(bytes) !== e.meta.sha256)
      problems.push(`evidence [${i}] was kept though its bytes do not match its size and sha256`);
  });
  if (new Set(file.evidence.map((e) => e.meta.id)).size !== file.evidence.length)
    problems.push('two evidence files share an id');
  if (file.applicationId !== applicationId)
    problems.push(`imported into ${applicationId} a return for ${file.applicationId}`);
  const key = leadRequestId(file.requestId);
  const was = byKey(before, 'returns').get(key) as ReturnRecord | undefined;
  if (was?.role !== 'lead') return [...problems, `imported a return to "${key}", which this computer did not ask for`];
  if (was.applicationId !== applicationId) problems.push(`imported a return to a request of ${was.applicationId}`);
  if (was.replacedAt) problems.push('imported a return to a replaced request');
  if (was.decided) problems.push('imported a return to a request already decided');
  if (was.received?.returnId === file.id) problems.push('the same return was imported twice');
  if (
    was.subject.itemId !== file.subject.itemId ||
    was.subject.type !== file.subject.type ||
    was.subject.questionId !== file.subject.questionId
  )
    problems.push('imported a return for another item than its request asked for');
  if (Date.parse(file.createdAt) < Date.parse(was.askedAt)) problems.push('imported a return made before its request');
  if (file.createdAt.slice(0, 10) > was.replyBy || today() > was.replyBy)
    problems.push('imported a return after its request expired');
  if (file.subject.type === 'member' && file.interests.length) problems.push('a member’s return brought interests');
  if (file.interests.some((i) => i.values['declarant'] !== file.subject.itemId))
    problems.push('an interest is not the declarant’s');
  const stored = byKey(after, 'returns').get(key);
  if (stored === undefined) return [...problems, `returns "${key}" is gone`];
  problems.push(...restoresAsIs(`returns "${key}"`, restoreReturn(stored), stored));
  const changed = firstDifference(before, after, { table: 'returns', key });
  if (changed) problems.push(`more than the request's record changed: ${changed}`);
  const expected: LeadRequest = {
    ...was,
    revision: was.revision + 1,
    received: {
      returnId: file.id,
      importedAt: now().toISOString(),
      returnedAt: file.createdAt,
      respondent: file.respondent,
      file,
    },
  };
  if (!isDeepStrictEqual(stored, expected))
    problems.push(
      `the stored record is not the request with this return received: ${JSON.stringify(stored).slice(0, 200)}`,
    );
  if (!isDeepStrictEqual((stored as LeadRequest).received?.file, file))
    problems.push('received.file is not the parsed file');
  return problems;
}

/** A new draft, organisation and record holding what the request says; or, opened again, nothing changed. */
function checkOpened(text: string, result: Opened, before: Dump, after: Dump): string[] {
  const parsed = parseExchange(text, 'return-request');
  if (!parsed.ok) return [`opened a file the parser refuses: ${parsed.message}`];
  const file: ReturnRequestFile = parsed.file;
  const problems: string[] = [];
  if (sha256(exchangeContent(file)) !== file.sha256) problems.push('opened a file whose sha256 is not of its content');
  if (today() > file.replyBy) problems.push(`opened a request that expired on ${file.replyBy}`);
  const key = respondentReturnId(file.id);
  const existing = byKey(before, 'returns').get(key) as ReturnRecord | undefined;
  const existed = existing?.role === 'respondent' && byKey(before, 'applications').has(existing.draftId);
  if (result.reopened !== existed) problems.push(`the result says reopened ${result.reopened}`);
  if (existing?.role === 'respondent' && existed) {
    if (result.draftId !== existing.draftId)
      problems.push(`reopening gave "${result.draftId}", not "${existing.draftId}"`);
    const changed = firstDifference(before, after);
    return changed ? [...problems, `reopening changed the database: ${changed}`] : problems;
  }
  const application = byKey(after, 'applications').get(result.draftId) as Application | undefined;
  if (!application) return [...problems, `the draft "${result.draftId}" was not stored`];
  const profile = byKey(after, 'profiles').get(application.profileId) as OrganisationProfile | undefined;
  if (!profile) return [...problems, `the draft's organisation "${application.profileId}" was not stored`];
  const record = byKey(after, 'returns').get(key);
  if (byKey(before, 'applications').has(result.draftId) || byKey(before, 'profiles').has(profile.id))
    problems.push('the draft overwrote a record that was there');
  const made = [
    { table: 'applications', key: application.id },
    // The list's summary row, written with the application when the database keeps one.
    { table: 'applicationSummaries', key: application.id },
    { table: 'profiles', key: profile.id },
    { table: 'returns', key },
  ];
  const changed = firstDifference(without(before, made), without(after, made));
  if (changed) problems.push(`more than the new draft changed: ${changed}`);
  problems.push(...restoresAsIs(`applications "${application.id}"`, restoreApplication(application), application));
  problems.push(...restoresAsIs(`profiles "${profile.id}"`, restoreProfile(profile), profile));
  problems.push(...restoresAsIs(`returns "${key}"`, restoreReturn(record), record));
  const expected: RespondentReturn = {
    formatVersion: 1,
    id: key,
    revision: 0,
    role: 'respondent',
    openedAt: now().toISOString(),
    request: file,
    draftId: application.id,
  };
  if (!isDeepStrictEqual(record, expected))
    problems.push(`the stored record is not what the file says: ${JSON.stringify(record).slice(0, 200)}`);
  const { subject, prefill } = file;
  const answers =
    subject.type === 'member'
      ? { 'bid.model': 'lead-provider', [subject.questionId]: [prefill.item] }
      : { [subject.questionId]: [prefill.item], 'coi.interests': prefill.interests };
  if (!isDeepStrictEqual(application.answers, answers)) problems.push('the draft does not hold the item asked for');
  if (application.returnFor?.requestId !== file.id) problems.push('the draft is not marked with the request');
  if (
    !isDeepStrictEqual(application.services, file.application.services) ||
    !isDeepStrictEqual(application.advert, file.application.advert)
  )
    problems.push('the draft is not for the services and advert asked for');
  if (!isDeepStrictEqual(profile.answers, { 'org.people': prefill.people }) || profile.name !== subject.name)
    problems.push('the organisation does not hold the people register');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The tests

describe('return fuzz', () => {
  const seed = fuzzSeed(defaultSeed);
  let world: World;
  let cases: ReturnCase[] = [];
  let baseline: Shape = [];

  beforeAll(async () => {
    world = await makeWorld();
    cases = buildCases(seededRandom(seed), world.sources, {
      maxReturnChars,
      maxRequestChars,
      maxReturnEvidence,
      maxReturnInterests,
      maxRequestPeople,
      maxEvidenceFileBytes,
      maxStoredStringLength,
      maxRepeatItems,
    });
    baseline = prototypeShape();
  }, 30_000);

  it('builds the same cases from the same seed', () => {
    const again = buildCases(seededRandom(seed), world.sources, {
      maxReturnChars,
      maxRequestChars,
      maxReturnEvidence,
      maxReturnInterests,
      maxRequestPeople,
      maxEvidenceFileBytes,
      maxStoredStringLength,
      maxRepeatItems,
    });
    expect(again.map((c) => c.description)).toEqual(cases.map((c) => c.description));
    expect(again.map((c) => sha256(c.text))).toEqual(cases.map((c) => sha256(c.text)));
  });

  it('refuses each damaged or hostile file plainly, or applies it correctly', async () => {
    const byTarget = { lead: { cases: 0, refused: 0, applied: 0 }, member: { cases: 0, refused: 0, applied: 0 } };
    const { counts, failing, first, byKind, seconds } = await runCorpus(
      words,
      cases,
      async (c) => {
        const result = await runCase(world, c, baseline);
        const target = byTarget[c.target];
        target.cases += 1;
        if (result.outcome === 'refused') target.refused += 1;
        if (result.outcome === 'applied') target.applied += 1;
        return result;
      },
      seed,
    );
    console.log(
      `return fuzz (seed ${seed}): ${cases.length} cases, ${counts.refused} refused, ${counts.applied} applied, ` +
        `${failing('crashed')} crashed, ${failing('hung')} hung, ${failing('polluted')} polluted, ` +
        `${failing('changed')} changed after refusal; ${failing('unclear message')} unclear messages, ` +
        `${failing('wrong outcome')} wrong outcomes, ${failing('bad apply')} bad applies (${seconds} s)\n` +
        `  returns imported by the lead: ${byTarget.lead.cases} cases, ${byTarget.lead.refused} refused, ${byTarget.lead.applied} applied\n` +
        `  requests opened by a member: ${byTarget.member.cases} cases, ${byTarget.member.refused} refused, ${byTarget.member.applied} applied\n` +
        `  by kind (refused/cases): ${byKind}`,
    );
    expect(byTarget.lead.cases).toBeGreaterThanOrEqual(300);
    expect(byTarget.member.cases).toBeGreaterThanOrEqual(50);
    expect(counts.refused + counts.applied + counts.crashed + counts.hung).toBe(cases.length);
    expect(byTarget.lead.applied).toBeGreaterThan(0);
    expect(byTarget.member.applied).toBeGreaterThan(0);
    for (const kind of failureKinds) expect(failing(kind), first(kind)).toBe(0);
  }, 120_000);

  it('catches a crash, a hang, pollution, a change after refusal, an unclear message and a bad apply', async () => {
    const control = (target: ReturnCase['target']) => {
      const c = cases.find((x) => x.kind === 'unchanged' && x.target === target);
      if (!c) throw new Error(`no control case for the ${target}`);
      return c;
    };
    const returned = control('lead');
    const request = control('member');
    const refuse = (message: string) => ({ ok: false as const, message });
    const broken: [FailureKind, App, ReturnCase][] = [
      ['crashed', { ...realApp, importReturn: () => Promise.reject(new TypeError('x is undefined')) }, returned],
      ['crashed', { ...realApp, openRequest: () => Promise.reject(new Error('boom')) }, request],
      ['hung', { ...realApp, importReturn: () => new Promise<never>(() => undefined) }, returned],
      ['hung', { ...realApp, openRequest: () => new Promise<never>(() => undefined) }, request],
      [
        'polluted',
        {
          ...realApp,
          importReturn: async () => {
            Reflect.set(Object.prototype, 'polluted', 'yes');
            return refuse('This file is not a return.');
          },
        },
        returned,
      ],
      [
        'changed',
        {
          ...realApp,
          importReturn: async (repositories, text) => {
            await realApp.importReturn(repositories, text);
            return refuse('This return could not be saved. The disk is full.');
          },
        },
        returned,
      ],
      [
        'changed',
        {
          ...realApp,
          openRequest: async (repositories) => {
            await repositories.profiles.create(makeProfile({ id: 'half-written' }));
            return refuse('The request could not be kept on this computer.');
          },
        },
        request,
      ],
      ['unclear message', { ...realApp, importReturn: async () => refuse('') }, returned],
      [
        'unclear message',
        { ...realApp, importReturn: async () => refuse('Error: undefined at x (returns.ts:1:2)') },
        returned,
      ],
      [
        'unclear message',
        { ...realApp, openRequest: async () => refuse('[{"code":"invalid_type","path":["id"]}]') },
        request,
      ],
      ['wrong outcome', realApp, { ...returned, expect: 'refused' }],
      ['wrong outcome', realApp, { ...request, text: '{}', expect: 'applied' }],
      [
        'bad apply',
        {
          ...realApp,
          importReturn: async (repositories, text) => {
            const result = await realApp.importReturn(repositories, text);
            const stored = await repositories.returns.get(leadRequestId((JSON.parse(text) as ReturnFile).requestId));
            if (stored?.role === 'lead' && stored.received?.file)
              await repositories.returns.save({
                ...stored,
                received: { ...stored.received, file: { ...stored.received.file, item: { id: 'm-hill', values: {} } } },
              });
            return result;
          },
        },
        returned,
      ],
      [
        'bad apply',
        {
          ...realApp,
          importReturn: async (repositories, text) => {
            const result = await realApp.importReturn(repositories, text);
            await repositories.applications.delete('application-2');
            return result;
          },
        },
        returned,
      ],
      [
        'bad apply',
        {
          ...realApp,
          openRequest: async (repositories, text) => {
            const result = await realApp.openRequest(repositories, text);
            if (result.ok) {
              const draft = await repositories.applications.get(result.draftId);
              if (draft) await repositories.applications.save({ ...draft, answers: {} });
            }
            return result;
          },
        },
        request,
      ],
      [
        'bad apply',
        { ...realApp, openRequest: async () => ({ ok: true as const, draftId: 'nothing', reopened: false }) },
        request,
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
    expect((await runCase(world, returned, baseline)).failures).toEqual([]);
    expect((await runCase(world, request, baseline)).failures).toEqual([]);
  }, 30_000);
});
