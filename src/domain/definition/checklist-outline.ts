/**
 * The checklist's outline: its sections (and the service each service section belongs to) and the
 * services' names, without its questions. Enough for "Your applications" to show each
 * application's services and progress without loading and checking the whole checklist (issue
 * 13); `test/unit/checklist-outline.test.ts` proves it matches `schemas/checklists/aqp-2012.json`.
 */
import type { ServiceId } from './checklist-schema';
import { localSectionId } from './local-questions';

export interface ChecklistOutline {
  readonly id: string;
  readonly sections: readonly { readonly id: string; readonly service?: ServiceId }[];
  readonly services: readonly { readonly id: ServiceId; readonly name: string }[];
}

export const checklistOutline: ChecklistOutline = {
  id: 'aqp-qualification',
  sections: [
    { id: 'organisation' },
    { id: 'registrations' },
    { id: 'governance' },
    { id: 'safeguarding' },
    { id: 'workforce' },
    { id: 'information-governance' },
    { id: 'equality' },
    { id: 'insurance' },
    { id: 'finance' },
    { id: 'bidding-model' },
    { id: 'exclusion-grounds' },
    { id: 'service-delivery' },
    { id: 'premises' },
    { id: 'commercial' },
    { id: 'service-msk', service: 'msk' },
    { id: 'service-hearing', service: 'hearing' },
    { id: 'service-continence', service: 'continence' },
    { id: 'service-diagnostics', service: 'diagnostics' },
    { id: 'service-wheelchairs', service: 'wheelchairs' },
    { id: 'service-podiatry', service: 'podiatry' },
    { id: 'service-wound-care', service: 'wound-care' },
    { id: 'service-psychological-therapies', service: 'psychological-therapies' },
    { id: 'conflicts' },
    { id: 'declaration' },
  ],
  services: [
    { id: 'msk', name: 'MSK services for back and neck pain' },
    { id: 'hearing', name: 'Adult hearing services in the community' },
    { id: 'continence', name: 'Continence services (adults and children)' },
    { id: 'diagnostics', name: 'Diagnostic tests closer to home (direct access)' },
    { id: 'wheelchairs', name: 'Wheelchair services (adults and children)' },
    { id: 'podiatry', name: 'Podiatry' },
    { id: 'wound-care', name: 'Venous leg ulcer and wound healing' },
    { id: 'psychological-therapies', name: 'Primary care psychological therapies (adults)' },
  ],
};

/**
 * Sections that apply to an application with these services (and an advert's local questions,
 * which add one section of their own), and how many of those it has marked complete. A section
 * marked complete that no longer applies (a service dropped) is not counted.
 */
export function sectionProgressOf(
  outline: ChecklistOutline,
  services: readonly ServiceId[],
  completedSections: readonly string[],
  hasLocalQuestions: boolean,
): { readonly completed: number; readonly total: number } {
  const applying = new Set(outline.sections.filter((s) => !s.service || services.includes(s.service)).map((s) => s.id));
  if (hasLocalQuestions) applying.add(localSectionId);
  return { total: applying.size, completed: [...new Set(completedSections)].filter((id) => applying.has(id)).length };
}

export const serviceName = (outline: ChecklistOutline, id: ServiceId): string =>
  outline.services.find((s) => s.id === id)?.name ?? id;
