/**
 * A member's draft of a return, in place of the task list for that draft: who asked and by when,
 * the one item asked for (a member practice's details, or a person's declaration and their
 * interests) with Change links into the same wizard pages (validation, evidence upload, error
 * summary, saved as typed), what must still be put right, and "Send back", which makes the
 * return file to send to the lead by NHSmail.
 */
import { useState } from 'react';
import { listedItems } from '@/domain/answers/answer-value';
import type { RepeatQuestion } from '@/domain/definition/checklist-schema';
import { repeatQuestionOf } from '@/domain/definition/load-checklist';
import { interestsQuestionId } from '@/domain/exchange/return-format';
import { respondentReturnId, type RespondentReturn } from '@/domain/exchange/return-record';
import { declarantInterests, personName, subjectBlockingIssues } from '@/domain/exchange/return-subjects';
import { evaluate } from '@/domain/rules/evaluate';
import { itemTitleText } from '@/domain/rules/people';
import { formatDate } from '@/domain/rules/values';
import { itemRows } from '@/components/answers/answer-rows';
import { Button } from '@/components/nhs/button';
import { BackLink, InsetText, NotificationBanner, WarningCallout } from '@/components/nhs/messages';
import { SummaryList } from '@/components/nhs/summary-list';
import { TextInput } from '@/components/nhs/text-input';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import { paths, withReturn } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { saveFile } from '@/components/services/save-file';
import { useApplicationSession } from '@/components/session/application-session';
import { longDay } from '@/components/session/dates';
import { SaveStatus } from '@/components/session/save-status';
import { useReturns } from '@/components/member-returns/use-returns';

export function ReturnDraftPage() {
  const returns = useReturns();
  const session = useApplicationSession();
  const requestId = session.application.returnFor?.requestId ?? '';
  const record =
    returns.kind === 'ready'
      ? returns.records.find((r): r is RespondentReturn => r.id === respondentReturnId(requestId))
      : undefined;
  if (returns.kind === 'loading') return null;
  if (!record)
    return (
      <>
        <BackLink href={href(paths.fillInReturn())}>Fill in a return</BackLink>
        <h1 className="nhsuk-heading-l">Return not found</h1>
        <p className="nhsuk-body">
          The request for this return is no longer on this computer. Open the request file again from “Fill in a
          return”.
        </p>
      </>
    );
  return <Draft record={record} />;
}

function Draft({ record }: { readonly record: RespondentReturn }) {
  const session = useApplicationSession();
  const services = useAppServices();
  const { request } = record;
  const { subject } = request;
  const appId = session.application.id;
  const here = paths.taskList(appId);
  const question = repeatQuestionOf(session.checklist, subject.questionId);
  const interestsEntry = session.checklist.questions.get(interestsQuestionId);
  const interestsQ = repeatQuestionOf(session.checklist, interestsQuestionId);
  const evaluation = evaluate(session.evaluationInput());
  const ev = evaluation.evaluator;
  const item = listedItems(session.answers[subject.questionId]).find((i) => i.id === subject.itemId);
  const interests = declarantInterests(session.answers, subject.itemId);
  const problems = subjectBlockingIssues(evaluation.issues, session.answers, subject);
  const [sender, setSender] = useState({
    name: subject.type === 'declarant' ? personName(session.answers, item?.values['name']) : '',
    organisation: subject.type === 'member' ? subject.name : request.from.organisation,
  });
  const [senderError, setSenderError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const title =
    subject.type === 'member'
      ? `${subject.name}: your part of the bid`
      : `${subject.name}: your declaration of interests`;
  usePageTitle(title);
  const evidenceName = (id: string) => session.evidence.find((e) => e.id === id)?.name;
  const itemHref = (q: RepeatQuestion, itemId: string) => {
    const at = session.checklist.questions.get(q.id);
    return at ? href(withReturn(paths.item(appId, at.section.id, at.page.id, q.id, itemId), here)) : undefined;
  };

  const send = async () => {
    setTried(true);
    setOutcome(null);
    if (!sender.name.trim()) {
      setSenderError('Enter your full name');
      document.getElementById('return-sender-name')?.focus();
      return;
    }
    setSenderError(undefined);
    if (problems.length) {
      document.getElementById('return-problems')?.focus();
      return;
    }
    setBusy(true);
    try {
      await session.flush(true);
      const made = await services.returns.makeReturn({
        record,
        answers: session.answers,
        evidence: session.evidence,
        respondent: sender,
      });
      if (!made.ok) {
        setOutcome({ ok: false, text: made.message });
        return;
      }
      saveFile(made.blob, made.fileName);
      setOutcome({
        ok: true,
        text: `Your return is saved as ${made.fileName}. Send it to ${request.from.askedBy}${request.from.email ? ` (${request.from.email})` : ''} at ${request.from.organisation} by NHSmail.`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={href(paths.fillInReturn())}>Fill in a return</BackLink>
        <span className="nhsuk-caption-l">Return for {request.from.organisation}</span>
        <h1 className="nhsuk-heading-l">{title}</h1>
        <p className="nhsuk-body">
          {request.from.askedBy} at {request.from.organisation} asks you to fill this in for their application to{' '}
          {request.application.advert.commissioner || 'the commissioner'}. Reply by {formatDate(request.replyBy)}. What
          you type is saved on this computer as you go.
        </p>
        {record.sentAt ? (
          <InsetText>
            <p>You sent this return back on {longDay(record.sentAt)}. If you change anything, send it back again.</p>
          </InsetText>
        ) : null}
        <SaveStatus state={session.saveState} />
        {outcome ? (
          <NotificationBanner
            id="return-sent-message"
            success={outcome.ok}
            title={outcome.ok ? 'Return ready to send' : 'There is a problem'}
            role="alert"
          >
            <p className="nhsuk-notification-banner__heading">{outcome.text}</p>
          </NotificationBanner>
        ) : null}
        {question && item ? (
          <>
            <h2 className="nhsuk-heading-m">{subject.type === 'member' ? 'Your practice' : 'Your declaration'}</h2>
            <SummaryList rows={itemRows(question, item, ev, evidenceName, itemHref(question, item.id))} />
          </>
        ) : (
          <p className="nhsuk-body">This return cannot be shown: the checklist version it was made with is not here.</p>
        )}
        {subject.type === 'declarant' && interestsQ ? (
          <>
            <h2 className="nhsuk-heading-m">Your interests</h2>
            {interests.length === 0 ? (
              <p className="nhsuk-body">You have not added any interests.</p>
            ) : (
              interests.map((interest, n) => (
                <div key={interest.id}>
                  <h3 className="nhsuk-heading-s">
                    Interest {n + 1}: {itemTitleText(interestsQ, interest, ev.options) ?? 'Not named'}
                  </h3>
                  <SummaryList
                    rows={itemRows(interestsQ, interest, ev, evidenceName, itemHref(interestsQ, interest.id))}
                  />
                </div>
              ))
            )}
            {interestsEntry ? (
              <p className="nhsuk-body">
                <a
                  href={href(
                    withReturn(
                      paths.item(appId, interestsEntry.section.id, interestsEntry.page.id, interestsQuestionId, 'new'),
                      here,
                    ),
                  )}
                >
                  Add an interest
                </a>
              </p>
            ) : null}
          </>
        ) : null}
        {problems.length ? (
          <div id="return-problems" tabIndex={-1}>
            <WarningCallout heading={tried ? 'Put these right before you send it back' : 'Still to do'}>
              <ul className="nhsuk-list nhsuk-list--bullet">
                {problems.map((p, i) => {
                  const q = p.questionId === interestsQuestionId ? interestsQ : question;
                  const link = q && p.itemId ? itemHref(q, p.itemId) : undefined;
                  return (
                    <li key={`${p.itemId ?? ''}-${p.fieldId ?? ''}-${i}`}>
                      {link ? <a href={link}>{p.message}</a> : p.message}
                    </li>
                  );
                })}
              </ul>
            </WarningCallout>
          </div>
        ) : null}
        <h2 className="nhsuk-heading-m">Send it back</h2>
        <TextInput
          id="return-sender-name"
          label="Your full name"
          hint="The person sending this return."
          value={sender.name}
          onChange={(name) => setSender((s) => ({ ...s, name }))}
          autoComplete="name"
          widthClass="nhsuk-u-width-two-thirds"
          {...(senderError ? { error: senderError } : {})}
        />
        <TextInput
          id="return-sender-organisation"
          label="Your organisation"
          value={sender.organisation}
          onChange={(organisation) => setSender((s) => ({ ...s, organisation }))}
          autoComplete="organization"
          widthClass="nhsuk-u-width-two-thirds"
        />
        <Button onClick={() => void send()} disabled={busy}>
          Send back
        </Button>
      </div>
    </div>
  );
}
