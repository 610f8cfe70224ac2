/** Which visible page comes before and after this one within its section. */
import type { Page, Section } from '@/domain/definition/checklist-schema';
import type { Evaluator } from '@/domain/rules/evaluator';

export function visiblePages(section: Section, evaluator: Evaluator): Page[] {
  return section.pages.filter(
    (p) => evaluator.pageVisible(section, p) && p.questions.some((q) => evaluator.questionVisible(q.id)),
  );
}

export function neighbours(section: Section, page: Page, evaluator: Evaluator): { previous?: Page; next?: Page } {
  const pages = visiblePages(section, evaluator);
  const index = pages.findIndex((p) => p.id === page.id);
  return { previous: index > 0 ? pages[index - 1] : undefined, next: index >= 0 ? pages[index + 1] : undefined };
}
