/**
 * The people migration (checklist version 2): questions that took a typed name now choose a
 * person from the people register (see the `people` entry of the checklist's migrations). A typed
 * name that matches one person in the register (ignoring case, spacing, full stops and a title
 * such as "Dr") becomes that person; any other typed name is kept exactly as typed, and reported,
 * for the user to settle (add them to the register, or choose who it is). Nothing is lost, and
 * running it again changes nothing: a chosen person is never a typed name.
 *
 * Works on organisation and application answers together (the register is an organisation
 * answer; the names are in both), like the rules engine.
 */
import {
  isRepeatItems,
  isStringList,
  listedItems,
  type AnswerValue,
  type Answers,
  type ItemValue,
  type RepeatItem,
} from '@/domain/answers/answer-value';
import type { LoadedChecklist } from './load-checklist';
import { repeatSource } from '@/domain/rules/people';
import { resolvePath } from './load-checklist';

export interface PersonMention {
  /** The question, or "repeat.field" for a field of a repeat item. */
  readonly path: string;
  readonly questionId: string;
  readonly itemId?: string;
  readonly label: string;
  /** The name as it was typed. */
  readonly name: string;
}

export interface PeopleSettlement {
  /** Only the answers that changed. */
  readonly changed: Answers;
  readonly matched: readonly PersonMention[];
  readonly unsettled: readonly PersonMention[];
}

const titles = /^(dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame|rev)\.?\s+/;

/** "Dr  Helen O'Kafor." → "helen o'kafor": the key a typed name and a register name match on. */
export const nameKey = (name: string): string =>
  name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(titles, '')
    .replace(/[.,;:]+$/, '')
    .trim();

/** An old free-text list of clinicians, one per line (or separated by semicolons), as entries. */
function splitList(text: string): string[] {
  return text
    .split(/\r?\n|;/)
    .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
    .filter(Boolean);
}

/** The name at the start of an entry such as "Jane Smith, physiotherapist, HCPC PH123456". */
const leadingName = (entry: string) => entry.split(/,| - | – |\(/)[0]?.trim() ?? entry;

export function settlePeople(checklist: LoadedChecklist, answers: Answers): PeopleSettlement {
  const changed: Record<string, AnswerValue> = {};
  const matched: PersonMention[] = [];
  const unsettled: PersonMention[] = [];
  for (const migration of checklist.definition.migrations ?? []) {
    if (!migration.people) continue;
    const people = listedItems(answers[migration.people.register]);
    const ids = new Set(people.map((p) => p.id));
    const byKey = new Map<string, string[]>();
    for (const person of people) {
      const name = person.values.name;
      if (typeof name !== 'string' || !nameKey(name)) continue;
      byKey.set(nameKey(name), [...(byKey.get(nameKey(name)) ?? []), person.id]);
    }
    /** One typed entry: the person it names, or undefined when none (or more than one) does. */
    const match = (entry: string) => {
      const found = byKey.get(nameKey(entry)) ?? byKey.get(nameKey(leadingName(entry)));
      return found?.length === 1 ? found[0] : undefined;
    };
    const settle = (value: AnswerValue | undefined, many: boolean, at: Omit<PersonMention, 'name'>) => {
      if (value === undefined) return value;
      const entries =
        typeof value === 'string' ? (many ? splitList(value) : [value]) : isStringList(value) ? value : null;
      if (!entries) return value;
      const out = entries.map((entry) => {
        if (ids.has(entry) || !entry.trim()) return entry;
        const id = match(entry);
        (id ? matched : unsettled).push({ ...at, name: entry });
        return id ?? entry;
      });
      if (!many) return out[0] ?? value;
      return out.filter((e) => e.trim());
    };
    for (const path of migration.people.fields) {
      const target = resolvePath(path, checklist.questions);
      if (!target) continue;
      const many = target.type === 'checkboxes';
      const top = checklist.questions.get(path)?.question;
      if (top) {
        const before = answers[path];
        const after = settle(before, many, { path, questionId: path, label: top.label });
        if (JSON.stringify(after) !== JSON.stringify(before) && after !== undefined) changed[path] = after;
        continue;
      }
      const repeatId = path.slice(0, path.lastIndexOf('.'));
      const fieldId = path.slice(path.lastIndexOf('.') + 1);
      const items = changed[repeatId] ?? answers[repeatId];
      if (!isRepeatItems(items)) continue;
      let any = false;
      const next = items.map((item) => {
        const before = item.values[fieldId];
        const after = settle(before, many, { path, questionId: repeatId, itemId: item.id, label: target.label });
        if (after === undefined || JSON.stringify(after) === JSON.stringify(before)) return item;
        any = true;
        return { ...item, values: { ...item.values, [fieldId]: after as ItemValue } };
      });
      if (any) changed[repeatId] = next;
    }
  }
  return { changed, matched, unsettled };
}

/** The person's name in a mention: a line of an old list of clinicians gives its leading name. */
export const mentionName = (checklist: LoadedChecklist, mention: PersonMention): string =>
  checklist.questions.get(mention.path) ? mention.name : leadingName(mention.name) || mention.name;

/**
 * "Add them to the people in your organisation": each distinct name not yet settled becomes a
 * person in the register (with the register and number its item already gives, where the field
 * copies them), and every mention of them is then linked. The new people are listed as incomplete
 * until their role is given. Returns only the answers that changed.
 */
export function addToRegister(
  checklist: LoadedChecklist,
  answers: Answers,
  mentions: readonly PersonMention[],
  newId: () => string,
): Answers {
  const migration = (checklist.definition.migrations ?? []).find((m) => m.people);
  if (!migration?.people) return {};
  const registerId = migration.people.register;
  const register = [...(isRepeatItems(answers[registerId]) ? answers[registerId] : [])];
  const known = new Set(listedItems(register).map((p) => nameKey(String(p.values.name ?? ''))));
  for (const mention of mentions) {
    const name = mentionName(checklist, mention);
    if (!nameKey(name) || known.has(nameKey(name))) continue;
    known.add(nameKey(name));
    const values: Record<string, ItemValue> = { name };
    const field = resolvePath(mention.path, checklist.questions);
    const copy = field ? (repeatSource(field)?.copy ?? []) : [];
    const source = mention.itemId
      ? listedItems(answers[mention.questionId]).find((i) => i.id === mention.itemId)
      : undefined;
    for (const id of copy) {
      const v = source?.values[id];
      if (v !== undefined) values[id] = v;
    }
    const person: RepeatItem = { id: newId(), values };
    register.push(person);
  }
  const withPeople = { ...answers, [registerId]: register };
  return { [registerId]: register, ...settlePeople(checklist, withPeople).changed };
}
