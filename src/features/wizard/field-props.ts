/** What every field control receives from the question page. */
import type { ReactNode } from 'react';
import type { AnswerValue } from '@/domain/answers/answer-value';
import type { IdentifierKind, ItemQuestion, Question } from '@/domain/definition/checklist-schema';
import type { ChoiceOption } from '@/domain/rules/evaluator';

export interface FieldProps {
  readonly question: Question | ItemQuestion;
  /** The id of the control (or of its first input), which the error summary links to. */
  readonly domId: string;
  readonly value: AnswerValue | undefined;
  readonly onChange: (value: AnswerValue | undefined) => void;
  readonly onBlur: () => void;
  readonly error?: { readonly message: string; readonly part?: string };
  /** The page's only question is its heading. */
  readonly asHeading: boolean;
  readonly options: readonly ChoiceOption[];
  readonly identifierKind?: IdentifierKind;
  /** Follow-up questions revealed under an option, already rendered. */
  readonly reveals: ReadonlyMap<string, ReactNode>;
}

/** The id to focus for an error: the date's day box or the address part in error. */
export function focusTarget(question: Question | ItemQuestion, domId: string, part?: string): string {
  if (question.type === 'date') return `${domId}-${part ?? 'day'}`;
  if (question.type === 'address') return `${domId}-${part ?? 'line1'}`;
  if (question.type === 'evidence') return `${domId}-file`;
  return domId;
}
