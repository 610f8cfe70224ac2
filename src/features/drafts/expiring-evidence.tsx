/**
 * "Documents to renew" on the dashboard: every attached file that has expired, expires within 30
 * days, or expires before the service of one of its organisation's applications starts, with a
 * link to that application's evidence page. Nothing when there are none.
 */
import { useEffect, useState } from 'react';
import type { EvidenceMeta } from '@/domain/application/application';
import type { OrganisationName } from '@/domain/application/application-summary';
import { expiringEvidence, type ApplicationDates } from '@/domain/application/expiring-evidence';
import { formatDate } from '@/domain/rules/values';
import { href } from '@/components/routing/hash-location';
import { paths } from '@/components/routing/paths';
import { useAppServices } from '@/components/services/app-services';
import { isoDate } from '@/components/session/dates';

export function ExpiringEvidence({
  apps,
  orgs,
}: {
  readonly apps: readonly ApplicationDates[];
  readonly orgs: readonly OrganisationName[];
}) {
  const services = useAppServices();
  const { evidence } = services.repositories;
  const [files, setFiles] = useState<readonly EvidenceMeta[]>([]);
  const profileIds = [...new Set(apps.map((a) => a.profileId))].sort().join('|');
  useEffect(() => {
    let live = true;
    const ids = profileIds ? profileIds.split('|') : [];
    const refresh = () =>
      void Promise.all(ids.map((id) => evidence.listForProfile(id))).then(
        (lists) => live && setFiles(lists.flat()),
        () => undefined,
      );
    refresh();
    const unsubscribe = evidence.subscribe(refresh);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [evidence, profileIds]);
  const today = isoDate(services.now());
  const expiring = expiringEvidence(files, apps, today);
  if (expiring.length === 0) return null;
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name ?? 'Unnamed organisation';
  return (
    <section aria-labelledby="expiring-evidence" className="app-expiring-evidence">
      <h2 className="nhsuk-heading-m" id="expiring-evidence">
        Documents to renew
      </h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {expiring.map(({ meta, before, expired }) => {
          const appId = before?.applicationId ?? apps.find((a) => a.profileId === meta.profileId)?.id;
          return (
            <li key={meta.id}>
              <strong>{meta.name}</strong> ({orgName(meta.profileId)}) {expired ? 'expired on' : 'expires on'}{' '}
              {formatDate(meta.validUntil)}
              {before ? `, before the service starts on ${formatDate(before.serviceStart)}` : ''}.{' '}
              {appId ? (
                <a href={href(paths.evidence(appId))}>
                  Check the evidence<span className="nhsuk-u-visually-hidden"> for {orgName(meta.profileId)}</span>
                </a>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
