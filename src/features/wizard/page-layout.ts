/**
 * How a page's questions are laid out: a follow-up question whose condition is "an earlier
 * question on this page has this answer" is revealed beneath that option (the NHS conditional
 * reveal pattern); every other question stands on its own, in checklist order.
 */
import type { Page, Question } from '@/domain/definition/checklist-schema';

export interface LaidOutQuestion {
  readonly question: Question;
  /** Option value → follow-up questions revealed under it. */
  readonly reveals: ReadonlyMap<string, readonly Question[]>;
}

export function layOutPage(page: Page): LaidOutQuestion[] {
  const byId = new Map(page.questions.map((q) => [q.id, q]));
  const nestedUnder = new Map<string, { parent: string; option: string }>();
  page.questions.forEach((q, index) => {
    const c = q.showIf;
    if (!c || !('q' in c)) return;
    const parent = byId.get(c.q);
    if (!parent || page.questions.indexOf(parent) >= index || nestedUnder.has(parent.id)) return;
    if (!['yesno', 'radios', 'checkboxes'].includes(parent.type) || q.type === 'repeat') return;
    const option = 'equals' in c && typeof c.equals === 'string' ? c.equals : 'includes' in c ? c.includes : undefined;
    if (option !== undefined) nestedUnder.set(q.id, { parent: parent.id, option });
  });
  return page.questions
    .filter((q) => !nestedUnder.has(q.id))
    .map((question) => {
      const reveals = new Map<string, Question[]>();
      for (const [childId, { parent, option }] of nestedUnder) {
        const child = byId.get(childId);
        if (parent === question.id && child) reveals.set(option, [...(reveals.get(option) ?? []), child]);
      }
      return { question, reveals };
    });
}
