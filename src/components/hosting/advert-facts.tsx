/**
 * An LMC advert's facts as an NHS summary list, and the names of its services. Used by the open
 * adverts on the home pages (the short form) and by the start page (every fact it has).
 */
import { checklistOutline, serviceName } from '@/domain/definition/checklist-outline';
import type { ServiceId } from '@/domain/definition/checklist-schema';
import type { HostedAdvert } from '@/domain/hosting/hosting-config';
import { formatDate } from '@/domain/rules/values';
import { SummaryList, type SummaryRow } from '../nhs/summary-list';

/** "Podiatry, MSK services for back and neck pain": the checklist's names (from its outline, no loading). */
export const serviceNames = (services: readonly ServiceId[]): string =>
  services.map((id) => serviceName(checklistOutline, id)).join(', ');

export function AdvertFacts({
  advert,
  full = false,
}: {
  readonly advert: HostedAdvert;
  /** Every fact (the start page); otherwise the reference, closing date and local questions. */
  readonly full?: boolean;
}) {
  const questions = advert.localQuestions?.length ?? 0;
  const rows: (SummaryRow | false | '' | undefined)[] = [
    full && { key: 'Commissioner', value: advert.commissioner },
    full && { key: 'Services', value: serviceNames(advert.services) },
    { key: full ? 'Advert reference' : 'Reference', value: advert.reference },
    advert.closingDate && { key: 'Closing date', value: formatDate(advert.closingDate) },
    full && advert.serviceStart && { key: 'Service start', value: formatDate(advert.serviceStart) },
    full && advert.localPrice && { key: 'Local price', value: advert.localPrice },
    questions > 0 && { key: 'Local questions', value: full ? `${questions}, added to your checklist` : questions },
  ];
  return <SummaryList rows={rows.filter((row): row is SummaryRow => Boolean(row))} noBorder={!full} />;
}
