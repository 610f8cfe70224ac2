/**
 * Under a question that chooses from the people in the organisation (or any other list): the way
 * to add someone who is not listed yet, which comes back to this page, and, for a name typed
 * before the question chose from the list, that name, kept, with a link that adds that person.
 */
import { isStringList, type AnswerValue } from '@/domain/answers/answer-value';
import type { ItemQuestion, Question, RepeatQuestion } from '@/domain/definition/checklist-schema';
import type { ChoiceOption } from '@/domain/rules/evaluator';
import { looksLikePersonId, repeatSource } from '@/domain/rules/people';
import { href, parseRoute, useHashRoute } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useApplicationSession } from '@/components/session/application-session';

/** The address of "add a new item" to a repeat, prefilled with a name, coming back to `returnTo`. */
export function addItemHref(
  appId: string,
  sectionId: string,
  pageId: string,
  repeat: RepeatQuestion,
  returnTo: string,
  name?: string,
): string {
  const query = new URLSearchParams({ return: returnTo });
  if (name) query.set('name', name);
  return href(`${paths.item(appId, sectionId, pageId, repeat.id, 'new')}?${query.toString()}`);
}

export function RegisterChoice({
  question,
  value,
  options,
}: {
  readonly question: Question | ItemQuestion;
  readonly value: AnswerValue | undefined;
  readonly options: readonly ChoiceOption[];
}) {
  const session = useApplicationSession();
  const route = useHashRoute();
  const source = repeatSource(question);
  const entry = source ? session.checklist.questions.get(source.repeat) : undefined;
  if (!source || !entry || entry.question.type !== 'repeat') return null;
  const repeat = entry.question;
  const returnTo = parseRoute(route).path;
  const add = (name?: string) =>
    addItemHref(session.application.id, entry.section.id, entry.page.id, repeat, returnTo, name);
  const chosen = typeof value === 'string' ? [value] : isStringList(value) ? value : [];
  const typed = chosen.filter((v) => v.trim() && !looksLikePersonId(v) && !options.some((o) => o.value === v));
  return (
    <div className="app-register-choice">
      {options.length === 0 ? (
        <p className="nhsuk-body">Nobody has been added to the people in your organisation yet.</p>
      ) : null}
      {typed.map((name) => (
        <div className="nhsuk-inset-text" key={name}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            You typed “{name}” here before this question listed the people in your organisation. We have kept it. Choose
            who it is, or <a href={add(name)}>add {name} to the people in your organisation</a>.
          </p>
        </div>
      ))}
      <p className="nhsuk-body">
        <a href={add()}>{options.length ? 'Add someone who is not listed' : 'Add a person'}</a>
        {options.length ? ' to the people in your organisation' : null}
      </p>
    </div>
  );
}
