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
  Coverage,
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
import { repeatSource } from './people';
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

  /** Whether some (matching) item of `from` has no item in `in` that names it; see `Coverage`. */
  function uncovered(c: Coverage): boolean {
    const fromQuestion = checklist.questions.get(c.from)?.question;
    const inQuestion = checklist.questions.get(c.in)?.question;
    const fromItems = listedItems(value(c.from));
    const inItems = listedItems(value(c.in));
    if (fromQuestion?.type !== 'repeat' || inQuestion?.type !== 'repeat') return false;
    const wanted = fromItems.filter((i) => !c.fromIf || holds(c.fromIf, { repeat: fromQuestion, values: i.values }));
    const inField = inQuestion.fields.find((f) => f.id === c.inField);
    const source = inField ? repeatSource(inField) : undefined;
    const byId = source?.repeat === c.from;
    const key = (v: ItemValue | undefined) => (typeof v === 'string' && v.trim() ? normaliseName(v) : undefined);
    const covered = new Set(inItems.map((i) => (byId ? i.values[c.inField] : key(i.values[c.inField]))));
    return wanted.some((i) => {
      if (byId) return !covered.has(i.id);
      const name = key(i.values[c.field]);
      return name !== undefined && !covered.has(name);
    });
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
      return uncovered(condition.uncovered);
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
    return itemChoices(from.repeat, from.labelField, 0);
  }

  /**
   * A repeat's items as choices: labelled by `labelField`, which may itself choose from another
   * repeat (a declarant chosen from the people register), and hinted with the item's summary.
   */
  function itemChoices(repeatId: string, labelField: string, depth: number): ChoiceOption[] {
    const repeat = checklist.questions.get(repeatId)?.question;
    if (repeat?.type !== 'repeat') return [];
    const field = repeat.fields.find((f) => f.id === labelField);
    const chained = field && depth < 3 ? repeatSource(field) : undefined;
    const labels = chained ? itemChoices(chained.repeat, chained.labelField, depth + 1) : [];
    return listedItems(value(repeatId)).map((i) => {
      const raw = i.values[labelField];
      const text = typeof raw === 'string' ? (labels.find((o) => o.value === raw)?.label ?? raw).trim() : '';
      const hint = depth === 0 ? summaryHint(repeat, i.values) : undefined;
      return { value: i.id, label: text || 'Unnamed', ...(hint ? { hint } : {}) };
    });
  }

  /** "Partner, GMC 1234567": the item's short summary fields as words, to tell people apart. */
  function summaryHint(repeat: RepeatQuestion, values: Readonly<Record<string, ItemValue>>): string | undefined {
    const scope = { repeat, values };
    const parts: string[] = [];
    const summaryShown = new Set<string>();
    for (const id of repeat.summaryFields ?? []) {
      const f = repeat.fields.find((x) => x.id === id);
      const v = values[id];
      if (!f || !fieldVisible(f, scope) || typeof v !== 'string' || !v.trim()) continue;
      if (f.type === 'radios' && f.options) {
        const label = f.options.find((o) => o.value === v)?.label;
        if (label && v !== 'none' && v !== 'other') parts.push(label.replace(/ \(.*\)$/, ''));
      } else if (f.type === 'identifier') {
        // "GMC 1234567": a number follows the register that names its kind.
        const kindField = typeof f.identifier === 'object' ? f.identifier.field : undefined;
        const registerShown = kindField !== undefined && summaryShown.has(kindField);
        if (registerShown && parts.length) parts[parts.length - 1] = `${parts[parts.length - 1]} ${v.trim()}`;
        else parts.push(v.trim());
      } else if (f.type === 'text') parts.push(v.trim());
      summaryShown.add(id);
    }
    return parts.length ? parts.join(', ') : undefined;
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
