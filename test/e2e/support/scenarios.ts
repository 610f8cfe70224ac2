/**
 * The applications the browser journeys type in, and the plan of every answer they give. A
 * scenario fixes what matters to the story (who applies, for which services, the people, the
 * member practices, the answers that must not fail); the reference answer filler walks the real
 * checklist to give every other visible question a valid answer that raises no hard fail.
 * Evidence answers hold placeholder ids ("file:policies"); the driver attaches those files.
 */
import type { BrowserContext } from 'playwright-core';
import type { Answers, DateParts, ItemValue } from '@/domain/answers/answer-value';
import type { ServiceId } from '@/domain/definition/checklist-schema';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import type { EvaluationDates, EvidenceInfo } from '@/domain/rules/evaluator';
import { addDays } from '@/domain/rules/values';
import { isoDate } from '@/components/session/dates';
import { aqp } from '../../helpers/engine';
import { everyoneInRegister, fillAnswers } from '../../fixtures/applications/answer-filler';

type ItemValues = Readonly<Record<string, ItemValue>>;

export interface EvidenceFileSpec {
  /** The placeholder id used in the planned answers. */
  readonly id: string;
  readonly name: string;
  readonly title: string;
  /** Which evidence answers (question id, or "repeat/field") use this file; the first spec is the default. */
  readonly for?: RegExp;
}

export interface Scenario {
  readonly organisationName: string;
  readonly applicantType: 'single-practice' | 'lead-provider';
  readonly services: readonly ServiceId[];
  readonly commissioner: string;
  readonly reference: string;
  /** Answers given as they are (they win over the filler). */
  readonly answers: Answers;
  /** Items of repeating groups with the field values to keep; other groups get two items. */
  readonly items: Readonly<Record<string, readonly ItemValues[]>>;
  readonly files: readonly EvidenceFileSpec[];
}

export interface Plan {
  readonly scenario: Scenario;
  readonly checklist: LoadedChecklist;
  readonly dates: Required<EvaluationDates>;
  /** Every answer the journey gives, organisation and application together. */
  readonly answers: Answers;
  readonly files: ReadonlyMap<string, EvidenceFileSpec>;
}

/** "2027-04-01" as the date boxes take it: day "1", month "4", year "2027". */
export function dateParts(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

const noExclusions: Answers = Object.fromEntries(
  [
    'excl.conspiracy',
    'excl.corruption',
    'excl.bribery',
    'excl.fraud',
    'excl.money-laundering',
    'excl.terrorism',
    'excl.child-labour-trafficking',
    'excl.tax-ni',
    'excl.insolvency',
    'excl.professional-misconduct',
    'excl.distorting-competition',
    'excl.conflict-of-interest',
    'excl.contract-deficiency',
    'excl.misrepresentation',
    'excl.clinician-restrictions',
  ].map((id) => [id, 'no']),
);

/** Answers every qualifying bid gives: no exclusion grounds, the standard terms accepted. */
const qualifying: Answers = {
  ...noExclusions,
  'excl.non-collusion': 'yes',
  'excl.no-canvassing': 'yes',
  'com.standard-contract': 'yes',
  'com.price': 'yes',
  'com.protocols': 'yes',
  'com.no-guarantee': 'yes',
  'ins.el-amount': '£10,000,000',
  'reg.cqc-status': 'registered',
  'decl.confirmations': ['true-complete', 'false-information', 'authorised'],
  'decl.authority': 'listed',
};

const partners = ['Dr Helen Okafor', 'Dr Rhys Pritchard', 'Zoë Ó Briain'];

export const singlePracticePodiatry: Scenario = {
  organisationName: 'Riverside Surgery',
  applicantType: 'single-practice',
  services: ['podiatry'],
  commissioner: 'NHS Western Cheshire CCG',
  reference: 'WCCCG/AQP/POD/2012-03',
  answers: {
    ...qualifying,
    'org.legal-name': 'Riverside Surgery',
    'org.trading-name': 'Riverside Medical Practice',
    'org.legal-form': 'partnership',
    'org.date-formed': { day: '1', month: '4', year: '1998' },
    'org.contact-name': 'Zoë Ó Briain',
    'org.contact-email': 'practice.manager@riverside-surgery.nhs.uk',
    'reg.cqc-activities': ['diagnostic-screening', 'treatment', 'surgical'],
    'svc.podiatry.cqc-cover': 'ours',
    'decl.name': 'Dr Helen Okafor',
    'decl.position': 'Senior partner',
  },
  items: {
    'org.practices': [{ name: 'Riverside Surgery' }],
    'org.people': partners.map((name) => ({
      name,
      role: 'partner',
      register: name.startsWith('Dr ') ? 'gmc' : 'none',
    })),
    'coi.declarants': partners.map((name) => ({ name, role: 'partner', 'has-interests': 'no' })),
    'coi.interests': [],
  },
  files: [
    { id: 'file:policies', name: 'Practice-policies.pdf', title: 'Riverside Surgery policies' },
    {
      id: 'file:insurance',
      name: 'Insurance-schedule-2027.pdf',
      title: 'Insurance schedule',
      for: /^ins\.|insurance|indemnity/,
    },
    { id: 'file:declaration', name: 'Signed-declaration.pdf', title: 'Signed declaration', for: /^decl\./ },
  ],
};

const directors = ['Dr Amara Nwosu', 'Gareth Lloyd', 'Dr Sunita Rao'];
const memberPractices = [
  'Hoole Road Surgery',
  'Tŷ Newydd Medical Centre',
  'Boughton Health Centre',
  'Upton Village Surgery',
  'Saltney Ferry Surgery',
];

export const federationMskHearing: Scenario = {
  organisationName: 'Dee Valley GP Federation Limited',
  applicantType: 'lead-provider',
  services: ['msk', 'hearing'],
  commissioner: 'NHS Cheshire and Merseyside Commissioning Support Unit',
  reference: 'CMCSU/AQP/2012/PH1-0147',
  answers: {
    ...qualifying,
    'org.legal-name': 'Dee Valley GP Federation Limited',
    'org.trading-name': 'Dee Valley Health Partners',
    'org.legal-form': 'company-shares',
    'org.date-formed': { day: '2', month: '6', year: '2014' },
    'org.company-number': '09123456',
    'org.contact-name': 'Gareth Lloyd',
    'org.has-parent': 'no',
    'bid.lead-delivers': 'subcontract-all',
    'reg.cqc-activities': ['diagnostic-screening', 'treatment'],
    'fin.turnover': '£4,850,000',
    'decl.name': 'Gareth Lloyd',
    'decl.position': 'Managing director',
  },
  items: {
    'org.people': directors.map((name) => ({
      name,
      role: 'director',
      register: name.startsWith('Dr ') ? 'gmc' : 'none',
    })),
    'bid.members': memberPractices.map((name) => ({
      name,
      kind: 'gp-practice',
      services: ['msk', 'hearing'],
      insured: 'yes',
    })),
    'coi.declarants': [
      ...directors.map((name, i) => ({ name, role: 'director', 'has-interests': i === 0 ? 'yes' : 'no' })),
      { name: 'Dr Chidi Okonkwo', role: 'clinician', 'has-interests': 'no' },
    ],
    'coi.interests': [
      {
        declarant: 'coi-declarants-01',
        type: 'financial',
        organisation: 'Hoole Road Surgery',
        directness: 'direct',
      },
    ],
  },
  files: [
    { id: 'file:policies', name: 'Policies-and-procedures.pdf', title: 'Policies and procedures' },
    {
      id: 'file:cqc',
      name: 'CQC-registration-certificates.pdf',
      title: 'CQC registration certificates',
      for: /cqc/,
    },
    {
      id: 'file:insurance',
      name: 'Insurance-certificates-2027.pdf',
      title: 'Insurance certificates',
      for: /^ins\.|insurance|indemnity/,
    },
    {
      id: 'file:members',
      name: 'Member-practice-agreements.pdf',
      title: 'Member practice agreements',
      for: /^bid\.|self-declaration/,
    },
    { id: 'file:declaration', name: 'Signed-declaration.pdf', title: 'Signed declaration', for: /^decl\./ },
  ],
};

/**
 * The moment the journeys happen. The tests pin the browser's clock to it (`pinClock`), so every
 * date rule (not in the future, expiring before the service starts) gives the same result on any
 * day the tests run.
 */
export const journeyNow = new Date('2026-11-22T10:00:00Z');

/** The dates the app will use: today in the UK, the advert closing in 8 weeks, the service starting in 20. */
export function journeyDates(now = journeyNow): Required<EvaluationDates> {
  const today = isoDate(now);
  return { today, closingDate: addDays(today, 56), serviceStart: addDays(today, 140) };
}

/** Pins the browser's clock (Date only; timers keep running) before the app is opened. */
export async function pinClock(context: BrowserContext, now = journeyNow): Promise<void> {
  await context.clock.setFixedTime(now);
}

/** Evidence is valid for two years from today, so it neither expires nor warns. */
export const validUntilOf = (dates: EvaluationDates) => addDays(dates.today, 730);

export function planApplication(scenario: Scenario, dates = journeyDates()): Plan {
  const checklist = aqp();
  const [fallback] = scenario.files;
  if (!fallback) throw new Error('a scenario needs at least one evidence file');
  const evidence = new Map<string, EvidenceInfo>(
    scenario.files.map((f) => [f.id, { id: f.id, name: f.name, validUntil: validUntilOf(dates) }]),
  );
  const answers = everyoneInRegister(
    checklist,
    fillAnswers({
      checklist,
      services: scenario.services,
      dates,
      evidence,
      answers: { ...scenario.answers, 'bid.model': scenario.applicantType },
      items: scenario.items,
      files: (path) => [(scenario.files.find((f) => f.for?.test(path)) ?? fallback).id],
    }),
  );
  return { scenario, checklist, dates, answers, files: new Map(scenario.files.map((f) => [f.id, f])) };
}
