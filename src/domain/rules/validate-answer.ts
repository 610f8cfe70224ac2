/**
 * Validates one answer against its question: required, format (money, number, dates, email,
 * phone, identifiers, addresses), lengths, ranges, allowed options. Returns plain-English
 * messages in the NHS style ("Enter…", "Select…"). Knows nothing about other questions: checks
 * that compare answers live in the checklist and run in `evaluate.ts`.
 *
 * Each message is, in order: the question's own words for the fault (`messages` in the
 * checklist), else a sentence built from its noun ("Enter the date your organisation was formed",
 * "The date your organisation was formed must be a real date"), else a generic one that quotes
 * the label after a colon, for questions without a noun (local questions, test fixtures). The
 * rules the sentences follow are in schemas/checklists/README.md.
 *
 * Over 300 lines because it is one switch over every answer type: each type's faults and their
 * messages read together in one place.
 */
import { formatNumber } from './values';
import { hasAnswer, isAddress, isDateParts, isStringList, type AnswerValue } from '@/domain/answers/answer-value';
import type { ItemQuestion, MessageFault, Question } from '@/domain/definition/checklist-schema';
import type { ChoiceOption, EvaluationDates } from './evaluator';
import type { IssueCode } from './issues';
import { validateIdentifier } from './identifiers';
import { looksLikePersonId, repeatSource } from './people';
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

/** The question's own words for a fault when it gives them, else the built message. */
const say = (question: Question | ItemQuestion, fault: MessageFault, built: string) =>
  question.messages?.[fault] ?? built;

/**
 * A name typed before the question chose from the people register (or a person since removed
 * from it): kept, and named, so the user can add them or choose who it is.
 */
function notListed(values: readonly string[], noun: string | undefined): string {
  const typed = values.filter((v) => !looksLikePersonId(v));
  if (!typed.length)
    return `The person chosen before has been removed from the people in your organisation. Select ${noun ?? 'someone from the list'}`;
  const names = typed.map((v) => `“${v.length > 60 ? `${v.slice(0, 57)}…` : v}”`);
  const who = names.length === 1 ? `${names[0]} is` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are`;
  return `${who} not in the people in your organisation. Add ${names.length === 1 ? 'them' : 'each of them'} there, or select ${noun ?? 'someone from the list'}`;
}

/** "partner or director" → "partners or directors", "piece of equipment" → "pieces of equipment". */
function plural(name: string): string {
  const one = (word: string) =>
    word === 'person'
      ? 'people'
      : /(?:s|x|ch|sh)$/.test(word)
        ? `${word}es`
        : /[^aeiou]y$/.test(word)
          ? `${word.slice(0, -1)}ies`
          : `${word}s`;
  const of = /^(\S+)( of .+)$/.exec(name);
  if (of?.[1] && of[2]) return one(of[1]) + of[2];
  return name
    .split(' or ')
    .map((part) => part.replace(/\S+$/, (last) => one(last)))
    .join(' or ');
}

/**
 * Required messages. With the question's noun they are whole sentences in the NHS style ("Attach
 * their CQC certificate of registration", "Select their role"); without one, the label follows a
 * colon. The label is never put in brackets inside another sentence.
 */
function requiredMessage(question: Question | ItemQuestion): string {
  const own = question.messages?.required;
  if (own) return own;
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
  const noun = question.noun;
  // What the answer is, at the start of a sentence: "Their legal name must be…".
  const label = noun ? capitalise(noun) : question.label;
  const problem = (code: IssueCode, fault: MessageFault, built: string, part?: string): AnswerProblem => ({
    code,
    message: say(question, fault, built),
    ...(part ? { part } : {}),
  });
  switch (question.type) {
    case 'text':
    case 'longtext':
    case 'email':
    case 'phone': {
      if (typeof value !== 'string')
        return [problem('format', 'format', noun ? `Enter ${noun}` : `Enter text: ${label}`)];
      const problems: AnswerProblem[] = [];
      const s = value.trim();
      const words = wordCount(s);
      if (v.maxLength !== undefined && s.length > v.maxLength)
        problems.push(
          problem('length', 'tooLong', `${label} must be ${formatNumber(v.maxLength)} characters or fewer`),
        );
      if (v.minLength !== undefined && s.length < v.minLength)
        problems.push(
          problem(
            'length',
            'tooShort',
            noun
              ? `${label} must be ${formatNumber(v.minLength)} characters or more`
              : `${label} must be at least ${v.minLength} characters`,
          ),
        );
      if (v.minWords !== undefined && words < v.minWords)
        problems.push(
          problem(
            'length',
            'tooShort',
            noun
              ? `${label} must be ${v.minWords} words or more (you have written ${words})`
              : `${label} needs at least ${v.minWords} words (you have ${words})`,
          ),
        );
      if (v.maxWords !== undefined && words > v.maxWords)
        problems.push(problem('length', 'tooLong', `${label} must be ${v.maxWords} words or fewer`));
      if ((question.type === 'email' || v.email) && !emailPattern.test(s))
        problems.push(
          problem(
            'format',
            'format',
            noun
              ? `Enter ${noun} in the correct format, like name@nhs.net`
              : 'Enter an email address in the correct format, like name@nhs.net',
          ),
        );
      if ((question.type === 'phone' || v.phone) && !phonePattern.test(s.replace(/[\s()-]/g, '')))
        problems.push(
          problem(
            'format',
            'format',
            noun
              ? `Enter ${noun} as a UK number, like 01632 960 001 or +44 1632 960 001`
              : 'Enter a UK telephone number, like 01632 960 001 or +44 1632 960 001',
          ),
        );
      return problems;
    }
    case 'money':
    case 'number': {
      const money = question.type === 'money';
      const n = typeof value === 'string' ? (money ? parseMoney(value) : parseNumber(value)) : null;
      if (n === null) {
        const built = noun
          ? money
            ? `Enter ${noun} as an amount in pounds, like 5,000,000`
            : `Enter ${noun} as a number`
          : money
            ? `Enter an amount in pounds, like 5,000,000: ${label}`
            : `Enter a number: ${label}`;
        return [problem('format', 'format', built)];
      }
      const unit = (x: number) => (money ? `£${formatNumber(x)}` : formatNumber(x));
      const outside = (v.min !== undefined && n < v.min) || (v.max !== undefined && n > v.max);
      if (!outside) return [];
      // "must be between 0 and 100" when the question has both limits, as the hint usually says.
      if (noun && v.min !== undefined && v.max !== undefined)
        return [problem('range', 'outOfRange', `${label} must be between ${unit(v.min)} and ${unit(v.max)}`)];
      if (v.min !== undefined && n < v.min)
        return [problem('range', 'outOfRange', `${label} must be ${unit(v.min)} or more`)];
      return [problem('range', 'outOfRange', `${label} must be ${unit(v.max ?? n)} or less`)];
    }
    case 'date': {
      if (!isDateParts(value))
        return [problem('format', 'format', noun ? `${label} must be a real date` : `Enter a real date: ${label}`)];
      const missing = (['day', 'month', 'year'] as const).filter((p) => value[p].trim() === '');
      if (missing.length)
        return [problem('format', 'format', `${label} must include a ${missing.join(' and ')}`, missing[0])];
      if (!/^\s*\d{4}\s*$/.test(value.year))
        return [
          problem(
            'format',
            'format',
            noun ? 'Year must include 4 numbers' : `Year must include 4 numbers: ${label}`,
            'year',
          ),
        ];
      const iso = dateFromParts(value.day, value.month, value.year);
      if (!iso) return [problem('format', 'format', `${label} must be a real date`, impossiblePart(value))];
      if (v.notFuture && iso > ctx.dates.today)
        return [problem('range', 'future', `${label} must be today or in the past`, 'day')];
      if (v.notPast && iso < ctx.dates.today)
        return [problem('range', 'past', `${label} must be today or in the future`, 'day')];
      return [];
    }
    case 'identifier': {
      if (typeof value !== 'string')
        return [problem('format', 'format', noun ? `Enter ${noun}` : `Enter an answer: ${label}`)];
      if (!ctx.identifierKind) return [];
      const result = validateIdentifier(ctx.identifierKind, value);
      // The validator's reason names the identifier and shows an example; the question's own words replace it.
      return result.valid ? [] : [problem('format', 'format', result.message)];
    }
    case 'address': {
      if (!isAddress(value))
        return [problem('format', 'format', noun ? `Enter ${noun}` : `Enter an address: ${label}`)];
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
        if (!result.valid) problems.push(problem('format', 'format', result.message, 'postcode'));
      }
      return problems;
    }
    // An answer that is not one of the options counts as no choice: the required words apply.
    case 'yesno':
      return value === 'yes' || value === 'no'
        ? []
        : [problem('option', 'required', noun ? `Select ${noun}` : `Select yes or no: ${label}`)];
    case 'radios': {
      if (
        repeatSource(question) &&
        typeof value === 'string' &&
        value.trim() &&
        !ctx.options.some((o) => o.value === value)
      )
        return [{ code: 'option', message: notListed([value], noun) }];
      if (typeof value !== 'string' || !ctx.options.some((o) => o.value === value))
        return [problem('option', 'required', noun ? `Select ${noun}` : `Select one of the options: ${label}`)];
      return [];
    }
    case 'checkboxes': {
      const unlisted = isStringList(value) ? value.filter((x) => !ctx.options.some((o) => o.value === x)) : [];
      if (repeatSource(question) && unlisted.length) return [{ code: 'option', message: notListed(unlisted, noun) }];
      if (!isStringList(value) || value.some((x) => !ctx.options.some((o) => o.value === x)))
        return [problem('option', 'required', noun ? `Select ${noun}` : `Select from the options given: ${label}`)];
      const exclusive = ctx.options.filter((o) => o.exclusive).map((o) => o.value);
      if (value.length > 1 && value.some((x) => exclusive.includes(x))) {
        const none = `“${ctx.options.find((o) => o.exclusive)?.label ?? 'None'}”`;
        return [
          {
            code: 'option',
            message: noun
              ? `Select ${none} on its own, or select ${noun}`
              : `Select ${none} on its own, or the options that apply: ${label}`,
          },
        ];
      }
      return [];
    }
    case 'evidence':
      return isStringList(value)
        ? []
        : [problem('format', 'format', noun ? `Attach ${noun}` : `Attach a file: ${label}`)];
    case 'repeat': {
      const count = Array.isArray(value) ? value.length : 0;
      const items = (n: number) => (n === 1 ? question.itemName : plural(question.itemName));
      if (question.minItems !== undefined && count < question.minItems)
        return [
          problem(
            'count',
            'outOfRange',
            noun
              ? `Add at least ${question.minItems === 1 ? 'one' : question.minItems} ${items(question.minItems)}`
              : `Add at least ${question.minItems} ${question.itemName}${question.minItems === 1 ? '' : 's'}: ${label}`,
          ),
        ];
      if (question.maxItems !== undefined && count > question.maxItems)
        return [
          problem(
            'count',
            'outOfRange',
            noun
              ? `You can add up to ${question.maxItems} ${items(question.maxItems)}`
              : `You can add up to ${question.maxItems} of these: ${label}`,
          ),
        ];
      return [];
    }
  }
}
