/**
 * The saved records: organisation profiles, applications, evidence files, settings. Each carries
 * a format version; `restore.ts` validates and upgrades whatever comes out of storage or a backup.
 *
 * Organisation answers (sections with scope "organisation") live on the profile and are reused
 * by every application of that organisation; an application holds only its own answers.
 */
import { z } from '@/domain/zod';
import { AnswersSchema, AnswerValueSchema } from '@/domain/answers/answer-value';
import { ServiceId } from '@/domain/definition/service-id';
import { LocalQuestionSchema } from '@/domain/hosting/hosting-config';
import { ApplicationStatus } from './application-status';

export { ApplicationStatus } from './application-status';

export const currentFormatVersion = 1;

const Id = z.string().min(1).max(64);
const IsoDateTime = z.iso.datetime({ offset: true });
const IsoDate = z.iso.date();
const ShortText = z.string().max(500);

export const OrganisationProfileSchema = z.strictObject({
  formatVersion: z.literal(1),
  id: Id,
  /** The organisation's name as the user knows it; follows the legal name when that is answered. */
  name: ShortText,
  answers: AnswersSchema,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  revision: z.number().int().nonnegative(),
});
export type OrganisationProfile = z.infer<typeof OrganisationProfileSchema>;

export const AdvertSchema = z.strictObject({
  /** The LMC config's advert id, when the application was started from an advert link. */
  advertId: z.string().max(100).optional(),
  commissioner: ShortText,
  reference: ShortText,
  closingDate: IsoDate.optional(),
  serviceStart: IsoDate.optional(),
  localPrice: ShortText.optional(),
  /** The advert's local questions, copied from the LMC config when the application was started. */
  localQuestions: z.array(LocalQuestionSchema).max(30).optional(),
});
export type Advert = z.infer<typeof AdvertSchema>;

export const ApplicationSchema = z.strictObject({
  formatVersion: z.literal(1),
  id: Id,
  profileId: Id,
  checklistId: z.string().max(100),
  checklistVersion: z.number().int().positive(),
  /** The edition the application was started on. */
  checklistEdition: z.string().max(300),
  services: z.array(ServiceId).max(8),
  advert: AdvertSchema,
  answers: AnswersSchema,
  /** Answers to questions a newer checklist retired: kept, never thrown away. */
  retiredAnswers: z.record(z.string().max(120), AnswerValueSchema),
  /** Sections the user marked as completed. */
  completedSections: z.array(z.string().max(120)).max(200),
  /**
   * "exported" once a final pack has been exported, otherwise "draft". Never "ready": readiness
   * depends on today's date (evidence expires), so it is evaluated, never stored. Where the
   * application stands is derived from the facts below (see standing.ts).
   */
  status: ApplicationStatus,
  /**
   * When the latest final pack was made (the date printed on it). Optional: records saved before
   * packs were recorded have none, and restore as never exported.
   */
  exportedAt: IsoDateTime.optional(),
  /**
   * The revision of this record whose answers that pack shows; a later revision means the answers
   * changed since. Set with `exportedAt`.
   */
  exportedRevision: z.number().int().nonnegative().optional(),
  /**
   * Set on a member's draft of a return (see src/domain/exchange/return-record.ts): the request it
   * answers. Such a draft is filled in on the return's own page and is not listed with applications.
   */
  returnFor: z.strictObject({ requestId: Id }).optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  revision: z.number().int().nonnegative(),
});
export type Application = z.infer<typeof ApplicationSchema>;

/** One evidence file's details; the file itself is stored beside it as a Blob. */
export const EvidenceMetaSchema = z.strictObject({
  formatVersion: z.literal(1),
  id: Id,
  profileId: Id,
  name: z.string().min(1).max(255),
  type: z.string().max(255),
  size: z.number().int().nonnegative(),
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  validUntil: IsoDate.optional(),
  /** The evidence questions this file supports. */
  questionIds: z.array(z.string().max(120)).max(500),
  addedAt: IsoDateTime,
});
export type EvidenceMeta = z.infer<typeof EvidenceMetaSchema>;

/**
 * A version of an application or an organisation's answers that is not the current one, kept so
 * that nothing typed is ever lost: the version not chosen when two tabs changed the same record
 * ("other-tab"), changes left by a tab that closed before saving them onto a record that another
 * tab changed meanwhile ("closed-tab"), or the current version set aside when the user chose a
 * kept one instead ("replaced").
 */
export const KeptReason = z.enum(['other-tab', 'closed-tab', 'replaced']);
export type KeptReason = z.infer<typeof KeptReason>;

const keptCommon = { formatVersion: z.literal(1), id: Id, keptAt: IsoDateTime, reason: KeptReason };
export const KeptVersionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...keptCommon, kind: z.literal('application'), record: ApplicationSchema }),
  z.strictObject({ ...keptCommon, kind: z.literal('profile'), record: OrganisationProfileSchema }),
]);
export type KeptVersion = z.infer<typeof KeptVersionSchema>;
export type KeptKind = KeptVersion['kind'];

export { defaultSettings, SettingsSchema, type Settings } from './settings';
