/**
 * Section status for the task list: not started, in progress, completed, or cannot start yet
 * (a section it depends on is not completed). "Completed" needs the user to have marked it so
 * and no blocking issue left; hard fails do not stop a section being complete (the answer is
 * given), they stop the application qualifying, which readiness reports.
 */
import { hasAnswer } from '@/domain/answers/answer-value';
import type { Section } from '@/domain/definition/checklist-schema';
import type { Evaluation } from './evaluate';

export type SectionStatusKind = 'cannot-start' | 'not-started' | 'in-progress' | 'completed';

export interface SectionProgress {
  readonly section: Section;
  readonly status: SectionStatusKind;
  /** Visible questions answered, of all visible questions. */
  readonly answered: number;
  readonly total: number;
  /** Issues that stop the section being marked complete. */
  readonly blocking: number;
  readonly canComplete: boolean;
}

export function sectionProgress(evaluation: Evaluation, completedSections: readonly string[]): SectionProgress[] {
  const { evaluator, issues, visibleSections } = evaluation;
  const marked = new Set(completedSections);
  const byId = new Map<string, SectionProgress>();
  const result: SectionProgress[] = [];
  for (const section of visibleSections) {
    const questions = section.pages
      .filter((p) => evaluator.pageVisible(section, p))
      .flatMap((p) => p.questions)
      .filter((q) => evaluator.questionVisible(q.id));
    const answered = questions.filter((q) => hasAnswer(evaluator.input.answers[q.id])).length;
    const blocking = issues.filter((i) => i.sectionId === section.id && i.severity === 'blocking').length;
    const canComplete = blocking === 0;
    byId.set(section.id, { section, status: 'not-started', answered, total: questions.length, blocking, canComplete });
  }
  const statusOf = (section: Section, seen: Set<string>): SectionStatusKind => {
    const p = byId.get(section.id);
    if (!p) return 'not-started';
    const waiting = (section.dependsOn ?? []).some((dep) => {
      const depSection = byId.get(dep)?.section;
      return depSection && !seen.has(dep) && statusOf(depSection, new Set([...seen, section.id])) !== 'completed';
    });
    if (waiting) return 'cannot-start';
    if (marked.has(section.id) && p.canComplete) return 'completed';
    return p.answered === 0 && !marked.has(section.id) ? 'not-started' : 'in-progress';
  };
  for (const section of visibleSections) {
    const p = byId.get(section.id);
    if (p) result.push({ ...p, status: statusOf(section, new Set()) });
  }
  return result;
}

/** The share of visible sections completed, for the dashboard. */
export function overallProgress(progress: readonly SectionProgress[]): { completed: number; total: number } {
  return { completed: progress.filter((p) => p.status === 'completed').length, total: progress.length };
}
