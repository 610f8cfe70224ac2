/**
 * Other versions kept on this computer: answers not chosen when two tabs changed the same
 * application, changes from a tab that closed before saving them, and versions replaced by a kept
 * one. Each is shown against the current version, question by question, and can be used instead
 * (the current one is then kept in its place, so switching never loses anything) or deleted.
 */
import { useEffect, useState } from 'react';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { useAppServices } from '@/components/services/app-services';
import { loadAppChecklist } from '@/components/session/checklist';
import { isoDate } from '@/components/session/dates';
import { KeptVersionCard, type KeptEntry } from './kept-version-card';

export function KeptVersions() {
  const services = useAppServices();
  const { repositories } = services;
  const [entries, setEntries] = useState<readonly KeptEntry[]>([]);
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
          .map(async (k): Promise<KeptEntry> => {
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
      {entries.map((entry) => (
        <KeptVersionCard
          key={entry.kept.id}
          entry={entry}
          checklist={checklist}
          today={isoDate(services.now())}
          confirmingDelete={confirmDelete === entry.kept.id}
          onUse={(title) =>
            void act(
              `You are now using the kept version of ${title}. The version it replaced is kept in its place.`,
              () => repositories.keptVersions.useInstead(entry.kept.id),
            )
          }
          onDelete={(title) =>
            confirmDelete === entry.kept.id
              ? void act(`The kept version of ${title} has been deleted.`, () =>
                  repositories.keptVersions.discard(entry.kept.id),
                )
              : setConfirmDelete(entry.kept.id)
          }
        />
      ))}
    </section>
  );
}
