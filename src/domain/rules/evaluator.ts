/**
 * The evaluator: for one application's answers, decides what is visible, what is required, which
 * options a choice offers, and whether a condition holds. Visibility is memoised per evaluation.
 * A hidden question's answer counts as no answer (it is kept, but it does not drive anything).
 */
import {
  hasAnswer,
  isRepeatItems,
  isStringList,
  listedItems,
  type AnswerValue,
  type Answers,
  type ItemValue,
} from '@/domain/answers/answer-value';
import type {
  Comparison,
  Condition,
  IdentifierKind,
  ItemQuestion,
  Page,
  Question,
  Ref,
  RepeatQuestion,
  Section,
  ServiceId,
} from '@/domain/definition/checklist-schema';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { validateIdentifier } from './identifiers';
import { addDays, addMonths, answerDate, parseMoney, parseNumber } from './values';

export interface EvaluationDates {
  /** Today, `YYYY-MM-DD`, passed in: the domain never reads the clock. */
  readonly today: string;
  readonly serviceStart?: string;
  readonly closingDate?: string;
}

export interface EvidenceInfo {
  readonly id: string;
  readonly name: string;
  readonly validUntil?: string;
}

export interface EvaluationInput {
  readonly checklist: LoadedChecklist;
  /** Organisation and application answers together (their ids never clash). */
  readonly answers: Answers;
  readonly services: readonly ServiceId[];
  readonly dates: EvaluationDates;
  readonly evidence?: ReadonlyMap<string, EvidenceInfo>;
}

/** The repeat item a field is evaluated in. */
export interface ItemScope {
  readonly repeat: RepeatQuestion;
  readonly values: Readonly<Record<string, ItemValue>>;
}

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
  readonly exclusive?: boolean;
}

export interface Evaluator {
  readonly input: EvaluationInput;
  sectionVisible(section: Section): boolean;
  pageVisible(section: Section, page: Page): boolean;
  questionVisible(id: string): boolean;
  fieldVisible(field: ItemQuestion, item: ItemScope): boolean;
  /** The answer if its question is visible. */
  value(id: string): AnswerValue | undefined;
  required(question: Question | ItemQuestion, item?: ItemScope): boolean;
  holds(condition: Condition, item?: ItemScope): boolean;
  options(question: Question | ItemQuestion): readonly ChoiceOption[];
  identifierKind(question: Question | ItemQuestion, item?: ItemScope): IdentifierKind | undefined;
}

const normaliseName = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function createEvaluator(input: EvaluationInput): Evaluator {
  const { checklist, answers, services, dates } = input;
  const visibility = new Map<string, boolean>();
  const chosen = new Set(services);

  const sectionVisible = (section: Section): boolean =>
    (!section.service || chosen.has(section.service)) && (!section.showIf || holds(section.showIf));

  const pageVisible = (section: Section, page: Page): boolean =>
    sectionVisible(section) && (!page.showIf || holds(page.showIf));

  function questionVisible(id: string): boolean {
    const known = visibility.get(id);
    if (known !== undefined) return known;
    const entry = checklist.questions.get(id);
    // Mark first: the loader rules out cycles, but a bad definition must not hang the engine.
    visibility.set(id, false);
    const visible =
      !!entry && pageVisible(entry.section, entry.page) && (!entry.question.showIf || holds(entry.question.showIf));
    visibility.set(id, visible);
    return visible;
  }

  /** The answer if its question is visible; for a repeating group, the items in its list. */
  function value(id: string): AnswerValue | undefined {
    if (!questionVisible(id)) return undefined;
    const answer = answers[id];
    return isRepeatItems(answer) && answer.some((i) => i.pending) ? listedItems(answer) : answer;
  }

  const fieldVisible = (field: ItemQuestion, item: ItemScope) => !field.showIf || holds(field.showIf, item);

  function itemValue(id: string, item: ItemScope | undefined): ItemValue | undefined {
    if (!item) return undefined;
    const field = item.repeat.fields.find((f) => f.id === id);
    return field && fieldVisible(field, item) ? item.values[id] : undefined;
  }

  function refDate(ref: Ref, item: ItemScope | undefined): string | null {
    if ('date' in ref) return ref.date;
    if ('context' in ref) return contextDate(ref.context);
    if ('q' in ref) return answerDate(value(ref.q));
    return answerDate(itemValue(ref.item, item));
  }

  const contextDate = (name: 'today' | 'serviceStart' | 'closingDate'): string | null => dates[name] ?? null;

  function numeric(v: AnswerValue | undefined): number | null {
    if (typeof v !== 'string') return null;
    return parseMoney(v) ?? parseNumber(v);
  }

  function compare(
    subject: AnswerValue | undefined,
    c: Comparison,
    item: ItemScope | undefined,
    kind: () => IdentifierKind | undefined,
  ): boolean {
    if ('answered' in c) return hasAnswer(subject) === c.answered;
    if ('countLt' in c) return (Array.isArray(subject) ? subject.length : 0) < c.countLt;
    if (!hasAnswer(subject)) return false;
    if ('equals' in c) {
      if (typeof c.equals === 'number') return numeric(subject) === c.equals;
      if (typeof c.equals === 'boolean') return (subject === 'yes') === c.equals;
      return typeof subject === 'string' && subject === c.equals;
    }
    if ('in' in c) return typeof subject === 'string' && c.in.includes(subject);
    if ('includes' in c) return isStringList(subject) && subject.includes(c.includes);
    if ('lt' in c || 'lte' in c || 'gt' in c || 'gte' in c) {
      const n = numeric(subject);
      if (n === null) return false;
      if ('lt' in c) return n < c.lt;
      if ('lte' in c) return n <= c.lte;
      if ('gt' in c) return n > c.gt;
      return n >= c.gte;
    }
    if ('before' in c || 'after' in c) {
      const date = answerDate(subject);
      const ref = refDate('before' in c ? c.before : c.after, item);
      if (!date || !ref) return false;
      const bound = addDays(ref, c.offsetDays ?? 0);
      return 'before' in c ? date < bound : date > bound;
    }
    if ('olderThanMonths' in c) {
      const date = answerDate(subject);
      return !!date && date < addMonths(dates.today, -c.olderThanMonths);
    }
    if ('valid' in c) {
      const k = kind();
      return typeof subject === 'string' && !!k && validateIdentifier(k, subject).valid === c.valid;
    }
    return false;
  }

  function uncovered(from: string, field: string, inId: string, inField: string): boolean {
    const names = (repeatId: string, fieldId: string) => {
      const items = value(repeatId);
      if (!isRepeatItems(items)) return [];
      return items
        .map((i) => i.values[fieldId])
        .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
        .map(normaliseName);
    };
    const covered = new Set(names(inId, inField));
    return names(from, field).some((name) => !covered.has(name));
  }

  function holds(condition: Condition, item?: ItemScope): boolean {
    if ('all' in condition) return condition.all.every((c) => holds(c, item));
    if ('any' in condition) return condition.any.some((c) => holds(c, item));
    if ('not' in condition) return !holds(condition.not, item);
    if ('service' in condition) {
      const wanted: readonly ServiceId[] =
        typeof condition.service === 'string' ? [condition.service] : condition.service;
      return wanted.some((s) => chosen.has(s));
    }
    if ('uncovered' in condition) {
      const u = condition.uncovered;
      return uncovered(u.from, u.field, u.in, u.inField);
    }
    if ('q' in condition) {
      const q = checklist.questions.get(condition.q)?.question;
      return compare(value(condition.q), condition, item, () => (q ? identifierKind(q) : undefined));
    }
    if ('item' in condition) {
      const field = item?.repeat.fields.find((f) => f.id === condition.item);
      return compare(itemValue(condition.item, item), condition, item, () =>
        field ? identifierKind(field, item) : undefined,
      );
    }
    return compare(contextDate(condition.context) ?? undefined, condition, item, () => undefined);
  }

  const required = (question: Question | ItemQuestion, item?: ItemScope) =>
    question.required === true || (typeof question.required === 'object' && holds(question.required, item));

  function options(question: Question | ItemQuestion): readonly ChoiceOption[] {
    if (question.type !== 'radios' && question.type !== 'checkboxes') return [];
    if (question.options) return question.options;
    const from = question.optionsFrom;
    if (!from) return [];
    if ('services' in from) return services.map((id) => ({ value: id, label: checklist.services.get(id)?.name ?? id }));
    const items = value(from.repeat);
    if (!isRepeatItems(items)) return [];
    return items.map((i) => {
      const label = i.values[from.labelField];
      return { value: i.id, label: typeof label === 'string' && label.trim() ? label : 'Unnamed' };
    });
  }

  function identifierKind(question: Question | ItemQuestion, item?: ItemScope): IdentifierKind | undefined {
    if (question.type !== 'identifier') return undefined;
    if (typeof question.identifier === 'string') return question.identifier;
    const picked = item?.values[question.identifier.field];
    return typeof picked === 'string' ? question.identifier.kinds[picked] : undefined;
  }

  return {
    input,
    sectionVisible,
    pageVisible,
    questionVisible,
    fieldVisible,
    value,
    required,
    holds,
    options,
    identifierKind,
  };
}
