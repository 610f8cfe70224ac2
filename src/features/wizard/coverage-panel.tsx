/**
 * On a list that must cover people from the people register (the declarations of interest: one
 * from every partner and director), the people it must cover, found automatically: each with
 * "Declaration added" or a link that adds theirs with the person already chosen.
 */
import { listedItems } from '@/domain/answers/answer-value';
import type { Coverage, RepeatQuestion } from '@/domain/definition/checklist-schema';
import { conditionReferences } from '@/domain/definition/walk-conditions';
import type { Evaluator } from '@/domain/rules/evaluator';
import { repeatSource } from '@/domain/rules/people';
import { Tag } from '@/components/nhs/tag';
import { paths } from '@/components/routing/paths';
import { useApplicationSession } from '@/components/session/application-session';
import { addItemHref } from './register-choice';

/** The coverage this list must give: an "uncovered" check whose `in` is this list, by person. */
function coverageOf(question: RepeatQuestion): Coverage | undefined {
  const coverage = (question.checks ?? [])
    .flatMap((check) => conditionReferences(check.when).coverage)
    .find((c) => c.in === question.id);
  const field = coverage && question.fields.find((f) => f.id === coverage.inField);
  return field && repeatSource(field)?.repeat === coverage.from ? coverage : undefined;
}

export function CoveragePanel({
  question,
  evaluator,
}: {
  readonly question: RepeatQuestion;
  readonly evaluator: Evaluator;
}) {
  const session = useApplicationSession();
  const coverage = coverageOf(question);
  const from = coverage && session.checklist.questions.get(coverage.from)?.question;
  const entry = session.checklist.questions.get(question.id);
  if (!coverage || from?.type !== 'repeat' || !entry) return null;
  const wanted = listedItems(evaluator.value(coverage.from)).filter(
    (p) => !coverage.fromIf || evaluator.holds(coverage.fromIf, { repeat: from, values: p.values }),
  );
  if (!wanted.length) return null;
  const covered = new Set(listedItems(evaluator.value(question.id)).map((i) => i.values[coverage.inField]));
  const inField = question.fields.find((f) => f.id === coverage.inField);
  const people = inField ? evaluator.options(inField) : [];
  const label = (id: string) => people.find((o) => o.value === id);
  const returnTo = paths.page(session.application.id, entry.section.id, entry.page.id);
  const missing = wanted.filter((p) => !covered.has(p.id)).length;
  return (
    <div className="app-coverage">
      <h2 className="nhsuk-heading-s">Partners and directors who need a declaration</h2>
      <p className="nhsuk-body">
        From the people in your organisation.{' '}
        {missing ? `${missing} still ${missing === 1 ? 'needs' : 'need'} a declaration.` : 'Each has a declaration.'}
      </p>
      <ul className="nhsuk-list app-coverage__list">
        {wanted.map((person) => {
          const option = label(person.id);
          const name = option?.label ?? 'Unnamed';
          return (
            <li key={person.id} className="app-coverage__person">
              <span>
                {name}
                {option?.hint ? <span className="nhsuk-hint app-coverage__hint">{option.hint}</span> : null}
              </span>{' '}
              {covered.has(person.id) ? (
                <Tag colour="green">Declaration added</Tag>
              ) : (
                <a
                  href={addItemHref(
                    session.application.id,
                    entry.section.id,
                    entry.page.id,
                    question,
                    returnTo,
                    person.id,
                  )}
                >
                  Add a declaration<span className="nhsuk-u-visually-hidden"> for {name}</span>
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
