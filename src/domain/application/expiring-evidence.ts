/**
 * Evidence to renew before it is too late, for the dashboard: a file whose "valid until" date is
 * within `withinDays` days (30 unless said), already past, or before the service start of an
 * application of the same organisation that uses it. Pure: the caller passes today.
 */
import type { EvidenceMeta } from '@/domain/application/application';
import { daysBetween } from '@/domain/rules/values';

export interface ExpiringFile {
  readonly meta: EvidenceMeta & { readonly validUntil: string };
  /** An application of its organisation whose service starts after the file expires, if any. */
  readonly before?: { readonly applicationId: string; readonly serviceStart: string };
  readonly expired: boolean;
}

/** What the check needs of an application (a whole record or its summary row). */
export interface ApplicationDates {
  readonly id: string;
  readonly profileId: string;
  readonly advert: { readonly serviceStart?: string | undefined };
}

export function expiringEvidence(
  evidence: readonly EvidenceMeta[],
  applications: readonly ApplicationDates[],
  today: string,
  withinDays = 30,
): ExpiringFile[] {
  const found: ExpiringFile[] = [];
  for (const meta of evidence) {
    const validUntil = meta.validUntil;
    if (!validUntil) continue;
    const before = applications.find(
      (a) =>
        a.profileId === meta.profileId && a.advert.serviceStart !== undefined && validUntil < a.advert.serviceStart,
    );
    const soon = daysBetween(today, validUntil) <= withinDays;
    if (!soon && !before) continue;
    found.push({
      meta: { ...meta, validUntil },
      ...(before?.advert.serviceStart
        ? { before: { applicationId: before.id, serviceStart: before.advert.serviceStart } }
        : {}),
      expired: validUntil < today,
    });
  }
  return found.sort((a, b) => (a.meta.validUntil < b.meta.validUntil ? -1 : 1));
}
