/**
 * Turns one answer into the text the pack prints, in the domain's words (the same as the
 * check-answers pages: Yes/No, options by their labels, dates as "22 November 2026", money as
 * "£5,000,000", identifiers in their normal form, addresses on lines), evidence by file name and
 * schedule reference, and repeating groups as tables (with each item in full when the table
 * cannot hold it). Pure; an answer of the wrong shape prints as typed.
 */
import { isRepeatItems, type AnswerValue, type RepeatItem } from '@/domain/answers/answer-value';
import { formatAnswer } from '@/domain/answers/format-answer';
import type { ItemQuestion, Question, RepeatQuestion } from '@/domain/definition/checklist-schema';
import type { ChoiceOption, Evaluator, ItemScope } from '@/domain/rules/evaluator';
import { itemTitleText, repeatSource } from '@/domain/rules/people';
import type { PackField, PackRecord, PackTable, PackValue } from './pack-types';

export const notAnswered = 'Not answered';
export const notApplicable = '–';

export interface AnswerContext {
  readonly evaluator: Evaluator;
  readonly draft: boolean;
  /** Schedule references by evidence id ("E3"), and file names. */
  readonly evidence: ReadonlyMap<string, { readonly ref: string; readonly name: string }>;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Free text keeps its line breaks as lines; trailing space is dropped. */
const freeText = new Set(['text', 'longtext', 'email', 'phone', 'number']);

/**
 * The answer as lines of text, or null when there is no answer: the domain's words for it (the
 * same as the check-answers pages), evidence with its schedule reference, text split at its line
 * breaks. A repeating group is drawn as a table instead.
 */
export function answerLines(
  question: Question | ItemQuestion,
  value: AnswerValue | undefined,
  ctx: AnswerContext,
  scope?: ItemScope,
): string[] | null {
  if (question.type === 'repeat') return null;
  const identifierKind = ctx.evaluator.identifierKind(question, scope);
  const lines = formatAnswer(question, value, {
    options: referenced(question, ctx),
    evidenceName: (id) => {
      const file = ctx.evidence.get(id);
      return file ? `${file.name} (${file.ref})` : undefined;
    },
    ...(identifierKind ? { identifierKind } : {}),
  });
  if (lines.length === 0) return null;
  if (!freeText.has(question.type)) return lines;
  return lines.join('\n').replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
}

/**
 * A person chosen from the people register is printed by name with where they are in it
 * ("Dr Ann Lee (person 2)"): the register, printed once, has their role and registration.
 */
function referenced(question: Question | ItemQuestion, ctx: AnswerContext): readonly ChoiceOption[] {
  const options = ctx.evaluator.options(question);
  const source = repeatSource(question);
  const register = peopleRegister(ctx);
  if (!source || source.repeat !== register) return options;
  const repeat = ctx.evaluator.input.checklist.questions.get(register)?.question;
  const noun = repeat?.type === 'repeat' ? repeat.itemName : 'person';
  return options.map((o, i) => ({ ...o, label: `${o.label} (${noun} ${i + 1})` }));
}

/** The id of the checklist's people register, whose items the rest of the pack refers to by number. */
const peopleRegister = (ctx: AnswerContext): string | undefined =>
  ctx.evaluator.input.checklist.definition.migrations?.find((m) => m.people)?.people?.register;

/** A top-level question's visible answer as a pack value. */
export function packValue(question: Question, ctx: AnswerContext): PackValue {
  const value = ctx.evaluator.value(question.id);
  if (question.type === 'repeat')
    return isRepeatItems(value) && value.length > 0 ? repeatValue(question, value, ctx) : { kind: 'not-answered' };
  const lines = answerLines(question, value, ctx);
  if (!lines) return { kind: 'not-answered' };
  if (question.type === 'checkboxes' || question.type === 'evidence') return { kind: 'list', items: lines };
  return { kind: 'text', paragraphs: splitParagraphs(lines) };
}

/** Blank lines separate paragraphs; single line breaks stay inside a paragraph. */
function splitParagraphs(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) paragraphs.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length) paragraphs.push(current.join('\n'));
  return paragraphs;
}

const wide = new Set(['longtext']);
const summaryTypes = new Set(['text', 'identifier', 'radios', 'yesno', 'date', 'number', 'money', 'email', 'phone']);
const maxTableColumns = 7;

export function itemTitle(repeat: RepeatQuestion, item: RepeatItem, index: number, evaluator: Evaluator): string {
  const name = itemTitleText(repeat, item, evaluator.options) ?? 'Unnamed';
  return `${capitalise(repeat.itemName)} ${index + 1}: ${name}`;
}

/** Each visible field of one item: its lines, or null when unanswered. */
export function itemFields(repeat: RepeatQuestion, item: RepeatItem, ctx: AnswerContext) {
  const scope: ItemScope = { repeat, values: item.values };
  return repeat.fields
    .filter((field) => ctx.evaluator.fieldVisible(field, scope))
    .map((field) => ({ field, lines: answerLines(field, item.values[field.id], ctx, scope) }));
}

/** Answered fields (and, in a draft, unanswered ones) as label/value pairs. */
export function recordFields(
  repeat: RepeatQuestion,
  item: RepeatItem,
  ctx: AnswerContext,
  skip: readonly string[] = [],
) {
  return itemFields(repeat, item, ctx)
    .filter(({ field, lines }) => !skip.includes(field.id) && (lines !== null || ctx.draft))
    .map(({ field, lines }): PackField => ({ label: field.label, value: lines ? lines.join('\n') : notAnswered }));
}

function repeatValue(repeat: RepeatQuestion, items: readonly RepeatItem[], ctx: AnswerContext): PackValue {
  const perItem = items.map((item) => new Map(itemFields(repeat, item, ctx).map((f) => [f.field.id, f.lines])));
  const shown = repeat.fields.filter((field) => perItem.some((fields) => fields.has(field.id)));
  const fitsTable = shown.length <= maxTableColumns && !shown.some((f) => wide.has(f.type));
  const columns = fitsTable
    ? shown
    : [
        ...shown.filter((f) => f.id === repeat.titleField),
        ...shown.filter((f) => f.id !== repeat.titleField && summaryTypes.has(f.type)).slice(0, 3),
      ];
  const cell = (fields: Map<string, string[] | null>, id: string) => {
    if (!fields.has(id)) return notApplicable;
    const lines = fields.get(id);
    return lines ? lines.join('\n') : ctx.draft ? notAnswered : notApplicable;
  };
  // The people register's rows carry the number the rest of the pack refers to: "(person 2)".
  const numbered = repeat.id === peopleRegister(ctx);
  const table: PackTable = {
    columns: [...(numbered ? [capitalise(repeat.itemName)] : []), ...columns.map((f) => f.label)],
    rows: perItem.map((fields, i) => [...(numbered ? [String(i + 1)] : []), ...columns.map((f) => cell(fields, f.id))]),
  };
  const records: PackRecord[] = fitsTable
    ? []
    : items.map((item, i) => ({
        title: itemTitle(repeat, item, i, ctx.evaluator),
        fields: recordFields(repeat, item, ctx),
      }));
  return { kind: 'repeat', table, records };
}
