/**
 * Three-way merge of one record (an application or an organisation's answers) changed in two tabs:
 * `base` is the version both started from, `mine` this tab's, `theirs` the one another tab saved.
 * Changes to different answers, different items of one list, or different fields of one item
 * merge; so do sections marked complete. The same answer (or field, or other property) changed
 * differently in both is a clash, and so is a list item removed in one tab and changed in the
 * other: then the merge gives `undefined` and the user chooses, as before. Pure; never throws.
 */
import { isRepeatItems, type AnswerValue, type Answers, type RepeatItem } from '@/domain/answers/answer-value';

type Json = unknown;

const same = (a: Json, b: Json) => a === b || JSON.stringify(a) === JSON.stringify(b);

const clash = Symbol('clash');
type Merged<T> = T | typeof clash;

/** One value: whichever side changed it, or both if they agree; otherwise a clash. */
function mergeValue<T>(base: T | undefined, mine: T | undefined, theirs: T | undefined): Merged<T | undefined> {
  if (same(mine, theirs)) return mine;
  if (same(mine, base)) return theirs;
  if (same(theirs, base)) return mine;
  return clash;
}

/** Key by key, dropping keys whose merged value is absent. */
function mergeMaps<V>(
  base: Readonly<Record<string, V>>,
  mine: Readonly<Record<string, V>>,
  theirs: Readonly<Record<string, V>>,
  mergeOne: (b: V | undefined, m: V | undefined, t: V | undefined) => Merged<V | undefined>,
): Merged<Record<string, V>> {
  const out: Record<string, V> = {};
  const keys = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const key of keys) {
    const merged = mergeOne(Reflect.get(base, key), Reflect.get(mine, key), Reflect.get(theirs, key));
    if (merged === clash) return clash;
    if (merged !== undefined) out[key] = merged;
  }
  return out;
}

function mergeItem(base: RepeatItem | undefined, mine: RepeatItem, theirs: RepeatItem): Merged<RepeatItem> {
  const values = mergeMaps(base?.values ?? {}, mine.values, theirs.values, mergeValue);
  if (values === clash) return clash;
  const pending = mergeValue(base?.pending, mine.pending, theirs.pending);
  if (pending === clash) return clash;
  return { id: mine.id, values, ...(pending ? { pending } : {}) };
}

/** A list, item by item: theirs in their order, then items only this tab added, in its order. */
function mergeItems(
  base: readonly RepeatItem[],
  mine: readonly RepeatItem[],
  theirs: readonly RepeatItem[],
): Merged<RepeatItem[]> {
  const byId = (items: readonly RepeatItem[]) => new Map(items.map((i) => [i.id, i]));
  const [b, m, t] = [byId(base), byId(mine), byId(theirs)];
  const order = [...theirs.map((i) => i.id), ...mine.map((i) => i.id).filter((id) => !t.has(id))];
  const out: RepeatItem[] = [];
  for (const id of order) {
    const [was, mi, th] = [b.get(id), m.get(id), t.get(id)];
    if (mi && th) {
      const merged = mergeItem(was, mi, th);
      if (merged === clash) return clash;
      out.push(merged);
    } else if (mi || th) {
      // Present on one side only: added there (keep it), or removed on the other side, which
      // is fine only if the side that kept it did not change it.
      const kept = (mi ?? th) as RepeatItem;
      if (!was) out.push(kept);
      else if (!same(was, kept)) return clash;
    }
  }
  return out;
}

function mergeAnswer(
  base: AnswerValue | undefined,
  mine: AnswerValue | undefined,
  theirs: AnswerValue | undefined,
): Merged<AnswerValue | undefined> {
  const simple = mergeValue(base, mine, theirs);
  if (simple !== clash) return simple;
  // Both changed a list: merge it item by item.
  if (isRepeatItems(mine) && isRepeatItems(theirs) && (base === undefined || isRepeatItems(base)))
    return mergeItems(base ?? [], mine, theirs);
  return clash;
}

/** Answers merged, or undefined for a clash. */
export function mergeAnswers(base: Answers, mine: Answers, theirs: Answers): Answers | undefined {
  const merged = mergeMaps(base, mine, theirs, mergeAnswer);
  return merged === clash ? undefined : merged;
}

/** A set of ids (sections marked complete): what either side added, less what either removed. */
function mergeSet(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const removed = new Set([...base.filter((s) => !mine.includes(s)), ...base.filter((s) => !theirs.includes(s))]);
  return [...new Set([...theirs, ...mine])].filter((s) => !removed.has(s) || (mine.includes(s) && theirs.includes(s)));
}

export type Mergeable = { readonly revision: number; readonly updatedAt: string; readonly answers: Answers };

/**
 * The whole record: answers as above, `completedSections` as a set, `updatedAt` the later, and
 * every other property whichever side changed it. `revision` is theirs (the stored one).
 */
export function mergeRecords<T extends Mergeable>(base: T, mine: T, theirs: T): T | undefined {
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const key of keys) {
    const [b, m, t] = [Reflect.get(base, key), Reflect.get(mine, key), Reflect.get(theirs, key)] as Json[];
    let merged: Json;
    if (key === 'revision') merged = theirs.revision;
    else if (key === 'updatedAt') merged = mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt;
    else if (key === 'answers') merged = mergeAnswers(base.answers, mine.answers, theirs.answers) ?? clash;
    else if (key === 'completedSections' && Array.isArray(b) && Array.isArray(m) && Array.isArray(t))
      merged = mergeSet(b as string[], m as string[], t as string[]);
    else merged = mergeValue(b, m, t);
    if (merged === clash) return undefined;
    if (merged !== undefined) out[key] = merged;
  }
  return out as T;
}
