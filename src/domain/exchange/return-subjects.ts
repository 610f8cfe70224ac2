/**
 * Who a lead can ask for a return: each member practice listed in `bid.members` and each person
 * listed in `coi.declarants`, named as the lists name them, with where each one's return stands.
 * Also the people and problems a return is about: a person's name from the people register, the
 * organisation's contact (who asks), a declarant's interests, and the blocking issues that concern
 * a return's subject. Pure.
 */
import { listedItems, type Answers, type RepeatItem } from '@/domain/answers/answer-value';
import type { ItemQuestion } from '@/domain/definition/checklist-schema';
import { repeatQuestionOf, type LoadedChecklist } from '@/domain/definition/load-checklist';
import type { ChoiceOption } from '@/domain/rules/evaluator';
import type { Issue } from '@/domain/rules/issues';
import { itemTitleText } from '@/domain/rules/people';
import {
  interestsQuestionId,
  peopleQuestionId,
  returnQuestions,
  type ReturnSubject,
  type ReturnType,
} from './return-format';
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

/** The organisation's contact: a person chosen from the people register, and their email. */
const contactNameQuestionId = 'org.contact-name';
const contactEmailQuestionId = 'org.contact-email';

/**
 * The name of the person `personId` names in the people register; '' when the register has no
 * such person (or the answer is not a person's id, or the name is not text).
 */
export function personName(answers: Answers, personId: unknown): string {
  const person = listedItems(answers[peopleQuestionId]).find((p) => p.id === personId);
  const name = person?.values['name'];
  return typeof name === 'string' ? name : '';
}

/** The contact named in the organisation's answers (the default "asked by" of a request). */
export function contactOf(answers: Answers): { name: string; email: string } {
  const email = answers[contactEmailQuestionId];
  return {
    name: personName(answers, answers[contactNameQuestionId]),
    email: typeof email === 'string' ? email : '',
  };
}

/** The interests listed for one declarant (`coi.declarants` item `declarantId`), in list order. */
export const declarantInterests = (answers: Answers, declarantId: string): RepeatItem[] =>
  listedItems(answers[interestsQuestionId]).filter((i) => i.values['declarant'] === declarantId);

/**
 * The blocking issues that concern a return's subject, which must be put right before it is sent
 * back: those on the item asked for and, for a declarant, those on the interests (the question as
 * a whole, or one of their own interests). A member practice's return holds no interests, so an
 * issue there is not its to fix. Only `blocking` issues: not warnings, nor hard fails.
 */
export function subjectBlockingIssues(
  issues: readonly Issue[],
  answers: Answers,
  subject: Pick<ReturnSubject, 'type' | 'questionId' | 'itemId'>,
): Issue[] {
  const declarant = subject.type === 'declarant';
  const interestIds = new Set(declarant ? declarantInterests(answers, subject.itemId).map((i) => i.id) : []);
  return issues.filter(
    (i) =>
      i.severity === 'blocking' &&
      ((i.questionId === subject.questionId && i.itemId === subject.itemId) ||
        (declarant && i.questionId === interestsQuestionId && (i.itemId === undefined || interestIds.has(i.itemId)))),
  );
}
