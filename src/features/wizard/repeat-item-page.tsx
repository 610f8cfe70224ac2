/**
 * Adding or changing one item of a repeating group, on its own page ("add another" pattern): one
 * react-hook-form over the item's fields, validated by the engine (the item is evaluated in place
 * within the answers).
 *
 * A new item keeps one id from the moment it is created (the address names it, so a reload comes
 * back to it). What is typed is saved as the user types, but a new item stays out of the list
 * (`pending`) until the user saves it: "Save" when it has no blocking problem, or "Save and come
 * back later" once it has its name, which lists it as incomplete. A refused Save changes nothing
 * in the list. An item already in the list is changed in place.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import {
  hasAnswer,
  isRepeatItems,
  type Answers,
  type ItemValue,
  type RepeatItem,
  listedItems,
} from '@/domain/answers/answer-value';
import type { Page, RepeatQuestion, Section } from '@/domain/definition/checklist-schema';
import { evaluate } from '@/domain/rules/evaluate';
import { fieldNoun } from '@/domain/rules/item-status';
import { copiedFromChosen, repeatSource } from '@/domain/rules/people';
import { engineResolver } from '@/components/forms/engine-resolver';
import { Button, ButtonGroup } from '@/components/nhs/button';
import { Details } from '@/components/nhs/messages';
import { navigate } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useApplicationSession } from '@/components/session/application-session';
import { SaveStatus } from '@/components/session/save-status';
import { EvidenceField } from './evidence-field';
import { errorPart, submitAction, WizardForm } from './wizard-form';
import { focusTarget, type FieldProps } from './field-props';
import { fieldRegistry } from './field-registry';
import { IssueCallouts } from './issue-callouts';
import { RegisterChoice } from './register-choice';
import { itemTitle, withArticle } from './repeat-field';
import { WhyWeAsk } from './why-we-ask';

const renderField = (props: FieldProps) =>
  props.question.type === 'evidence' ? (
    <EvidenceField {...props} />
  ) : props.question.type === 'repeat' ? null : (
    fieldRegistry[props.question.type](props)
  );

/** A new item opened with its name given ("add a declaration for Dr Ann Lee"), and what that copies. */
function prefilled(question: RepeatQuestion, name: string, answers: Answers): Record<string, ItemValue> {
  const field = question.fields.find((f) => f.id === question.titleField);
  const copied = field ? copiedFromChosen(question, field, name, answers, {}) : {};
  return { ...copied, [question.titleField]: name };
}

export function RepeatItemPage({
  section,
  page,
  question,
  itemId: id,
  returnTo,
  name,
}: {
  readonly section: Section;
  readonly page: Page;
  readonly question: RepeatQuestion;
  readonly itemId: string;
  /** Where Save and Cancel go (an "add a person" link from another page), else the list. */
  readonly returnTo?: string;
  /** A new item's title field, given by the link that opened it ("add Dr Ann Lee"). */
  readonly name?: string;
}) {
  const session = useApplicationSession();
  const all = useMemo(() => {
    const value = session.answers[question.id];
    return isRepeatItems(value) ? value : [];
  }, [session.answers, question.id]);
  // Read by the autosave subscription, which outlives a render.
  const latest = useRef(all);
  latest.current = all;
  const existing = all.find((i) => i.id === id);
  const [listed, setListed] = useState(() => !!existing && !existing.pending);
  // After the first Save, each field is checked again as it changes, so fixed errors go at once.
  const [checked, setChecked] = useState(false);
  const listedRef = useRef(listed);
  listedRef.current = listed;
  const position = listed && existing ? listedItems(all).indexOf(existing) : listedItems(all).length;
  const initial = useRef(existing?.values ?? (name ? prefilled(question, name, session.answers) : {}));

  const withItem = (values: FieldValues, inList: boolean) => {
    const item: RepeatItem = inList
      ? { id, values: values as Record<string, ItemValue> }
      : { id, values: values as Record<string, ItemValue>, pending: true };
    const items = latest.current;
    const next = items.some((i) => i.id === id) ? items.map((i) => (i.id === id ? item : i)) : [...items, item];
    return { [question.id]: next };
  };
  // The engine sees the item as listed, so that its problems are found while it is being added.
  const evaluation = (values: FieldValues) =>
    evaluate(session.evaluationInput(withItem(values, true)), { pageId: page.id });
  const form = useForm<FieldValues>({
    defaultValues: initial.current,
    reValidateMode: 'onChange',
    resolver: engineResolver({
      issuesFor: (values) => evaluation(values).issues.filter((i) => i.itemId === id),
      fieldOf: (issue) => issue.fieldId ?? '',
    }),
  });
  const { watch, setValue, handleSubmit, formState } = form;
  const values = watch();
  useEffect(() => {
    const sub = watch((typed) => {
      if (Object.values(typed).some((v) => hasAnswer(v as ItemValue | undefined)) || listedRef.current)
        session.setAnswers(withItem(typed, listedRef.current));
    });
    return () => sub.unsubscribe();
    // withItem reads the latest items and listed state through refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [watch, session]);

  const live = evaluation(values);
  const scope = { repeat: question, values: values as Record<string, ItemValue> };
  const errors = question.fields.flatMap((field) => {
    const error = formState.errors[field.id];
    if (!error?.message || !live.evaluator.fieldVisible(field, scope)) return [];
    const part = errorPart(error);
    return [
      { id: field.id, message: String(error.message), part, targetId: focusTarget(field, `item-${field.id}`, part) },
    ];
  });
  const title =
    listed && existing
      ? `Change ${itemTitle(question, existing, position, live.evaluator.options)}`
      : `Add ${withArticle(question.itemName)}`;
  usePageTitle(title, errors.length > 0);
  const list = paths.page(session.application.id, section.id, page.id);
  const back = returnTo ?? list;

  /** Choosing a person fills this item's register and number from the register, where still empty. */
  const copyFromChosen = (field: (typeof question.fields)[number], chosen: unknown) => {
    const copied = copiedFromChosen(question, field, chosen, session.answers, form.getValues());
    for (const [fieldId, v] of Object.entries(copied)) setValue(fieldId, v);
  };

  const saveToList = async () => {
    setListed(true);
    session.setAnswers(withItem(form.getValues(), true));
    await session.flush(true);
    navigate(back);
  };
  // "Save and come back later" needs only the item's name; the rest can follow.
  const saveForLater = () => {
    const titleField = question.fields.find((f) => f.id === question.titleField);
    if (hasAnswer(form.getValues(question.titleField) as ItemValue | undefined)) {
      form.clearErrors();
      void saveToList();
      return;
    }
    form.clearErrors();
    form.setError(question.titleField, {
      type: 'required',
      message: `Enter ${titleField ? fieldNoun(titleField) : 'a name'} to save this ${question.itemName} and come back to it later`,
    });
  };

  return (
    <WizardForm
      back={back}
      errors={errors}
      onSubmit={(e) => {
        setChecked(true);
        if (submitAction(e) === 'later') {
          e.preventDefault();
          saveForLater();
        } else void handleSubmit(saveToList)(e);
      }}
    >
      <span className="nhsuk-caption-l">{question.label}</span>
      <h1 className="nhsuk-heading-l">{title}</h1>
      {question.fields
        .filter((field) => live.evaluator.fieldVisible(field, scope))
        .map((field) => (
          <div className="app-question" key={field.id}>
            {renderField({
              question: field,
              domId: `item-${field.id}`,
              value: values[field.id] as ItemValue | undefined,
              onChange: (v) => {
                setValue(field.id, v, { shouldValidate: checked });
                copyFromChosen(field, v);
              },
              onBlur: () => undefined,
              error: errors.find((e) => e.id === field.id),
              asHeading: false,
              options: live.evaluator.options(field),
              identifierKind: live.evaluator.identifierKind(field, scope),
              reveals: new Map(),
            })}
            {repeatSource(field) ? (
              <RegisterChoice
                question={field}
                value={values[field.id] as ItemValue | undefined}
                options={live.evaluator.options(field)}
              />
            ) : null}
            {field.help ? (
              <Details summary={field.help.summary}>
                <p>{field.help.text}</p>
              </Details>
            ) : null}
            <IssueCallouts issues={live.issues.filter((i) => i.itemId === id && i.fieldId === field.id)} />
            <WhyWeAsk source={field.source} label={field.label} />
          </div>
        ))}
      <ButtonGroup>
        <Button type="submit">Save {question.itemName}</Button>
        <Button type="submit" variant="secondary" name="action" value="later">
          Save and come back later
        </Button>
        {listed ? null : (
          <Button
            variant="secondary"
            onClick={() => {
              // A new item that is cancelled is not kept.
              session.setAnswers({ [question.id]: latest.current.filter((i) => i.id !== id) });
              navigate(back);
            }}
          >
            Cancel
          </Button>
        )}
      </ButtonGroup>
      <SaveStatus state={session.saveState} />
    </WizardForm>
  );
}
