/**
 * An LMC officer's review of one practice's draft: the practice's answers, read only, section by
 * section (the same answer rows as "Check your answers"); a comment on any question or on a whole
 * section, an overall note and the reviewer's name, each kept on this computer as soon as it is
 * added; the evidence list (with downloads when the files were sent); and "Send comments back",
 * which makes the comments file.
 */
import { formatNumber } from '@/domain/rules/values';
import { useEffect, useMemo, useState } from 'react';
import { evaluate } from '@/domain/rules/evaluate';
import type { Evaluator } from '@/domain/rules/evaluator';
import { notReadyToSend, type ReviewerReview } from '@/domain/exchange/review-record';
import type { Section } from '@/domain/definition/checklist-schema';
import { AnswerRows } from '@/components/answers/answer-rows';
import { Button } from '@/components/nhs/button';
import { ErrorSummary } from '@/components/nhs/error-summary';
import { BackLink, NotificationBanner } from '@/components/nhs/messages';
import { SummaryList } from '@/components/nhs/summary-list';
import { TextInput } from '@/components/nhs/text-input';
import { Textarea } from '@/components/nhs/textarea';
import { href } from '@/components/routing/hash-location';
import { usePageTitle } from '@/components/routing/page-title';
import type { RouteProps } from '@/components/routing/route-props';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { saveFile } from '@/components/services/save-file';
import { useApplicationSession } from '@/components/session/application-session';
import { ReadOnlySession } from '@/components/session/read-only-session';
import { dayOf, openedReviews, saveReview, useReviews } from '@/components/lmc-review/use-reviews';

export function ReviewerPage({ params }: RouteProps) {
  const reviews = useReviews();
  const record = openedReviews(reviews).find((r) => r.id === params.id);
  usePageTitle(record ? `Review: ${record.review.from.organisation}` : 'Review');
  if (reviews.kind === 'loading') return <p className="nhsuk-body">Loading the review…</p>;
  if (!record)
    return (
      <>
        <h1 className="nhsuk-heading-l">Review not found</h1>
        <p className="nhsuk-body">
          This review is not on this computer. <a href={href(paths.reviews())}>Open the review file again</a>.
        </p>
      </>
    );
  const { review } = record;
  return (
    <ReadOnlySession
      application={review.application}
      profile={review.profile}
      evidence={review.evidence.map((e) => e.meta)}
      fallback={(state, message) => (
        <p className="nhsuk-body">{state === 'loading' ? 'Loading the review…' : message}</p>
      )}
    >
      <ReviewerView record={record} />
    </ReadOnlySession>
  );
}

function ReviewerView({ record }: { readonly record: ReviewerReview }) {
  const session = useApplicationSession();
  const services = useAppServices();
  const { review } = record;
  const [name, setName] = useState(record.reviewer.name);
  const [organisation, setOrganisation] = useState(record.reviewer.organisation);
  const [overall, setOverall] = useState(record.overall);
  const [problems, setProblems] = useState<string[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [sent, setSent] = useState<string | null>(null);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  // The answers are read only: evaluated once, not on every keystroke in the reviewer's own fields.
  const evaluation = useMemo(() => evaluate(session.evaluationInput()), [session]);
  const here = paths.reviewer(record.id);
  const services_ = review.application.services.map((s) => session.checklist.services.get(s)?.name ?? s).join(', ');

  const update = async (change: (r: ReviewerReview) => ReviewerReview) => {
    setSaveProblem(await saveReview((r) => services.repositories.reviews.save(r, { durable: true }), record, change));
  };
  const saveDetails = () => void update((r) => ({ ...r, reviewer: { name, organisation }, overall }));

  const send = async () => {
    const latest: ReviewerReview = { ...record, reviewer: { name, organisation }, overall };
    const missing = notReadyToSend(latest);
    setProblems(missing);
    setAttempts((n) => n + 1);
    setSent(null);
    if (missing.length) return;
    const made = await services.exchange.makeCommentsFile(latest);
    if (!made.ok) {
      setProblems([made.message]);
      return;
    }
    saveFile(made.blob, made.fileName);
    await update((r) => ({ ...r, reviewer: { name, organisation }, overall, sentAt: services.now().toISOString() }));
    setSent(made.fileName);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds app-reviewer">
        <BackLink href={href(paths.reviews())}>Back to your reviews</BackLink>
        {problems.length ? (
          <ErrorSummary
            focusKey={attempts}
            errors={problems.map((message) => ({
              message,
              targetId: message.startsWith('Enter your name')
                ? 'reviewer-name'
                : message.startsWith('Enter your organisation')
                  ? 'reviewer-organisation'
                  : 'reviewer-overall',
            }))}
          />
        ) : null}
        <span className="nhsuk-caption-l">Review for {review.from.organisation}</span>
        <h1 className="nhsuk-heading-l">Review: {review.from.organisation}</h1>
        <p className="nhsuk-body">
          Read the practice’s answers and add a comment wherever something needs their attention. Their answers cannot
          be changed here. Your comments are kept on this computer as you add them.
        </p>
        <SummaryList
          rows={[
            { key: 'Organisation', value: review.from.organisation },
            { key: 'Commissioner', value: review.application.advert.commissioner || 'Not given' },
            { key: 'Services', value: services_ },
            { key: 'Sent for review on', value: dayOf(review.createdAt) },
          ]}
        />
        {saveProblem ? (
          <p className="nhsuk-error-message" role="alert">
            <span className="nhsuk-u-visually-hidden">Error:</span> {saveProblem}
          </p>
        ) : null}
        <h2 className="nhsuk-heading-m">Your details</h2>
        <TextInput
          id="reviewer-name"
          label="Your name"
          value={name}
          onChange={setName}
          onBlur={saveDetails}
          autoComplete="name"
          widthClass="nhsuk-input--width-20"
          error={problems.includes('Enter your name') ? 'Enter your name' : undefined}
        />
        <TextInput
          id="reviewer-organisation"
          label="Your organisation"
          hint="For example, Kernow Local Medical Committee."
          value={organisation}
          onChange={setOrganisation}
          onBlur={saveDetails}
          autoComplete="organization"
          widthClass="nhsuk-input--width-20"
          error={problems.includes('Enter your organisation') ? 'Enter your organisation' : undefined}
        />
        <Textarea
          id="reviewer-overall"
          label="Overall note (optional)"
          hint="What the practice should know about the draft as a whole."
          value={overall}
          onChange={setOverall}
          onBlur={saveDetails}
          maxLength={5000}
          rows={4}
          error={
            problems.includes('Add at least one comment or an overall note')
              ? 'Add at least one comment or an overall note'
              : undefined
          }
        />
        {evaluation.visibleSections.map((section) => (
          <section key={section.id} aria-labelledby={`reviewer-${section.id}`} className="app-reviewer__section">
            <h2 className="nhsuk-heading-m" id={`reviewer-${section.id}`}>
              {section.title}
            </h2>
            <AnswerRows section={section} evaluation={evaluation} returnTo={here} readOnly />
            <SectionComments record={record} section={section} evaluator={evaluation.evaluator} onChange={update} />
          </section>
        ))}
        <ReviewEvidence record={record} />
        <h2 className="nhsuk-heading-m" id="send-comments">
          Send comments back
        </h2>
        <p className="nhsuk-body">
          {record.comments.length} comment{record.comments.length === 1 ? '' : 's'}
          {overall.trim() ? ' and an overall note' : ''}. Download the comments file and send it back to{' '}
          {review.from.organisation} by NHSmail. They import it into their application.
        </p>
        {sent ? (
          <NotificationBanner id="comments-sent" success title="Comments file ready" role="alert">
            <p className="nhsuk-notification-banner__heading">
              Comments file saved as {sent}. Send it back to {review.from.organisation} by NHSmail.
            </p>
          </NotificationBanner>
        ) : null}
        <Button onClick={() => void send()}>Download the comments file</Button>
      </div>
    </div>
  );
}

function SectionComments({
  record,
  section,
  evaluator,
  onChange,
}: {
  readonly record: ReviewerReview;
  readonly section: Section;
  /** The review's evaluation, worked out once for the page (not once per section and keystroke). */
  readonly evaluator: Evaluator;
  readonly onChange: (change: (r: ReviewerReview) => ReviewerReview) => Promise<void>;
}) {
  const services = useAppServices();
  const [about, setAbout] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const questions = section.pages
    .filter((p) => evaluator.pageVisible(section, p))
    .flatMap((p) => p.questions.filter((q) => evaluator.questionVisible(q.id)));
  const comments = record.comments.filter((c) => c.sectionId === section.id);
  const label = (questionId?: string) =>
    questionId ? (questions.find((q) => q.id === questionId)?.label ?? questionId) : 'The whole section';
  const id = `comment-${section.id}`;
  useEffect(() => setError(null), [text]);

  const add = async () => {
    if (!text.trim()) {
      setError('Enter your comment');
      return;
    }
    const comment = {
      id: services.newId(),
      sectionId: section.id,
      ...(about ? { questionId: about } : {}),
      text: text.trim(),
    };
    await onChange((r) => ({ ...r, comments: [...r.comments, comment] }));
    setText('');
    setAbout('');
  };

  return (
    <div className="app-reviewer__comments">
      {comments.length ? (
        <ul className="nhsuk-list app-reviewer__comment-list" aria-label={`Your comments on ${section.title}`}>
          {comments.map((c) => (
            <li key={c.id} className="app-comment">
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                <strong>{label(c.questionId)}</strong>
              </p>
              <p className="nhsuk-body app-comment__text">{c.text}</p>
              <Button
                variant="secondary"
                className="nhsuk-u-margin-bottom-2"
                onClick={() => void onChange((r) => ({ ...r, comments: r.comments.filter((x) => x.id !== c.id) }))}
              >
                Remove<span className="nhsuk-u-visually-hidden"> your comment on {label(c.questionId)}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">
            Add a comment<span className="nhsuk-u-visually-hidden"> on {section.title}</span>
          </span>
        </summary>
        <div className="nhsuk-details__text">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`${id}-about`}>
              What is it about?
            </label>
            <select
              className="nhsuk-select"
              id={`${id}-about`}
              value={about}
              onChange={(e) => setAbout(e.target.value)}
            >
              <option value="">The whole section</option>
              {questions.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.label}
                </option>
              ))}
            </select>
          </div>
          <Textarea
            id={`${id}-text`}
            label="Your comment"
            value={text}
            onChange={setText}
            maxLength={5000}
            rows={4}
            error={error ?? undefined}
          />
          <Button variant="secondary" onClick={() => void add()}>
            Add comment<span className="nhsuk-u-visually-hidden"> on {section.title}</span>
          </Button>
        </div>
      </details>
    </div>
  );
}

function ReviewEvidence({ record }: { readonly record: ReviewerReview }) {
  const services = useAppServices();
  const entries = record.review.evidence;
  return (
    <section aria-labelledby="reviewer-evidence">
      <h2 className="nhsuk-heading-m" id="reviewer-evidence">
        Evidence files
      </h2>
      {entries.length === 0 ? <p className="nhsuk-body">The practice has not attached any files yet.</p> : null}
      {entries.length && !entries.some((e) => e.data) ? (
        <p className="nhsuk-body">The practice sent the list of files, not the files themselves.</p>
      ) : null}
      <ul className="nhsuk-list">
        {entries.map((e) => {
          const file = e.data ? services.exchange.evidenceFile(record.review, e.meta.id) : undefined;
          return (
            <li key={e.meta.id}>
              {e.meta.name} ({formatNumber(e.meta.size)} bytes
              {e.meta.validUntil ? `, valid until ${e.meta.validUntil}` : ''}){' '}
              {file ? (
                <Button variant="secondary" onClick={() => saveFile(file.blob, file.name)}>
                  Download<span className="nhsuk-u-visually-hidden"> {e.meta.name}</span>
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
