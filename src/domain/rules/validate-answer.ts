/**
 * Validates one answer against its question: required, format (money, number, dates, email,
 * phone, identifiers, addresses), lengths, ranges, allowed options. Returns plain-English
 * messages in the NHS style ("Enter…", "Select…"). Knows nothing about other questions: checks
 * that compare answers live in the checklist and run in `evaluate.ts`.
 */
import { hasAnswer, isAddress, isDateParts, isStringList, type AnswerValue } from '@/domain/answers/answer-value';
import type { ItemQuestion, Question } from '@/domain/definition/checklist-schema';
import type { ChoiceOption, EvaluationDates } from './evaluator';
import type { IssueCode } from './issues';
import { validateIdentifier } from './identifiers';
import { dateFromParts, parseMoney, parseNumber } from './values';

export interface AnswerProblem {
  readonly code: IssueCode;
  readonly message: string;
  readonly part?: string;
}

export interface AnswerContext {
  readonly required: boolean;
  readonly options: readonly ChoiceOption[];
  readonly identifierKind?: Parameters<typeof validateIdentifier>[0];
  readonly dates: EvaluationDates;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** UK numbers: 10 or 11 digits starting 0, or +44 and 9 or 10 digits; spaces, dashes and brackets allowed. */
const phonePattern = /^(?:0\d{9,10}|\+44\d{9,10})$/;

/** Which box of an impossible date to point at: a month over 12 or a year out of range, else the day. */
function impossiblePart(value: { readonly day: string; readonly month: string; readonly year: string }): string {
  const month = Number(value.month);
  if (!Number.isInteger(month) || month < 1 || month > 12) return 'month';
  const year = Number(value.year);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return 'year';
  return 'day';
}

const wordCount = (s: string) => (s.trim() ? s.trim().split(/\s+/).length : 0);

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Required messages. With the question's noun they are whole sentences in the NHS style ("Attach
 * their CQC certificate of registration", "Select their role"); without one, the label follows a
 * colon. The label is never put in brackets inside another sentence.
 */
function requiredMessage(question: Question | ItemQuestion): string {
  const noun = question.noun;
  if (noun)
    switch (question.type) {
      case 'yesno':
      case 'radios':
      case 'checkboxes':
        return `Select ${noun}`;
      case 'evidence':
        return `Attach ${noun}`;
      case 'repeat':
        return `Add ${noun}`;
      default:
        return `Enter ${noun}`;
    }
  switch (question.type) {
    case 'yesno':
    case 'radios':
      return `Select an answer: ${question.label}`;
    case 'checkboxes':
      return `Select at least one option: ${question.label}`;
    case 'date':
      return `Enter a date: ${question.label}`;
    case 'evidence':
      return `Attach a file: ${question.label}`;
    case 'repeat':
      return `Add at least one ${question.itemName}: ${question.label}`;
    default:
      return `Enter an answer: ${question.label}`;
  }
}

export function validateAnswer(
  question: Question | ItemQuestion,
  value: AnswerValue | undefined,
  ctx: AnswerContext,
): AnswerProblem[] {
  if (!hasAnswer(value)) return ctx.required ? [{ code: 'required', message: requiredMessage(question) }] : [];
  const v = question.validation ?? {};
  // What the answer is, at the start of a sentence: "Their legal name must be…".
  const label = question.noun ? capitalise(question.noun) : question.label;
  switch (question.type) {
    case 'text':
    case 'longtext':
    case 'email':
    case 'phone': {
      if (typeof value !== 'string') return [{ code: 'format', message: `Enter text: ${label}` }];
      const problems: AnswerProblem[] = [];
      const s = value.trim();
      if (v.maxLength !== undefined && s.length > v.maxLength)
        problems.push({
          code: 'length',
          message: `${label} must be ${v.maxLength.toLocaleString('en-GB')} characters or fewer`,
        });
      if (v.minLength !== undefined && s.length < v.minLength)
        problems.push({ code: 'length', message: `${label} must be at least ${v.minLength} characters` });
      if (v.minWords !== undefined && wordCount(s) < v.minWords)
        problems.push({
          code: 'length',
          message: `${label} needs at least ${v.minWords} words (you have ${wordCount(s)})`,
        });
      if (v.maxWords !== undefined && wordCount(s) > v.maxWords)
        problems.push({ code: 'length', message: `${label} must be ${v.maxWords} words or fewer` });
      if ((question.type === 'email' || v.email) && !emailPattern.test(s))
        problems.push({ code: 'format', message: 'Enter an email address in the correct format, like name@nhs.net' });
      if ((question.type === 'phone' || v.phone) && !phonePattern.test(s.replace(/[\s()-]/g, '')))
        problems.push({
          code: 'format',
          message: 'Enter a UK telephone number, like 01632 960 001 or +44 1632 960 001',
        });
      return problems;
    }
    case 'money':
    case 'number': {
      const n = typeof value === 'string' ? (question.type === 'money' ? parseMoney(value) : parseNumber(value)) : null;
      if (n === null)
        return [
          {
            code: 'format',
            message:
              question.type === 'money'
                ? `Enter an amount in pounds, like 5,000,000: ${label}`
                : `Enter a number: ${label}`,
          },
        ];
      const unit = (x: number) =>
        question.type === 'money' ? `£${x.toLocaleString('en-GB')}` : x.toLocaleString('en-GB');
      if (v.min !== undefined && n < v.min)
        return [{ code: 'range', message: `${label} must be ${unit(v.min)} or more` }];
      if (v.max !== undefined && n > v.max)
        return [{ code: 'range', message: `${label} must be ${unit(v.max)} or less` }];
      return [];
    }
    case 'date': {
      if (!isDateParts(value)) return [{ code: 'format', message: `Enter a real date: ${label}` }];
      const missing = (['day', 'month', 'year'] as const).filter((p) => value[p].trim() === '');
      if (missing.length)
        return [{ code: 'format', part: missing[0], message: `${label} must include a ${missing.join(' and ')}` }];
      if (!/^\s*\d{4}\s*$/.test(value.year))
        return [{ code: 'format', part: 'year', message: `Year must include 4 numbers: ${label}` }];
      const iso = dateFromParts(value.day, value.month, value.year);
      if (!iso) return [{ code: 'format', part: impossiblePart(value), message: `${label} must be a real date` }];
      if (v.notFuture && iso > ctx.dates.today)
        return [{ code: 'range', part: 'day', message: `${label} must be today or in the past` }];
      if (v.notPast && iso < ctx.dates.today)
        return [{ code: 'range', part: 'day', message: `${label} must be today or in the future` }];
      return [];
    }
    case 'identifier': {
      if (typeof value !== 'string') return [{ code: 'format', message: `Enter an answer: ${label}` }];
      if (!ctx.identifierKind) return [];
      const result = validateIdentifier(ctx.identifierKind, value);
      return result.valid ? [] : [{ code: 'format', message: result.message }];
    }
    case 'address': {
      if (!isAddress(value)) return [{ code: 'format', message: `Enter an address: ${label}` }];
      const problems: AnswerProblem[] = [];
      if (!value.line1.trim())
        problems.push({
          code: 'required',
          part: 'line1',
          message: 'Enter address line 1, typically the building and street',
        });
      if (!value.town.trim()) problems.push({ code: 'required', part: 'town', message: 'Enter town or city' });
      if (!value.postcode.trim()) problems.push({ code: 'required', part: 'postcode', message: 'Enter postcode' });
      else {
        const result = validateIdentifier('postcode', value.postcode);
        if (!result.valid) problems.push({ code: 'format', part: 'postcode', message: result.message });
      }
      return problems;
    }
    case 'yesno':
      return value === 'yes' || value === 'no' ? [] : [{ code: 'option', message: `Select yes or no: ${label}` }];
    case 'radios': {
      if (typeof value !== 'string' || !ctx.options.some((o) => o.value === value))
        return [{ code: 'option', message: `Select one of the options: ${label}` }];
      return [];
    }
    case 'checkboxes': {
      if (!isStringList(value) || value.some((x) => !ctx.options.some((o) => o.value === x)))
        return [{ code: 'option', message: `Select from the options given: ${label}` }];
      const exclusive = ctx.options.filter((o) => o.exclusive).map((o) => o.value);
      if (value.length > 1 && value.some((x) => exclusive.includes(x)))
        return [
          {
            code: 'option',
            message: `Select “${ctx.options.find((o) => o.exclusive)?.label ?? 'None'}” on its own, or the options that apply: ${label}`,
          },
        ];
      return [];
    }
    case 'evidence':
      return isStringList(value) ? [] : [{ code: 'format', message: `Attach a file: ${label}` }];
    case 'repeat': {
      const count = Array.isArray(value) ? value.length : 0;
      if (question.minItems !== undefined && count < question.minItems)
        return [
          {
            code: 'count',
            message: `Add at least ${question.minItems} ${question.itemName}${question.minItems === 1 ? '' : 's'}: ${label}`,
          },
        ];
      if (question.maxItems !== undefined && count > question.maxItems)
        return [{ code: 'count', message: `You can add up to ${question.maxItems} of these: ${label}` }];
      return [];
    }
  }
}
