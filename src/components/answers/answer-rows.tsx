/**
 * A section's answers as NHS summary lists: every visible question in checklist order, its answer
 * in words (the same words as the PDF), "Not answered" where empty, and a Change link that
 * returns to `returnTo`. Repeating groups list each item with its own rows.
 */
import { listedItems, type ItemValue, type RepeatItem } from '@/domain/answers/answer-value';
import { formatAnswer } from '@/domain/answers/format-answer';
import type { RepeatQuestion, Section } from '@/domain/definition/checklist-schema';
import type { Evaluation } from '@/domain/rules/evaluate';
import type { Evaluator } from '@/domain/rules/evaluator';
import { itemTitleText } from '@/domain/rules/people';
import { SummaryList, type SummaryRow } from '../nhs/summary-list';
import { href } from '../routing/hash-location';
import { paths, withReturn } from '../routing/paths';
import { useApplicationSession } from '../session/application-session';

const Lines = ({ lines }: { readonly lines: readonly string[] }) =>
  lines.length === 0 ? (
    <span className="app-not-answered">Not answered</span>
  ) : lines.length === 1 ? (
    <>{lines[0]}</>
  ) : (
    <>
      {lines.map((l, i) => (
        <span className="app-answer-line" key={`${i}-${l}`}>
          {l}
        </span>
      ))}
    </>
  );

/** One item of a repeating group as summary rows: each visible field and its answer in words. */
export function itemRows(
  question: RepeatQuestion,
  item: RepeatItem,
  ev: Evaluator,
  evidenceName: (id: string) => string | undefined,
  changeHref: string | undefined,
): SummaryRow[] {
  const scope = { repeat: question, values: item.values };
  return question.fields
    .filter((f) => ev.fieldVisible(f, scope))
    .map((f) => ({
      key: f.label,
      value: (
        <Lines
          lines={formatAnswer(f, item.values[f.id] as ItemValue | undefined, {
            options: ev.options(f),
            evidenceName,
            identifierKind: ev.identifierKind(f, scope),
          })}
        />
      ),
      changeHref,
      changeLabel: 'Change',
    }));
}

export function AnswerRows({
  section,
  evaluation,
  returnTo,
  readOnly,
}: {
  readonly section: Section;
  readonly evaluation: Evaluation;
  readonly returnTo: string;
  readonly readOnly?: boolean;
}) {
  const session = useApplicationSession();
  const ev = evaluation.evaluator;
  const appId = session.application.id;
  const evidenceName = (id: string) => session.evidence.find((e) => e.id === id)?.name;
  const rows: SummaryRow[] = [];
  const groups: { title: string; rows: SummaryRow[] }[] = [];
  for (const page of section.pages) {
    if (!ev.pageVisible(section, page)) continue;
    const change = readOnly ? undefined : href(withReturn(paths.page(appId, section.id, page.id), returnTo));
    for (const question of page.questions) {
      if (!ev.questionVisible(question.id)) continue;
      const value = session.answers[question.id];
      if (question.type === 'repeat') {
        const items = listedItems(value);
        rows.push({
          key: question.label,
          value: <Lines lines={items.length ? [`${items.length} added`] : []} />,
          changeHref: change,
        });
        items.forEach((item, index) => {
          const title = itemTitleText(question, item, ev.options);
          groups.push({
            title: `${question.itemName.charAt(0).toUpperCase()}${question.itemName.slice(1)} ${index + 1}${title ? `: ${title}` : ''}`,
            rows: itemRows(
              question,
              item,
              ev,
              evidenceName,
              readOnly
                ? undefined
                : href(withReturn(paths.item(appId, section.id, page.id, question.id, item.id), returnTo)),
            ),
          });
        });
        continue;
      }
      rows.push({
        key: question.label,
        value: (
          <Lines
            lines={formatAnswer(question, value, {
              options: ev.options(question),
              evidenceName,
              identifierKind: ev.identifierKind(question),
            })}
          />
        ),
        changeHref: change,
      });
    }
  }
  return (
    <>
      <SummaryList rows={rows} />
      {groups.map((g) => (
        <div key={g.title}>
          <h3 className="nhsuk-heading-s">{g.title}</h3>
          <SummaryList rows={g.rows} />
        </div>
      ))}
    </>
  );
}
