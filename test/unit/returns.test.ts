// @vitest-environment node
// Member returns (a lead provider asking a member practice or a declarant for their part, and
// their answer), through the real storage functions on two Dexie databases (fake IndexedDB): the
// lead's and the member's. The lead makes a request file and records it; the member opens it into
// a draft of their own, fills it in, adds a file and makes the return; the lead imports it once,
// checks what it would change, stores its files and accepts it (or does not use it). Every refusal
// is checked to leave the whole database as it was.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listedItems, type Answers, type RepeatItem } from '@/domain/answers/answer-value';
import type { Application, OrganisationProfile } from '@/domain/application/application';
import type { RepeatQuestion } from '@/domain/definition/checklist-schema';
import {
  acceptedAnswers,
  interestsChoiceId,
  returnChanges,
  unchosen,
  type ReturnContext,
} from '@/domain/exchange/apply-return';
import { exchangeContent, parseExchange } from '@/domain/exchange/exchange-format';
import type { ReturnFile, ReturnRequestFile, ReturnSubject } from '@/domain/exchange/return-format';
import {
  leadRequestId,
  respondentReturnId,
  restoreReturn,
  returnStatus,
  type LeadRequest,
  type ReturnRecord,
  type RespondentReturn,
} from '@/domain/exchange/return-record';
import {
  decideOnReturn,
  importReturnFiles,
  makeReturnFile,
  makeReturnRequest,
  openReturnRequest,
  storeReturnEvidence,
} from '@/storage/returns';
import { aqp, run } from '../helpers/engine';
import { at, dexieBackend, makeApplication, makeProfile, randomBytes, testDeps } from '../helpers/storage-fixtures';
import { dumpDatabase, firstDifference } from './support/fuzz-checks';

const checklist = aqp();
const repeat = (id: string): RepeatQuestion => {
  const q = checklist.questions.get(id)?.question;
  if (q?.type !== 'repeat') throw new Error(`${id} is not a repeating question`);
  return q;
};
const membersQ = repeat('bid.members');
const declarantsQ = repeat('coi.declarants');
const interestsQ = repeat('coi.interests');

type Backend = ReturnType<typeof dexieBackend>;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function backend(prefix: string): Backend {
  let ids = 0;
  const made = dexieBackend(testDeps({ newId: () => `${prefix}-evidence-${(ids += 1)}` }));
  cleanups.push(() => made.connection.close());
  return made;
}

/** Return deps with a clock and ids of their own, so each file and record is identifiable. */
function deps(prefix: string, second: number) {
  let ids = 0;
  return { now: () => new Date(at(second)), newId: () => `${prefix}-${(ids += 1)}` };
}
const closingDate = '2026-12-15';
const afterClosing = () => new Date('2026-12-16T09:00:00.000Z');

// ---------------------------------------------------------------------------------------------
// The lead's database

const date = (day: string, month: string, year: string) => ({ day, month, year });
const people: RepeatItem[] = [
  { id: 'p-zoe', values: { name: 'Dr Zoë Ładny', role: 'partner', register: 'gmc', number: '7012345' } },
  { id: 'p-sam', values: { name: 'Sam Hill', role: 'partner', register: 'none' } },
  { id: 'p-priya', values: { name: 'Dr Priya Shah', role: 'clinician', register: 'gmc', 'works-at': 'Hillside' } },
];
const hillside: RepeatItem = {
  id: 'm-hill',
  values: {
    name: 'Hillside Surgery',
    kind: 'gp-practice',
    'ods-code': 'B81001',
    'cqc-provider-id': '',
    services: ['msk'],
    insured: 'yes',
    clinicians: ['p-priya'],
  },
};
const brook: RepeatItem = { id: 'm-brook', values: { name: 'Brook Lane Practice', kind: 'gp-practice' } };
const zoe: RepeatItem = { id: 'd-zoe', values: { name: 'p-zoe', role: 'partner', 'has-interests': 'yes' } };
const sam: RepeatItem = { id: 'd-sam', values: { name: 'p-sam', role: 'partner' } };
const interest = (id: string, declarant: string, organisation: string, type = 'financial'): RepeatItem => ({
  id,
  values: {
    declarant,
    type,
    organisation,
    description: `An interest in ${organisation}.`,
    directness: 'direct',
    from: date('1', '4', '2020'),
    mitigation: 'Takes no part in the decision.',
  },
});
const leadInterests = [
  interest('i-1', 'd-zoe', 'ABC Health Ltd'),
  interest('i-2', 'd-zoe', 'Patients Association', 'non-financial-personal'),
  interest('i-3', 'd-other', 'Someone else’s interest'),
];

interface Lead {
  readonly backend: Backend;
  readonly profile: OrganisationProfile;
  readonly application: Application;
}

async function leadDatabase(overrides: Partial<Application> = {}): Promise<Lead> {
  const b = backend('lead');
  const r = b.repositories;
  const profile = await r.profiles.create(
    makeProfile({
      name: 'Riverside Health Federation',
      answers: { 'org.legal-name': 'Riverside Health Federation', 'org.people': people },
    }),
  );
  const application = await r.applications.create(
    makeApplication({
      answers: {
        'bid.model': 'lead-provider',
        'bid.members': [hillside, brook],
        'coi.declarants': [zoe, sam],
        'coi.interests': leadInterests,
      },
      advert: { commissioner: 'NHS North Riverside ICB', reference: 'MSK-2026-01', closingDate },
      ...overrides,
    }),
  );
  await r.applications.create(makeApplication({ id: 'application-2', services: ['podiatry'] }));
  return { backend: b, profile, application };
}

const memberSubject: ReturnSubject = {
  type: 'member',
  questionId: 'bid.members',
  itemId: 'm-hill',
  name: 'Hillside Surgery',
};
const declarantSubject: ReturnSubject = {
  type: 'declarant',
  questionId: 'coi.declarants',
  itemId: 'd-zoe',
  name: 'Dr Zoë Ładny',
};
const samSubject: ReturnSubject = { ...declarantSubject, itemId: 'd-sam', name: 'Sam Hill' };

const leadAnswers = async (lead: Lead): Promise<Answers> => {
  const application = await lead.backend.repositories.applications.get(lead.application.id);
  return { ...lead.profile.answers, ...application?.answers };
};

async function ask(lead: Lead, subject: ReturnSubject, second = 40) {
  const made = await makeReturnRequest(
    lead.backend.repositories,
    {
      application: lead.application,
      profile: lead.profile,
      answers: await leadAnswers(lead),
      subject,
      askedBy: 'Jane Smith',
      email: 'jane.smith@nhs.net',
    },
    deps(`request-${subject.itemId}-${second}`, second),
  );
  if (!made.ok) throw new Error(made.message);
  return { ...made, file: JSON.parse(made.text) as ReturnRequestFile };
}

async function leadRecord(lead: Lead, requestId: string): Promise<LeadRequest> {
  const record = await lead.backend.repositories.returns.get(leadRequestId(requestId));
  if (record?.role !== 'lead') throw new Error('no lead record');
  return record;
}

// ---------------------------------------------------------------------------------------------
// The member's side

interface Draft {
  readonly record: RespondentReturn;
  readonly application: Application;
  readonly profile: OrganisationProfile;
}

async function opens(member: Backend, text: string, second = 50): Promise<Draft> {
  const opened = await openReturnRequest(member.repositories, text, deps('member', second));
  if (!opened.ok) throw new Error(opened.message);
  const application = await member.repositories.applications.get(opened.draftId);
  const profile = application ? await member.repositories.profiles.get(application.profileId) : undefined;
  const requestId = (JSON.parse(text) as ReturnRequestFile).id;
  const record = await member.repositories.returns.get(respondentReturnId(requestId));
  if (!application || !profile || record?.role !== 'respondent') throw new Error('no draft');
  return { record, application, profile };
}

/** Saves `values` into the draft's item (and `interests`, for a declarant), as the member's pages do. */
async function fillIn(
  member: Backend,
  draft: Draft,
  values: RepeatItem['values'],
  interests?: RepeatItem[],
): Promise<Draft> {
  const { subject } = draft.record.request;
  const item = { id: subject.itemId, values };
  const saved = await member.repositories.applications.save({
    ...draft.application,
    answers: {
      ...draft.application.answers,
      [subject.questionId]: [item],
      ...(interests ? { 'coi.interests': interests } : {}),
    },
  });
  if (!saved.ok) throw new Error('the draft was not saved');
  return { ...draft, application: saved.record };
}

async function returnOf(member: Backend, draft: Draft, second = 60) {
  const made = await makeReturnFile(
    member.repositories,
    {
      record: draft.record,
      answers: { ...draft.profile.answers, ...draft.application.answers },
      evidence: await member.repositories.evidence.listForProfile(draft.profile.id),
      respondent: { name: ' Dr Priya Shah ', organisation: 'Hillside Surgery\n' },
    },
    deps('return', second),
  );
  if (!made.ok) throw new Error(made.message);
  return { ...made, file: JSON.parse(made.text) as ReturnFile };
}

const certificateBytes = randomBytes(31, 3001);

/** The member practice's answers: two filled in, one typed differently, an address and a certificate. */
async function memberFillsIn(member: Backend, draft: Draft): Promise<{ draft: Draft; certificateId: string }> {
  const certificate = await member.repositories.evidence.add(
    {
      profileId: draft.profile.id,
      name: 'CQC certificate – Hillside.pdf',
      type: 'application/pdf',
      questionIds: ['bid.members'],
    },
    new Blob([certificateBytes], { type: 'application/pdf' }),
  );
  await member.repositories.evidence.add(
    { profileId: draft.profile.id, name: 'Not in any answer.txt', type: 'text/plain', questionIds: [] },
    new Blob(['unrelated'], { type: 'text/plain' }),
  );
  const filled = await fillIn(member, draft, {
    ...hillside.values,
    'ods-code': 'B81002',
    'cqc-provider-id': '1-199747506',
    locations: 'Branch surgery, 2 Mill Road',
    address: { line1: '1 Hill Street', line2: '', town: 'Riverside', county: '', postcode: 'rv1 2ab' },
    'cqc-certificate': [certificate.id],
  });
  return { draft: filled, certificateId: certificate.id };
}

/** The whole flow up to a return file for Hillside Surgery that the lead has not imported yet. */
async function memberWorld() {
  const lead = await leadDatabase();
  const request = await ask(lead, memberSubject);
  const member = backend('member');
  const opened = await opens(member, request.text);
  const { draft, certificateId } = await memberFillsIn(member, opened);
  const made = await returnOf(member, draft);
  return { lead, request, member, draft, certificateId, made };
}

const importInto = (lead: Lead, texts: readonly string[], applicationId = lead.application.id, now = at(70)) =>
  importReturnFiles(
    lead.backend.repositories,
    applicationId,
    texts.map((text, i) => ({ name: `return-${i + 1}.json`, text })),
    { now: () => new Date(now) },
  );

/** A file's text with `change` made to it and a correct `sha256` for the new content. */
function rehashed<T extends Record<string, unknown>>(text: string, change: (file: T) => T): string {
  const file = change(JSON.parse(text) as T);
  return JSON.stringify({ ...file, sha256: sha256(exchangeContent(file)) });
}

async function received(lead: Lead, requestId: string): Promise<ReturnFile> {
  const file = (await leadRecord(lead, requestId)).received?.file;
  if (!file) throw new Error('no return received');
  return file;
}

const contextFor = (answers: Answers, evidence: ReadonlyMap<string, string> = new Map()): ReturnContext => ({
  options: run(checklist, answers, { services: ['msk'] }).evaluator.options,
  yourEvidence: (id) => evidence.get(id),
});

// ---------------------------------------------------------------------------------------------
// The tests

describe('requests for a return', () => {
  it('for a member practice: a return-request file with a correct SHA-256, recorded by the lead', async () => {
    const lead = await leadDatabase();
    const made = await ask(lead, memberSubject);
    expect(made.fileName).toBe('aqp-request-hillside-surgery-2026-11-22.json');
    const parsed = parseExchange(made.text, 'return-request');
    if (!parsed.ok) throw new Error(parsed.message);
    const file = parsed.file;
    expect(file).toEqual(made.file);
    expect(file.sha256).toBe(sha256(exchangeContent(file)));
    expect(file.sha256).toBe(sha256(exchangeContent(JSON.parse(made.text) as Record<string, unknown>)));
    expect(file).toMatchObject({
      format: 'aqp-apply-exchange',
      formatVersion: 1,
      kind: 'return-request',
      id: 'request-m-hill-40-1',
      createdAt: at(40),
      from: { organisation: 'Riverside Health Federation', askedBy: 'Jane Smith', email: 'jane.smith@nhs.net' },
      application: {
        id: 'application-1',
        checklistId: 'aqp',
        checklistVersion: 1,
        services: ['msk'],
        advert: lead.application.advert,
      },
      subject: memberSubject,
      replyBy: closingDate,
    });
    // The item as the lead has it, the whole people register, and no interests.
    expect(file.prefill).toEqual({ item: hillside, interests: [], people });

    const record = await leadRecord(lead, file.id);
    expect(made.request).toEqual(record);
    expect(record).toEqual({
      formatVersion: 1,
      id: leadRequestId(file.id),
      revision: 0,
      role: 'lead',
      requestId: file.id,
      applicationId: 'application-1',
      subject: memberSubject,
      askedAt: at(40),
      replyBy: closingDate,
    });
    expect(await lead.backend.repositories.returns.count()).toBe(1);
  });

  it('for a declarant: only their own person and their own interests', async () => {
    const lead = await leadDatabase();
    const { file } = await ask(lead, declarantSubject);
    expect(file.subject).toEqual(declarantSubject);
    expect(file.prefill.item).toEqual(zoe);
    expect(file.prefill.people).toEqual([people[0]]);
    expect(file.prefill.interests.map((i) => i.id)).toEqual(['i-1', 'i-2']);
    expect(file.sha256).toBe(sha256(exchangeContent(file)));
    expect(parseExchange(JSON.stringify(file), 'return-request').ok).toBe(true);
  });

  it('give 28 days to reply when the advert has no closing date, or it has passed', async () => {
    const none = await leadDatabase({ advert: { commissioner: 'NHS North Riverside ICB', reference: 'X-1' } });
    expect((await ask(none, memberSubject)).file.replyBy).toBe('2026-12-20');
    const passed = await leadDatabase({
      advert: { commissioner: 'NHS North Riverside ICB', reference: 'X-1', closingDate: '2026-11-21' },
    });
    expect((await ask(passed, memberSubject)).file.replyBy).toBe('2026-12-20');
  });

  it('a second request for the same item replaces the first, and leaves other requests alone', async () => {
    const lead = await leadDatabase();
    const first = await ask(lead, memberSubject, 40);
    const other = await ask(lead, declarantSubject, 41);
    const second = await ask(lead, memberSubject, 45);
    expect(second.file.id).not.toBe(first.file.id);
    const replaced = await leadRecord(lead, first.file.id);
    expect(replaced.replacedAt).toBe(at(45));
    expect(replaced.revision).toBe(1);
    expect(await leadRecord(lead, other.file.id)).toEqual(other.request);
    expect((await leadRecord(lead, second.file.id)).replacedAt).toBeUndefined();
    expect(await lead.backend.repositories.returns.count()).toBe(3);
  });

  it('is not made for an item no longer in the application, and changes nothing', async () => {
    const lead = await leadDatabase();
    const before = await dumpDatabase(lead.backend.connection);
    const refused = await makeReturnRequest(
      lead.backend.repositories,
      {
        application: lead.application,
        profile: lead.profile,
        answers: await leadAnswers(lead),
        subject: { ...memberSubject, itemId: 'm-gone', name: 'Gone Surgery' },
        askedBy: 'Jane Smith',
        email: '',
      },
      deps('request', 40),
    );
    expect(refused).toEqual({ ok: false, message: 'Gone Surgery is no longer in this application.' });
    expect(firstDifference(before, await dumpDatabase(lead.backend.connection))).toBeUndefined();
  });
});

describe('opening a request on the member’s computer', () => {
  let lead: Lead;
  let request: Awaited<ReturnType<typeof ask>>;
  let member: Backend;

  beforeEach(async () => {
    lead = await leadDatabase();
    request = await ask(lead, memberSubject);
    member = backend('member');
  });

  it('makes an organisation and a draft marked with the request, holding the item asked for', async () => {
    const opened = await openReturnRequest(member.repositories, request.text, deps('member', 50));
    expect(opened).toEqual({ ok: true, draftId: 'member-2', reopened: false });
    const application = await member.repositories.applications.get('member-2');
    const profile = await member.repositories.profiles.get('member-1');
    expect(profile).toMatchObject({ id: 'member-1', name: 'Hillside Surgery', answers: { 'org.people': people } });
    expect(application).toMatchObject({
      id: 'member-2',
      profileId: 'member-1',
      checklistId: 'aqp',
      services: ['msk'],
      advert: lead.application.advert,
      status: 'draft',
      returnFor: { requestId: request.file.id },
      answers: { 'bid.model': 'lead-provider', 'bid.members': [hillside] },
      createdAt: at(50),
    });
    const record = await member.repositories.returns.get(respondentReturnId(request.file.id));
    expect(record).toEqual({
      formatVersion: 1,
      id: respondentReturnId(request.file.id),
      revision: 0,
      role: 'respondent',
      openedAt: at(50),
      request: request.file,
      draftId: 'member-2',
    });
    expect(await member.repositories.applications.count()).toBe(1);
  });

  it('for a declarant, the draft holds their declaration and their interests', async () => {
    const { text } = await ask(lead, declarantSubject, 41);
    const draft = await opens(member, text);
    expect(draft.application.answers).toEqual({
      'coi.declarants': [zoe],
      'coi.interests': leadInterests.slice(0, 2),
    });
    expect(draft.profile.answers).toEqual({ 'org.people': [people[0]] });
  });

  it('opening it again goes back to the same draft and changes nothing', async () => {
    const first = await openReturnRequest(member.repositories, request.text, deps('member', 50));
    if (!first.ok) throw new Error(first.message);
    const before = await dumpDatabase(member.connection);
    const again = await openReturnRequest(member.repositories, request.text, deps('again', 55));
    expect(again).toEqual({ ok: true, draftId: first.draftId, reopened: true });
    expect(firstDifference(before, await dumpDatabase(member.connection))).toBeUndefined();
  });

  async function refusedUnchanged(text: string, says: RegExp, now = () => new Date(at(50))) {
    const before = await dumpDatabase(member.connection);
    const result = await openReturnRequest(member.repositories, text, { now, newId: () => 'never-used' });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toMatch(says);
    expect(message).not.toMatch(/undefined|\[object|\n\s+at /);
    expect(firstDifference(before, await dumpDatabase(member.connection))).toBeUndefined();
  }

  it('an expired request is refused, saying who to ask for a new one', async () => {
    await refusedUnchanged(
      request.text,
      /^This request expired on 2026-12-15\. Ask Jane Smith at Riverside Health Federation for a new one\.$/,
      afterClosing,
    );
  });

  it('a request changed after it was made is refused', async () => {
    const edited = request.text.replace('"B81001"', '"B81009"');
    expect(edited).not.toBe(request.text);
    await refusedUnchanged(edited, /^This request has been changed since it was made/);
  });

  it('a return, or a file not made by this app, opened as a request are refused, saying what it is', async () => {
    const { draft } = await memberFillsIn(member, await opens(member, request.text));
    const made = await returnOf(member, draft);
    await refusedUnchanged(
      made.text,
      /^This file is not a request for a return .*: it is a return .*Import it from “Returns from members and declarants”/,
    );
    await refusedUnchanged('{"not":"an exchange file"}', /it was not made by this app/);
    await refusedUnchanged('{"truncated', /./);
  });
});

describe('making a return on the member’s computer', () => {
  it('holds the item as saved, who sent it, and only the files its answers name, with their bytes', async () => {
    const { request, member, draft, certificateId, made } = await memberWorld();
    expect(made.fileName).toBe('aqp-return-hillside-surgery-2026-11-22.json');
    const parsed = parseExchange(made.text, 'return');
    if (!parsed.ok) throw new Error(parsed.message);
    const file = parsed.file;
    expect(file).toEqual(made.file);
    expect(file.sha256).toBe(sha256(exchangeContent(file)));
    expect(file).toMatchObject({
      kind: 'return',
      id: 'return-1',
      createdAt: at(60),
      requestId: request.file.id,
      applicationId: 'application-1',
      subject: memberSubject,
      respondent: { name: 'Dr Priya Shah', organisation: 'Hillside Surgery' },
      interests: [],
    });
    expect(listedItems(draft.application.answers['bid.members'])).toEqual([file.item]);
    expect(file.item.values['cqc-certificate']).toEqual([certificateId]);
    expect(file.evidence.map((e) => e.meta)).toEqual([await member.repositories.evidence.get(certificateId)]);
    const bytes = Buffer.from(file.evidence[0]?.data ?? '', 'base64');
    expect(sha256(bytes)).toBe(sha256(certificateBytes));
    expect(sha256(bytes)).toBe(file.evidence[0]?.meta.sha256);

    // The member's record says when it was sent.
    const record = await member.repositories.returns.get(respondentReturnId(request.file.id));
    expect(record).toEqual({ ...draft.record, revision: 1, sentAt: at(60) });
  });

  it('is not made until the item is saved, and a file its answers name must be on this computer', async () => {
    const lead = await leadDatabase();
    const request = await ask(lead, memberSubject);
    const member = backend('member');
    const draft = await opens(member, request.text);
    const unsaved = await makeReturnFile(
      member.repositories,
      { record: draft.record, answers: {}, evidence: [], respondent: { name: 'Dr Priya Shah', organisation: '' } },
      deps('return', 60),
    );
    expect(unsaved).toEqual({ ok: false, message: 'Save your answers before you send them back.' });

    const { draft: filled, certificateId } = await memberFillsIn(member, draft);
    const meta = await member.repositories.evidence.get(certificateId);
    await member.repositories.evidence.delete(certificateId);
    const missing = await makeReturnFile(
      member.repositories,
      {
        record: filled.record,
        answers: filled.application.answers,
        evidence: meta ? [meta] : [],
        respondent: { name: 'Dr Priya Shah', organisation: '' },
      },
      deps('return', 60),
    );
    expect(missing).toEqual({
      ok: false,
      message: 'The file “CQC certificate – Hillside.pdf” is missing from this computer. Upload it again.',
    });
  });
});

describe('importing returns on the lead’s computer', () => {
  it('keeps a return once for the lead to check; a second copy is refused as imported already', async () => {
    const { lead, request, made } = await memberWorld();
    const applicationBefore = await lead.backend.repositories.applications.get('application-1');
    const results = await importInto(lead, [made.text, made.text]);
    expect(results).toEqual([
      { fileName: 'return-1.json', ok: true, message: 'The return from Hillside Surgery is ready to check.' },
      { fileName: 'return-2.json', ok: false, message: 'The return from Hillside Surgery has been imported already.' },
    ]);
    const record = await leadRecord(lead, request.file.id);
    const parsed = parseExchange(made.text, 'return');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(record).toEqual({
      ...request.request,
      revision: 1,
      received: {
        returnId: 'return-1',
        importedAt: at(70),
        returnedAt: at(60),
        respondent: { name: 'Dr Priya Shah', organisation: 'Hillside Surgery' },
        file: parsed.file,
      },
    });
    // Importing does not change the application: that waits for the lead's decision.
    expect(await lead.backend.repositories.applications.get('application-1')).toEqual(applicationBefore);
    expect(await lead.backend.repositories.evidence.listForProfile('profile-1')).toEqual([]);

    const before = await dumpDatabase(lead.backend.connection);
    expect(await importInto(lead, [made.text], 'application-1', at(80))).toEqual([
      { fileName: 'return-1.json', ok: false, message: 'The return from Hillside Surgery has been imported already.' },
    ]);
    expect(firstDifference(before, await dumpDatabase(lead.backend.connection))).toBeUndefined();
  });

  describe('refused with a plain message and nothing changed', () => {
    let world: Awaited<ReturnType<typeof memberWorld>>;
    beforeEach(async () => {
      world = await memberWorld();
    });

    async function refusedUnchanged(
      text: string,
      says: RegExp,
      options: { applicationId?: string; now?: string; lead?: Lead } = {},
    ): Promise<string> {
      const lead = options.lead ?? world.lead;
      const before = await dumpDatabase(lead.backend.connection);
      const [result, ...rest] = await importInto(lead, [text], options.applicationId, options.now);
      expect(rest).toEqual([]);
      expect(result?.ok).toBe(false);
      const message = result?.message ?? '';
      expect(message).toMatch(says);
      expect(message).toMatch(/^[A-Z“].*[.!?]$/s);
      expect(message).not.toMatch(/undefined|\[object|\n\s+at |invalid_type|"path"/);
      expect(firstDifference(before, await dumpDatabase(lead.backend.connection))).toBeUndefined();
      return message;
    }

    it('a return imported into another application', async () => {
      await refusedUnchanged(
        world.made.text,
        /^The return from Hillside Surgery is for a different application\. Open that application and import it there\.$/,
        { applicationId: 'application-2' },
      );
    });

    it('a return changed to name another application, imported there', async () => {
      const crossed = rehashed<ReturnFile>(world.made.text, (f) => ({ ...f, applicationId: 'application-2' }));
      await refusedUnchanged(crossed, /answers a request that was not made from this application on this computer/, {
        applicationId: 'application-2',
      });
    });

    it('a return to a request this computer never made', async () => {
      const elsewhere = await leadDatabase();
      await refusedUnchanged(
        world.made.text,
        /^The return from Hillside Surgery answers a request that was not made from this application on this computer\.$/,
        { lead: elsewhere },
      );
    });

    it('a return naming another item than its request', async () => {
      const moved = rehashed<ReturnFile>(world.made.text, (f) => ({
        ...f,
        subject: { ...f.subject, itemId: 'm-brook', name: 'Brook Lane Practice' },
        item: { ...f.item, id: 'm-brook' },
      }));
      // Named as the lead named the person asked, not as the file says.
      await refusedUnchanged(moved, /^The return from Hillside Surgery does not answer the request it names\.$/);
    });

    it('a return to a request that a newer one replaced', async () => {
      await ask(world.lead, memberSubject, 65);
      expect((await leadRecord(world.lead, world.request.file.id)).replacedAt).toBe(at(65));
      await refusedUnchanged(
        world.made.text,
        /^The return from Hillside Surgery answers an older request that a newer one replaced\. Ask them to fill in the newer request\.$/,
      );
    });

    it('a return with one byte changed', async () => {
      const edited = world.made.text.replace('"B81002"', '"B81003"');
      expect(edited).not.toBe(world.made.text);
      expect(edited.length).toBe(world.made.text.length);
      await refusedUnchanged(
        edited,
        /^The return from Hillside Surgery has been changed since it was made, so it cannot be used\./,
      );
    });

    it('a return parsed, a field changed and written again (the old SHA-256 kept)', async () => {
      const file = JSON.parse(world.made.text) as ReturnFile;
      const rewritten = JSON.stringify(
        { ...file, respondent: { ...file.respondent, organisation: 'Someone Else' } },
        null,
        2,
      );
      await refusedUnchanged(rewritten, /has been changed since it was made/);
    });

    it('a request file given where a return is expected, saying where to open it', async () => {
      await refusedUnchanged(
        world.request.text,
        /^This file is not a return .*: it is a request for a return .*Open it from “Fill in a return” on the home page\.$/,
      );
    });

    it('a return whose evidence bytes do not match their SHA-256', async () => {
      const swapped = rehashed<ReturnFile>(world.made.text, (f) => ({
        ...f,
        evidence: f.evidence.map((e) => {
          const bytes = Buffer.from(e.data, 'base64');
          bytes[0] = (bytes[0] ?? 0) ^ 0xff; // the same size, other bytes
          return { ...e, data: bytes.toString('base64') };
        }),
      }));
      await refusedUnchanged(
        swapped,
        /^Evidence file 1 in the return from Hillside Surgery is damaged: its contents do not match its details\. Ask for the return again\.$/,
      );
    });

    it('a return whose evidence says another size than its bytes', async () => {
      const resized = rehashed<ReturnFile>(world.made.text, (f) => ({
        ...f,
        evidence: f.evidence.map((e) => ({ ...e, meta: { ...e.meta, size: e.meta.size + 1 } })),
      }));
      await refusedUnchanged(resized, /the file is not the size it says/);
    });

    it('two evidence files with the same id', async () => {
      const doubled = rehashed<ReturnFile>(world.made.text, (f) => ({
        ...f,
        evidence: [...f.evidence, ...f.evidence],
      }));
      await refusedUnchanged(doubled, /two evidence files have the same id/);
    });

    it('a return imported after the request expired', async () => {
      await refusedUnchanged(
        world.made.text,
        /^The request to Hillside Surgery expired on 2026-12-15\. Make a new request if you still need their return\.$/,
        { now: afterClosing().toISOString() },
      );
    });

    it('a return dated before its request was made', async () => {
      const early = rehashed<ReturnFile>(world.made.text, (f) => ({ ...f, createdAt: at(10) }));
      await refusedUnchanged(early, /^The return from Hillside Surgery is dated before the request was made\.$/);
    });

    it('a member’s return carrying interests', async () => {
      const withInterest = rehashed<ReturnFile>(world.made.text, (f) => ({
        ...f,
        interests: [interest('i-9', 'm-hill', 'Planted Ltd')] as ReturnFile['interests'],
      }));
      await refusedUnchanged(withInterest, /a member practice’s return holds no interests/);
    });
  });
});

describe('a declarant’s return refused with nothing changed', () => {
  it('an interest that is not the declarant’s, even re-hashed', async () => {
    const lead = await leadDatabase();
    const request = await ask(lead, declarantSubject);
    const member = backend('member');
    const draft = await opens(member, request.text);
    const made = await returnOf(member, await fillIn(member, draft, zoe.values, [interest('i-9', 'd-zoe', 'Kernow')]));
    const moved = rehashed<ReturnFile>(made.text, (f) => ({
      ...f,
      interests: f.interests.map((i) => ({ ...i, values: { ...i.values, declarant: 'd-sam' } })),
    }));
    const before = await dumpDatabase(lead.backend.connection);
    const [result] = await importInto(lead, [moved]);
    expect(result).toEqual({
      fileName: 'return-1.json',
      ok: false,
      message: expect.stringMatching(/^This file is not a return .*the interest is not this person’s\.$/) as string,
    });
    expect(firstDifference(before, await dumpDatabase(lead.backend.connection))).toBeUndefined();
    // The file as made is imported.
    expect((await importInto(lead, [made.text]))[0]?.ok).toBe(true);
  });
});

describe('what a return changes, and the answers once accepted', () => {
  it('fills what the lead left empty and asks a choice where the lead typed something else', async () => {
    const { lead, request, made, certificateId } = await memberWorld();
    expect((await importInto(lead, [made.text]))[0]?.ok).toBe(true);
    const file = await received(lead, request.file.id);
    const answers = await leadAnswers(lead);
    const changes = returnChanges(membersQ, interestsQ, answers, file, contextFor(answers));
    expect(changes).toEqual([
      { fieldId: 'ods-code', label: 'ODS code', yours: ['B81001'], theirs: ['B81002'], kind: 'choose' },
      {
        fieldId: 'cqc-provider-id',
        label: 'CQC provider ID',
        yours: [],
        theirs: ['1-199747506'],
        kind: 'fill',
      },
      {
        fieldId: 'address',
        label: 'What is their main address?',
        yours: [],
        theirs: ['1 Hill Street', 'Riverside', 'RV1 2AB'],
        kind: 'fill',
      },
      {
        fieldId: 'locations',
        label: 'Where else will they deliver the service?',
        yours: [],
        theirs: ['Branch surgery, 2 Mill Road'],
        kind: 'fill',
      },
      {
        fieldId: 'cqc-certificate',
        label: expect.any(String) as string,
        yours: [],
        theirs: ['CQC certificate – Hillside.pdf'],
        kind: 'fill',
      },
    ]);
    // Only the answer the lead typed differently needs a choice.
    expect(unchosen(changes, {}).map((c) => c.fieldId)).toEqual(['ods-code']);
    expect(unchosen(changes, { 'ods-code': 'yours' })).toEqual([]);
    expect(unchosen(changes, { 'ods-code': 'theirs' })).toEqual([]);

    // The files are stored under the lead's organisation, keeping their SHA-256.
    const stored = await storeReturnEvidence(lead.backend.repositories, 'profile-1', file);
    if (!stored.ok) throw new Error(stored.message);
    expect([...stored.ids.keys()]).toEqual([certificateId]);
    const newId = stored.ids.get(certificateId) ?? '';
    expect(newId).toBe('lead-evidence-1');
    const meta = await lead.backend.repositories.evidence.get(newId);
    expect(meta).toMatchObject({
      id: newId,
      profileId: 'profile-1',
      name: 'CQC certificate – Hillside.pdf',
      type: 'application/pdf',
      size: certificateBytes.byteLength,
      sha256: file.evidence[0]?.meta.sha256,
    });
    const blob = await lead.backend.repositories.evidence.getBlob(newId);
    expect(sha256(new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0)))).toBe(sha256(certificateBytes));

    const filled = {
      ...hillside.values,
      'cqc-provider-id': '1-199747506',
      address: { line1: '1 Hill Street', line2: '', town: 'Riverside', county: '', postcode: 'rv1 2ab' },
      locations: 'Branch surgery, 2 Mill Road',
      'cqc-certificate': [newId],
    };
    // 'yours' keeps the lead's ODS code; every empty answer is filled, and the file id is the lead's.
    expect(acceptedAnswers(membersQ, answers, file, changes, { 'ods-code': 'yours' }, stored.ids)).toEqual({
      'bid.members': [{ id: 'm-hill', values: filled }, brook],
    });
    // 'theirs' replaces it.
    expect(acceptedAnswers(membersQ, answers, file, changes, { 'ods-code': 'theirs' }, stored.ids)).toEqual({
      'bid.members': [{ id: 'm-hill', values: { ...filled, 'ods-code': 'B81002' } }, brook],
    });
    // With the lead's file shown by its name, the same file is no change.
    const after = { ...answers, 'bid.members': [{ id: 'm-hill', values: filled }, brook] };
    const again = returnChanges(
      membersQ,
      interestsQ,
      after,
      { ...file, item: { ...file.item, values: { ...filled, 'cqc-certificate': [certificateId] } } },
      contextFor(after, new Map([[newId, 'CQC certificate – Hillside.pdf']])),
    );
    expect(again).toEqual([]);
  });

  it('stores none of a return’s files when one of them cannot be stored', async () => {
    const { lead, request, made } = await memberWorld();
    expect((await importInto(lead, [made.text]))[0]?.ok).toBe(true);
    const file = await received(lead, request.file.id);
    const [first] = file.evidence;
    if (!first) throw new Error('no evidence');
    const program = {
      ...first,
      meta: { ...first.meta, id: 'program', name: 'setup.exe', type: 'application/x-msdownload' },
    };
    const stored = await storeReturnEvidence(lead.backend.repositories, 'profile-1', {
      ...file,
      evidence: [first, program],
    });
    expect(stored.ok).toBe(false);
    expect(stored.ok ? '' : stored.message).toMatch(/^The return’s files could not be stored\. .+/);
    expect(await lead.backend.repositories.evidence.listForProfile('profile-1')).toEqual([]);
  });

  it('never overwrites an answer the member left empty without a choice', async () => {
    const { lead, request, made } = await memberWorld();
    expect((await importInto(lead, [made.text]))[0]?.ok).toBe(true);
    const answers = await leadAnswers(lead);
    const file = await received(lead, request.file.id);
    const withoutInsured = Object.fromEntries(Object.entries(file.item.values).filter(([k]) => k !== 'insured'));
    const cleared: ReturnFile = { ...file, item: { ...file.item, values: { ...withoutInsured, clinicians: [] } } };
    const changes = returnChanges(membersQ, interestsQ, answers, cleared, contextFor(answers));
    const byField = new Map(changes.map((c) => [c.fieldId, c]));
    expect(byField.get('insured')).toMatchObject({ kind: 'choose', yours: ['Yes'], theirs: [] });
    expect(byField.get('clinicians')).toMatchObject({ kind: 'choose', yours: ['Dr Priya Shah'], theirs: [] });
    const choices = { 'ods-code': 'yours', insured: 'yours', clinicians: 'yours' } as const;
    const kept = acceptedAnswers(membersQ, answers, cleared, changes, choices, new Map());
    const item = (kept['bid.members'] as RepeatItem[])[0];
    expect(item?.values['insured']).toBe('yes');
    expect(item?.values['clinicians']).toEqual(['p-priya']);
    const taken = acceptedAnswers(
      membersQ,
      answers,
      cleared,
      changes,
      { ...choices, insured: 'theirs', clinicians: 'theirs' },
      new Map(),
    );
    const takenItem = (taken['bid.members'] as RepeatItem[])[0];
    expect(takenItem?.values).not.toHaveProperty('insured');
    expect(takenItem?.values['clinicians']).toEqual([]);
  });

  it('a declarant’s interests replace the lead’s, or are added to them, by choice', async () => {
    const lead = await leadDatabase();
    const request = await ask(lead, declarantSubject);
    const member = backend('member');
    const draft = await opens(member, request.text);
    const lead1 = interest('i-1', 'd-zoe', 'ABC Health Ltd');
    const changedOne: RepeatItem = {
      id: 'i-1',
      values: { ...lead1.values, description: '12% shareholder in ABC Health Ltd.' },
    };
    const added = interest('i-9', 'd-zoe', 'Kernow Physio Ltd');
    const filled = await fillIn(
      member,
      draft,
      { ...zoe.values, declared: date('20', '11', '2026'), confirmed: 'yes', 'consent-publish': 'yes' },
      [changedOne, added],
    );
    const made = await returnOf(member, filled);
    expect(made.file.interests).toEqual([changedOne, added]);
    expect((await importInto(lead, [made.text]))[0]?.ok).toBe(true);
    const file = await received(lead, request.file.id);
    const answers = await leadAnswers(lead);

    const changes = returnChanges(declarantsQ, interestsQ, answers, file, contextFor(answers));
    expect(changes.map((c) => [c.fieldId, c.kind])).toEqual([
      ['declared', 'fill'],
      ['confirmed', 'fill'],
      ['consent-publish', 'fill'],
      [interestsChoiceId, 'choose'],
    ]);
    expect(changes.at(-1)).toMatchObject({
      yours: ['ABC Health Ltd (Financial)', 'Patients Association (Non-financial personal)'],
      theirs: ['ABC Health Ltd (Financial)', 'Kernow Physio Ltd (Financial)'],
    });
    expect(unchosen(changes, {}).map((c) => c.fieldId)).toEqual([interestsChoiceId]);

    const declarant = {
      id: 'd-zoe',
      values: { ...zoe.values, declared: date('20', '11', '2026'), confirmed: 'yes', 'consent-publish': 'yes' },
    };
    // 'theirs': the declarant's interests are the returned ones; other declarants' are kept.
    expect(acceptedAnswers(declarantsQ, answers, file, changes, { interests: 'theirs' }, new Map())).toEqual({
      'coi.declarants': [declarant, sam],
      'coi.interests': [leadInterests[2], changedOne, added],
    });
    // 'yours': the lead's are kept and the returned ones added (one with the same id is updated).
    expect(acceptedAnswers(declarantsQ, answers, file, changes, { interests: 'yours' }, new Map())).toEqual({
      'coi.declarants': [declarant, sam],
      'coi.interests': [leadInterests[1], leadInterests[2], changedOne, added],
    });
  });

  it('a declarant with no interests yet has the returned ones filled in, with no choice', async () => {
    const lead = await leadDatabase();
    const request = await ask(lead, samSubject);
    expect(request.file.prefill.interests).toEqual([]);
    const member = backend('member');
    const draft = await opens(member, request.text);
    const theirs = interest('i-sam', 'd-sam', 'Hill Holdings');
    const made = await returnOf(
      member,
      await fillIn(member, draft, { ...sam.values, 'has-interests': 'yes' }, [theirs]),
    );
    expect((await importInto(lead, [made.text]))[0]?.ok).toBe(true);
    const file = await received(lead, request.file.id);
    const answers = await leadAnswers(lead);
    const changes = returnChanges(declarantsQ, interestsQ, answers, file, contextFor(answers));
    expect(changes.map((c) => [c.fieldId, c.kind])).toEqual([
      ['has-interests', 'fill'],
      [interestsChoiceId, 'fill'],
    ]);
    expect(unchosen(changes, {})).toEqual([]);
    const accepted = acceptedAnswers(declarantsQ, answers, file, changes, {}, new Map());
    expect(accepted['coi.interests']).toEqual([...leadInterests, theirs]);
  });
});

describe('where a return stands, and its records', () => {
  it('returnStatus: not asked, asked, returned, accepted, not used; replaced requests do not count', async () => {
    const { lead, request, made } = await memberWorld();
    const requests = async () =>
      (await lead.backend.repositories.returns.list()).filter((r): r is LeadRequest => r.role === 'lead');

    expect(returnStatus([], 'm-hill')).toEqual({ kind: 'not-asked' });
    expect(returnStatus(await requests(), 'm-brook')).toEqual({ kind: 'not-asked' });
    expect(returnStatus(await requests(), 'm-hill')).toEqual({ kind: 'asked', request: request.request });

    expect((await importInto(lead, [made.text]))[0]?.ok).toBe(true);
    const returned = returnStatus(await requests(), 'm-hill');
    expect(returned.kind).toBe('returned');
    const record = await leadRecord(lead, request.file.id);
    expect(returned).toEqual({ kind: 'returned', request: record });

    const decided = await decideOnReturn(lead.backend.repositories, record, 'accepted', {
      now: () => new Date(at(90)),
    });
    if (!decided.ok) throw new Error(decided.message);
    expect(decided.request).toEqual({
      ...request.request,
      revision: 2,
      received: {
        returnId: 'return-1',
        importedAt: at(70),
        returnedAt: at(60),
        respondent: { name: 'Dr Priya Shah', organisation: 'Hillside Surgery' },
      },
      decided: { outcome: 'accepted', at: at(90) },
    });
    expect(await leadRecord(lead, request.file.id)).toEqual(decided.request);
    expect(returnStatus(await requests(), 'm-hill')).toEqual({ kind: 'accepted', request: decided.request });
    // A decided return is not imported again.
    expect((await importInto(lead, [made.text], 'application-1', at(95)))[0]?.message).toBe(
      'The return from Hillside Surgery has been imported already.',
    );

    // A declarant's return not used; then a newer request for them is what counts.
    const asked = await ask(lead, declarantSubject, 100);
    const notUsed = await decideOnReturn(
      lead.backend.repositories,
      {
        ...asked.request,
        received: {
          returnId: 'r-x',
          importedAt: at(101),
          returnedAt: at(100),
          respondent: { name: 'Dr Zoë Ładny', organisation: '' },
        },
      },
      'not-used',
      { now: () => new Date(at(102)) },
    );
    if (!notUsed.ok) throw new Error(notUsed.message);
    expect(returnStatus(await requests(), 'd-zoe')).toEqual({ kind: 'not-used', request: notUsed.request });
    const newer = await ask(lead, declarantSubject, 110);
    expect(returnStatus(await requests(), 'd-zoe')).toEqual({ kind: 'asked', request: newer.request });

    // A replaced request alone is not asked; its replacement is.
    const replaced = { ...newer.request, replacedAt: at(111) };
    expect(returnStatus([replaced], 'd-zoe')).toEqual({ kind: 'not-asked' });
  });

  it('restoreReturn gives back every stored record as it is, and refuses a damaged one', async () => {
    const { lead, member, made, request } = await memberWorld();
    await ask(lead, declarantSubject, 41);
    expect((await importInto(lead, [made.text]))[0]?.ok).toBe(true);
    await ask(lead, declarantSubject, 45); // replaces the first declarant request
    const record = await leadRecord(lead, request.file.id);
    const decided = await decideOnReturn(lead.backend.repositories, record, 'not-used', {
      now: () => new Date(at(90)),
    });
    expect(decided.ok).toBe(true);

    const all: ReturnRecord[] = [
      ...(await lead.backend.repositories.returns.list()),
      ...(await member.repositories.returns.list()),
    ];
    const shapes = all.map((r) =>
      r.role === 'lead' ? `lead${r.replacedAt ? ' replaced' : ''}${r.decided ? ' decided' : ''}` : 'respondent',
    );
    expect(shapes.sort()).toEqual(['lead', 'lead decided', 'lead replaced', 'respondent']);
    // A record still holding its whole return, and one made from nothing but JSON.
    all.push({ ...record });
    expect(record.received?.file).toBeDefined();
    for (const r of all) {
      expect(restoreReturn(r)).toEqual({ ok: true, record: r });
      expect(restoreReturn(JSON.parse(JSON.stringify(r)) as unknown)).toEqual({ ok: true, record: r });
    }

    const damaged = [
      { ...record, role: 'someone' },
      { ...record, extra: 1 },
      { ...record, received: { ...record.received, file: { ...record.received?.file, kind: 'request' } } },
      { ...record, formatVersion: 2 },
      'not a record',
    ];
    for (const raw of damaged) {
      const restored = restoreReturn(raw);
      expect(restored.ok, JSON.stringify(raw).slice(0, 80)).toBe(false);
      expect(restored.ok ? '' : restored.message).toMatch(/^The saved return could not be read: .+\.$/);
    }
  });
});
