// @vitest-environment node
// "Start a new application from this one" on the real checklist: which of the first application's
// answers are copied (those the new application asks, bar the ones given afresh for each advert),
// which are left empty, and what the report says. Ids, `now` and `today` are passed in.
import { describe, expect, it } from 'vitest';
import type { Answers } from '@/domain/answers/answer-value';
import type { Application } from '@/domain/application/application';
import { askedAgainForEachAdvert, copyApplication, copyReport } from '@/domain/application/copy-application';
import type { AdvertInput } from '@/domain/application/new-application';
import type { ServiceId } from '@/domain/definition/checklist-schema';
import { loadChecklistOrThrow } from '@/domain/definition/load-checklist';
import { withLocalQuestions } from '@/domain/definition/local-questions';
import { aqp, date, rawAqpChecklist } from '../helpers/engine';
import { makeApplication } from '../helpers/storage-fixtures';

const checklist = aqp();
const now = '2027-03-10T09:00:00.000Z';
const today = '2027-03-10';
const organisation: Answers = { 'org.legal-name': 'Riverside Health Ltd', 'org.legal-form': 'company' };
const item = (id: string, values: Record<string, string>) => ({ id, values });

const sourceAnswers: Answers = {
  'bid.model': 'lead-provider',
  'bid.lead-delivers': 'yes',
  'bid.members': [item('m1', { name: 'Riverside Surgery' }), item('m2', { name: 'Hillside Practice' })],
  'excl.fraud': 'no',
  'excl.conflict-of-interest': 'no',
  'excl.non-collusion': 'yes',
  'del.spec-confirm': 'yes',
  'del.experience': 'Ten years of community podiatry.',
  'del.start-date': date('2027-04-01'),
  'com.price': 'yes',
  'com.foi-sensitive': 'Our prices.',
  'svc.podiatry.routine-days': '10',
  'svc.podiatry.scope-confirm': 'yes',
  'svc.msk.max-sessions': '6',
  'coi.declarants': [item('d1', { name: 'Dr Ann Lee', role: 'director' })],
  'coi.registered': 'yes',
  'decl.name': 'Dr Ann Lee',
  'decl.position': 'Medical director',
  'decl.authority': 'listed',
  'decl.confirmations': ['true-complete', 'false-information', 'authorised'],
  'decl.date': date('2027-01-10'),
  'decl.signed': ['file-1'],
};

const source = (overrides: Partial<Application> = {}): Application =>
  makeApplication({
    id: 'first',
    services: ['podiatry', 'msk'],
    advert: { commissioner: 'NHS Kernow CCG', reference: 'POD-1', advertId: 'kernow-pod' },
    answers: sourceAnswers,
    retiredAnswers: { 'old.question': 'kept' },
    completedSections: ['bidding-model', 'declaration'],
    status: 'exported',
    exportedAt: '2027-01-12T10:00:00.000Z',
    exportedRevision: 7,
    revision: 9,
    ...overrides,
  });

const advert = (services: ServiceId[], more: Partial<AdvertInput> = {}): AdvertInput => ({
  services,
  commissioner: ' NHS Devon CCG ',
  reference: 'DEV-HEAR-2',
  closingDate: date('2027-04-30'),
  serviceStart: { day: '', month: '', year: '' },
  ...more,
});

const copy = (from = source(), input = advert(['podiatry', 'hearing']), list = checklist) =>
  copyApplication({
    source: from,
    organisationAnswers: organisation,
    input,
    checklist: list,
    id: 'second',
    now,
    today,
  });

describe('copyApplication', () => {
  it('makes a new draft with the ids, dates and advert passed in, nothing complete and no export facts', () => {
    const { application } = copy();
    expect(application).toMatchObject({
      id: 'second',
      profileId: source().profileId,
      services: ['podiatry', 'hearing'],
      advert: { commissioner: 'NHS Devon CCG', reference: 'DEV-HEAR-2', closingDate: '2027-04-30' },
      completedSections: [],
      retiredAnswers: {},
      status: 'draft',
      createdAt: now,
      updatedAt: now,
      revision: 0,
    });
    expect(application).not.toHaveProperty('exportedAt');
    expect(application).not.toHaveProperty('exportedRevision');
    expect(application.checklistVersion).toBe(checklist.definition.version);
  });

  it('copies the answers that still apply and leaves those of one advert, and of services not chosen', () => {
    const { application } = copy();
    expect(Object.keys(application.answers).sort()).toEqual(
      [
        'bid.model',
        'bid.lead-delivers',
        'bid.members',
        'excl.fraud',
        'del.experience',
        'com.foi-sensitive',
        'svc.podiatry.routine-days',
        'coi.declarants',
        'decl.name',
        'decl.position',
        'decl.authority',
      ].sort(),
    );
    expect(application.answers['bid.members']).toEqual(sourceAnswers['bid.members']);
  });

  it('copies only answers to questions the new application shows', () => {
    // Bidding as a single practice hides the members: the stale list is not carried over.
    const single = source({ answers: { ...sourceAnswers, 'bid.model': 'single-practice' } });
    const { application } = copy(single);
    expect(application.answers).not.toHaveProperty('bid.members');
    expect(application.answers).not.toHaveProperty('bid.lead-delivers');
    expect(application.answers['bid.model']).toBe('single-practice');
  });

  it('copies local questions only into an application for the same advert', () => {
    const local = [{ id: 'parking', type: 'yesno' as const, label: 'Is there parking?' }];
    const list = loadChecklistOrThrow(withLocalQuestions(rawAqpChecklist(), 'NHS Kernow CCG', local));
    const from = source({ answers: { ...sourceAnswers, 'local.parking': 'yes' } });
    const same = advert(['podiatry'], { advertId: 'kernow-pod', localQuestions: local });
    expect(copy(from, same, list).application.answers['local.parking']).toBe('yes');
    const another = advert(['podiatry'], { advertId: 'devon-pod', localQuestions: local });
    expect(copy(from, another, list).application.answers).not.toHaveProperty('local.parking');
  });

  it('lists only real application questions as asked again for each advert', () => {
    for (const id of askedAgainForEachAdvert)
      expect(checklist.questions.get(id)?.section.scope, id).toBe('application');
  });
});

describe('the copy report', () => {
  const { application, report } = copy();
  const section = (id: string) => report.sections.find((s) => s.sectionId === id);

  it('counts every answer copied, section by section', () => {
    expect(report.copiedCount).toBe(Object.keys(application.answers).length);
    expect(section('bidding-model')?.copied.map((q) => q.id)).toEqual([
      'bid.model',
      'bid.lead-delivers',
      'bid.members',
    ]);
    expect(section('declaration')?.copied.map((q) => q.id)).toEqual(['decl.name', 'decl.position', 'decl.authority']);
  });

  it('says which questions are asked again, and that a new service starts empty', () => {
    expect(section('declaration')?.askedAgain.map((q) => q.id)).toEqual([
      'decl.confirmations',
      'decl.date',
      'decl.signed',
    ]);
    expect(section('commercial')?.askedAgain.map((q) => q.id)).toEqual(['com.price']);
    // Asked again only if the first application had answered it.
    expect(section('commercial')?.leftEmpty.map((q) => q.id)).toContain('com.standard-contract');
    expect(section('commercial')?.askedAgain.map((q) => q.id)).not.toContain('com.standard-contract');
    expect(section('service-hearing')).toMatchObject({ newService: true, copied: [] });
    expect(section('service-podiatry')).toMatchObject({ newService: false });
    expect(section('service-podiatry')?.askedAgain.map((q) => q.id)).toEqual(['svc.podiatry.scope-confirm']);
    expect(report.sections.map((s) => s.sectionId)).not.toContain('organisation');
  });

  it('names the services the new application leaves out, whose answers stay behind', () => {
    expect(report.notCarried).toEqual([{ id: 'service-msk', label: checklist.sections.get('service-msk')?.title }]);
  });

  it('is the same when worked out again from the two records, and drops an answer once it is changed', () => {
    expect(copyReport(checklist, source(), application, organisation, today)).toEqual(report);
    const edited = { ...application, answers: { ...application.answers, 'decl.position': 'Chair' } };
    const again = copyReport(checklist, source(), edited, organisation, today);
    expect(again.copiedCount).toBe(report.copiedCount - 1);
  });
});
