/**
 * Readiness: is the application ready to export as a final pack? Lists every hard fail (the bid
 * cannot qualify), every blocking issue (must be fixed first) and every warning, in checklist
 * order, each pointing at its question.
 */
import type { Evaluation } from './evaluate';
import type { Issue } from './issues';

export interface Readiness {
  readonly ready: boolean;
  readonly hardFails: readonly Issue[];
  readonly blocking: readonly Issue[];
  readonly warnings: readonly Issue[];
}

export function readiness(evaluation: Evaluation): Readiness {
  const { issues } = evaluation;
  const hardFails = issues.filter((i) => i.severity === 'hard-fail');
  const blocking = issues.filter((i) => i.severity === 'blocking');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return { ready: hardFails.length === 0 && blocking.length === 0, hardFails, blocking, warnings };
}
