/**
 * An answer as words, the same on the check-answers pages and in the PDF: options by their labels,
 * dates as "22 November 2026", money as "£5,000,000", addresses as lines, evidence as file names,
 * yes/no as "Yes"/"No". Returns lines; an empty list means no answer.
 */
import type { ItemQuestion, Question } from '@/domain/definition/checklist-schema';
import type { ChoiceOption } from '@/domain/rules/evaluator';
import { normaliseIdentifier } from '@/domain/rules/identifiers';
import { answerDate, formatDate, parseMoney } from '@/domain/rules/values';
import { hasAnswer, isAddress, isDateParts, isStringList, type AnswerValue } from './answer-value';

export interface FormatContext {
  readonly options: readonly ChoiceOption[];
  readonly evidenceName?: (id: string) => string | undefined;
  readonly identifierKind?: Parameters<typeof normaliseIdentifier>[0];
}

export function formatAnswer(
  question: Question | ItemQuestion,
  value: AnswerValue | undefined,
  ctx: FormatContext,
): string[] {
  if (!hasAnswer(value) || value === undefined) return [];
  const label = (v: string) => ctx.options.find((o) => o.value === v)?.label ?? v;
  switch (question.type) {
    case 'yesno':
      return [value === 'yes' ? 'Yes' : value === 'no' ? 'No' : String(value)];
    case 'radios':
      return typeof value === 'string' ? [label(value)] : [];
    case 'checkboxes':
      return isStringList(value) ? value.map(label) : [];
    case 'date': {
      const iso = answerDate(value);
      if (iso) return [formatDate(iso)];
      return isDateParts(value) ? [`${value.day}/${value.month}/${value.year} (not a real date)`] : [];
    }
    case 'money': {
      if (typeof value !== 'string') return [];
      const n = parseMoney(value);
      return [
        n === null ? value : `£${n.toLocaleString('en-GB', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2 })}`,
      ];
    }
    case 'address':
      return isAddress(value)
        ? [value.line1, value.line2, value.town, value.county, value.postcode].map((s) => s.trim()).filter(Boolean)
        : [];
    case 'evidence':
      return isStringList(value)
        ? value.map((id) => ctx.evidenceName?.(id) ?? 'A file no longer on this computer')
        : [];
    case 'identifier':
      return typeof value === 'string'
        ? [ctx.identifierKind ? normaliseIdentifier(ctx.identifierKind, value) : value.trim()]
        : [];
    case 'repeat':
      return Array.isArray(value) ? [`${value.length} ${question.itemName}${value.length === 1 ? '' : 's'}`] : [];
    default:
      return typeof value === 'string' ? [value] : [];
  }
}
