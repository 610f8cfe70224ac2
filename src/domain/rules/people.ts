/**
 * People chosen from the people register (and, in general, a choice whose options are another
 * repeating group's items): where a field takes its options from, an item's title in words
 * (a clinician whose name is a person chosen from the register reads as that person's name), and
 * the answers that name someone not (or no longer) in the register.
 */
import { hasAnswer, listedItems, type Answers, type ItemValue, type RepeatItem } from '@/domain/answers/answer-value';
import type { ItemQuestion, Question, RepeatQuestion } from '@/domain/definition/checklist-schema';
import type { ChoiceOption } from './evaluator';

export interface RepeatSource {
  readonly repeat: string;
  readonly labelField: string;
  /** Fields of the chosen item copied into this item when still empty. */
  readonly copy?: readonly string[];
}

/** The repeating group a choice takes its options from, if it does. */
export function repeatSource(question: Question | ItemQuestion): RepeatSource | undefined {
  if (question.type !== 'radios' && question.type !== 'checkboxes') return undefined;
  const from = question.optionsFrom;
  return from && 'repeat' in from ? from : undefined;
}

/**
 * An item's title in words: its title field's answer, or, when that field is a choice (a person
 * chosen from the register), the chosen option's label. Undefined when there is none yet.
 */
export function itemTitleText(
  question: RepeatQuestion,
  item: RepeatItem,
  options: (field: ItemQuestion) => readonly ChoiceOption[],
): string | undefined {
  const raw = item.values[question.titleField];
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  const field = question.fields.find((f) => f.id === question.titleField);
  const label = field && field.type === 'radios' ? options(field).find((o) => o.value === raw)?.label : undefined;
  return (label ?? raw).trim();
}

/** A chosen person's id (the app's ids are UUIDs), as opposed to a name typed before. */
export const looksLikePersonId = (v: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** Whether a chosen value is one of the register's people (else it is a name typed before). */
export const isRegisterPerson = (answers: Answers, source: RepeatSource, value: string): boolean =>
  listedItems(answers[source.repeat]).some((i) => i.id === value);

/**
 * Choosing a person in a repeat item (a clinician, a declarant): the item's fields that copy from
 * the chosen person and are still empty, with the person's values, where the item's field can
 * hold them (a podiatrist's register has no GMC option).
 */
export function copiedFromChosen(
  question: RepeatQuestion,
  field: ItemQuestion,
  chosen: unknown,
  answers: Answers,
  current: Readonly<Record<string, ItemValue | undefined>>,
): Record<string, ItemValue> {
  const from = repeatSource(field);
  const out: Record<string, ItemValue> = {};
  if (!from || typeof chosen !== 'string') return out;
  const person = listedItems(answers[from.repeat]).find((i) => i.id === chosen);
  for (const id of from.copy ?? []) {
    const v = person?.values[id];
    const target = question.fields.find((f) => f.id === id);
    const choices = target?.type === 'radios' ? target.options : undefined;
    const fits = !choices || choices.some((o) => o.value === v);
    if (v !== undefined && target && fits && !hasAnswer(current[id])) out[id] = v;
  }
  return out;
}
