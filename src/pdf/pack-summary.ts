/**
 * The pack's framing parts: the cover (applicant, legal form and identifiers, bidding model,
 * services, commissioner, advert, dates, status), the readiness summary (hard fails, blocking
 * issues, warnings, each pointing at its question) and the declaration with its signature block.
 * Knows which questions identify the applicant; everything else comes from the checklist.
 */
import { isStringList } from '@/domain/answers/answer-value';
import type { Advert } from '@/domain/application/application';
import type { Section } from '@/domain/definition/checklist-schema';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import type { Issue } from '@/domain/rules/issues';
import type { Readiness } from '@/domain/rules/readiness';
import { formatDate } from '@/domain/rules/values';
import { answerLines, type AnswerContext } from './pack-answers';
import { questionRef, sectionBlocks, type Numbering } from './pack-sections';
import type { PackCover, PackDeclaration, PackField, PackIssueLine, PackReadiness } from './pack-types';

/** Cover facts: a short label and the question that answers it, in cover order. */
const coverFacts: readonly (readonly [string, string])[] = [
  ['Trading name', 'org.trading-name'],
  ['Legal form', 'org.legal-form'],
  ['Type of organisation', 'org.legal-form-other'],
  ['Companies House number', 'org.company-number'],
  ['Charity number', 'org.charity-number'],
  ['VAT registration number', 'org.vat-number'],
  ['DUNS number', 'org.duns-number'],
  ['ODS code', 'org.ods-code'],
  ['CQC provider ID', 'reg.cqc-id'],
  ['ICO registration number', 'reg.ico'],
  ['NHS provider licence', 'reg.licence-number'],
  ['Bidding model', 'bid.model'],
];

export const applicantQuestion = 'org.legal-name';
const contactQuestions = ['org.contact-name', 'org.contact-position', 'org.contact-email', 'org.contact-phone'];

export function answerText(checklist: LoadedChecklist, ctx: AnswerContext, id: string): string | null {
  const question = checklist.questions.get(id)?.question;
  if (!question || !ctx.evaluator.questionVisible(id)) return null;
  return answerLines(question, ctx.evaluator.value(id), ctx)?.join('\n') ?? null;
}

export interface CoverInput {
  readonly checklist: LoadedChecklist;
  readonly ctx: AnswerContext;
  readonly applicant: string;
  readonly services: readonly string[];
  readonly advert: Advert;
  readonly generatedOn: string;
  readonly readiness: Readiness;
}

export function coverPage(input: CoverInput): PackCover {
  const { checklist, ctx, advert, readiness } = input;
  const facts: PackField[] = coverFacts.flatMap(([label, id]) => {
    const value = answerText(checklist, ctx, id);
    return value ? [{ label, value }] : [];
  });
  const contact = contactQuestions.flatMap((id) => answerText(checklist, ctx, id) ?? []);
  const optional = (label: string, value: string | undefined): PackField[] => (value ? [{ label, value }] : []);
  const { hardFails, blocking } = readiness;
  const status = readiness.ready
    ? 'Ready to submit'
    : `DRAFT – not ready to submit (${hardFails.length} hard ${hardFails.length === 1 ? 'fail' : 'fails'}, ` +
      `${blocking.length} blocking ${blocking.length === 1 ? 'issue' : 'issues'})`;
  return {
    title: 'Application to be an Any Qualified Provider',
    applicant: input.applicant,
    status,
    fields: [
      ...facts,
      { label: 'Services', value: input.services.join('\n') || 'None chosen' },
      { label: 'Commissioner', value: advert.commissioner.trim() || 'Not given' },
      { label: 'Advert reference', value: advert.reference.trim() || 'Not given' },
      { label: 'Closing date', value: advert.closingDate ? formatDate(advert.closingDate) : 'Not given' },
      ...optional('Service start date', advert.serviceStart && formatDate(advert.serviceStart)),
      ...optional('Local price', advert.localPrice?.trim()),
      ...(contact.length ? [{ label: 'Contact', value: contact.join('\n') }] : []),
      { label: 'Checklist', value: `${checklist.definition.title}, version ${checklist.definition.version}` },
      { label: 'Date generated', value: formatDate(input.generatedOn) },
    ],
  };
}

export function readinessPart(readiness: Readiness, numbering: Numbering, checklist: LoadedChecklist): PackReadiness {
  const where = (issue: Issue): string => {
    const shown = numbering.questions.get(issue.questionId);
    const base = shown
      ? questionRef(shown)
      : (checklist.questions.get(issue.questionId)?.question.label ??
        checklist.sections.get(issue.sectionId)?.title ??
        issue.questionId);
    const question = checklist.questions.get(issue.questionId)?.question;
    const field =
      question?.type === 'repeat' && issue.fieldId ? question.fields.find((f) => f.id === issue.fieldId) : undefined;
    // Whose problem it is, for an item: "B2.1 – Elm Practice – their CQC certificate of registration".
    return field ? [base, issue.itemTitle, field.noun ?? field.label].filter(Boolean).join(' – ') : base;
  };
  const lines = (issues: readonly Issue[]): PackIssueLine[] =>
    issues.map((issue) => ({ where: where(issue), message: issue.message }));
  return {
    kind: 'readiness',
    id: 'readiness',
    title: 'Readiness summary',
    ready: readiness.ready,
    hardFails: lines(readiness.hardFails),
    blocking: lines(readiness.blocking),
    warnings: lines(readiness.warnings),
  };
}

/** The declaration: statements with whether each was confirmed, then the signatory's details. */
export function declarationPart(
  section: Section,
  numbering: Numbering,
  ctx: AnswerContext,
  checklist: LoadedChecklist,
): PackDeclaration {
  const questions = section.pages.flatMap((p) => p.questions).filter((q) => numbering.questions.has(q.id));
  const statementsQ = questions.find((q) => q.type === 'checkboxes');
  const signatoryQs = questions.filter((q) => ['text', 'radios', 'date'].includes(q.type));
  const chosen = statementsQ ? ctx.evaluator.value(statementsQ.id) : undefined;
  const picked = isStringList(chosen) ? chosen : [];
  const labels: Record<string, string> = { 'decl.name': 'Name', 'decl.position': 'Position', 'decl.date': 'Date' };
  return {
    kind: 'declaration',
    id: section.id,
    number: numbering.sections.get(section.id) ?? 0,
    title: section.title,
    statements: statementsQ
      ? ctx.evaluator.options(statementsQ).map((o) => ({ text: o.label, confirmed: picked.includes(o.value) }))
      : [],
    signatory: signatoryQs.map((q) => ({
      label: labels[q.id] ?? q.label,
      value: answerText(checklist, ctx, q.id) ?? 'Not answered',
    })),
    blocks: sectionBlocks(
      section,
      numbering,
      ctx,
      new Set([...signatoryQs, ...(statementsQ ? [statementsQ] : [])].map((q) => q.id)),
    ),
  };
}
