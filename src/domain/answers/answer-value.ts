/**
 * Answer values, kept as the user typed them so that an invalid draft still saves and nothing
 * typed is ever lost. The rules engine parses them (money, numbers, dates) when it evaluates.
 *
 * Per question type: text, longtext, email, phone, money, number, identifier, yesno ("yes" |
 * "no"), radios: a string; checkboxes and evidence (file ids): a string array; date: its three
 * parts; address: its lines; repeat: a list of items, each with its own id and field values.
 */
import { formatNumber } from '@/domain/rules/values';
import { z } from '@/domain/zod';

/** Longest string any answer may hold in storage (validation limits are far lower). */
export const maxStoredStringLength = 200_000;
export const maxRepeatItems = 500;

export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export interface AddressValue {
  readonly line1: string;
  readonly line2: string;
  readonly town: string;
  readonly county: string;
  readonly postcode: string;
}

export type ItemValue = string | readonly string[] | DateParts | AddressValue;

export interface RepeatItem {
  readonly id: string;
  readonly values: Readonly<Record<string, ItemValue>>;
  /**
   * An item being added on its own page and not yet saved to the list ("Save" or "Save and come
   * back later"). It is kept so that nothing typed is lost, but it is not in the list: the rules,
   * the review pages and the PDF never see it (read items through `listedItems`).
   */
  readonly pending?: true;
}

export type AnswerValue = ItemValue | readonly RepeatItem[];
export type Answers = Readonly<Record<string, AnswerValue>>;

const Str = z
  .string()
  .max(
    maxStoredStringLength,
    `too long to save: an answer can hold at most ${formatNumber(maxStoredStringLength)} characters, so shorten it`,
  );
const Key = z.string().regex(/^[a-z][a-z0-9.-]{0,119}$/);

export const DatePartsSchema = z.strictObject({
  day: z.string().max(20),
  month: z.string().max(20),
  year: z.string().max(20),
});
export const AddressSchema = z.strictObject({
  line1: Str,
  line2: Str,
  town: Str,
  county: Str,
  postcode: z.string().max(50),
});
export const ItemValueSchema = z.union([Str, z.array(Str).max(maxRepeatItems), DatePartsSchema, AddressSchema]);
export const RepeatItemSchema = z.strictObject({
  id: z.string().min(1).max(64),
  values: z.record(Key, ItemValueSchema),
  pending: z.literal(true).optional(),
});
export const AnswerValueSchema: z.ZodType<AnswerValue> = z.union([
  ItemValueSchema,
  z.array(RepeatItemSchema).max(maxRepeatItems),
]);
export const AnswersSchema: z.ZodType<Answers> = z.record(Key, AnswerValueSchema);

export const isDateParts = (v: unknown): v is DateParts =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'day' in v && 'month' in v && 'year' in v;
export const isAddress = (v: unknown): v is AddressValue =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'line1' in v && 'postcode' in v;
export const isRepeatItems = (v: unknown): v is readonly RepeatItem[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && 'id' in x && 'values' in x);
/** The items of a repeating group that are in its list (not one still being added), or none. */
export const listedItems = (v: unknown): readonly RepeatItem[] => (isRepeatItems(v) ? v.filter((i) => !i.pending) : []);

/** The item still being added to a repeating group, if there is one. */
export const pendingItem = (v: unknown): RepeatItem | undefined =>
  isRepeatItems(v) ? v.find((i) => i.pending) : undefined;

export const isStringList = (v: unknown): v is readonly string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Whether a value counts as an answer: blank strings, empty lists and empty dates do not. */
export function hasAnswer(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (isRepeatItems(value)) return listedItems(value).length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (isDateParts(value)) return [value.day, value.month, value.year].some((part) => part.trim() !== '');
  if (isAddress(value)) return Object.values(value).some((part) => part.trim() !== '');
  return false;
}

/** Immutable update helpers. */
export function setAnswer(answers: Answers, id: string, value: AnswerValue | undefined): Answers {
  if (value === undefined) return Object.fromEntries(Object.entries(answers).filter(([key]) => key !== id));
  return { ...answers, [id]: value };
}
