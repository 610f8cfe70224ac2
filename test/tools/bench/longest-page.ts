/**
 * The longest wizard page of an application: the page showing the most questions for its answers
 * (follow-ups hidden by its answers are not counted); ties go to a page with a long-text answer
 * (the field people type most into), then to the page with the most questions in the checklist.
 * The field typed into is its long-text question, or else its first text question.
 */
import type { Answers } from '@/domain/answers/answer-value';
import type { Application } from '@/domain/application/application';
import type { QuestionType } from '@/domain/definition/checklist-schema';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { createEvaluator, type EvaluationDates } from '@/domain/rules/evaluator';

export interface LongestPage {
  readonly sectionId: string;
  readonly pageId: string;
  readonly title: string;
  readonly visibleQuestions: number;
  /** The question typed into, its DOM id, and the record that stores its answer. */
  readonly questionId: string;
  readonly domId: string;
  readonly scope: 'organisation' | 'application';
}

const typeable: readonly QuestionType[] = ['longtext', 'text'];

export function longestPage(
  checklist: LoadedChecklist,
  application: Application,
  answers: Answers,
  dates: EvaluationDates,
): LongestPage {
  const evaluator = createEvaluator({ checklist, answers, services: application.services, dates });
  const candidates = checklist.definition.sections
    .filter((section) => evaluator.sectionVisible(section))
    .flatMap((section) =>
      section.pages
        .filter((page) => evaluator.pageVisible(section, page))
        .map((page) => {
          const visible = page.questions.filter((q) => evaluator.questionVisible(q.id));
          const field = visible.find((q) => q.type === 'longtext') ?? visible.find((q) => typeable.includes(q.type));
          return { section, page, visible, field };
        }),
    )
    .filter((c) => c.field !== undefined);
  const score = (c: (typeof candidates)[number]) => [
    c.visible.length,
    c.field?.type === 'longtext' ? 1 : 0,
    c.page.questions.length,
  ];
  const best = candidates.reduce((a, b) => {
    const [sa, sb] = [score(a), score(b)];
    const i = sa.findIndex((v, k) => v !== sb[k]);
    return i >= 0 && (sb[i] ?? 0) > (sa[i] ?? 0) ? b : a;
  });
  const field = best.field;
  if (!field) throw new Error('The application has no page with a text question.');
  return {
    sectionId: best.section.id,
    pageId: best.page.id,
    title: best.page.title,
    visibleQuestions: best.visible.length,
    questionId: field.id,
    domId: field.id.replace(/\./g, '-'),
    scope: best.section.scope,
  };
}
