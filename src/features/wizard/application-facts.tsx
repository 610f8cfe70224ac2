/**
 * The facts at the top of an application's task list: its services, advert and where it stands
 * (draft, ready to export, pack exported on a date, or changed since the pack was exported).
 */
import type { Application } from '@/domain/application/application';
import type { Standing } from '@/domain/application/standing';
import { formatDate } from '@/domain/rules/values';
import { StandingTag, standingText } from '@/components/application/standing-tag';

export function ApplicationFacts({
  application,
  services,
  standing,
}: {
  readonly application: Application;
  /** The services' names, joined. */
  readonly services: string;
  readonly standing: Standing;
}) {
  const { advert } = application;
  const exportedOn =
    standing.kind === 'changed' ? standingText({ kind: 'exported', exportedAt: standing.exportedAt }) : undefined;
  const rows = [
    ['Services', services || 'None chosen'],
    ['Advert reference', advert.reference || 'Not given'],
    ['Closing date', advert.closingDate ? formatDate(advert.closingDate) : 'Not given'],
    [
      'Status',
      <>
        <StandingTag standing={standing} />
        {exportedOn ? (
          <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
            {exportedOn}. Export it again to include your changes.
          </p>
        ) : null}
      </>,
    ],
  ] as const;
  return (
    <dl className="nhsuk-summary-list nhsuk-summary-list--no-border app-application__facts">
      {rows.map(([key, value]) => (
        <div className="nhsuk-summary-list__row" key={key}>
          <dt className="nhsuk-summary-list__key">{key}</dt>
          <dd className="nhsuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
