/**
 * Starting a new application from an existing one: the same organisation answering another
 * advert, or for other services. The organisation's answers are shared already (they live on its
 * profile). Of the application's own answers, those that still apply are copied: answers to
 * questions the new application asks (they exist in its checklist and are visible for its
 * services), except the ones given afresh for each advert (below). The rest start empty, nothing
 * is marked complete, and the report says what was copied and what was left empty.
 *
 * Pure: ids, `now` and `today` are passed in. Never copies retired answers (they belong to the
 * edition the old application started on) or the record's export facts.
 */
import { hasAnswer, type AnswerValue, type Answers } from '@/domain/answers/answer-value';
import type { Question, Section } from '@/domain/definition/checklist-schema';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { localSectionId } from '@/domain/definition/local-questions';
import { createEvaluator, type Evaluator } from '@/domain/rules/evaluator';
import type { Application } from './application';
import { newApplication, type AdvertInput } from './new-application';

/**
 * Answers that belong to one advert or one commissioner, so a new application asks them again:
 * confirmations of that advert's specification, contract, price and protocols; the conflict,
 * collusion and canvassing statements about that procurement and the CCG's own register; the
 * start date offered; and the signed, dated declaration and certificates. The signatory, their
 * authority, the bidding model, members, declarants and their interests still apply and are copied.
 *
 * This belongs in the checklist as data (a per-question flag); until the checklist format has one,
 * it is kept here, and a test checks that every id is a real question.
 */
export const askedAgainForEachAdvert: ReadonlySet<string> = new Set([
  'excl.conflict-of-interest',
  'excl.conflict-of-interest-details',
  'excl.non-collusion',
  'excl.no-canvassing',
  'excl.non-collusion-certificate',
  'del.spec-confirm',
  'del.start-date',
  'com.standard-contract',
  'com.price',
  'com.protocols',
  'com.no-guarantee',
  'com.subcontracting',
  'svc.msk.scope-confirm',
  'svc.hearing.scope-confirm',
  'svc.continence.scope-confirm',
  'svc.diagnostics.scope-confirm',
  'svc.wheelchairs.scope-confirm',
  'svc.podiatry.scope-confirm',
  'svc.wound-care.scope-confirm',
  'svc.psychological-therapies.scope-confirm',
  'coi.design-involvement',
  'coi.design-involvement-details',
  'coi.withdrew',
  'coi.registered',
  'coi.signed-declarations',
  'decl.confirmations',
  'decl.date',
  'decl.signed',
]);

export interface CopyInput {
  readonly source: Application;
  /** The organisation's answers: shared, not copied, but they decide what the new application asks. */
  readonly organisationAnswers: Answers;
  /** The new application's services and advert. */
  readonly input: AdvertInput;
  /** The checklist the new application runs on (with its own advert's local questions). */
  readonly checklist: LoadedChecklist;
  readonly id: string;
  readonly now: string;
  /** Today, YYYY-MM-DD, for conditions that compare dates. */
  readonly today: string;
}

export interface ReportedQuestion {
  readonly id: string;
  readonly label: string;
}

export interface SectionCopy {
  readonly sectionId: string;
  readonly title: string;
  /** Questions whose answers were copied (and still hold the copied answer). */
  readonly copied: readonly ReportedQuestion[];
  /** Questions the new application asks that have no answer yet. */
  readonly leftEmpty: readonly ReportedQuestion[];
  /** Of those, the ones the first application answered but that are asked again for each advert. */
  readonly askedAgain: readonly ReportedQuestion[];
  /** A service section the first application did not include. */
  readonly newService: boolean;
}

export interface CopyReport {
  /** The new application's own sections, in checklist order. */
  readonly sections: readonly SectionCopy[];
  /** Sections the first application answered that the new one does not ask (services not chosen). */
  readonly notCarried: readonly ReportedQuestion[];
  readonly copiedCount: number;
}

/** Plain JSON values: the same answer when they serialise the same. */
const same = (a: AnswerValue | undefined, b: AnswerValue | undefined) =>
  a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

function evaluatorFor(checklist: LoadedChecklist, app: Application, organisation: Answers, today: string): Evaluator {
  const { closingDate, serviceStart } = app.advert;
  return createEvaluator({
    checklist,
    answers: { ...organisation, ...app.answers },
    services: app.services,
    dates: { today, ...(closingDate ? { closingDate } : {}), ...(serviceStart ? { serviceStart } : {}) },
  });
}

/** Whether an answer of `source` may go into `target`, before visibility is known. */
function copiable(checklist: LoadedChecklist, id: string, source: Application, target: Application): boolean {
  const entry = checklist.questions.get(id);
  if (!entry || entry.section.scope !== 'application' || askedAgainForEachAdvert.has(id)) return false;
  // Local questions belong to one advert: copied only into an application for the same advert.
  if (entry.section.id === localSectionId)
    return !!source.advert.advertId && source.advert.advertId === target.advert.advertId;
  return true;
}

export function copyApplication(c: CopyInput): { readonly application: Application; readonly report: CopyReport } {
  const blank = newApplication(
    { ...c.input, organisation: c.source.profileId, organisationName: '', applicantType: '' },
    { id: c.id, profileId: c.source.profileId },
    c.checklist,
    c.now,
  );
  let answers: Answers = Object.fromEntries(
    Object.entries(c.source.answers).filter(
      ([id, value]) => hasAnswer(value) && copiable(c.checklist, id, c.source, blank),
    ),
  );
  // Keep only what the new application asks. Dropping a hidden answer can hide another question
  // (the members list goes with the bidding model), so repeat until every answer kept is visible.
  for (;;) {
    const ev = evaluatorFor(c.checklist, { ...blank, answers }, c.organisationAnswers, c.today);
    const kept = Object.entries(answers).filter(([id]) => ev.questionVisible(id));
    if (kept.length === Object.keys(answers).length) break;
    answers = Object.fromEntries(kept);
  }
  const application: Application = { ...blank, answers };
  return { application, report: copyReport(c.checklist, c.source, application, c.organisationAnswers, c.today) };
}

const reported = (q: Question): ReportedQuestion => ({ id: q.id, label: q.label });

function visibleQuestions(ev: Evaluator, section: Section): Question[] {
  return section.pages
    .filter((p) => ev.pageVisible(section, p))
    .flatMap((p) => p.questions)
    .filter((q) => ev.questionVisible(q.id));
}

/**
 * What was copied from `source` into `target`, worked out from the two records, so the
 * confirmation page can show it again after a reload: an answer counts as copied while it still
 * equals the first application's.
 */
export function copyReport(
  checklist: LoadedChecklist,
  source: Application,
  target: Application,
  organisationAnswers: Answers,
  today: string,
): CopyReport {
  const ev = evaluatorFor(checklist, target, organisationAnswers, today);
  const sections: SectionCopy[] = [];
  for (const section of checklist.definition.sections) {
    if (section.scope !== 'application' || !ev.sectionVisible(section)) continue;
    const questions = visibleQuestions(ev, section);
    const leftEmpty = questions.filter((q) => !hasAnswer(target.answers[q.id]));
    sections.push({
      sectionId: section.id,
      title: section.title,
      copied: questions.filter((q) => same(target.answers[q.id], source.answers[q.id])).map(reported),
      leftEmpty: leftEmpty.map(reported),
      askedAgain: leftEmpty
        .filter((q) => askedAgainForEachAdvert.has(q.id) && hasAnswer(source.answers[q.id]))
        .map(reported),
      newService: !!section.service && !source.services.includes(section.service),
    });
  }
  const notCarried = checklist.definition.sections
    .filter((s) => s.service && source.services.includes(s.service) && !target.services.includes(s.service))
    .filter((s) => s.pages.some((p) => p.questions.some((q) => hasAnswer(source.answers[q.id]))))
    .map((s) => ({ id: s.id, label: s.title }));
  return { sections, notCarried, copiedCount: sections.reduce((n, s) => n + s.copied.length, 0) };
}
