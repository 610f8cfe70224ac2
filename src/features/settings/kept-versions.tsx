/**
 * Other versions kept on this computer: answers not chosen when two tabs changed the same
 * application, changes from a tab that closed before saving them, and versions replaced by a kept
 * one. Each is shown against the current version, question by question, and can be used instead
 * (the current one is then kept in its place, so switching never loses anything) or deleted.
 */
import { useEffect, useState } from 'react';
import type { Application, EvidenceMeta, KeptVersion, OrganisationProfile } from '@/domain/application/application';
import { recordDifferences } from '@/domain/application/record-differences';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { createEvaluator } from '@/domain/rules/evaluator';
import { formatDate } from '@/domain/rules/values';
import { Button, ButtonGroup } from '@/components/nhs/button';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { loadAppChecklist } from '@/components/session/checklist';
import { isoDate, timeOfDay } from '@/components/session/dates';
import { DifferenceTable } from '@/components/session/difference-table';

interface Entry {
  readonly kept: KeptVersion;
  readonly current: Application | OrganisationProfile | undefined;
  readonly profile: OrganisationProfile | undefined;
  readonly evidence: readonly EvidenceMeta[];
}

const reasons: Record<KeptVersion['reason'], string> = {
  'other-tab': 'Not chosen when this was changed in two tabs or windows at once.',
  'closed-tab':
    'Changes from a tab or window that closed before they could be saved, made while another tab changed it.',
  replaced: 'Replaced when another version was chosen instead.',
};

function titleOf(entry: Entry): string {
  const { kept, profile } = entry;
  if (kept.kind === 'profile') return `${kept.record.name || 'Unnamed organisation'}: organisation answers`;
  const org = profile?.name ? ` (${profile.name})` : '';
  return `Application to ${kept.record.advert.commissioner || 'the commissioner'}${org}`;
}

export function KeptVersions() {
  const services = useAppServices();
  const { repositories } = services;
  const [entries, setEntries] = useState<readonly Entry[]>([]);
  const [checklist, setChecklist] = useState<LoadedChecklist | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      const kept = await repositories.keptVersions.list();
      const found = await Promise.all(
        [...kept]
          .sort((a, b) => b.keptAt.localeCompare(a.keptAt))
          .map(async (k): Promise<Entry> => {
            const current =
              k.kind === 'application'
                ? await repositories.applications.get(k.record.id)
                : await repositories.profiles.get(k.record.id);
            const profileId = k.kind === 'application' ? k.record.profileId : k.record.id;
            const profile = await repositories.profiles.get(profileId);
            return { kept: k, current, profile, evidence: await repositories.evidence.listForProfile(profileId) };
          }),
      );
      if (!cancelled) setEntries(found);
    };
    const run = () => void refresh().catch(() => undefined);
    run();
    void loadAppChecklist().then((c) => !cancelled && setChecklist(c));
    const unsubscribe = [
      repositories.keptVersions.subscribe(run),
      repositories.applications.subscribe(run),
      repositories.profiles.subscribe(run),
    ];
    return () => {
      cancelled = true;
      unsubscribe.forEach((u) => u());
    };
  }, [repositories]);

  if (entries.length === 0 || !checklist) return null;

  const act = async (done: string, action: () => Promise<void>) => {
    try {
      await action();
      setMessage(done);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : 'That could not be done.');
    }
    setConfirmDelete(null);
  };

  return (
    <section aria-labelledby="kept-versions">
      <h2 className="nhsuk-heading-m" id="kept-versions">
        Other versions kept on this computer
      </h2>
      <p className="nhsuk-body">
        When answers are changed in two tabs or windows at once, the version not chosen is kept here, so nothing is
        lost. Compare each with the version you have now, and use it instead if it is the one you want.
      </p>
      {message ? (
        <p className="nhsuk-body" role="status">
          {message}
        </p>
      ) : null}
      {entries.map((entry) => {
        const { kept, current, profile } = entry;
        const title = titleOf(entry);
        const answers = { ...profile?.answers, ...(kept.kind === 'application' ? kept.record.answers : {}) };
        const evaluator = createEvaluator({
          checklist,
          answers,
          services: kept.kind === 'application' ? kept.record.services : [],
          dates: { today: isoDate(services.now()) },
        });
        const ctx = {
          options: evaluator.options,
          evidenceName: (id: string) => entry.evidence.find((e) => e.id === id)?.name,
        };
        const differences = current ? recordDifferences(checklist, kept.record, current, ctx) : [];
        const appLink =
          kept.kind === 'application' && current ? (
            <a href={href(paths.taskList(kept.record.id))}>Open the current version</a>
          ) : null;
        return (
          <div className="nhsuk-card app-kept-version" key={kept.id}>
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-card__heading nhsuk-heading-s">{title}</h3>
              <p className="nhsuk-body-s">
                {reasons[kept.reason]} Kept on {formatDate(isoDate(new Date(kept.keptAt)))} at {timeOfDay(kept.keptAt)}.{' '}
                {appLink}
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
                <Button
                  onClick={() =>
                    void act(
                      `You are now using the kept version of ${title}. The version it replaced is kept in its place.`,
                      () => repositories.keptVersions.useInstead(kept.id),
                    )
                  }
                >
                  Use this version instead<span className="nhsuk-u-visually-hidden"> of {title}</span>
                </Button>
                {confirmDelete === kept.id ? (
                  <Button
                    variant="warning"
                    onClick={() =>
                      void act(`The kept version of ${title} has been deleted.`, () =>
                        repositories.keptVersions.discard(kept.id),
                      )
                    }
                  >
                    Yes, delete this kept version
                  </Button>
                ) : (
                  <Button variant="secondary" onClick={() => setConfirmDelete(kept.id)}>
                    Delete<span className="nhsuk-u-visually-hidden"> the kept version of {title}</span>
                  </Button>
                )}
              </ButtonGroup>
            </div>
          </div>
        );
      })}
    </section>
  );
}
