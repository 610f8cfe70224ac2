/**
 * Who a lead can ask for a return: each member practice listed in `bid.members` and each person
 * listed in `coi.declarants`, named as the lists name them, with where each one's return stands.
 * Pure.
 */
import { listedItems, type Answers } from '@/domain/answers/answer-value';
import type { ItemQuestion } from '@/domain/definition/checklist-schema';
import { repeatQuestionOf, type LoadedChecklist } from '@/domain/definition/load-checklist';
import type { ChoiceOption } from '@/domain/rules/evaluator';
import { itemTitleText } from '@/domain/rules/people';
import { returnQuestions, type ReturnSubject, type ReturnType } from './return-format';
import { isOutstanding, returnStatus, type LeadRequest, type ReturnStatus } from './return-record';

export interface SubjectStatus {
  readonly subject: ReturnSubject;
  readonly status: ReturnStatus;
}

/** Every member and declarant in the answers, in list order, members first, with their status. */
export function returnSubjects(
  checklist: LoadedChecklist,
  answers: Answers,
  options: (field: ItemQuestion) => readonly ChoiceOption[],
  requests: readonly LeadRequest[],
  visible: (questionId: string) => boolean = () => true,
): SubjectStatus[] {
  return (Object.keys(returnQuestions) as ReturnType[]).flatMap((type) => {
    const questionId = returnQuestions[type];
    const question = repeatQuestionOf(checklist, questionId);
    if (!question || !visible(questionId)) return [];
    return listedItems(answers[questionId]).map((item, i) => {
      const name =
        itemTitleText(question, item, options) ??
        `${question.itemName.charAt(0).toUpperCase()}${question.itemName.slice(1)} ${i + 1}`;
      const subject: ReturnSubject = { type, questionId, itemId: item.id, name };
      return { subject, status: returnStatus(requests, item.id) };
    });
  });
}

/** The names of those whose return is still outstanding. */
export const outstandingNames = (subjects: readonly SubjectStatus[]): string[] =>
  subjects.filter((s) => isOutstanding(s.status)).map((s) => s.subject.name);
