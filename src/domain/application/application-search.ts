/**
 * Finding an application on "Your applications": the words of what is typed, and whether an
 * application's organisation, commissioner, advert reference or services hold every one of them
 * (any case). The page's search box is src/features/drafts/application-search.tsx.
 */
import type { ApplicationSummary, OrganisationName } from './application-summary';
import { checklistOutline, serviceName } from '@/domain/definition/checklist-outline';

/** The words of a search, lower case; none for an empty one. */
export const searchWords = (query: string): readonly string[] => query.toLowerCase().split(/\s+/).filter(Boolean);

/** Whether every word is in the application's organisation, commissioner, reference or services. */
export function matchesSearch(
  app: Pick<ApplicationSummary, 'profileId' | 'advert' | 'services'>,
  orgs: readonly OrganisationName[],
  words: readonly string[],
): boolean {
  if (words.length === 0) return true;
  const text = [
    orgs.find((o) => o.id === app.profileId)?.name ?? '',
    app.advert.commissioner,
    app.advert.reference ?? '',
    ...app.services.map((s) => serviceName(checklistOutline, s)),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}
