// The pack model: what appears, in what order, and what is left out, for the real checklist.
import { beforeAll, describe, expect, it } from 'vitest';
import { hasAnswer } from '@/domain/answers/answer-value';
import { evaluate } from '@/domain/rules/evaluate';
import { formatFileSize, formatMoney } from '@/domain/answers/format-answer';
import { packFileName } from '@/pdf/pack-file-name';
import { buildPackModel, packAnswers } from '@/pdf/pack-model';
import type {
  PackBlock,
  PackConflicts,
  PackDeclaration,
  PackEvidenceSchedule,
  PackModel,
  PackSection,
} from '@/pdf/pack-types';
import {
  largeFederation,
  referenceDates,
  referenceNow,
  smallSinglePractice,
  type ReferenceApplication,
} from '../fixtures/applications/reference-applications';
import { modelOf } from '../helpers/pdf';

let large: ReferenceApplication;
let small: ReferenceApplication;
let model: PackModel;

beforeAll(async () => {
  [large, small] = await Promise.all([largeFederation(), smallSinglePractice()]);
  model = modelOf(large);
}, 60_000);

const sections = (m: PackModel) => m.parts.filter((p): p is PackSection => p.kind === 'section');
const conflicts = (m: PackModel) => m.parts.find((p): p is PackConflicts => p.kind === 'conflicts');
const declaration = (m: PackModel) => m.parts.find((p): p is PackDeclaration => p.kind === 'declaration');
const schedule = (m: PackModel) => m.parts.find((p): p is PackEvidenceSchedule => p.kind === 'evidence');
const questionBlocks = (m: PackModel) =>
  m.parts.flatMap((p) => ('blocks' in p ? p.blocks : [])).filter((b) => b.kind === 'question');
const block = (m: PackModel, id: string) => {
  const found = questionBlocks(m).find((b) => b.id === id);
  if (!found || found.kind !== 'question') throw new Error(`no block for ${id}`);
  return found;
};
const textOf = (b: PackBlock) =>
  b.kind === 'question' && b.value.kind === 'text' ? b.value.paragraphs.join('\n') : undefined;

function withAnswers(ref: ReferenceApplication, changes: { org?: object; app?: object }): ReferenceApplication {
  return {
    ...ref,
    profile: { ...ref.profile, answers: { ...ref.profile.answers, ...changes.org } },
    application: { ...ref.application, answers: { ...ref.application.answers, ...changes.app } },
  };
}

describe('the pack model of the large reference application', () => {
  it('is a final pack: ready, no DRAFT, no hard fails or blocking issues', () => {
    expect(model.draft).toBe(false);
    expect(model.cover.status).toBe('Ready to submit');
    const readiness = model.parts.find((p) => p.kind === 'readiness');
    expect(readiness).toMatchObject({ ready: true, hardFails: [], blocking: [] });
  });

  it('orders the parts: sections in checklist order, conflicts, evidence schedule, readiness, declaration', () => {
    const visible = large.checklist.definition.sections.filter((s) => s.group !== 'declaration').map((s) => s.title);
    expect(model.parts.map((p) => p.title)).toEqual([
      ...visible,
      'Evidence schedule',
      'Readiness summary',
      'Declaration',
    ]);
    expect(model.parts.map((p) => p.kind).slice(-4)).toEqual(['conflicts', 'evidence', 'readiness', 'declaration']);
    expect(sections(model).map((s) => s.number)).toEqual(sections(model).map((_, i) => i + 1));
  });

  it('shows every visible answered question exactly once, in checklist order', () => {
    const answers = packAnswers(large.checklist, large.profile, large.application);
    const { evaluator } = evaluate({
      checklist: large.checklist,
      answers,
      services: large.application.services,
      dates: referenceDates,
    });
    const special = new Set([
      'coi.declarants',
      'coi.interests',
      'decl.confirmations',
      'decl.name',
      'decl.position',
      'decl.authority',
      'decl.date',
    ]);
    const expected = [...large.checklist.questions.keys()].filter(
      (id) => evaluator.questionVisible(id) && hasAnswer(evaluator.value(id)) && !special.has(id),
    );
    const shown = questionBlocks(model).map((b) => (b.kind === 'question' ? b.id : ''));
    expect(new Set(shown).size).toBe(shown.length);
    expect([...shown].sort()).toEqual([...expected].sort());
    const order = [...large.checklist.questions.keys()];
    const positions = shown.map((id) => order.indexOf(id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('numbers questions within their section', () => {
    const first = sections(model)[0];
    const numbers = first?.blocks.flatMap((b) => (b.kind === 'question' ? [b.number] : []));
    expect(numbers?.slice(0, 3)).toEqual(['1.1', '1.2', '1.3']);
    expect(block(model, 'org.legal-name')).toMatchObject({
      number: '1.1',
      label: "What is your organisation's legal name?",
    });
  });

  it('formats answers: options by label, dates, money, identifiers, evidence by name and reference', () => {
    expect(textOf(block(model, 'org.legal-form'))).toBe('Private company limited by shares');
    expect(textOf(block(model, 'org.date-formed'))).toBe('2 June 2014');
    expect(textOf(block(model, 'fin.turnover'))).toBe('£4,850,000');
    expect(textOf(block(model, 'ins.el-amount'))).toBe('£10,000,000');
    expect(textOf(block(model, 'org.company-number'))).toBe('09123456');
    expect(textOf(block(model, 'reg.ers'))).toBe('Yes');
    expect(block(model, 'org.incorporation-certificate').value).toEqual({
      kind: 'list',
      items: ['Certificate-of-incorporation.pdf (E1)'],
    });
    expect(formatMoney('5000000')).toBe('£5,000,000');
    expect(formatMoney('£1,250.5')).toBe('£1,250.50');
    expect(formatMoney('about five million')).toBe('about five million');
    expect(formatFileSize(1015)).toBe('1015 bytes');
    expect(formatFileSize(2_560)).toBe('2.5 KB');
    expect(formatFileSize(3_500_000)).toBe('3.3 MB');
    expect(formatFileSize(1_500_000)).toBe('1.4 MB');
    expect(formatFileSize(900_000)).toBe('879 KB');
  });

  it('shows repeating groups as tables, and wide ones item by item too', () => {
    const members = block(model, 'bid.members').value;
    if (members.kind !== 'repeat') throw new Error('members is not a table');
    expect(members.table.rows).toHaveLength(20);
    expect(members.table.columns).toEqual([
      'Legal name',
      'What type of organisation is it?',
      'ODS code',
      'CQC provider ID',
    ]);
    expect(members.records).toHaveLength(20);
    expect(members.records[1]?.title).toBe('Member practice 2: Tŷ Newydd Medical Centre');
    const people = block(model, 'org.people').value;
    if (people.kind !== 'repeat') throw new Error('people is not a table');
    expect(people.records).toEqual([]);
    expect(people.table.columns).toContain('Full name');
    // The register's rows are numbered, as the rest of the pack refers to "Name (person N)".
    expect(people.table.columns[0]).toBe('Person');
    expect(people.table.rows.map((r) => r[0])).toEqual(people.table.rows.map((_, i) => String(i + 1)));
    expect(people.table.rows.map((r) => r[1])).toContain('Łukasz Wróbel');
    const locations = block(model, 'prem.locations').value;
    expect(locations.kind === 'repeat' && locations.table.rows[0]?.join('|')).toContain('Chester\nCheshire\nCH1 4DS');
  });

  it('builds the conflicts register and one declaration per person', () => {
    const part = conflicts(model);
    expect(part?.register.rows).toHaveLength(4);
    expect(part?.register.rows[0]?.[0]).toBe('Siân Llŷr (person 1)\nDirector');
    // Each declarant is a person from the people register, named with where they are in it.
    expect(part?.declarants.map((d) => d.name)).toEqual([
      'Siân Llŷr (person 1)',
      'Dr Gwenllïan ap Dafydd (person 2)',
      'Zoë Ó Briain (person 3)',
      'Łukasz Wróbel (person 4)',
      'Şükrü Öztürk (person 5)',
      'Dr Ieuan Gŵyn (person 6)',
      expect.stringMatching(/^Dr Chidi Okonkwo \(person \d+\)$/),
    ]);
    expect(part?.declarants[0]?.interests).toHaveLength(2);
    expect(part?.declarants[3]?.interests).toEqual([]);
    expect(part?.blocks.some((b) => b.kind === 'question' && b.id === 'coi.registered')).toBe(true);
  });

  it('lists evidence in first-use order; PDFs and images become appendices, other files are listed only', () => {
    const entries = schedule(model)?.entries ?? [];
    expect(entries).toHaveLength(10);
    expect(entries.map((e) => e.ref)).toEqual(entries.map((_, i) => `E${i + 1}`));
    const docx = entries.find((e) => e.name.endsWith('.docx'));
    expect(docx).toMatchObject({ appendix: null, type: 'Word document' });
    expect(model.appendices).toHaveLength(9);
    expect(model.appendices.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const cqc = entries.find((e) => e.name === 'CQC-registration-certificate.pdf');
    expect(cqc?.supports.at(-1)).toMatch(
      /^10\.3 .* – Upload their CQC certificate of registration: Riverside Surgery, /,
    );
    expect(cqc?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has a declaration with its statements and signatory', () => {
    const part = declaration(model);
    expect(part?.statements.every((s) => s.confirmed)).toBe(true);
    expect(part?.signatory.map((f) => f.label)).toEqual([
      'Name',
      'Position',
      'What gives you authority to sign?',
      'Date',
    ]);
    expect(part?.signatory[0]?.value).toBe('Siân Llŷr (person 1)');
  });

  it('describes the pack in its metadata and names the file after organisation, service and date', () => {
    expect(model.meta).toMatchObject({
      title: 'AQP application – Afon Dyfrdwy GP Federation Limited',
      language: 'en-GB',
    });
    expect(model.reference).toBe('CMCSU/AQP/2012/PH1-0147');
    expect(packFileName(model)).toBe(
      'AQP application – Afon Dyfrdwy GP Federation Limited – 8 services – 2026-11-22.pdf',
    );
    expect(packFileName({ ...model, applicant: 'A/B: "C" <D>?', services: ['Podiatry'], draft: true })).toBe(
      'DRAFT – AQP application – A-B- -C- -D – Podiatry – 2026-11-22.pdf',
    );
    expect(packFileName({ ...model, applicant: 'x'.repeat(400) }).length).toBeLessThanOrEqual(154);
  });

  it('is deterministic', () => {
    expect(modelOf(large)).toEqual(model);
  });
});

describe('what the pack leaves out, and drafts', () => {
  it('leaves out hidden questions even when an old answer is kept', () => {
    const stale = withAnswers(large, { org: { 'org.legal-form-other': 'A stale answer' } });
    const m = modelOf(stale);
    expect(questionBlocks(m).some((b) => b.kind === 'question' && b.id === 'org.legal-form-other')).toBe(false);
    expect(JSON.stringify(m)).not.toContain('A stale answer');
  });

  it('leaves out sections of services not applied for', () => {
    const m = modelOf(small);
    expect(m.services).toEqual(['Podiatry']);
    expect(m.parts.map((p) => p.title)).toContain('Podiatry');
    expect(m.parts.map((p) => p.title)).not.toContain('MSK services for back and neck pain');
    expect(packFileName(m)).toBe('AQP application – Riverside Surgery – Podiatry – 2026-11-22.pdf');
  });

  it('in a draft shows unanswered questions as "Not answered" and says why it is not ready', () => {
    const draft = withAnswers(small, { app: { 'del.spec-summary': '', 'com.foi-sensitive': '' } });
    const m = modelOf(draft);
    expect(m.draft).toBe(true);
    expect(m.cover.status).toBe('DRAFT – not ready to submit (0 hard fails, 1 blocking issue)');
    expect(block(m, 'del.spec-summary').value).toEqual({ kind: 'not-answered' });
    expect(block(m, 'com.foi-sensitive').value).toEqual({ kind: 'not-answered' });
    const readiness = m.parts.find((p) => p.kind === 'readiness');
    expect(readiness?.kind === 'readiness' && readiness.blocking[0]?.where).toMatch(/^\d+\.\d+ /);
  });

  it('in a final pack leaves out unanswered optional questions', () => {
    const final = withAnswers(small, { app: { 'com.foi-sensitive': '' } });
    const m = modelOf(final);
    expect(m.draft).toBe(false);
    expect(questionBlocks(m).some((b) => b.kind === 'question' && b.id === 'com.foi-sensitive')).toBe(false);
  });

  it('reports hard fails', () => {
    const m = modelOf(withAnswers(small, { app: { 'excl.fraud': 'yes' } }));
    const readiness = m.parts.find((p) => p.kind === 'readiness');
    expect(readiness?.kind === 'readiness' && readiness.hardFails.length).toBeGreaterThan(0);
    expect(m.cover.status).toMatch(/^DRAFT – not ready to submit \(1 hard fail, /);
  });

  it('refuses a "now" that is not a date and time', () => {
    expect(() => buildPackModel({ ...small, now: '22/11/2026' })).toThrow(/ISO date and time/);
    expect(modelOf(small, referenceNow).generatedOn).toBe('2026-11-22');
  });
});
