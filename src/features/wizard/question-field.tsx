/**
 * One question on a page: its control from the registry, follow-ups revealed under options, its
 * help text, the engine's hard fails and warnings for it (shown, but not stopping the user), and
 * "Why we ask this" (its source, in plain words).
 */
import type { ReactNode } from 'react';
import type { AnswerValue } from '@/domain/answers/answer-value';
import type { Question } from '@/domain/definition/checklist-schema';
import type { Evaluator } from '@/domain/rules/evaluator';
import type { Issue } from '@/domain/rules/issues';
import { repeatSource } from '@/domain/rules/people';
import { Details } from '@/components/nhs/messages';
import { EvidenceField } from './evidence-field';
import { fieldRegistry } from './field-registry';
import { IssueCallouts } from './issue-callouts';
import { RegisterChoice } from './register-choice';
import type { FieldProps } from './field-props';
import { RepeatField } from './repeat-field';
import { WhyWeAsk } from './why-we-ask';

export interface QuestionFieldProps {
  readonly question: Question;
  readonly evaluator: Evaluator;
  readonly value: (id: string) => AnswerValue | undefined;
  readonly setValue: (id: string, value: AnswerValue | undefined) => void;
  readonly onBlur: (id: string) => void;
  readonly errorOf: (id: string) => { message: string; part?: string } | undefined;
  readonly issues: readonly Issue[];
  readonly reveals: ReadonlyMap<string, readonly Question[]>;
  readonly asHeading: boolean;
}

export const domIdOf = (questionId: string) => questionId.replace(/\./g, '-');

export function QuestionField(props: QuestionFieldProps) {
  const { question, evaluator, value, setValue, onBlur, errorOf, issues, reveals, asHeading } = props;
  const revealed = new Map<string, ReactNode>();
  for (const [option, children] of reveals) {
    const visible = children.filter((child) => evaluator.questionVisible(child.id));
    if (visible.length)
      revealed.set(
        option,
        visible.map((child) => (
          <QuestionField key={child.id} {...props} question={child} reveals={new Map()} asHeading={false} />
        )),
      );
  }
  const field: FieldProps = {
    question,
    domId: domIdOf(question.id),
    value: value(question.id),
    onChange: (v) => setValue(question.id, v),
    onBlur: () => onBlur(question.id),
    error: errorOf(question.id),
    asHeading,
    options: evaluator.options(question),
    identifierKind: evaluator.identifierKind(question),
    reveals: revealed,
  };
  const own = issues.filter((i) => i.questionId === question.id && !i.itemId && i.severity !== 'blocking');
  return (
    <div className="app-question" id={`question-${field.domId}`}>
      {question.type === 'repeat' ? (
        <RepeatField {...field} issues={issues} evaluator={evaluator} />
      ) : question.type === 'evidence' ? (
        <EvidenceField {...field} />
      ) : (
        fieldRegistry[question.type](field)
      )}
      {repeatSource(question) ? (
        <RegisterChoice question={question} value={field.value} options={field.options} />
      ) : null}
      {question.help ? (
        <Details summary={question.help.summary}>
          {question.help.text.split('\n\n').map((para) => (
            <p key={para}>{para}</p>
          ))}
        </Details>
      ) : null}
      <IssueCallouts issues={own} />
      <WhyWeAsk source={question.source} label={question.label} />
    </div>
  );
}
