/**
 * One small row per application for "Your applications" (issue 13): what the list shows (whose,
 * which services, the commissioner and advert, progress, last saved, where it stands) without
 * the answers, so 200 applications list without reading or checking 200 whole records. Storage
 * keeps each row in the same transaction that saves its application (src/storage/summaries.ts),
 * so the two never disagree; the row has its own small schema, checked when read. Pure.
 */
import { z } from '@/domain/zod';
import { ServiceId } from '@/domain/definition/service-id';
import { checklistOutline, sectionProgressOf } from '@/domain/definition/checklist-outline';
import { restoreRecord, type RecordKind, type RestoreResult } from './record-kind';
import { ApplicationStatus } from './application-status';
import type { Application } from './application';

const Id = z.string().min(1).max(64);
const IsoDateTime = z.iso.datetime({ offset: true });
const IsoDate = z.iso.date();
const ShortText = z.string().max(500);

export const ApplicationSummarySchema = z.strictObject({
  formatVersion: z.literal(1),
  id: Id,
  profileId: Id,
  services: z.array(ServiceId).max(8),
  advert: z.strictObject({
    commissioner: ShortText,
    reference: ShortText,
    closingDate: IsoDate.optional(),
    serviceStart: IsoDate.optional(),
  }),
  status: ApplicationStatus,
  exportedAt: IsoDateTime.optional(),
  exportedRevision: z.number().int().nonnegative().optional(),
  /** Sections marked complete of those that apply. */
  progress: z.strictObject({ completed: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  /** A member's draft of a return (listed under "Fill in a return", not here). */
  isReturn: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  revision: z.number().int().nonnegative(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;

/** What the list needs of an organisation: its name (checked on its own, without its answers). */
export const OrganisationNameSchema = z.looseObject({ id: Id, name: ShortText, updatedAt: IsoDateTime });
export type OrganisationName = Pick<z.infer<typeof OrganisationNameSchema>, 'id' | 'name' | 'updatedAt'>;

export const summaryKind: RecordKind<ApplicationSummary> = {
  label: 'application summary',
  schema: ApplicationSummarySchema,
  upgrades: [],
};
export const restoreSummary = (raw: unknown): RestoreResult<ApplicationSummary> => restoreRecord(summaryKind, raw);

/** The summary row of an application, as it is now. */
export function summariseApplication(app: Application): ApplicationSummary {
  const { advert } = app;
  return {
    formatVersion: 1,
    id: app.id,
    profileId: app.profileId,
    services: app.services,
    advert: {
      commissioner: advert.commissioner,
      reference: advert.reference,
      ...(advert.closingDate ? { closingDate: advert.closingDate } : {}),
      ...(advert.serviceStart ? { serviceStart: advert.serviceStart } : {}),
    },
    status: app.status,
    ...(app.exportedAt !== undefined ? { exportedAt: app.exportedAt } : {}),
    ...(app.exportedRevision !== undefined ? { exportedRevision: app.exportedRevision } : {}),
    progress: sectionProgressOf(
      checklistOutline,
      app.services,
      app.completedSections,
      (advert.localQuestions?.length ?? 0) > 0,
    ),
    isReturn: app.returnFor !== undefined,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
    revision: app.revision,
  };
}

/** The names of the stored organisations that can be read; the others are left out, as in every list. */
export function organisationNames(rows: readonly unknown[]): OrganisationName[] {
  return rows.flatMap((row) => {
    const parsed = OrganisationNameSchema.safeParse(row);
    return parsed.success ? [{ id: parsed.data.id, name: parsed.data.name, updatedAt: parsed.data.updatedAt }] : [];
  });
}
