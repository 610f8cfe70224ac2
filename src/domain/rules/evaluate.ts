/**
 * The one rules engine: evaluates every visible question of an application and returns every
 * issue (required, format, checks, evidence expiry) with its severity and where it points.
 * The wizard, the review page, readiness and the PDF all read this; none holds a rule of its own.
 * Pure and deterministic: `today` comes in with the input. Never throws on any answers.
 */
import { isStringList, listedItems, type AnswerValue, type RepeatItem } from '@/domain/answers/answer-value';
import type { Check, ItemQuestion, Question, RepeatQuestion, Section } from '@/domain/definition/checklist-schema';
import { createEvaluator, type ChoiceOption, type EvaluationInput, type Evaluator, type ItemScope } from './evaluator';
import { itemTitleText } from './people';
import type { Issue } from './issues';
import { capitalise, validateAnswer } from './validate-answer';
import { addDays, formatDate } from './values';

export interface Evaluation {
  readonly evaluator: Evaluator;
  readonly issues: readonly Issue[];
  readonly visibleSections: readonly Section[];
}

/** `only` limits the issues to one page (the wizard re-evaluates its page as the user types). */
export function evaluate(input: EvaluationInput, only?: { readonly pageId: string }): Evaluation {
  const evaluator = createEvaluator(input);
  const issues: Issue[] = [];
  const visibleSections = input.checklist.definition.sections.filter((s) => evaluator.sectionVisible(s));
  for (const section of visibleSections)
    for (const page of section.pages) {
      if ((only && page.id !== only.pageId) || !evaluator.pageVisible(section, page)) continue;
      for (const question of page.questions) {
        if (!evaluator.questionVisible(question.id)) continue;
        const at = { sectionId: section.id, pageId: page.id, questionId: question.id };
        issues.push(...questionIssues(evaluator, question, at));
      }
    }
  return { evaluator, issues, visibleSections };
}

type Place = Pick<Issue, 'sectionId' | 'pageId' | 'questionId' | 'itemId' | 'fieldId' | 'itemTitle'>;

/** An item's name as lists show it: its title field, or "Member practice 2". */
/**
 * The item's name in words ("Dr Ann Lee"; a person chosen from the register by their name), or
 * "Clinician 2" when it has none yet. `options` resolves a title field that is a choice.
 */
export function itemName(
  question: RepeatQuestion,
  item: RepeatItem,
  index: number,
  options?: (field: ItemQuestion) => readonly ChoiceOption[],
): string {
  return itemTitleText(question, item, options ?? (() => [])) ?? `${capitalise(question.itemName)} ${index + 1}`;
}

function questionIssues(ev: Evaluator, question: Question, at: Place): Issue[] {
  const value = ev.value(question.id);
  const issues = answerIssues(ev, question, value, at, undefined);
  if (question.type === 'repeat')
    for (const [index, item] of listedItems(value).entries()) {
      const scope: ItemScope = { repeat: question, values: item.values };
      const place = { ...at, itemId: item.id, itemTitle: itemName(question, item, index, ev.options) };
      for (const field of question.fields) {
        if (!ev.fieldVisible(field, scope)) continue;
        issues.push(...answerIssues(ev, field, item.values[field.id], { ...place, fieldId: field.id }, scope));
      }
    }
  return issues;
}

function answerIssues(
  ev: Evaluator,
  question: Question | ItemQuestion,
  value: AnswerValue | undefined,
  at: Place,
  item: ItemScope | undefined,
): Issue[] {
  const problems = validateAnswer(question, value, {
    required: ev.required(question, item),
    options: ev.options(question),
    identifierKind: ev.identifierKind(question, item),
    dates: ev.input.dates,
  });
  const issues: Issue[] = problems.map((p) => ({
    ...at,
    severity: 'blocking',
    code: p.code,
    message: p.message,
    ...(p.part ? { part: p.part } : {}),
  }));
  // A missing required answer already says what to do; its checks would only repeat it.
  const missing = problems.some((p) => p.code === 'required');
  for (const check of missing ? [] : (question.checks ?? []))
    if (ev.holds(check.when, item)) issues.push(checkIssue(check, at));
  if (question.type === 'evidence' && question.expires && isStringList(value))
    issues.push(...evidenceIssues(ev, evidenceNoun(question), value, at));
  else if (question.type === 'evidence' && isStringList(value))
    issues.push(...missingFiles(ev, evidenceNoun(question), value, at));
  return issues;
}

const checkIssue = (check: Check, at: Place): Issue => ({
  ...at,
  severity: check.severity,
  code: 'check',
  checkId: check.id,
  message: check.message,
});

/** What an evidence question's files are, mid-sentence: its noun, or else its documents. */
function evidenceNoun(question: Extract<Question | ItemQuestion, { type: 'evidence' }>): string {
  if (question.noun) return question.noun;
  const documents = question.documents;
  return /^.[a-z]/.test(documents)
    ? `the ${documents.charAt(0).toLowerCase()}${documents.slice(1)}`
    : `the ${documents}`;
}

function missingFiles(ev: Evaluator, noun: string, ids: readonly string[], at: Place): Issue[] {
  if (!ev.input.evidence) return [];
  return ids
    .filter((id) => !ev.input.evidence?.has(id))
    .map((): Issue => ({
      ...at,
      severity: 'blocking',
      code: 'evidence-missing',
      message: `A file attached as ${noun} is no longer on this computer. Attach it again.`,
    }));
}

/** Expired evidence blocks the final pack; evidence expiring before the service starts or within 60 days warns. */
function evidenceIssues(ev: Evaluator, noun: string, ids: readonly string[], at: Place): Issue[] {
  const { today, serviceStart } = ev.input.dates;
  const issues: Issue[] = missingFiles(ev, noun, ids, at);
  for (const id of ids) {
    const file = ev.input.evidence?.get(id);
    if (!file) continue;
    // "your employer's liability certificate “cert.pdf”": the document, then the file's own name.
    const named = `${noun} “${file.name}”`;
    const name = capitalise(named);
    if (!file.validUntil)
      issues.push({
        ...at,
        severity: 'warning',
        code: 'evidence-no-date',
        message: `Give the date ${named} is valid until.`,
      });
    else if (file.validUntil < today)
      issues.push({
        ...at,
        severity: 'blocking',
        code: 'evidence-expired',
        message: `${name} expired on ${formatDate(file.validUntil)}. Attach a current one.`,
      });
    else if (serviceStart && file.validUntil < serviceStart)
      issues.push({
        ...at,
        severity: 'warning',
        code: 'evidence-expiring',
        message: `${name} expires on ${formatDate(file.validUntil)}, before the service starts on ${formatDate(serviceStart)}.`,
      });
    else if (file.validUntil < addDays(today, 60))
      issues.push({
        ...at,
        severity: 'warning',
        code: 'evidence-expiring',
        message: `${name} expires within 60 days, on ${formatDate(file.validUntil)}.`,
      });
  }
  return issues;
}
