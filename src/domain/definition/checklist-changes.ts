/**
 * "What changed" between two versions of the checklist, for one application's answers: questions
 * renamed or moved, retired (with the answer that is kept aside), added and now needing an answer,
 * reworded, and answers that are no longer one of the options. Shown to the user when an
 * application started on an older version is opened.
 */
import { hasAnswer, isStringList, type Answers } from '@/domain/answers/answer-value';
import type { ServiceId } from './checklist-schema';
import type { LoadedChecklist } from './load-checklist';
import { migrateAnswers } from './migrate-answers';
import { createEvaluator, type EvaluationDates } from '@/domain/rules/evaluator';

export type ChecklistChange =
  | { readonly kind: 'renamed'; readonly from: string; readonly to: string; readonly label: string }
  | {
      readonly kind: 'moved';
      readonly id: string;
      readonly label: string;
      readonly fromSection: string;
      readonly toSection: string;
    }
  | { readonly kind: 'retired'; readonly id: string; readonly label: string }
  | { readonly kind: 'added'; readonly id: string; readonly label: string; readonly required: boolean }
  | { readonly kind: 'reworded'; readonly id: string; readonly before: string; readonly after: string }
  | {
      readonly kind: 'option-removed';
      readonly id: string;
      readonly label: string;
      readonly values: readonly string[];
    };

export interface ChangeInput {
  readonly answers: Answers;
  readonly services: readonly ServiceId[];
  readonly dates: EvaluationDates;
}

export function checklistChanges(
  older: LoadedChecklist,
  newer: LoadedChecklist,
  input: ChangeInput,
): ChecklistChange[] {
  const migrated = migrateAnswers(newer, older.definition.version, input.answers);
  const changes: ChecklistChange[] = [];
  const renamedTo = new Set<string>();
  for (const step of migrated.steps) {
    if (step.kind === 'renamed') {
      renamedTo.add(step.to);
      changes.push({
        kind: 'renamed',
        from: step.from,
        to: step.to,
        label: newer.questions.get(step.to)?.question.label ?? step.to,
      });
    } else
      changes.push({ kind: 'retired', id: step.id, label: older.questions.get(step.id)?.question.label ?? step.id });
  }
  for (const [id, entry] of older.questions)
    if (
      !newer.questions.has(id) &&
      hasAnswer(input.answers[id]) &&
      !changes.some((c) => (c.kind === 'renamed' && c.from === id) || (c.kind === 'retired' && c.id === id))
    )
      changes.push({ kind: 'retired', id, label: entry.question.label });

  const ev = createEvaluator({
    checklist: newer,
    answers: migrated.answers,
    services: input.services,
    dates: input.dates,
  });
  for (const [id, entry] of newer.questions) {
    const before = older.questions.get(id);
    const answer = migrated.answers[id];
    if (!before) {
      if (!renamedTo.has(id) && ev.questionVisible(id))
        changes.push({
          kind: 'added',
          id,
          label: entry.question.label,
          required: ev.required(entry.question) && !hasAnswer(answer),
        });
      continue;
    }
    if (!hasAnswer(answer)) continue;
    if (before.section.id !== entry.section.id)
      changes.push({
        kind: 'moved',
        id,
        label: entry.question.label,
        fromSection: before.section.title,
        toSection: entry.section.title,
      });
    if (before.question.label !== entry.question.label)
      changes.push({ kind: 'reworded', id, before: before.question.label, after: entry.question.label });
    const offered = ev.options(entry.question).map((o) => o.value);
    if (
      offered.length &&
      (entry.question.type === 'radios' || entry.question.type === 'checkboxes') &&
      !entry.question.optionsFrom
    ) {
      const chosen = isStringList(answer) ? answer : typeof answer === 'string' ? [answer] : [];
      const gone = chosen.filter((v) => !offered.includes(v));
      if (gone.length) changes.push({ kind: 'option-removed', id, label: entry.question.label, values: gone });
    }
  }
  return changes;
}
