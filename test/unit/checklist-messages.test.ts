// The AQP checklist's error messages: every question and field that can be required says what to
// do in its own words ("Enter the date your organisation was formed"), never a generic sentence
// that quotes the label; and a table of real messages, one or more per fault, shows the style
// (schemas/checklists/README.md, "Writing messages: the rules we follow").
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '@/domain/answers/answer-value';
import type { ItemQuestion, Question } from '@/domain/definition/checklist-schema';
import type { IdentifierKind } from '@/domain/definition/checklist-schema';
import { validateIdentifier } from '@/domain/rules/identifiers';
import { validateAnswer, type AnswerContext } from '@/domain/rules/validate-answer';
import { aqp, date } from '../helpers/engine';

const checklist = aqp();
const today = '2026-12-02';
const questions = [...checklist.questions.values()].map((e) => e.question);
/** Every top-level question, then every field of every repeating group, as "repeat/field". */
const everything: [string, Question | ItemQuestion][] = questions.flatMap((q) => [
  [q.id, q] as [string, Question | ItemQuestion],
  ...(q.type === 'repeat' ? q.fields.map((f) => [`${q.id}/${f.id}`, f] as [string, ItemQuestion]) : []),
]);

/** The fallbacks validate-answer.ts uses for a question without a noun. */
const fallbacks = [
  /^Select an answer: /,
  /^Select at least one option: /,
  /^Enter a date: /,
  /^Attach a file: /,
  /^Add at least one .+: /,
  /^Enter an answer: /,
];
const isGeneric = (message: string, question: Question | ItemQuestion) =>
  message.includes(`: ${question.label}`) || fallbacks.some((pattern) => pattern.test(message));

const ctx = (extra: Partial<AnswerContext> = {}): AnswerContext => ({
  required: true,
  options: [],
  dates: { today },
  ...extra,
});

function find(id: string): Question | ItemQuestion {
  const [questionId = '', fieldId] = id.split('/');
  const question = checklist.questions.get(questionId)?.question;
  if (!question) throw new Error(`no question ${questionId}`);
  if (fieldId === undefined) return question;
  const field = question.type === 'repeat' ? question.fields.find((f) => f.id === fieldId) : undefined;
  if (!field) throw new Error(`no field ${id}`);
  return field;
}

/** The first message for an answer, as the error summary shows it. */
const messageFor = (question: Question | ItemQuestion, value: AnswerValue | undefined, extra = {}) =>
  validateAnswer(question, value, ctx(extra))[0]?.message;

describe('required messages on the real checklist', () => {
  const requirable = everything.filter(([, q]) => q.required !== undefined && q.required !== false);

  it('gives every question and field that can be required a specific message', () => {
    const generic: string[] = [];
    for (const [id, question] of requirable) {
      const [problem] = validateAnswer(question, undefined, ctx());
      expect(problem?.code, id).toBe('required');
      if (!problem || isGeneric(problem.message, question)) generic.push(id);
    }
    const ownWords = everything.filter(([, q]) => q.messages && Object.keys(q.messages).length > 0).length;
    console.log(
      `checklist messages: ${requirable.length} required questions and fields, ${requirable.length - generic.length} specific, ` +
        `${generic.length} generic; ${ownWords} questions give their own words (messages)`,
    );
    expect(generic).toEqual([]);
    expect(requirable.length).toBeGreaterThan(350);
  });

  it('builds every message from a noun that reads mid-sentence', () => {
    for (const [id, question] of everything) {
      expect(question.noun, id).toBeDefined();
      expect(question.noun, id).toMatch(/^(?:[a-z]|[A-Z]{2,}|GP|NHS)/);
      expect(question.noun, id).not.toMatch(/[.?!]$/);
      expect(question.noun?.length ?? 0, id).toBeLessThan(90);
    }
  });

  it('follows the style in every message a question can give: no “please”, “invalid” or “error”, no full stop', () => {
    for (const [id, question] of everything) {
      const own = Object.values(question.messages ?? {});
      for (const message of [messageFor(question, undefined) ?? '', ...own]) {
        expect(message, id).not.toMatch(/\b(?:please|invalid|error)\b/i);
        expect(message, id).not.toMatch(/[.!]$/);
        expect(message.charAt(0), id).toMatch(/[A-Z]/);
      }
    }
  });
});

describe('messages by fault, on real questions', () => {
  // [fault, question (or "repeat/field"), answer, exact message]
  it.each<[string, string, AnswerValue | undefined, string]>([
    ['required: text', 'org.legal-name', undefined, "Enter your organisation's legal name"],
    [
      'required: longtext',
      'gov.incidents',
      undefined,
      'Enter a description of how you report, investigate and learn from clinical incidents',
    ],
    ['required: radios', 'org.legal-form', undefined, 'Select the type of organisation'],
    [
      'required: yes or no',
      'reg.ers',
      undefined,
      'Select whether you can list the service on the NHS e-Referral Service',
    ],
    [
      'required: checkboxes',
      'reg.cqc-activities',
      undefined,
      'Select the regulated activities your registration covers, or will cover',
    ],
    ['required: date', 'org.date-formed', undefined, 'Enter the date your organisation was formed'],
    ['required: money', 'ins.el-amount', undefined, "Enter the limit of your employer's liability cover"],
    [
      'required: number',
      'del.max-referrals',
      undefined,
      'Enter the largest number of referrals a month you can accept',
    ],
    ['required: email', 'org.contact-email', undefined, "Enter your contact's email address"],
    ['required: phone', 'org.contact-phone', undefined, "Enter your contact's phone number"],
    ['required: identifier', 'reg.ico', undefined, 'Enter your ICO registration number'],
    ['required: address', 'org.registered-address', undefined, 'Enter your registered or principal office address'],
    ['required: evidence', 'ins.el-certificate', undefined, "Attach your employer's liability certificate"],
    ['required: repeat', 'org.people', undefined, 'Add at least one person in your organisation'],
    ['required: a repeat field', 'org.people/name', undefined, 'Enter their full name'],
    [
      'required, own words',
      'excl.non-collusion',
      undefined,
      'Select yes if you have not colluded with any other bidder',
    ],
    [
      'date missing parts',
      'org.date-formed',
      { day: '', month: '3', year: '' },
      'The date your organisation was formed must include a day and year',
    ],
    ['date year', 'org.date-formed', { day: '1', month: '3', year: '20' }, 'Year must include 4 numbers'],
    [
      'not a real date',
      'org.date-formed',
      date('2023-02-31'),
      'The date your organisation was formed must be a real date',
    ],
    ['future, own words', 'org.date-formed', date('2027-01-01'), 'Date formed must be today or in the past'],
    [
      'future',
      'reg.cqc-applied-date',
      date('2027-01-01'),
      'The date you sent your application to CQC must be today or in the past',
    ],
    ['too long', 'org.legal-name', 'x'.repeat(161), "Your organisation's legal name must be 160 characters or fewer"],
    [
      'too few words',
      'excl.fraud-details',
      'We paid it back.',
      'Details of the fraud conviction and what you have done to put it right must be 20 words or more (you have written 4)',
    ],
    [
      'out of range',
      'sg.training-adults',
      '101',
      'The percentage of staff up to date with adult safeguarding training must be between 0 and 100',
    ],
    [
      'money format',
      'ins.el-amount',
      'five million',
      "Enter the limit of your employer's liability cover as an amount in pounds, like 5,000,000",
    ],
    [
      'number format',
      'del.max-referrals',
      'lots',
      'Enter the largest number of referrals a month you can accept as a number',
    ],
    [
      'email format',
      'org.contact-email',
      'manager-at-nhs.net',
      "Enter your contact's email address in the correct format, like name@nhs.net",
    ],
    [
      'phone format',
      'org.contact-phone',
      '123',
      "Enter your contact's phone number as a UK number, like 01632 960 001 or +44 1632 960 001",
    ],
  ])('%s (%s)', (_fault, id, value, message) => {
    expect(messageFor(find(id), value)).toBe(message);
  });

  it('says a date must be today or in the future (no question uses notPast yet, so the start date stands in)', () => {
    const start = find('del.start-date');
    const question = { ...start, validation: { notPast: true } } as Question;
    expect(messageFor(question, date('2026-01-01'))).toBe(
      'The date you could start providing the service must be today or in the future',
    );
  });

  it('keeps the identifier validator’s reason, unless the question gives its own words for the format', () => {
    const ico = find('reg.ico');
    const kind: IdentifierKind = 'ico';
    const reason = validateIdentifier(kind, 'nope');
    expect(reason.valid).toBe(false);
    expect(messageFor(ico, 'nope', { identifierKind: kind })).toBe(reason.valid ? '' : reason.message);
    const own = { ...ico, messages: { format: 'Enter your ICO registration number, like Z1234567' } } as Question;
    expect(messageFor(own, 'nope', { identifierKind: kind })).toBe('Enter your ICO registration number, like Z1234567');
  });

  it('falls back to the generic message, quoting the label, for a question without a noun', () => {
    const legalForm = structuredClone(find('org.legal-form'));
    delete legalForm.noun;
    expect(messageFor(legalForm, undefined)).toBe('Select an answer: What type of organisation is it?');
  });
});
