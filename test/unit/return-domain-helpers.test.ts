// @vitest-environment node
// The small pure rules behind member returns that the pages and storage call: a person's name
// from the people register, the organisation's contact (who asks), a declarant's interests, the
// blocking issues that concern a return's subject, and what a member's draft starts with.
import { describe, expect, it } from 'vitest';
import type { Answers, RepeatItem } from '@/domain/answers/answer-value';
import type { ReturnSubject } from '@/domain/exchange/return-format';
import { returnDraftAnswers } from '@/domain/exchange/return-record';
import { contactOf, declarantInterests, personName, subjectBlockingIssues } from '@/domain/exchange/return-subjects';
import type { Issue } from '@/domain/rules/issues';
import { aqp, run } from '../helpers/engine';

const people: RepeatItem[] = [
  { id: 'p-zoe', values: { name: 'Dr Zoë Ładny', role: 'partner', register: 'gmc', number: '7012345' } },
  { id: 'p-sam', values: { name: 'Sam Hill', role: 'partner', register: 'none' } },
  { id: 'p-pending', values: { name: 'Still being added', role: 'partner' }, pending: true },
  { id: 'p-odd', values: { name: ['not', 'text'] } },
];
const zoe: RepeatItem = { id: 'd-zoe', values: { name: 'p-zoe', role: 'partner', 'has-interests': 'yes' } };
const sam: RepeatItem = { id: 'd-sam', values: { name: 'p-sam', role: 'partner' } };
const hillside: RepeatItem = { id: 'm-hill', values: { name: 'Hillside Surgery', kind: 'gp-practice' } };
const interest = (id: string, declarant: string, pending?: true): RepeatItem => ({
  id,
  values: { declarant, type: 'financial', organisation: `Organisation ${id}` },
  ...(pending ? { pending } : {}),
});
const interests = [
  interest('i-1', 'd-zoe'),
  interest('i-2', 'd-sam'),
  interest('i-3', 'd-zoe'),
  interest('i-4', 'd-zoe', true),
];
const answers: Answers = {
  'org.people': people,
  'org.contact-name': 'p-sam',
  'org.contact-email': 'sam.hill@nhs.net',
  'bid.members': [hillside],
  'coi.declarants': [zoe, sam],
  'coi.interests': interests,
};

const memberSubject: ReturnSubject = { type: 'member', questionId: 'bid.members', itemId: 'm-hill', name: 'Hillside' };
const zoeSubject: ReturnSubject = { type: 'declarant', questionId: 'coi.declarants', itemId: 'd-zoe', name: 'Zoë' };

describe('personName: a person’s name for their id in the people register', () => {
  it.each([
    ['a person in the register', 'p-zoe', 'Dr Zoë Ładny'],
    ['another person', 'p-sam', 'Sam Hill'],
    ['an id not in the register', 'p-nobody', ''],
    ['a person still being added', 'p-pending', ''],
    ['a person whose name is not text', 'p-odd', ''],
    ['a name typed before people were chosen', 'Dr Zoë Ładny', ''],
    ['no answer', undefined, ''],
    ['an answer that is not an id', ['p-zoe'], ''],
  ])('%s', (_, id, name) => {
    expect(personName(answers, id)).toBe(name);
  });

  it('is empty when there is no people register', () => {
    expect(personName({}, 'p-zoe')).toBe('');
    expect(personName({ 'org.people': 'not a list' }, 'p-zoe')).toBe('');
  });
});

describe('contactOf: the organisation’s contact, who asks for a return', () => {
  it('is the chosen person’s name and the contact email', () => {
    expect(contactOf(answers)).toEqual({ name: 'Sam Hill', email: 'sam.hill@nhs.net' });
  });

  it('has an empty name for a contact not in the register, and an empty email when none is text', () => {
    expect(contactOf({ ...answers, 'org.contact-name': 'p-gone', 'org.contact-email': ['x'] })).toEqual({
      name: '',
      email: '',
    });
    expect(contactOf({})).toEqual({ name: '', email: '' });
  });
});

describe('declarantInterests: one declarant’s interests', () => {
  it('holds their listed interests in list order, not another declarant’s nor one still being added', () => {
    expect(declarantInterests(answers, 'd-zoe').map((i) => i.id)).toEqual(['i-1', 'i-3']);
    expect(declarantInterests(answers, 'd-sam').map((i) => i.id)).toEqual(['i-2']);
  });

  it('is empty for a member practice and when there are no interests', () => {
    expect(declarantInterests(answers, 'm-hill')).toEqual([]);
    expect(declarantInterests({}, 'd-zoe')).toEqual([]);
  });
});

describe('subjectBlockingIssues: the blocking issues that concern a return’s subject', () => {
  const issue = (questionId: string, itemId?: string, severity: Issue['severity'] = 'blocking'): Issue => ({
    sectionId: 's',
    pageId: 'p',
    questionId,
    ...(itemId ? { itemId } : {}),
    severity,
    code: 'required',
    message: `${questionId} ${itemId ?? ''} ${severity}`,
  });

  it.each([
    ['a blocking issue on the item asked for', issue('coi.declarants', 'd-zoe'), true],
    ['a blocking issue on the declarant’s own interest', issue('coi.interests', 'i-3'), true],
    ['a blocking issue on the interests question as a whole', issue('coi.interests'), true],
    ['a warning on the item asked for', issue('coi.declarants', 'd-zoe', 'warning'), false],
    ['a hard fail on the item asked for', issue('coi.declarants', 'd-zoe', 'hard-fail'), false],
    ['a blocking issue on another declarant', issue('coi.declarants', 'd-sam'), false],
    ['a blocking issue on another declarant’s interest', issue('coi.interests', 'i-2'), false],
    ['a blocking issue on the declarants question as a whole', issue('coi.declarants'), false],
    ['a blocking issue on another question', issue('org.legal-name'), false],
  ])('%s: %s', (_, one, kept) => {
    expect(subjectBlockingIssues([one], answers, zoeSubject)).toEqual(kept ? [one] : []);
  });

  it('gives a member practice no issue on the interests, which its return does not hold', () => {
    const onInterests = [issue('coi.interests'), issue('coi.interests', 'i-1')];
    expect(subjectBlockingIssues(onInterests, answers, memberSubject)).toEqual([]);
    expect(subjectBlockingIssues(onInterests, answers, zoeSubject)).toEqual(onInterests);
  });

  it('keeps the issues’ order, and for a member only the member’s item among the members', () => {
    const all = [
      issue('bid.members', 'm-brook'),
      issue('bid.members', 'm-hill'),
      issue('coi.interests', 'i-1'),
      issue('bid.members', 'm-hill', 'warning'),
    ];
    expect(subjectBlockingIssues(all, answers, zoeSubject)).toEqual([all[2]]);
    expect(subjectBlockingIssues(all, answers, memberSubject)).toEqual([all[1]]);
  });

  it('on the engine’s own issues: the declarant’s and their interests’, not another declarant’s', () => {
    const draft: Answers = {
      'org.people': people.slice(0, 1),
      'coi.declarants': [zoe],
      'coi.interests': [interest('i-1', 'd-zoe'), interest('i-9', 'd-other')],
    };
    const { issues } = run(aqp(), draft, { services: ['msk'] });
    const found = subjectBlockingIssues(issues, draft, zoeSubject);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((i) => i.severity === 'blocking')).toBe(true);
    expect(found.some((i) => i.questionId === 'coi.declarants' && i.itemId === 'd-zoe')).toBe(true);
    expect(found.some((i) => i.questionId === 'coi.interests' && i.itemId === 'i-1')).toBe(true);
    expect(issues.some((i) => i.itemId === 'i-9' && i.severity === 'blocking')).toBe(true);
    expect(found.some((i) => i.itemId === 'i-9')).toBe(false);
    expect(found.some((i) => i.questionId.startsWith('org.'))).toBe(false);
  });
});

describe('returnDraftAnswers: what a member’s draft of a return starts with', () => {
  const prefill = (item: RepeatItem, withInterests: readonly RepeatItem[] = []) => ({
    item,
    interests: withInterests,
  });

  it('for a member practice: a lead-provider bid holding only the practice asked for', () => {
    const draft = returnDraftAnswers({ subject: memberSubject, prefill: prefill(hillside) });
    expect(draft).toEqual({ 'bid.model': 'lead-provider', 'bid.members': [hillside] });
    expect(draft['bid.model']).toBe('lead-provider');
    expect(draft).not.toHaveProperty('coi.interests');
  });

  it('for a declarant: their declaration and the interests the lead has for them, and no bid model', () => {
    const theirs = [interest('i-1', 'd-zoe'), interest('i-3', 'd-zoe')];
    const draft = returnDraftAnswers({ subject: zoeSubject, prefill: prefill(zoe, theirs) });
    expect(draft).toEqual({ 'coi.declarants': [zoe], 'coi.interests': theirs });
    expect(draft).not.toHaveProperty('bid.model');
  });

  it('for a declarant with no interests: an empty list of interests', () => {
    expect(returnDraftAnswers({ subject: zoeSubject, prefill: prefill(zoe) })).toEqual({
      'coi.declarants': [zoe],
      'coi.interests': [],
    });
  });
});
