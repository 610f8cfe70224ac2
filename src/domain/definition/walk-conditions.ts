/**
 * Walks a condition tree and lists what it refers to: questions (`q`), fields of the same repeat
 * item (`item`), and repeats compared across (`uncovered`). Used by the loader's invariant checks
 * and by the dependency graph; knows nothing about evaluation.
 */
import type { Condition, Coverage, Ref } from './checklist-schema';

export interface References {
  readonly questions: string[];
  readonly items: string[];
  readonly coverage: Coverage[];
}

function refOf(ref: Ref, into: References): void {
  if ('q' in ref) into.questions.push(ref.q);
  if ('item' in ref) into.items.push(ref.item);
}

export function conditionReferences(
  condition: Condition | undefined,
  into: References = emptyReferences(),
): References {
  if (!condition) return into;
  if ('all' in condition) condition.all.forEach((c) => conditionReferences(c, into));
  else if ('any' in condition) condition.any.forEach((c) => conditionReferences(c, into));
  else if ('not' in condition) conditionReferences(condition.not, into);
  else if ('uncovered' in condition) {
    // `fromIf` speaks of the fields of `from`'s items, not of the item the condition sits in.
    into.coverage.push({ ...condition.uncovered });
    into.questions.push(condition.uncovered.from, condition.uncovered.in);
    if (condition.uncovered.fromIf) into.questions.push(...conditionReferences(condition.uncovered.fromIf).questions);
  } else if ('service' in condition) {
    // refers to the application's chosen services, not to a question
  } else {
    if ('q' in condition) into.questions.push(condition.q);
    if ('item' in condition) into.items.push(condition.item);
    if ('before' in condition) refOf(condition.before, into);
    if ('after' in condition) refOf(condition.after, into);
  }
  return into;
}

export function emptyReferences(): References {
  return { questions: [], items: [], coverage: [] };
}
