/**
 * Builds the application pack's model from the checklist, the application, the organisation
 * profile, the evidence records and the moment of export. Pure (no jsPDF, no clock): `now` comes
 * in, and the same input always gives the same model. Uses the domain's `evaluate` and
 * `readiness`, so the pack shows exactly what the wizard and review page show.
 *
 * Order of the pack: cover; the answer sections in checklist order (conflicts of interest as a
 * register and declarations); the evidence schedule; the readiness summary; the declaration and
 * signature block; then the appendices.
 */
import type { AnswerValue, Answers } from '@/domain/answers/answer-value';
import type { Application, EvidenceMeta, OrganisationProfile } from '@/domain/application/application';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { evaluate } from '@/domain/rules/evaluate';
import { readiness as readinessOf } from '@/domain/rules/readiness';
import type { AnswerContext } from './pack-answers';
import { conflictsPart, isConflictsSection } from './pack-conflicts';
import { evidenceSchedule } from './pack-evidence';
import { evidenceUses, numberQuestions, sectionBlocks } from './pack-sections';
import { answerText, applicantQuestion, coverPage, declarationPart, readinessPart } from './pack-summary';
import type { PackModel, PackPart } from './pack-types';
import type { SubjectStatus } from '@/domain/exchange/return-subjects';
import { returnsTable } from './pack-returns';

export interface PackInput {
  readonly checklist: LoadedChecklist;
  readonly application: Application;
  readonly profile: OrganisationProfile;
  readonly evidence: readonly EvidenceMeta[];
  /** The moment of export, ISO 8601 with an offset; its date is "today" and the date generated. */
  readonly now: string;
  /** Each member's and declarant's return and where it stands (none when the lead asked for none). */
  readonly returns?: readonly SubjectStatus[];
}

/** Organisation answers come from the profile, application answers from the application. */
export function packAnswers(checklist: LoadedChecklist, profile: OrganisationProfile, application: Application) {
  const answers: Record<string, AnswerValue> = {};
  for (const [id, { section }] of checklist.questions) {
    const value = section.scope === 'organisation' ? profile.answers[id] : application.answers[id];
    if (value !== undefined) answers[id] = value;
  }
  return answers as Answers;
}

/** Longest document property written, in characters. */
const maxPropertyLength = 300;

const shortened = (text: string): string => {
  const chars = [...text];
  return chars.length > maxPropertyLength ? `${chars.slice(0, maxPropertyLength - 1).join('')}…` : text;
};

export function buildPackModel(input: PackInput): PackModel {
  const { checklist, application, profile } = input;
  const today = /^(\d{4}-\d{2}-\d{2})T/.exec(input.now)?.[1];
  if (!today) throw new Error(`"now" must be an ISO date and time, not "${input.now}".`);
  const { advert } = application;
  const evaluation = evaluate({
    checklist,
    answers: packAnswers(checklist, profile, application),
    services: application.services,
    dates: {
      today,
      ...(advert.serviceStart ? { serviceStart: advert.serviceStart } : {}),
      ...(advert.closingDate ? { closingDate: advert.closingDate } : {}),
    },
    evidence: new Map(input.evidence.map((e) => [e.id, { id: e.id, name: e.name, validUntil: e.validUntil }])),
  });
  const readiness = readinessOf(evaluation);
  const draft = !readiness.ready;
  const numbering = numberQuestions(evaluation, draft);
  const schedule = evidenceSchedule(evidenceUses(evaluation, numbering), input.evidence);
  const ctx: AnswerContext = { evaluator: evaluation.evaluator, draft, evidence: schedule.refs };

  const sections: PackPart[] = [];
  let declaration: PackPart | null = null;
  for (const section of evaluation.visibleSections) {
    if (section.group === 'declaration') declaration = declarationPart(section, numbering, ctx, checklist);
    else if (isConflictsSection(checklist, section))
      sections.push(conflictsPart(checklist, section, numbering, ctx, input.returns ?? []));
    else
      sections.push({
        kind: 'section',
        id: section.id,
        number: numbering.sections.get(section.id) ?? 0,
        title: section.title,
        blocks: sectionBlocks(section, numbering, ctx),
      });
  }

  const applicant = answerText(checklist, ctx, applicantQuestion) ?? (profile.name.trim() || 'Unnamed organisation');
  const services = checklist.definition.services.filter((s) => application.services.includes(s.id)).map((s) => s.name);
  // The advert's reference when there is one; otherwise a short, readable one from the application.
  const reference =
    advert.reference.trim() ||
    `AQP-${application.id
      .replace(/[^0-9a-z]/gi, '')
      .slice(0, 8)
      .toUpperCase()}`;
  const parts: PackPart[] = [
    ...sections,
    { kind: 'evidence', id: 'evidence-schedule', title: 'Evidence schedule', entries: schedule.entries },
    { ...readinessPart(readiness, numbering, checklist), returns: returnsTable(input.returns ?? []) },
    ...(declaration ? [declaration] : []),
  ];
  return {
    // Document properties are a label, not the content: kept short (jsPDF overflows its stack
    // encoding a property of tens of thousands of characters); the pack prints every character.
    meta: {
      title: shortened(`AQP application – ${applicant}`),
      author: shortened(applicant),
      subject: shortened(
        `Application to ${advert.commissioner.trim() || 'the commissioner'} to be an Any Qualified Provider of ` +
          `${services.join(', ') || 'community services'}${advert.reference.trim() ? `; advert reference ${advert.reference.trim()}` : ''}`,
      ),
      creator: 'Apply to be an Any Qualified Provider',
      keywords: shortened(['AQP', 'Any Qualified Provider', reference, ...services].join(', ')),
      language: 'en-GB',
    },
    draft,
    reference,
    applicant,
    services,
    generatedOn: today,
    cover: coverPage({ checklist, ctx, applicant, services, advert, generatedOn: today, readiness }),
    parts,
    appendices: schedule.appendices,
  };
}
