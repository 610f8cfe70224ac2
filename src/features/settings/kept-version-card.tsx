/**
 * One kept version on Backups and storage: what it is and why it was kept, what differs from the
 * current version (question by question), and "Use this version instead" or delete (asked twice).
 */
import type { Application, EvidenceMeta, KeptVersion, OrganisationProfile } from '@/domain/application/application';
import { recordDifferences } from '@/domain/application/record-differences';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { createEvaluator } from '@/domain/rules/evaluator';
import { formatDate } from '@/domain/rules/values';
import { Button, ButtonGroup } from '@/components/nhs/button';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { isoDate, timeOfDay } from '@/components/session/dates';
import { DifferenceTable } from '@/components/session/difference-table';

export interface KeptEntry {
  readonly kept: KeptVersion;
  readonly current: Application | OrganisationProfile | undefined;
  /** The organisation the kept record belongs to, as it is now. */
  readonly profile: OrganisationProfile | undefined;
  readonly evidence: readonly EvidenceMeta[];
}

const reasons: Record<KeptVersion['reason'], string> = {
  'other-tab': 'Not chosen when this was changed in two tabs or windows at once.',
  'closed-tab':
    'Changes from a tab or window that closed before they could be saved, made while another tab changed it.',
  replaced: 'Replaced when another version was chosen instead.',
};

function titleOf(entry: KeptEntry): string {
  const { kept, profile } = entry;
  if (kept.kind === 'profile') return `${kept.record.name || 'Unnamed organisation'}: organisation answers`;
  const org = profile?.name ? ` (${profile.name})` : '';
  return `Application to ${kept.record.advert.commissioner || 'the commissioner'}${org}`;
}

export function KeptVersionCard({
  entry,
  checklist,
  today,
  confirmingDelete,
  onUse,
  onDelete,
}: {
  readonly entry: KeptEntry;
  readonly checklist: LoadedChecklist;
  readonly today: string;
  readonly confirmingDelete: boolean;
  readonly onUse: (title: string) => void;
  readonly onDelete: (title: string) => void;
}) {
  const { kept, current, profile } = entry;
  const title = titleOf(entry);
  const evaluator = createEvaluator({
    checklist,
    answers: { ...profile?.answers, ...(kept.kind === 'application' ? kept.record.answers : {}) },
    services: kept.kind === 'application' ? kept.record.services : [],
    dates: { today },
  });
  const ctx = {
    options: evaluator.options,
    evidenceName: (id: string) => entry.evidence.find((e) => e.id === id)?.name,
  };
  const differences = current ? recordDifferences(checklist, kept.record, current, ctx) : [];
  return (
    <div className="nhsuk-card app-kept-version">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s">{title}</h3>
        <p className="nhsuk-body-s">
          {reasons[kept.reason]} Kept on {formatDate(isoDate(new Date(kept.keptAt)))} at {timeOfDay(kept.keptAt)}.{' '}
          {kept.kind === 'application' && current ? (
            <a href={href(paths.taskList(kept.record.id))}>Open the current version</a>
          ) : null}
        </p>
        {!current ? (
          <p className="nhsuk-body">There is no current version: it has been deleted.</p>
        ) : differences.length ? (
          <DifferenceTable
            caption={`What is different: ${title}`}
            firstHeading="This kept version"
            secondHeading="The version you have now"
            differences={differences}
          />
        ) : (
          <p className="nhsuk-body">Its answers are the same as the version you have now.</p>
        )}
        <ButtonGroup>
          <Button onClick={() => onUse(title)}>
            Use this version instead<span className="nhsuk-u-visually-hidden"> of {title}</span>
          </Button>
          {confirmingDelete ? (
            <Button variant="warning" onClick={() => onDelete(title)}>
              Yes, delete this kept version
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => onDelete(title)}>
              Delete<span className="nhsuk-u-visually-hidden"> the kept version of {title}</span>
            </Button>
          )}
        </ButtonGroup>
      </div>
    </div>
  );
}
