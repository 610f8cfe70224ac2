/**
 * Two versions of some answers side by side (NHS table): the question, then each version's
 * answer in words. Very long answers are shortened on screen, saying by how much; both versions
 * are kept in full.
 */
import { formatNumber } from '@/domain/rules/values';
import type { Difference } from '@/domain/application/record-differences';

const shownLength = 600;

function Answer({ lines }: { readonly lines: readonly string[] }) {
  if (lines.length === 0) return <span className="app-not-answered">Not answered</span>;
  return (
    <>
      {lines.map((line, i) => (
        <span className="app-answer-line" key={i}>
          {line.length > shownLength
            ? `${line.slice(0, shownLength)}… (${formatNumber(line.length - shownLength)} more characters)`
            : line}
        </span>
      ))}
    </>
  );
}

export function DifferenceTable({
  caption,
  firstHeading,
  secondHeading,
  differences,
}: {
  readonly caption: string;
  readonly firstHeading: string;
  readonly secondHeading: string;
  readonly differences: readonly Difference[];
}) {
  return (
    <table className="nhsuk-table app-difference-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            Question
          </th>
          <th scope="col" className="nhsuk-table__header">
            {firstHeading}
          </th>
          <th scope="col" className="nhsuk-table__header">
            {secondHeading}
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {differences.map((d) => (
          <tr className="nhsuk-table__row" key={d.id}>
            <th scope="row" className="nhsuk-table__header app-break-word">
              {d.label}
            </th>
            <td className="nhsuk-table__cell app-break-word">
              <Answer lines={d.first} />
            </td>
            <td className="nhsuk-table__cell app-break-word">
              <Answer lines={d.second} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
