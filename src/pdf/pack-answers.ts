/**
 * Turns one answer into the text the pack prints: Yes/No, options by their labels, dates as
 * "22 November 2026", money as "£5,000,000", identifiers in their normal form, addresses on lines,
 * evidence by file name and schedule reference, and repeating groups as tables (with each item in
 * full when the table cannot hold it). Pure; an answer of the wrong shape prints as typed.
 */
import {
  hasAnswer,
  isAddress,
  isDateParts,
  isRepeatItems,
  isStringList,
  type AnswerValue,
  type RepeatItem,
} from '@/domain/answers/answer-value';
import type { ItemQuestion, Question, RepeatQuestion } from '@/domain/definition/checklist-schema';
import type { Evaluator, ItemScope } from '@/domain/rules/evaluator';
import { validateIdentifier } from '@/domain/rules/identifiers';
import { answerDate, formatDate, parseMoney } from '@/domain/rules/values';
import type { PackField, PackRecord, PackTable, PackValue } from './pack-types';

export const notAnswered = 'Not answered';
export const notApplicable = '–';

export interface AnswerContext {
  readonly evaluator: Evaluator;
  readonly draft: boolean;
  /** Schedule references by evidence id ("E3"), and file names. */
  readonly evidence: ReadonlyMap<string, { readonly ref: string; readonly name: string }>;
}

/** "5000000" → "£5,000,000"; "1250.5" → "£1,250.50". */
export function formatMoney(raw: string): string {
  const n = parseMoney(raw);
  if (n === null) return raw.trim();
  const [whole = '0', pence] = n.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `£${grouped}${pence && pence !== '00' ? `.${pence}` : ''}`;
}

/** 12,345 bytes → "12.1 KB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The answer as lines of text, or null when there is no answer. */
export function answerLines(
  question: Question | ItemQuestion,
  value: AnswerValue | undefined,
  ctx: AnswerContext,
  scope?: ItemScope,
): string[] | null {
  if (value === undefined || !hasAnswer(value)) return null;
  const optionLabel = (v: string) => ctx.evaluator.options(question).find((o) => o.value === v)?.label ?? v;
  switch (question.type) {
    case 'yesno':
      return [value === 'yes' ? 'Yes' : value === 'no' ? 'No' : String(value)];
    case 'radios':
      return typeof value === 'string' ? [optionLabel(value)] : null;
    case 'checkboxes':
      return isStringList(value) ? value.map(optionLabel) : null;
    case 'evidence':
      return isStringList(value)
        ? value.map((id) => {
            const file = ctx.evidence.get(id);
            return file ? `${file.name} (${file.ref})` : 'A file that is no longer on this computer';
          })
        : null;
    case 'date': {
      const iso = answerDate(value);
      if (iso) return [formatDate(iso)];
      return isDateParts(value) ? [`${value.day}/${value.month}/${value.year}`] : null;
    }
    case 'money':
      return typeof value === 'string' ? [formatMoney(value)] : null;
    case 'identifier': {
      if (typeof value !== 'string') return null;
      const kind = ctx.evaluator.identifierKind(question, scope);
      const result = kind ? validateIdentifier(kind, value) : null;
      return [result?.valid ? result.value : value.trim()];
    }
    case 'address':
      return isAddress(value)
        ? [value.line1, value.line2, value.town, value.county, value.postcode.trim().toUpperCase()]
            .map((line) => line.trim())
            .filter((line) => line !== '')
        : null;
    case 'repeat':
      return null;
    default:
      return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n') : null;
  }
}

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

export function itemTitle(repeat: RepeatQuestion, item: RepeatItem, index: number): string {
  const raw = item.values[repeat.titleField];
  const name = typeof raw === 'string' && raw.trim() ? raw.trim() : 'Unnamed';
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
  const table: PackTable = {
    columns: columns.map((f) => f.label),
    rows: perItem.map((fields) => columns.map((f) => cell(fields, f.id))),
  };
  const records: PackRecord[] = fitsTable
    ? []
    : items.map((item, i) => ({ title: itemTitle(repeat, item, i), fields: recordFields(repeat, item, ctx) }));
  return { kind: 'repeat', table, records };
}
