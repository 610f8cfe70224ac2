/**
 * Checking one imported return before it changes anything: who sent it and when, each answer it
 * would change beside what the application holds now, the files it brings with their SHA-256,
 * and a choice for every answer the lead typed differently ("keep yours" or "use theirs").
 * "Accept this return" stores its files, fills the member's or declarant's item, and records the
 * acceptance; "Do not use this return" records that and changes nothing else.
 */
import { useState } from 'react';
import {
  acceptedAnswers,
  interestsChoiceId,
  returnChanges,
  unchosen,
  type Choice,
} from '@/domain/exchange/apply-return';
import { formatFileSize } from '@/domain/answers/format-answer';
import { repeatQuestionOf } from '@/domain/definition/load-checklist';
import { interestsQuestionId } from '@/domain/exchange/return-format';
import { returnStatus } from '@/domain/exchange/return-record';
import { evaluate } from '@/domain/rules/evaluate';
import { Button, ButtonGroup } from '@/components/nhs/button';
import { Radios } from '@/components/nhs/choice-fields';
import { ErrorSummary } from '@/components/nhs/error-summary';
import { BackLink, InsetText, NotificationBanner } from '@/components/nhs/messages';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths } from '@/components/routing/paths';
import type { RouteProps } from '@/components/routing/route-props';
import { useAppServices } from '@/components/services/app-services';
import { useApplicationSession } from '@/components/session/application-session';
import { longDay } from '@/components/session/dates';
import { DifferenceTable } from '@/components/session/difference-table';
import { statusWords } from '@/components/member-returns/return-status';
import { leadRequests, useReturns } from '@/components/member-returns/use-returns';

export function CheckReturnPage({ params }: RouteProps) {
  const session = useApplicationSession();
  const services = useAppServices();
  const returns = useReturns();
  const appId = session.application.id;
  const request = leadRequests(returns, appId).find((r) => r.requestId === params.requestId);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [submitted, setSubmitted] = useState(0);
  const [showErrors, setShowErrors] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const name = request?.subject.name ?? 'a member';
  usePageTitle(`Check the return from ${name}`, showErrors);
  const back = <BackLink href={href(paths.returns(appId))}>Back to returns</BackLink>;

  if (returns.kind === 'loading') return back;
  const file = request?.received?.file;
  const question = request ? repeatQuestionOf(session.checklist, request.subject.questionId) : undefined;
  if (!request || !question || (!file && !outcome)) {
    return (
      <>
        {back}
        <h1 className="nhsuk-heading-l">{request ? `The return from ${name}` : 'Return not found'}</h1>
        <p className="nhsuk-body">
          {request
            ? statusWords(returnStatus([request], request.subject.itemId)).text
            : 'This return is not on this computer. Import it from “Returns from members and declarants”.'}
        </p>
      </>
    );
  }
  const interests = repeatQuestionOf(session.checklist, interestsQuestionId);
  const { evaluator } = evaluate(session.evaluationInput());
  const yourEvidence = (id: string) => session.evidence.find((e) => e.id === id)?.name;
  const changes = file
    ? returnChanges(question, interests, session.answers, file, { options: evaluator.options, yourEvidence })
    : [];
  const missing = unchosen(changes, choices);
  const errors = showErrors
    ? missing.map((c) => ({ targetId: `choice-${c.fieldId}`, message: `Choose which answer to keep for “${c.label}”` }))
    : [];

  const accept = async () => {
    if (!file) return;
    if (missing.length) {
      setShowErrors(true);
      setSubmitted((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const stored = await services.returns.storeEvidence(session.profile.id, file);
      if (!stored.ok) {
        setOutcome({ ok: false, text: stored.message });
        return;
      }
      session.setAnswers(acceptedAnswers(question, session.answers, file, changes, choices, stored.ids));
      await session.flush(true);
      const decided = await services.returns.decide(request, 'accepted');
      setOutcome(
        decided.ok
          ? { ok: true, text: `The return from ${name} is accepted: its answers are in your application.` }
          : { ok: false, text: decided.message },
      );
    } finally {
      setBusy(false);
    }
  };

  const notUse = async () => {
    setBusy(true);
    try {
      const decided = await services.returns.decide(request, 'not-used');
      setOutcome(
        decided.ok
          ? { ok: true, text: `The return from ${name} was not used. Your application has not changed.` }
          : { ok: false, text: decided.message },
      );
    } finally {
      setBusy(false);
    }
  };

  if (outcome?.ok || !file)
    return (
      <>
        {back}
        <NotificationBanner id="check-return-message" success title="Done" role="alert">
          <p className="nhsuk-notification-banner__heading">{outcome?.text}</p>
          <p>
            <a href={href(paths.returns(appId))}>Back to returns from members and declarants</a>
          </p>
        </NotificationBanner>
      </>
    );

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        {back}
        <ErrorSummary errors={errors} focusKey={submitted} />
        {outcome ? (
          <NotificationBanner id="check-return-message" title="There is a problem" role="alert">
            <p className="nhsuk-notification-banner__heading">{outcome.text}</p>
          </NotificationBanner>
        ) : null}
        <span className="nhsuk-caption-l">{session.profile.name}</span>
        <h1 className="nhsuk-heading-l">Check the return from {name}</h1>
        <p className="nhsuk-body">
          Sent back by {file.respondent.name}
          {file.respondent.organisation ? `, ${file.respondent.organisation},` : ''} on {longDay(file.createdAt)}, for
          the request you made on {longDay(request.askedAt)}.
        </p>
        {changes.length === 0 ? (
          <InsetText>
            <p>Their return matches what your application already holds.</p>
          </InsetText>
        ) : (
          <DifferenceTable
            caption="What their return would change"
            firstHeading="In your application now"
            secondHeading="In their return"
            differences={changes.map((c) => ({ id: c.fieldId, label: c.label, first: c.yours, second: c.theirs }))}
          />
        )}
        {file.evidence.length ? (
          <>
            <h2 className="nhsuk-heading-m">Files in their return</h2>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {file.evidence.map((e) => (
                <li key={e.meta.id}>
                  {e.meta.name} ({formatFileSize(e.meta.size)}), SHA-256{' '}
                  <code className="app-break-word">{e.meta.sha256}</code>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {changes
          .filter((c) => c.kind === 'choose')
          .map((c) => (
            <Radios
              key={c.fieldId}
              id={`choice-${c.fieldId}`}
              legend={
                c.fieldId === interestsChoiceId
                  ? 'You have typed interests for them too. What should your application hold?'
                  : `You answered “${c.label}” differently. Which answer should your application hold?`
              }
              items={
                c.fieldId === interestsChoiceId
                  ? [
                      { value: 'theirs', label: 'Only the interests in their return' },
                      { value: 'yours', label: 'The interests you typed and those in their return' },
                    ]
                  : [
                      { value: 'yours', label: `Keep yours: ${c.yours.join(', ') || 'Not answered'}` },
                      { value: 'theirs', label: `Use theirs: ${c.theirs.join(', ') || 'Not answered'}` },
                    ]
              }
              value={choices[c.fieldId] ?? ''}
              onChange={(v) => setChoices((all) => ({ ...all, [c.fieldId]: v as Choice }))}
              {...(showErrors && !choices[c.fieldId] ? { error: `Choose which answer to keep for “${c.label}”` } : {})}
            />
          ))}
        <ButtonGroup>
          <Button onClick={() => void accept()} disabled={busy}>
            Accept this return
          </Button>
          <Button variant="secondary" onClick={() => void notUse()} disabled={busy}>
            Do not use this return
          </Button>
        </ButtonGroup>
      </div>
    </div>
  );
}
