/**
 * "Check your answers" for one section: every visible answer with a Change link that returns
 * here, then "Have you completed this section?". Marking it complete needs no blocking issue;
 * if some remain, they are listed as errors linking to their questions.
 */
import { useState } from 'react';
import type { Section } from '@/domain/definition/checklist-schema';
import { evaluate } from '@/domain/rules/evaluate';
import { Radios } from '@/components/nhs/choice-fields';
import { Button } from '@/components/nhs/button';
import { ErrorSummary } from '@/components/nhs/error-summary';
import { BackLink } from '@/components/nhs/messages';
import { href, navigate } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import { useApplicationSession } from '@/components/session/application-session';
import { SaveStatus } from '@/components/session/save-status';
import { AnswerRows } from '@/components/answers/answer-rows';

export function SectionCheckPage({ section }: { readonly section: Section }) {
  const session = useApplicationSession();
  const appId = session.application.id;
  const evaluation = evaluate(session.evaluationInput());
  const marked = session.application.completedSections.includes(section.id);
  const [choice, setChoice] = useState(marked ? 'yes' : '');
  const [submits, setSubmits] = useState(0);
  const [showErrors, setShowErrors] = useState(false);
  const blocking = evaluation.issues.filter((i) => i.sectionId === section.id && i.severity === 'blocking');
  const here = paths.sectionCheck(appId, section.id);
  const errors = showErrors
    ? choice === ''
      ? [{ targetId: 'completed', message: 'Select whether you have completed this section' }]
      : blocking.map((i) => ({ targetId: `fix-${i.questionId}`, message: i.message }))
    : [];
  usePageTitle(`Check your answers: ${section.title}`, errors.length > 0);

  const submit = async () => {
    setSubmits((n) => n + 1);
    if (choice === '' || (choice === 'yes' && blocking.length)) return setShowErrors(true);
    session.setCompleted(section.id, choice === 'yes');
    await session.flush(true);
    navigate(paths.taskList(appId));
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={href(paths.taskList(appId))}>Back to the task list</BackLink>
        <ErrorSummary errors={errors} focusKey={submits} />
        <span className="nhsuk-caption-l">{section.title}</span>
        <h1 className="nhsuk-heading-l">Check your answers</h1>
        {section.scope === 'organisation' ? (
          <p className="nhsuk-body">
            These answers belong to {session.profile.name} and are used in every application it makes.
          </p>
        ) : null}
        <AnswerRows section={section} evaluation={evaluation} returnTo={here} />
        {blocking.length && showErrors ? (
          <>
            <h2 className="nhsuk-heading-m">Still needed before this section is complete</h2>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {blocking.map((i) => (
                <li key={`${i.questionId}-${i.itemId ?? ''}-${i.message}`}>
                  <a
                    id={`fix-${i.questionId}`}
                    href={href(`${paths.page(appId, i.sectionId, i.pageId)}?return=${encodeURIComponent(here)}`)}
                  >
                    {i.message}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <Radios
          id="completed"
          legend="Have you completed this section?"
          error={errors[0]?.targetId === 'completed' ? errors[0].message : undefined}
          items={[
            { value: 'yes', label: 'Yes, I’ve completed this section' },
            { value: 'no', label: 'No, I’ll come back to it later' },
          ]}
          value={choice}
          onChange={setChoice}
        />
        <Button onClick={() => void submit()}>Save and continue</Button>
        <SaveStatus state={session.saveState} />
      </div>
    </div>
  );
}
