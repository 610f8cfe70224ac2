/**
 * An answer as words, the same on the check-answers pages and in the PDF: options by their labels,
 * dates as "22 November 2026", money as "£5,000,000", identifiers in their normal form, addresses
 * as lines (postcode in capitals), evidence as file names, yes/no as "Yes"/"No". Returns lines; an
 * empty list means no answer. Also the one way a file's size is written ("12 KB").
 */
import type { ItemQuestion, Question } from '@/domain/definition/checklist-schema';
import type { ChoiceOption } from '@/domain/rules/evaluator';
import { normaliseIdentifier } from '@/domain/rules/identifiers';
import { answerDate, formatDate, parseMoney, formatNumber } from '@/domain/rules/values';
import { hasAnswer, isAddress, isDateParts, isStringList, listedItems, type AnswerValue } from './answer-value';

export interface FormatContext {
  readonly options: readonly ChoiceOption[];
  readonly evidenceName?: (id: string) => string | undefined;
  readonly identifierKind?: Parameters<typeof normaliseIdentifier>[0];
}

/** "5000000" → "£5,000,000"; "1250.5" → "£1,250.50"; what is not an amount, as typed. */
export function formatMoney(raw: string): string {
  const n = parseMoney(raw);
  if (n === null) return raw.trim();
  const [whole = '0', pence] = n.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `£${grouped}${pence && pence !== '00' ? `.${pence}` : ''}`;
}

/** 1,015 bytes → "1015 bytes"; 2,560 → "2.5 KB"; 3,500,000 → "3.3 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : formatNumber(Math.round(kb))} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : formatNumber(Math.round(mb))} MB`;
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
    case 'money':
      return typeof value === 'string' ? [formatMoney(value)] : [];
    case 'address':
      return isAddress(value)
        ? [value.line1, value.line2, value.town, value.county, value.postcode.toUpperCase()]
            .map((s) => s.trim())
            .filter(Boolean)
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
      return [`${listedItems(value).length} ${question.itemName}${listedItems(value).length === 1 ? '' : 's'}`];
    default:
      return typeof value === 'string' ? [value] : [];
  }
}
