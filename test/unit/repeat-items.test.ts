// Items of repeating groups on the real AQP checklist: an item still being added (pending) is
// invisible to the rules, the review and the PDF's reading of answers; an item's status says what
// it still needs in one sentence; its summary tells same-named items apart; and every sentence
// that names a file or a document reads as English, with no label in brackets.
import { describe, expect, it } from 'vitest';
import { hasAnswer, listedItems, pendingItem, type RepeatItem } from '@/domain/answers/answer-value';
import { evidenceUses, fileDetails } from '@/domain/answers/evidence-uses';
import type { EvidenceMeta } from '@/domain/application/application';
import type { RepeatQuestion } from '@/domain/definition/checklist-schema';
import { itemStatus, itemSummary, listInWords } from '@/domain/rules/item-status';
import { aqp, run, today } from '../helpers/engine';

const checklist = aqp();
const members = checklist.questions.get('bid.members')?.question as RepeatQuestion;
const lead = { 'bid.model': 'lead-provider' };

const oak: RepeatItem = {
  id: 'm1',
  values: {
    name: 'Oak Surgery',
    kind: 'gp-practice',
    'ods-code': 'a81001',
    'cqc-provider-id': '1-199747506',
    address: { line1: '1 High Street', line2: '', town: 'Truro', county: '', postcode: 'tr1 1aa' },
  },
};

describe('an item still being added', () => {
  const pending: RepeatItem = { id: 'm2', values: { name: 'Ghost Practice' }, pending: true };

  it('is not in the list, is not an answer, and raises no issue', () => {
    const answers = { ...lead, 'bid.members': [pending] };
    expect(listedItems(answers['bid.members'])).toEqual([]);
    expect(pendingItem(answers['bid.members'])).toBe(pending);
    expect(hasAnswer(answers['bid.members'])).toBe(false);
    const issues = run(checklist, answers).issues.filter((i) => i.questionId === 'bid.members');
    // The group is still required (nothing listed), and the ghost's missing files are never reported.
    expect(issues.map((i) => i.itemId ?? 'group')).toEqual(['group']);
  });

  it('is left out of what the evaluator reads, beside the listed items', () => {
    const answers = { ...lead, 'bid.members': [oak, pending] };
    const { evaluator, issues } = run(checklist, answers);
    expect(evaluator.value('bid.members')).toEqual([oak]);
    expect(issues.some((i) => i.itemId === 'm2')).toBe(false);
    expect(issues.some((i) => i.itemId === 'm1')).toBe(true);
  });
});

describe('an item’s status and summary', () => {
  it('says in one sentence what an incomplete item still needs, and no more than three things by name', () => {
    const { issues } = run(checklist, { ...lead, 'bid.members': [oak] });
    const status = itemStatus(members, oak, issues);
    expect(status.complete).toBe(false);
    expect(status.reason).toBe(
      'Still needs the services they will deliver, whether they hold insurance and indemnity for this work and 3 other answers.',
    );
    expect(status.hardFails).toEqual([]);
  });

  it('asks to check an answer that is there but wrong', () => {
    const wrong: RepeatItem = { id: 'm3', values: { ...oak.values, 'ods-code': 'not a code' } };
    const status = itemStatus(members, wrong, run(checklist, { ...lead, 'bid.members': [wrong] }).issues);
    expect(status.reason).toMatch(/ Check their ODS code\.$/);
  });

  it('is complete when the engine finds nothing blocking', () => {
    expect(itemStatus(members, oak, [])).toEqual({ complete: true, reason: '', hardFails: [] });
  });

  it('summarises a practice by ODS code, CQC provider ID and postcode', () => {
    const { evaluator } = run(checklist, { ...lead, 'bid.members': [oak] });
    expect(itemSummary(members, oak, evaluator)).toEqual([
      { label: 'ODS code', value: 'A81001' },
      { label: 'CQC provider ID', value: '1-199747506' },
      { label: 'Postcode', value: 'TR1 1AA' },
    ]);
  });

  it('summarises a person by role and register number', () => {
    const people = checklist.questions.get('org.people')?.question as RepeatQuestion;
    const person: RepeatItem = {
      id: 'p1',
      values: { name: 'Dr Ann Lee', role: 'partner', register: 'gmc', number: '1234567' },
    };
    const { evaluator } = run(checklist, { 'org.people': [person] });
    const summary = itemSummary(people, person, evaluator).map((p) => `${p.label}: ${p.value}`);
    expect(summary).toEqual([
      'Role: Partner',
      'Professional register they are on: GMC (doctors)',
      'Registration number: 1234567',
    ]);
  });

  it('joins words as English', () => {
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b'])).toBe('a and b');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listInWords(['a', 'b', 'c', 'd'], 3)).toBe('a, b and 2 other answers');
  });
});

describe('sentences that name a file or a document', () => {
  const file = (validUntil?: string) => ({ id: 'f1', name: 'cert.txt', ...(validUntil ? { validUntil } : {}) });
  const elIssues = (validUntil?: string) =>
    run(checklist, { 'ins.el-certificate': ['f1'] }, { evidence: [file(validUntil)] }).issues.filter(
      (i) => i.questionId === 'ins.el-certificate',
    );

  it.each([
    [undefined, 'Give the date your employer’s liability certificate “cert.txt” is valid until.'],
    [
      '2026-01-31',
      'Your employer’s liability certificate “cert.txt” expired on 31 January 2026. Attach a current one.',
    ],
    [
      '2027-02-01',
      'Your employer’s liability certificate “cert.txt” expires on 1 February 2027, before the service starts on 1 April 2027.',
    ],
  ])('valid until %s: %s', (validUntil, message) => {
    expect(elIssues(validUntil).map((i) => i.message)).toEqual([message.replace(/’/g, "'")]);
  });

  it('names a missing file by what it was for', () => {
    const issues = run(checklist, { 'ins.el-certificate': ['gone'] }, { evidence: [] }).issues;
    expect(issues.find((i) => i.code === 'evidence-missing')?.message).toBe(
      "A file attached as your employer's liability certificate is no longer on this computer. Attach it again.",
    );
  });

  it('asks for a required document by name, never by quoting its label', () => {
    const { issues } = run(checklist, { ...lead, 'bid.members': [oak] });
    const messages = issues.filter((i) => i.itemId === 'm1').map((i) => i.message);
    expect(messages).toContain('Attach their CQC certificate of registration');
    expect(messages).toContain('Attach their signed self-declaration');
    for (const message of issues.map((i) => i.message)) expect(message).not.toMatch(/\((?:Upload|What|Which|How) /);
  });

  it('describes each file by what it evidences, its size and the day it was attached', () => {
    const meta = (id: string): EvidenceMeta => ({
      formatVersion: 1,
      id,
      profileId: 'org-1',
      name: 'cert.txt',
      type: 'text/plain',
      size: 2560,
      sha256: '0'.repeat(64),
      questionIds: [],
      addedAt: `${today}T09:00:00.000Z`,
    });
    const withFiles: RepeatItem = { id: 'm1', values: { ...oak.values, 'cqc-certificate': ['f2'] } };
    const uses = evidenceUses(checklist, { 'ins.el-certificate': ['f1'], 'bid.members': [withFiles] });
    expect(fileDetails(meta('f1'), uses.get('f1'))).toBe(
      "2.5 KB, attached 22 November 2026, for your employer's liability certificate",
    );
    expect(fileDetails(meta('f2'), uses.get('f2'))).toBe(
      '2.5 KB, attached 22 November 2026, for Oak Surgery: their CQC certificate of registration',
    );
    expect(fileDetails(meta('f3'), uses.get('f3'))).toBe('2.5 KB, attached 22 November 2026, not used yet');
  });
});
