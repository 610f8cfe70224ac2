/**
 * Starting an application: what the start page must have (and its messages), and the new records
 * it creates. Ids and `now` are passed in. The applicant type becomes the bidding-model answer so
 * it is never asked twice.
 */
import type { DateParts } from '@/domain/answers/answer-value';
import type { ServiceId } from '@/domain/definition/checklist-schema';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import { dateFromParts, datePartsOf } from '@/domain/rules/values';
import type { HostedAdvert, LocalQuestion } from '@/domain/hosting/hosting-config';
import type { Advert, Application, OrganisationProfile } from './application';

export const applicantTypes = [
  { value: 'single-practice', label: 'A single GP practice', hint: 'The practice will deliver the service itself.' },
  {
    value: 'lead-provider',
    label: 'A GP federation or provider company, as lead provider',
    hint: 'Member practices deliver the service as subcontractors.',
  },
  { value: 'consortium', label: 'A consortium or joint venture of practices', hint: undefined },
  { value: 'other', label: 'Another kind of organisation', hint: undefined },
] as const;
export type ApplicantType = (typeof applicantTypes)[number]['value'];

export interface NewApplicationInput {
  /** An existing profile's id, or "new". */
  readonly organisation: string;
  readonly organisationName: string;
  readonly applicantType: ApplicantType | '';
  readonly services: readonly ServiceId[];
  readonly commissioner: string;
  readonly reference: string;
  readonly closingDate: DateParts;
  readonly serviceStart: DateParts;
  readonly advertId?: string;
  readonly localPrice?: string;
  /** From the LMC's advert: kept with the application, so later config changes never alter it. */
  readonly localQuestions?: readonly LocalQuestion[];
}

/** What an LMC advert fills in on the start page: its details, its services and its local questions. */
export function advertInput(advert: HostedAdvert): Partial<NewApplicationInput> {
  return {
    services: [...advert.services],
    commissioner: advert.commissioner,
    reference: advert.reference,
    closingDate: datePartsOf(advert.closingDate),
    serviceStart: datePartsOf(advert.serviceStart),
    advertId: advert.id,
    ...(advert.localPrice ? { localPrice: advert.localPrice } : {}),
    ...(advert.localQuestions?.length ? { localQuestions: advert.localQuestions } : {}),
  };
}

/** The start page's fields an advert fixes; with an advert, problems with them point at its summary. */
export const advertFields: ReadonlySet<keyof NewApplicationInput> = new Set([
  'commissioner',
  'reference',
  'closingDate',
  'serviceStart',
]);

export interface StartProblem {
  readonly field: keyof NewApplicationInput;
  readonly message: string;
  readonly part?: string;
}

const blankDate = (d: DateParts) => !d.day.trim() && !d.month.trim() && !d.year.trim();

export function checkNewApplication(input: NewApplicationInput, today: string): StartProblem[] {
  const problems: StartProblem[] = [];
  if (!input.organisation) problems.push({ field: 'organisation', message: 'Select which organisation is applying' });
  if (input.organisation === 'new' && !input.organisationName.trim())
    problems.push({ field: 'organisationName', message: 'Enter the organisation’s name' });
  if (input.organisationName.length > 160)
    problems.push({ field: 'organisationName', message: 'Organisation name must be 160 characters or fewer' });
  if (!input.applicantType)
    problems.push({ field: 'applicantType', message: 'Select how your organisation is applying' });
  return [...problems, ...checkAdvertInput(input, today)];
}

/** What an application is for: its services and its advert (the start page's second half). */
export type AdvertInput = Omit<NewApplicationInput, 'organisation' | 'organisationName' | 'applicantType'>;

/** The services and advert details: also what starting an application from another one checks. */
export function checkAdvertInput(input: AdvertInput, today: string): StartProblem[] {
  const problems: StartProblem[] = [];
  if (input.services.length === 0) problems.push({ field: 'services', message: 'Select at least one service' });
  if (!input.commissioner.trim())
    problems.push({ field: 'commissioner', message: 'Enter the commissioner, for example NHS Kernow CCG' });
  for (const field of ['closingDate', 'serviceStart'] as const) {
    const d = input[field];
    if (blankDate(d)) continue;
    const iso = dateFromParts(d.day, d.month, d.year);
    const name = field === 'closingDate' ? 'Closing date' : 'Service start date';
    if (!iso) problems.push({ field, part: 'day', message: `${name} must be a real date` });
    else if (field === 'closingDate' && iso < today)
      problems.push({ field, part: 'day', message: 'Closing date must be today or in the future' });
  }
  return problems;
}

export function newProfile(id: string, name: string, now: string): OrganisationProfile {
  return {
    formatVersion: 1,
    id,
    name: name.trim(),
    answers: { 'org.legal-name': name.trim() },
    createdAt: now,
    updatedAt: now,
    revision: 0,
  };
}

export function newApplication(
  input: NewApplicationInput,
  ids: { readonly id: string; readonly profileId: string },
  checklist: LoadedChecklist,
  now: string,
): Application {
  const iso = (d: DateParts) => dateFromParts(d.day, d.month, d.year) ?? undefined;
  const closingDate = iso(input.closingDate);
  const serviceStart = iso(input.serviceStart);
  const advert: Advert = {
    commissioner: input.commissioner.trim(),
    reference: input.reference.trim(),
    ...(closingDate ? { closingDate } : {}),
    ...(serviceStart ? { serviceStart } : {}),
    ...(input.advertId ? { advertId: input.advertId } : {}),
    ...(input.localPrice ? { localPrice: input.localPrice } : {}),
    ...(input.localQuestions?.length ? { localQuestions: [...input.localQuestions] } : {}),
  };
  return {
    formatVersion: 1,
    id: ids.id,
    profileId: ids.profileId,
    checklistId: checklist.definition.id,
    checklistVersion: checklist.definition.version,
    checklistEdition: checklist.definition.edition,
    services: [...input.services],
    advert,
    answers: input.applicantType ? { 'bid.model': input.applicantType } : {},
    retiredAnswers: {},
    completedSections: [],
    status: 'draft',
    createdAt: now,
    updatedAt: now,
    revision: 0,
  };
}
