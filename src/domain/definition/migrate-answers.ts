/**
 * Moves saved answers from the checklist version they were saved against to the current one,
 * through the checklist's explicit migration map: renamed questions carry their answers across;
 * retired questions' answers are kept aside, never thrown away. Running it again changes nothing.
 */
import type { AnswerValue, Answers } from '@/domain/answers/answer-value';
import type { LoadedChecklist } from './load-checklist';

export type AnswerMigrationStep =
  | { readonly kind: 'renamed'; readonly from: string; readonly to: string; readonly version: number }
  | { readonly kind: 'retired'; readonly id: string; readonly version: number };

export interface MigratedAnswers {
  readonly answers: Answers;
  readonly retired: Readonly<Record<string, AnswerValue>>;
  readonly steps: readonly AnswerMigrationStep[];
  readonly version: number;
}

export function migrateAnswers(
  checklist: LoadedChecklist,
  fromVersion: number,
  answers: Answers,
  retired: Readonly<Record<string, AnswerValue>> = {},
): MigratedAnswers {
  const current = new Map<string, AnswerValue>(Object.entries(answers));
  const kept = new Map<string, AnswerValue>(Object.entries(retired));
  const steps: AnswerMigrationStep[] = [];
  const migrations = [...(checklist.definition.migrations ?? [])].sort((a, b) => a.from - b.from);
  let version = fromVersion;
  for (const migration of migrations) {
    if (migration.from < version) continue;
    for (const [from, to] of Object.entries(migration.renamed ?? {})) {
      const value = current.get(from);
      if (value === undefined) continue;
      if (current.has(to)) kept.set(from, value);
      else current.set(to, value);
      current.delete(from);
      steps.push({ kind: 'renamed', from, to, version: migration.to });
    }
    for (const id of migration.retired ?? []) {
      const value = current.get(id);
      if (value === undefined) continue;
      kept.set(id, value);
      current.delete(id);
      steps.push({ kind: 'retired', id, version: migration.to });
    }
    version = migration.to;
  }
  return {
    answers: Object.fromEntries(current),
    retired: Object.fromEntries(kept),
    steps,
    version: Math.max(version, fromVersion),
  };
}
