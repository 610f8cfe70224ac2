/**
 * What differs between two versions of an application or of an organisation's answers, question by
 * question, in the words the user sees on the check-answers pages: for choosing between two tabs'
 * versions, or between the current version and a kept one. Pure; the caller supplies the options
 * and file names (from the rules engine and the evidence list).
 */
import { listedItems, type AnswerValue, type ItemValue, type RepeatItem } from '@/domain/answers/answer-value';
import { formatAnswer, type FormatContext } from '@/domain/answers/format-answer';
import type { ItemQuestion, Question, RepeatQuestion } from '@/domain/definition/checklist-schema';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import type { ChoiceOption } from '@/domain/rules/evaluator';
import { itemTitleText } from '@/domain/rules/people';
import { formatDate } from '@/domain/rules/values';
import type { Application, OrganisationProfile } from './application';

export interface Difference {
  /** The question id, or a name for a detail that is not a question ("completed-sections"). */
  readonly id: string;
  readonly label: string;
  /** The first version's answer in words; empty when it has none. */
  readonly first: readonly string[];
  readonly second: readonly string[];
}

export interface DifferenceContext {
  readonly options: (question: Question | ItemQuestion) => readonly ChoiceOption[];
  readonly evidenceName?: (id: string) => string | undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function itemLine(question: RepeatQuestion, item: RepeatItem, index: number, ctx: DifferenceContext): string {
  const name =
    itemTitleText(question, item, ctx.options) ??
    `${question.itemName.charAt(0).toUpperCase()}${question.itemName.slice(1)} ${index + 1}`;
  const details = question.fields
    .filter((f) => f.id !== question.titleField)
    .flatMap((f) => {
      const lines = formatAnswer(f, item.values[f.id] as ItemValue | undefined, format(f, ctx));
      return lines.length ? [`${f.label}: ${lines.join(', ')}`] : [];
    });
  return details.length ? `${name} (${details.join('; ')})` : name;
}

const format = (question: Question | ItemQuestion, ctx: DifferenceContext): FormatContext => ({
  options: ctx.options(question),
  ...(ctx.evidenceName ? { evidenceName: ctx.evidenceName } : {}),
});

function answerLines(question: Question | undefined, value: AnswerValue | undefined, ctx: DifferenceContext) {
  if (value === undefined) return [];
  if (!question) return [typeof value === 'string' ? value : JSON.stringify(value)];
  if (question.type === 'repeat') return listedItems(value).map((item, i) => itemLine(question, item, i, ctx));
  return formatAnswer(question, value, format(question, ctx));
}

function answerDifferences(
  checklist: LoadedChecklist,
  first: Readonly<Record<string, AnswerValue>>,
  second: Readonly<Record<string, AnswerValue>>,
  ctx: DifferenceContext,
): Difference[] {
  const order = [...checklist.questions.keys()];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const ids = [...new Set([...Object.keys(first), ...Object.keys(second)])]
    .filter((id) => !same(first[id], second[id]))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return ids.map((id) => {
    const question = checklist.questions.get(id)?.question;
    return {
      id,
      label: question?.label ?? id,
      first: answerLines(question, first[id], ctx),
      second: answerLines(question, second[id], ctx),
    };
  });
}

function detailDifferences(checklist: LoadedChecklist, a: Application, b: Application): Difference[] {
  const out: Difference[] = [];
  const add = (id: string, label: string, first: readonly string[], second: readonly string[]) => {
    if (!same(first, second)) out.push({ id, label, first, second });
  };
  const date = (iso: string | undefined) => (iso ? [formatDate(iso)] : []);
  const text = (s: string | undefined) => (s?.trim() ? [s] : []);
  add('advert-commissioner', 'Commissioner', text(a.advert.commissioner), text(b.advert.commissioner));
  add('advert-reference', 'Advert reference', text(a.advert.reference), text(b.advert.reference));
  add('advert-closing-date', 'Closing date', date(a.advert.closingDate), date(b.advert.closingDate));
  add('advert-service-start', 'Service start', date(a.advert.serviceStart), date(b.advert.serviceStart));
  const services = (app: Application) => app.services.map((s) => checklist.services.get(s)?.name ?? s);
  add('services', 'Services', services(a), services(b));
  const completed = (app: Application) =>
    checklist.definition.sections.filter((s) => app.completedSections.includes(s.id)).map((s) => s.title);
  add('completed-sections', 'Sections marked as completed', completed(a), completed(b));
  return out;
}

/** The differences between two versions of one record, in checklist order, details last. */
export function recordDifferences(
  checklist: LoadedChecklist,
  first: Application | OrganisationProfile,
  second: Application | OrganisationProfile,
  ctx: DifferenceContext,
): Difference[] {
  const answers = answerDifferences(checklist, first.answers, second.answers, ctx);
  const details = 'advert' in first && 'advert' in second ? detailDifferences(checklist, first, second) : [];
  return [...answers, ...details];
}
