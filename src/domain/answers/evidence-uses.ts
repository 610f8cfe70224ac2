/**
 * What each evidence file is for, in words: "your employer's liability certificate", "Oak Surgery:
 * their CQC certificate of registration". Read from where the answers use the file, so
 * that files with the same name can be told apart in the file picker, the evidence page and the
 * lists. Pure.
 */
import type { EvidenceMeta } from '@/domain/application/application';
import type { ItemQuestion, Question } from '@/domain/definition/checklist-schema';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import type { ChoiceOption } from '@/domain/rules/evaluator';
import { itemTitleText, repeatSource } from '@/domain/rules/people';
import { formatDate } from '@/domain/rules/values';
import { isStringList, listedItems, type Answers } from './answer-value';
import { formatFileSize } from './format-answer';

const nounOf = (q: Question | ItemQuestion) => q.noun ?? q.label;

/** For each file id, what the answers use it for (in checklist order, without repeats). */
export function evidenceUses(checklist: LoadedChecklist, answers: Answers): ReadonlyMap<string, readonly string[]> {
  const uses = new Map<string, string[]>();
  const add = (id: string, use: string) => {
    const list = uses.get(id) ?? [];
    if (!list.includes(use)) list.push(use);
    uses.set(id, list);
  };
  for (const { question } of checklist.questions.values()) {
    const value = answers[question.id];
    if (question.type === 'evidence' && isStringList(value)) value.forEach((id) => add(id, nounOf(question)));
    if (question.type !== 'repeat') continue;
    for (const item of listedItems(value)) {
      const owner = itemTitleText(question, item, (field) => personChoices(answers, field)) ?? `a ${question.itemName}`;
      for (const field of question.fields) {
        const files = item.values[field.id];
        if (field.type === 'evidence' && isStringList(files))
          files.forEach((id) => add(id, `${owner}: ${nounOf(field)}`));
      }
    }
  }
  return uses;
}

/** "12 KB, attached 2 December 2026, for your employer's liability certificate". */
export function fileDetails(meta: EvidenceMeta, uses: readonly string[] | undefined): string {
  const parts = [formatFileSize(meta.size), `attached ${formatDate(meta.addedAt.slice(0, 10))}`];
  return uses?.length ? `${parts.join(', ')}, for ${uses.join('; ')}` : `${parts.join(', ')}, not used yet`;
}

/** A field's options when it chooses from a repeat (a person from the register), labelled by name. */
function personChoices(answers: Answers, field: ItemQuestion): ChoiceOption[] {
  const from = repeatSource(field);
  if (!from) return [];
  return listedItems(answers[from.repeat]).flatMap((i) => {
    const label = i.values[from.labelField];
    return typeof label === 'string' ? [{ value: i.id, label }] : [];
  });
}
