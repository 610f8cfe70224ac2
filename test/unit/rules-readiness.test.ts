// Section status, readiness and evidence warnings on the mini checklist; hard fails on the real
// AQP checklist.
import { describe, expect, it } from 'vitest';
import type { Answers } from '@/domain/answers/answer-value';
import { sectionProgress } from '@/domain/rules/progress';
import { readiness } from '@/domain/rules/readiness';
import { aqp, date, item, mini, run } from '../helpers/engine';

const checklist = mini();
const complete: Answers = {
  'org.name': 'Riverside Surgery',
  'org.form': 'partnership',
  'org.people': [item('p1', { name: 'Dr Ann Jones', register: 'gmc', number: '1234567' })],
  'ins.el': '10,000,000',
  'bid.contract': 'yes',
  'bid.declarants': [item('d1', { name: 'Dr Ann Jones' })],
  'svc.podiatry.nail-surgery': 'no',
  'svc.podiatry.licence': 'yes',
  'decl.name': 'Ann Jones',
};
const statuses = (answers: Answers, completed: string[]) =>
  Object.fromEntries(sectionProgress(run(checklist, answers), completed).map((p) => [p.section.id, p.status]));

describe('section status', () => {
  it('starts as not started, with the declaration unable to start', () => {
    expect(statuses({}, [])).toEqual({
      org: 'not-started',
      cover: 'not-started',
      bid: 'not-started',
      'svc-podiatry': 'not-started',
      decl: 'cannot-start',
    });
  });

  it('is in progress once answered, and completed only when marked and with nothing blocking', () => {
    expect(statuses(complete, []).org).toBe('in-progress');
    expect(statuses(complete, ['org']).org).toBe('completed');
    expect(statuses({ ...complete, 'org.name': '' }, ['org']).org).toBe('in-progress');
  });

  it('lets the declaration start when the sections it depends on are completed', () => {
    expect(statuses(complete, ['org']).decl).toBe('cannot-start');
    expect(statuses(complete, ['org', 'bid']).decl).toBe('in-progress');
    expect(statuses({ ...complete, 'decl.name': '' }, ['org', 'bid']).decl).toBe('not-started');
  });

  it('counts visible questions only', () => {
    const org = sectionProgress(run(checklist, { 'org.form': 'company' }), []).find((p) => p.section.id === 'org');
    const partnership = sectionProgress(run(checklist, { 'org.form': 'partnership' }), []).find(
      (p) => p.section.id === 'org',
    );
    expect(org?.total).toBe((partnership?.total ?? 0) + 1);
  });
});

describe('readiness', () => {
  it('is ready when nothing blocks or fails', () => {
    const r = readiness(run(checklist, complete));
    expect(r.ready).toBe(true);
    expect(r.hardFails).toEqual([]);
  });

  it('lists hard fails and blocking issues, each pointing at its question', () => {
    const r = readiness(run(checklist, { ...complete, 'bid.contract': 'no', 'ins.el': '1,000,000', 'org.name': '' }));
    expect(r.ready).toBe(false);
    expect(r.hardFails.map((i) => [i.sectionId, i.pageId, i.questionId])).toEqual([
      ['cover', 'cover-el', 'ins.el'],
      ['bid', 'bid-terms', 'bid.contract'],
    ]);
    expect(r.blocking.map((i) => i.questionId)).toEqual(['org.name']);
  });
});

describe('evidence warnings', () => {
  const withFile = (validUntil?: string) =>
    readiness(
      run(
        checklist,
        { ...complete, 'ins.certificate': ['f1'] },
        { evidence: [{ id: 'f1', name: 'el.pdf', ...(validUntil ? { validUntil } : {}) }] },
      ),
    );

  it.each([
    ['2026-11-01', 'blocking', 'evidence-expired'],
    ['2027-03-01', 'warning', 'evidence-expiring'],
    ['2027-06-01', 'none', ''],
  ])('a certificate valid until %s gives %s', (validUntil, severity, code) => {
    const r = withFile(validUntil);
    const issue = [...r.blocking, ...r.warnings].find((i) => i.questionId === 'ins.certificate');
    expect(issue?.severity ?? 'none').toBe(severity);
    expect(issue?.code ?? '').toBe(code);
  });

  it('warns within 60 days of today even with no service start date', () => {
    const r = readiness(
      run(
        checklist,
        { ...complete, 'ins.certificate': ['f1'] },
        { evidence: [{ id: 'f1', name: 'el.pdf', validUntil: '2027-01-10' }], dates: { today: '2026-11-22' } },
      ),
    );
    expect(r.warnings.map((i) => i.message).join()).toContain('within 60 days');
  });

  it('asks for a valid-until date, and notices a file that is gone', () => {
    expect(withFile(undefined).warnings.map((i) => i.code)).toContain('evidence-no-date');
    const gone = readiness(run(checklist, { ...complete, 'ins.certificate': ['missing'] }, { evidence: [] }));
    expect(gone.blocking.map((i) => i.code)).toContain('evidence-missing');
  });
});

describe('hard fails on the AQP checklist', () => {
  const real = aqp();
  const hardFailsFor = (answers: Answers, services = ['podiatry' as const]) =>
    readiness(run(real, answers, { services })).hardFails.map((i) => i.questionId);

  it.each([
    [{ 'com.standard-contract': 'no' }, 'com.standard-contract'],
    [{ 'com.price': 'no' }, 'com.price'],
    [{ 'com.protocols': 'no' }, 'com.protocols'],
    [{ 'com.no-guarantee': 'no' }, 'com.no-guarantee'],
    [{ 'excl.fraud': 'yes' }, 'excl.fraud'],
    [{ 'excl.non-collusion': 'no' }, 'excl.non-collusion'],
    [{ 'ins.el-amount': '4,000,000' }, 'ins.el-amount'],
    [{ 'reg.cqc-status': 'on-award', 'bid.model': 'single-practice' }, 'reg.cqc-status'],
  ])('%j is a hard fail on %s', (answers, id) => {
    expect(hardFailsFor(answers)).toContain(id);
  });

  it.each([
    [{ 'com.standard-contract': 'yes', 'com.price': 'yes', 'com.protocols': 'yes', 'com.no-guarantee': 'yes' }],
    [{ 'ins.el-amount': '5,000,000' }],
    [{ 'reg.cqc-status': 'on-award', 'bid.model': 'lead-provider' }],
    [{ 'excl.fraud': 'no', 'excl.non-collusion': 'yes' }],
  ])('%j is not a hard fail', (answers) => {
    expect(hardFailsFor(answers)).toEqual([]);
  });

  it('asks every partner and director for a declaration of interests', () => {
    const answers: Answers = {
      'org.people': [
        item('p1', { name: 'Dr Ann Jones', role: 'partner' }),
        item('p2', { name: 'Dr Raj Patel', role: 'partner' }),
      ],
      'coi.declarants': [item('d1', { name: 'Dr Ann Jones' })],
    };
    const blocking = readiness(run(real, answers)).blocking.filter(
      (i) => i.checkId === 'coi.declarants.every-partner-director',
    );
    expect(blocking).toHaveLength(1);
    expect(date('2026-01-02')).toEqual({ day: '02', month: '01', year: '2026' });
  });
});
