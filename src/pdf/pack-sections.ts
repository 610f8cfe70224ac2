/**
 * Which questions the pack shows, how they are numbered, and the blocks of a section. A question
 * is shown when it is visible (hidden and not-applicable questions are left out) and answered;
 * in a draft an unanswered one is shown too, as "Not answered". Sections are numbered in
 * checklist order, questions within their section ("3.4"). Also finds, in pack order, every use
 * of every evidence file, for the evidence schedule.
 */
import { hasAnswer, isRepeatItems, isStringList } from '@/domain/answers/answer-value';
import type { Page, Question, Section } from '@/domain/definition/checklist-schema';
import type { Evaluation } from '@/domain/rules/evaluate';
import type { ItemScope } from '@/domain/rules/evaluator';
import { itemTitle, packValue, type AnswerContext } from './pack-answers';
import type { PackBlock } from './pack-types';

export interface ShownQuestion {
  readonly section: Section;
  readonly page: Page;
  readonly question: Question;
  readonly number: string;
}

export interface Numbering {
  readonly sections: ReadonlyMap<string, number>;
  /** Shown questions by id, in pack order. */
  readonly questions: ReadonlyMap<string, ShownQuestion>;
}

export function numberQuestions(evaluation: Evaluation, draft: boolean): Numbering {
  const { evaluator, visibleSections } = evaluation;
  const sections = new Map<string, number>();
  const questions = new Map<string, ShownQuestion>();
  visibleSections.forEach((section, s) => {
    sections.set(section.id, s + 1);
    let n = 0;
    for (const page of section.pages) {
      if (!evaluator.pageVisible(section, page)) continue;
      for (const question of page.questions) {
        if (!evaluator.questionVisible(question.id)) continue;
        if (!draft && !hasAnswer(evaluator.value(question.id))) continue;
        n += 1;
        questions.set(question.id, { section, page, question, number: `${s + 1}.${n}` });
      }
    }
  });
  return { sections, questions };
}

/** "3.4 Label" for a shown question. */
export const questionRef = (shown: ShownQuestion) => `${shown.number} ${shown.question.label}`;

/** The blocks of a section: each visible page's title, then its shown questions. */
export function sectionBlocks(
  section: Section,
  numbering: Numbering,
  ctx: AnswerContext,
  skip: ReadonlySet<string> = new Set(),
): PackBlock[] {
  const blocks: PackBlock[] = [];
  for (const page of section.pages) {
    const shown = page.questions.flatMap((q) => {
      const entry = numbering.questions.get(q.id);
      return entry && !skip.has(q.id) ? [entry] : [];
    });
    if (shown.length === 0) continue;
    if (page.title !== section.title) blocks.push({ kind: 'heading', text: page.title });
    for (const { question, number } of shown)
      blocks.push({
        kind: 'question',
        id: question.id,
        number,
        label: question.label,
        value: packValue(question, ctx),
      });
  }
  return blocks;
}

/**
 * Every evidence file used by a shown answer, in pack order, with the questions it supports.
 * Uses by items of a repeating group are grouped: "10.3 Label – Field: Riverside Surgery, …".
 */
export function evidenceUses(evaluation: Evaluation, numbering: Numbering): Map<string, string[]> {
  const { evaluator } = evaluation;
  const uses = new Map<string, Map<string, string[]>>();
  const use = (id: string, where: string, item?: string) => {
    const places = uses.get(id) ?? new Map<string, string[]>();
    const items = places.get(where) ?? [];
    if (item !== undefined && !items.includes(item)) items.push(item);
    places.set(where, items);
    uses.set(id, places);
  };
  for (const shown of numbering.questions.values()) {
    const { question } = shown;
    const value = evaluator.value(question.id);
    if (question.type === 'evidence' && isStringList(value)) value.forEach((id) => use(id, questionRef(shown)));
    if (question.type !== 'repeat' || !isRepeatItems(value)) continue;
    value.forEach((item, index) => {
      const scope: ItemScope = { repeat: question, values: item.values };
      const name = itemTitle(question, item, index, evaluator).replace(/^[^:]*: /, '');
      for (const field of question.fields) {
        const files = item.values[field.id];
        if (field.type !== 'evidence' || !evaluator.fieldVisible(field, scope) || !isStringList(files)) continue;
        files.forEach((id) => use(id, `${questionRef(shown)} – ${field.label}`, name));
      }
    });
  }
  return new Map(
    [...uses].map(([id, places]) => [
      id,
      [...places].map(([where, items]) => (items.length ? `${where}: ${items.join(', ')}` : where)),
    ]),
  );
}
