/** The NHS summary list, with an optional "Change" link per row (its hidden text names the row). */
import type { ReactNode } from 'react';

export interface SummaryRow {
  readonly key: string;
  readonly value: ReactNode;
  readonly changeHref?: string;
  readonly changeLabel?: string;
}

export function SummaryList({ rows, noBorder }: { readonly rows: readonly SummaryRow[]; readonly noBorder?: boolean }) {
  return (
    <dl className={`nhsuk-summary-list${noBorder ? ' nhsuk-summary-list--no-border' : ''}`}>
      {rows.map((row, index) => (
        <div className="nhsuk-summary-list__row" key={`${row.key}-${index}`}>
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
          {row.changeHref ? (
            <dd className="nhsuk-summary-list__actions">
              <a href={row.changeHref}>
                {row.changeLabel ?? 'Change'} <span className="nhsuk-u-visually-hidden">{row.key}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
