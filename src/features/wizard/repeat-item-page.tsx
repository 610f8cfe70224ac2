/**
 * Adding or changing one item of a repeating group, on its own page: one react-hook-form over the
 * item's fields, validated by the engine (the item is evaluated in place within the answers).
 * The item is saved into the group as the user types.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import { isRepeatItems, type ItemValue, type RepeatItem } from '@/domain/answers/answer-value';
import type { Page, RepeatQuestion, Section } from '@/domain/definition/checklist-schema';
import { evaluate } from '@/domain/rules/evaluate';
import { engineResolver } from '@/components/forms/engine-resolver';
import { Button, ButtonGroup } from '@/components/nhs/button';
import { Details } from '@/components/nhs/messages';
import { navigate } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { useApplicationSession } from '@/components/session/application-session';
import { SaveStatus } from '@/components/session/save-status';
import { EvidenceField } from './evidence-field';
import { errorPart, WizardForm } from './wizard-form';
import { focusTarget, type FieldProps } from './field-props';
import { fieldRegistry } from './field-registry';
import { itemTitle } from './repeat-field';

const renderField = (props: FieldProps) =>
  props.question.type === 'evidence' ? (
    <EvidenceField {...props} />
  ) : props.question.type === 'repeat' ? null : (
    fieldRegistry[props.question.type](props)
  );

export function RepeatItemPage({
  section,
  page,
  question,
  itemId,
}: {
  readonly section: Section;
  readonly page: Page;
  readonly question: RepeatQuestion;
  readonly itemId: string;
}) {
  const session = useApplicationSession();
  const { newId } = useAppServices();
  const [id] = useState(() => (itemId === 'new' ? newId() : itemId));
  const items = useMemo(() => {
    const value = session.answers[question.id];
    return isRepeatItems(value) ? value : [];
  }, [session.answers, question.id]);
  const existing = items.find((i) => i.id === id);
  const index = existing ? items.indexOf(existing) : items.length;
  const initial = useRef(existing?.values ?? {});

  const withItem = (values: FieldValues) => {
    const item: RepeatItem = { id, values: values as Record<string, ItemValue> };
    const next = items.some((i) => i.id === id) ? items.map((i) => (i.id === id ? item : i)) : [...items, item];
    return { [question.id]: next };
  };
  const form = useForm<FieldValues>({
    defaultValues: initial.current,
    resolver: engineResolver({
      issuesFor: (values) =>
        evaluate(session.evaluationInput(withItem(values)), { pageId: page.id }).issues.filter((i) => i.itemId === id),
      fieldOf: (issue) => issue.fieldId ?? '',
    }),
  });
  const { watch, setValue, handleSubmit, formState } = form;
  const values = watch();
  useEffect(() => {
    const sub = watch((all) => {
      if (Object.values(all).some((v) => v !== undefined && v !== '')) session.setAnswers(withItem(all));
    });
    return () => sub.unsubscribe();
    // withItem closes over the latest items through the session's render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [watch, session]);

  const live = evaluate(session.evaluationInput(withItem(values)), { pageId: page.id });
  const scope = { repeat: question, values: values as Record<string, ItemValue> };
  const errors = question.fields.flatMap((field) => {
    const error = formState.errors[field.id];
    if (!error?.message || !live.evaluator.fieldVisible(field, scope)) return [];
    const part = errorPart(error);
    return [
      { id: field.id, message: String(error.message), part, targetId: focusTarget(field, `item-${field.id}`, part) },
    ];
  });
  const name = existing ? itemTitle(question, existing, index) : `a ${question.itemName}`;
  const title = existing ? `Change ${name}` : `Add ${name}`;
  usePageTitle(title, errors.length > 0);
  const back = paths.page(session.application.id, section.id, page.id);
  const onValid = async () => {
    session.setAnswers(withItem(form.getValues()));
    await session.flush(true);
    navigate(back);
  };

  return (
    <WizardForm back={back} errors={errors} onSubmit={(e) => void handleSubmit(onValid)(e)}>
      <span className="nhsuk-caption-l">{question.label}</span>
      <h1 className="nhsuk-heading-l">{title}</h1>
      {question.fields
        .filter((field) => live.evaluator.fieldVisible(field, scope))
        .map((field) => {
          const issues = live.issues.filter(
            (i) => i.itemId === id && i.fieldId === field.id && i.severity !== 'blocking',
          );
          return (
            <div className="app-question" key={field.id}>
              {renderField({
                question: field,
                domId: `item-${field.id}`,
                value: values[field.id] as ItemValue | undefined,
                onChange: (v) => setValue(field.id, v),
                onBlur: () => undefined,
                error: errors.find((e) => e.id === field.id),
                asHeading: false,
                options: live.evaluator.options(field),
                identifierKind: live.evaluator.identifierKind(field, scope),
                reveals: new Map(),
              })}
              {field.help ? (
                <Details summary={field.help.summary}>
                  <p>{field.help.text}</p>
                </Details>
              ) : null}
              {issues.map((issue) => (
                <div className="nhsuk-inset-text app-warning" key={issue.checkId ?? issue.message}>
                  <span className="nhsuk-u-visually-hidden">Warning: </span>
                  <p>{issue.message}</p>
                </div>
              ))}
            </div>
          );
        })}
      <ButtonGroup>
        <Button type="submit">Save {question.itemName}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            // A new item that is cancelled is not kept; a changed one keeps what was typed.
            if (itemId === 'new') session.setAnswers({ [question.id]: items.filter((i) => i.id !== id) });
            navigate(back);
          }}
        >
          Cancel
        </Button>
      </ButtonGroup>
      <SaveStatus state={session.saveState} />
    </WizardForm>
  );
}
