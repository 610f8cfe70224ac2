// The rules engine on the mini checklist: each rule kind (visibility, requiredness, formats,
// ranges, dates relative to today and the service start, options, repeats, item fields, checks
// and severities, cross-repeat coverage), over tables of cases.
import { describe, expect, it } from 'vitest';
import type { Answers } from '@/domain/answers/answer-value';
import { date, item, mini, run } from '../helpers/engine';

const checklist = mini();
const base: Answers = {
  'org.name': 'Riverside Surgery',
  'org.form': 'partnership',
  'ins.el': '10,000,000',
  'bid.contract': 'yes',
};
const issuesFor = (answers: Answers, id: string, options = {}) =>
  run(checklist, { ...base, ...answers }, options).issues.filter((i) => i.questionId === id);

describe('visibility and requiredness', () => {
  it('shows and requires the company number only for companies', () => {
    expect(run(checklist, base).evaluator.questionVisible('org.company-number')).toBe(false);
    expect(issuesFor({}, 'org.company-number')).toEqual([]);
    expect(run(checklist, { ...base, 'org.form': 'company' }).evaluator.questionVisible('org.company-number')).toBe(
      true,
    );
    expect(issuesFor({ 'org.form': 'company' }, 'org.company-number')[0]?.code).toBe('required');
  });

  it('ignores a hidden question’s answer, but keeps it', () => {
    const answers = { ...base, 'org.company-number': 'not a number' };
    const evaluation = run(checklist, answers);
    expect(evaluation.issues.filter((i) => i.questionId === 'org.company-number')).toEqual([]);
    expect(evaluation.evaluator.value('org.company-number')).toBeUndefined();
    expect(answers['org.company-number']).toBe('not a number');
  });

  it('applies service sections only when the service is chosen', () => {
    expect(run(checklist, base, { services: ['msk'] }).visibleSections.map((s) => s.id)).not.toContain('svc-podiatry');
    expect(run(checklist, base, { services: ['podiatry'] }).visibleSections.map((s) => s.id)).toContain('svc-podiatry');
  });

  it('compares a context date with a fixed date', () => {
    const visible = (serviceStart: string) =>
      run(checklist, base, { dates: { today: '2013-01-01', serviceStart } }).evaluator.questionVisible(
        'svc.podiatry.licence',
      );
    expect(visible('2014-04-01')).toBe(true);
    expect(visible('2013-09-01')).toBe(false);
  });
});

describe('formats', () => {
  it.each([
    ['org.company-number', 'company', '445790', 0],
    ['org.company-number', 'company', 'AB12', 1],
    ['org.email', undefined, 'manager@nhs.net', 0],
    ['org.email', undefined, 'manager-at-nhs.net', 1],
    ['org.phone', undefined, '01632 960 001', 0],
    ['org.phone', undefined, '+44 (0)1632 960001', 1],
    ['org.phone', undefined, '+44 1632 960001', 0],
    ['ins.el', undefined, '£5,000,000', 0],
    ['ins.el', undefined, 'five million', 1],
    ['ins.staff', undefined, '12', 0],
    ['ins.staff', undefined, '0', 1],
    ['ins.staff', undefined, '501', 1],
    ['org.name', undefined, 'x'.repeat(21), 1],
  ])('%s = %j gives %i problem(s)', (id, form, value, count) => {
    const answers: Answers = { [id]: value, ...(form ? { 'org.form': form } : {}) };
    expect(issuesFor(answers, id).filter((i) => i.code !== 'check')).toHaveLength(count);
  });

  it.each([
    [{ day: '31', month: '2', year: '2020' }, 'must be a real date', 'day'],
    [{ day: '1', month: '13', year: '2020' }, 'must be a real date', 'month'],
    [{ day: '', month: '2', year: '2020' }, 'must include a day', 'day'],
    [{ day: '1', month: '2', year: '20' }, 'Year must include 4 numbers', 'year'],
    [{ day: '1', month: '1', year: '2030' }, 'must be today or in the past', 'day'],
  ])('refuses the date %j', (value, message, part) => {
    const [issue] = issuesFor({ 'org.formed': value }, 'org.formed');
    expect(issue?.message).toContain(message);
    expect(issue?.part).toBe(part);
  });

  it('checks an address line by line, and its postcode', () => {
    const issues = issuesFor(
      { 'org.address': { line1: '1 High St', line2: '', town: '', county: '', postcode: 'nonsense' } },
      'org.address',
    );
    expect(issues.map((i) => i.part)).toEqual(['town', 'postcode']);
  });

  it('refuses an option that is not offered, and an exclusive option with others', () => {
    expect(issuesFor({ 'org.form': 'llp' }, 'org.form')[0]?.code).toBe('option');
    expect(issuesFor({ 'bid.activities': ['none', 'surgical'] }, 'bid.activities')[0]?.message).toContain(
      '“None” on its own',
    );
  });

  it('offers the chosen services and a repeat’s items as options', () => {
    const evaluation = run(
      checklist,
      { ...base, 'bid.declarants': [item('d1', { name: 'Dr Ann Jones' })] },
      { services: ['msk', 'podiatry'] },
    );
    const entry = (id: string) => checklist.questions.get(id)?.question;
    const services = entry('bid.services');
    const lead = entry('bid.lead');
    expect(services && evaluation.evaluator.options(services).map((o) => o.label)).toEqual([
      'Back and neck pain',
      'Podiatry',
    ]);
    expect(lead && evaluation.evaluator.options(lead)).toEqual([{ value: 'd1', label: 'Dr Ann Jones' }]);
  });
});

describe('repeating groups', () => {
  it('requires at least the minimum number of items', () => {
    expect(issuesFor({}, 'org.people')[0]?.code).toBe('required');
  });

  it('validates each item’s fields, with the identifier kind chosen by a sibling field', () => {
    const people = [
      item('p1', { name: 'Dr Ann Jones', register: 'gmc', number: '1234567' }),
      item('p2', { name: 'Bea Smith', register: 'nmc', number: '1234567' }),
      item('p3', { name: '', register: 'none' }),
    ];
    const issues = issuesFor({ 'org.people': people }, 'org.people');
    expect(issues.map((i) => [i.itemId, i.fieldId, i.code])).toEqual([
      ['p2', 'number', 'format'],
      ['p3', 'name', 'required'],
    ]);
  });

  it('compares dates within one item', () => {
    const people = [item('p1', { name: 'A', from: date('2020-05-01'), to: date('2019-01-01') })];
    expect(issuesFor({ 'org.people': people }, 'org.people').map((i) => i.checkId)).toEqual(['org.people.to.order']);
  });

  it('finds a person with no declaration (cross-repeat coverage), ignoring case and spacing', () => {
    const people = [item('p1', { name: 'Dr Ann  Jones' }), item('p2', { name: 'Dr Raj Patel' })];
    const partial = [item('d1', { name: 'dr ann jones' })];
    expect(
      issuesFor({ 'org.people': people, 'bid.declarants': partial }, 'bid.declarants').map((i) => i.checkId),
    ).toEqual(['bid.declarants.cover']);
    const full = [...partial, item('d2', { name: 'Dr Raj Patel' })];
    expect(issuesFor({ 'org.people': people, 'bid.declarants': full }, 'bid.declarants')).toEqual([]);
  });
});

describe('checks and severities', () => {
  it.each([
    ['4,999,999', ['hard-fail']],
    ['5,000,000', ['warning']],
    ['9,999,999', ['warning']],
    ['10,000,000', []],
  ])('employer’s liability of £%s gives %j', (amount, severities) => {
    expect(issuesFor({ 'ins.el': amount }, 'ins.el').map((i) => i.severity)).toEqual(severities);
  });

  it.each([
    ['2027-03-31', ['ins.expiry.before-start']],
    ['2026-12-01', ['ins.expiry.before-start', 'ins.expiry.soon']],
    ['2027-06-01', []],
  ])('insurance expiring %s raises %j (service starts 1 April 2027, today 22 November 2026)', (expiry, checks) => {
    expect(issuesFor({ 'ins.expiry': date(expiry) }, 'ins.expiry').map((i) => i.checkId)).toEqual(checks);
  });

  it('warns about an organisation less than 12 months old, relative to today', () => {
    expect(issuesFor({ 'org.formed': date('2026-06-01') }, 'org.formed').map((i) => i.severity)).toEqual(['warning']);
    expect(issuesFor({ 'org.formed': date('2025-06-01') }, 'org.formed')).toEqual([]);
  });

  it('raises a blocking issue when a service needs a regulated activity that is not held', () => {
    expect(
      issuesFor({ 'svc.podiatry.nail-surgery': 'yes', 'bid.activities': ['treatment'] }, 'svc.podiatry.nail-surgery')[0]
        ?.severity,
    ).toBe('blocking');
    expect(
      issuesFor(
        { 'svc.podiatry.nail-surgery': 'yes', 'bid.activities': ['treatment', 'surgical'] },
        'svc.podiatry.nail-surgery',
      ),
    ).toEqual([]);
  });

  it('does not repeat a missing required answer as a failed check', () => {
    expect(issuesFor({ 'bid.contract': '' }, 'bid.contract').map((i) => i.code)).toEqual(['required']);
  });
});
