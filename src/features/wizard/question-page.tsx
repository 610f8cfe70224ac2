/**
 * A page of questions from the checklist. One react-hook-form per page, validated by the rules
 * engine through its resolver; every change is autosaved (invalid drafts too). Continue shows
 * "There is a problem" for blocking issues; "Save and come back later" is always there.
 */
import { useEffect, useMemo } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import type { AnswerValue, Answers } from '@/domain/answers/answer-value';
import type { Page, Section } from '@/domain/definition/checklist-schema';
import { evaluate } from '@/domain/rules/evaluate';
import { engineResolver } from '@/components/forms/engine-resolver';
import { fieldName, questionIdOf } from '@/components/forms/field-names';
import { Button, ButtonGroup } from '@/components/nhs/button';
import { navigate } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useApplicationSession } from '@/components/session/application-session';
import { SaveStatus } from '@/components/session/save-status';
import { errorPart, WizardForm } from './wizard-form';
import { focusTarget } from './field-props';
import { QuestionComments } from '@/components/lmc-review/question-comments';
import { layOutPage } from './page-layout';
import { domIdOf, QuestionField } from './question-field';
import { neighbours } from './section-navigation';

const toAnswers = (values: FieldValues): Record<string, AnswerValue | undefined> =>
  Object.fromEntries(
    Object.entries(values).map(([name, value]) => [questionIdOf(name), value as AnswerValue | undefined]),
  );

export function QuestionPage({
  section,
  page,
  returnTo,
}: {
  readonly section: Section;
  readonly page: Page;
  readonly returnTo?: string;
}) {
  const session = useApplicationSession();
  const defaultValues = useMemo(
    () => Object.fromEntries(page.questions.map((q) => [fieldName(q.id), session.answers[q.id]])),
    // The form starts from the saved answers when the page opens; after that it leads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [page.id],
  );
  const form = useForm<FieldValues>({
    defaultValues,
    mode: 'onSubmit',
    // After the first Continue, a field is checked again as it changes, so a fixed error goes at once.
    reValidateMode: 'onChange',
    resolver: engineResolver({
      issuesFor: (values) =>
        evaluate(session.evaluationInput(toAnswers(values) as Answers), { pageId: page.id }).issues,
      fieldOf: (issue) => fieldName(issue.questionId),
    }),
  });
  const { watch, setValue, handleSubmit, formState } = form;
  const values = watch();

  useEffect(() => {
    const subscription = watch((all) => session.setAnswers(toAnswers(all)));
    return () => subscription.unsubscribe();
  }, [watch, session]);

  // Another tab's answers to questions on this page, merged in: shown in the form at once.
  const { merges } = session;
  useEffect(() => {
    if (merges.count === 0) return;
    for (const question of page.questions)
      if (merges.questionIds.includes(question.id))
        setValue(fieldName(question.id), session.answers[question.id], { shouldDirty: false });
    // Only when a merge happens, not on every change of the answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [merges.count]);

  const live = evaluate(session.evaluationInput(toAnswers(values) as Answers), { pageId: page.id });
  const layout = layOutPage(page).filter((l) => live.evaluator.questionVisible(l.question.id));
  const single = layout.length === 1 && layout[0]?.reveals.size === 0 && layout[0].question.type !== 'evidence';
  const errors = Object.entries(formState.errors).flatMap(([name, error]) => {
    const id = questionIdOf(name);
    const question = session.checklist.questions.get(id)?.question;
    if (!question || !live.evaluator.questionVisible(id) || !error?.message) return [];
    const part = errorPart(error);
    return [{ id, message: String(error.message), part, targetId: focusTarget(question, domIdOf(id), part) }];
  });
  const order = page.questions.map((q) => q.id);
  errors.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  usePageTitle(single && layout[0] ? layout[0].question.label : page.title, errors.length > 0);

  const appId = session.application.id;
  const { previous, next } = neighbours(section, page, live.evaluator);
  const back = previous ? paths.page(appId, section.id, previous.id) : paths.taskList(appId);
  const onValid = async () => {
    await session.flush(true);
    navigate(returnTo ?? (next ? paths.page(appId, section.id, next.id) : paths.sectionCheck(appId, section.id)));
  };
  const saveAndLeave = async () => {
    await session.flush(true);
    navigate(paths.taskList(appId));
  };

  return (
    <WizardForm back={back} errors={errors} onSubmit={(e) => void handleSubmit(onValid)(e)}>
      {single ? (
        <span className="nhsuk-caption-l">{section.title}</span>
      ) : (
        <>
          <span className="nhsuk-caption-l">{section.title}</span>
          <h1 className="nhsuk-heading-l">{page.title}</h1>
        </>
      )}
      {page.intro ? <p className="nhsuk-body">{page.intro}</p> : null}
      <QuestionComments section={section} page={page} />
      {layout.map(({ question, reveals }) => (
        <QuestionField
          key={question.id}
          question={question}
          evaluator={live.evaluator}
          value={(id) => values[fieldName(id)] as AnswerValue | undefined}
          setValue={(id, v) => setValue(fieldName(id), v, { shouldDirty: true, shouldValidate: formState.isSubmitted })}
          onBlur={() => undefined}
          errorOf={(id) => errors.find((e) => e.id === id)}
          issues={live.issues}
          reveals={reveals}
          asHeading={single}
        />
      ))}
      <ButtonGroup>
        <Button type="submit">{returnTo ? 'Save and return' : 'Continue'}</Button>
        <Button variant="secondary" onClick={() => void saveAndLeave()}>
          Save and come back later
        </Button>
      </ButtonGroup>
      <SaveStatus state={session.saveState} />
    </WizardForm>
  );
}
