/**
 * A return against the application: what it would change, field by field, and the answers once
 * the lead accepts it. A field the lead left empty is filled from the return; a field the lead
 * answered differently changes only if the lead chooses the return's answer; a declarant's
 * interests replace or join the lead's only by choice. Nothing typed is overwritten without a
 * choice. Pure; the caller supplies option labels and evidence names.
 */
import {
  hasAnswer,
  listedItems,
  type AnswerValue,
  type Answers,
  type ItemValue,
  type RepeatItem,
} from '@/domain/answers/answer-value';
import { formatAnswer } from '@/domain/answers/format-answer';
import type { ItemQuestion, RepeatQuestion } from '@/domain/definition/checklist-schema';
import type { ChoiceOption } from '@/domain/rules/evaluator';
import { itemTitleText } from '@/domain/rules/people';
import { interestsQuestionId, type ReturnFile } from './return-format';
import { declarantInterests } from './return-subjects';

export interface ReturnChange {
  /** The item's field id, or `interests` for a declarant's interests. */
  readonly fieldId: string;
  readonly label: string;
  readonly yours: readonly string[];
  readonly theirs: readonly string[];
  /** `fill`: the application has no answer, so the return's is used; `choose`: the lead decides. */
  readonly kind: 'fill' | 'choose';
}

export interface ReturnContext {
  readonly options: (field: ItemQuestion) => readonly ChoiceOption[];
  /** Names of the application's evidence files. */
  readonly yourEvidence: (id: string) => string | undefined;
}

export type Choice = 'yours' | 'theirs';
export const interestsChoiceId = 'interests';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const answered = (v: ItemValue | undefined) => hasAnswer(v);

/** The lead's item for the return's subject, if the application still has it. */
export function currentItem(answers: Answers, file: Pick<ReturnFile, 'subject'>): RepeatItem | undefined {
  return listedItems(answers[file.subject.questionId]).find((i) => i.id === file.subject.itemId);
}

function interestLine(question: RepeatQuestion, item: RepeatItem, ctx: ReturnContext): string {
  const name = itemTitleText(question, item, ctx.options) ?? 'Interest';
  const type = question.fields.find((f) => f.id === 'type');
  const kind = type ? formatAnswer(type, item.values['type'], { options: ctx.options(type) }).join('') : '';
  return kind ? `${name} (${kind})` : name;
}

/** Each field the return would change, in the question's order. */
export function returnChanges(
  question: RepeatQuestion,
  interests: RepeatQuestion | undefined,
  answers: Answers,
  file: ReturnFile,
  ctx: ReturnContext,
): ReturnChange[] {
  const current = currentItem(answers, file)?.values ?? {};
  // A file the return did not bring is the lead's own, prefilled in the request.
  const theirEvidence = (id: string) => file.evidence.find((e) => e.meta.id === id)?.meta.name ?? ctx.yourEvidence(id);
  const words = (field: ItemQuestion, value: ItemValue | undefined, evidence: (id: string) => string | undefined) =>
    field.type === 'evidence'
      ? formatAnswer(field, value, { options: [], evidenceName: evidence })
      : formatAnswer(field, value, { options: ctx.options(field) });
  const changes: ReturnChange[] = [];
  for (const field of question.fields) {
    const yours = current[field.id];
    const theirs = file.item.values[field.id];
    const yourWords = words(field, yours, ctx.yourEvidence);
    const theirWords = words(field, theirs, theirEvidence);
    if (!answered(theirs) && !answered(yours)) continue;
    if (field.type === 'evidence' ? same(yourWords, theirWords) && answered(yours) : same(yours, theirs)) continue;
    changes.push({
      fieldId: field.id,
      label: field.label,
      yours: yourWords,
      theirs: theirWords,
      kind: answered(yours) ? 'choose' : 'fill',
    });
  }
  if (interests && file.subject.type === 'declarant') {
    const yours = declarantInterests(answers, file.subject.itemId);
    const yourLines = yours.map((i) => interestLine(interests, i, ctx));
    const theirLines = file.interests.map((i) => interestLine(interests, i, ctx));
    if (
      !same(
        yours.map((i) => i.values),
        file.interests.map((i) => i.values),
      ) &&
      theirLines.length + yourLines.length
    )
      changes.push({
        fieldId: interestsChoiceId,
        label: 'Their interests',
        yours: yourLines,
        theirs: theirLines,
        kind: yours.length ? 'choose' : 'fill',
      });
  }
  return changes;
}

/** The choices still to make before the return can be accepted. */
export const unchosen = (changes: readonly ReturnChange[], choices: Readonly<Record<string, Choice>>) =>
  changes.filter((c) => c.kind === 'choose' && !choices[c.fieldId]);

/**
 * The return's evidence ids as stored here: a file it brought maps to the id it was stored under;
 * an id it did not bring is the lead's own file, prefilled in the request, and stays.
 */
function mapEvidence(
  question: RepeatQuestion,
  values: Readonly<Record<string, ItemValue>>,
  ids: ReadonlyMap<string, string>,
  brought: ReadonlySet<string>,
) {
  const out: Record<string, ItemValue> = { ...values };
  for (const field of question.fields) {
    const value = values[field.id];
    if (field.type === 'evidence' && Array.isArray(value))
      out[field.id] = (value as readonly string[]).flatMap((id) => {
        const mapped = brought.has(id) ? ids.get(id) : id;
        return mapped ? [mapped] : [];
      });
  }
  return out;
}

/**
 * The answers to save once the lead accepts `file` with `choices` (every `choose` change chosen).
 * `evidenceIds` maps each of the return's evidence ids to the id it was stored under here.
 * For `interests`, `theirs` replaces the declarant's interests and `yours` keeps them and adds theirs.
 */
export function acceptedAnswers(
  question: RepeatQuestion,
  answers: Answers,
  file: ReturnFile,
  changes: readonly ReturnChange[],
  choices: Readonly<Record<string, Choice>>,
  evidenceIds: ReadonlyMap<string, string>,
): Record<string, AnswerValue> {
  const existing = currentItem(answers, file);
  const brought = new Set(file.evidence.map((e) => e.meta.id));
  const theirs = mapEvidence(question, file.item.values, evidenceIds, brought);
  const values: Record<string, ItemValue> = { ...(existing?.values ?? {}) };
  for (const change of changes) {
    if (change.fieldId === interestsChoiceId) continue;
    if (change.kind === 'choose' && choices[change.fieldId] !== 'theirs') continue;
    const value = theirs[change.fieldId];
    if (value === undefined) Reflect.deleteProperty(values, change.fieldId);
    else values[change.fieldId] = value;
  }
  const item: RepeatItem = { id: file.subject.itemId, values };
  const all = Array.isArray(answers[question.id]) ? listedItems(answers[question.id]) : [];
  const pending = (answers[question.id] as readonly RepeatItem[] | undefined)?.filter((i) => i.pending) ?? [];
  const items = existing ? all.map((i) => (i.id === item.id ? item : i)) : [...all, item];
  const patch: Record<string, AnswerValue> = { [question.id]: [...items, ...pending] };
  if (file.subject.type === 'declarant' && changes.some((c) => c.fieldId === interestsChoiceId)) {
    const keepYours = choices[interestsChoiceId] === 'yours';
    const allInterests = Array.isArray(answers[interestsQuestionId])
      ? (answers[interestsQuestionId] as readonly RepeatItem[])
      : [];
    const mine = (i: RepeatItem) => i.values['declarant'] === file.subject.itemId;
    // An interest of another person keeps its id: a returned one that uses it gets a new id.
    const others = new Set(allInterests.filter((i) => !mine(i)).map((i) => i.id));
    const theirs = file.interests.map((i, n) => (others.has(i.id) ? { ...i, id: `return-${file.id}-${n + 1}` } : i));
    const theirIds = new Set(theirs.map((i) => i.id));
    const kept = allInterests.filter((i) => !mine(i) || (keepYours && !theirIds.has(i.id)));
    patch[interestsQuestionId] = [...kept, ...theirs];
  }
  return patch;
}
