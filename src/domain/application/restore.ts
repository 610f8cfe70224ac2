/**
 * Restore: the one door through which a saved record enters the app, whether it comes out of
 * IndexedDB or a backup file. It upgrades a record of an earlier format version one version at a
 * time, then validates it with the current strict schema.
 *
 * Owns the upgrade chain of each record kind. Pure and idempotent: restoring a restored record
 * gives an equal record. Must never throw, read the clock, or trust its input.
 *
 * To release format version 2: set `currentFormatVersion` and the schemas in `application.ts` to
 * 2, add ONE function to each upgrade list below that turns a version 1 record into version 2,
 * and add `test/fixtures/formats/v2.json`. Records are upgraded when read; nothing else changes.
 */
import {
  ApplicationSchema,
  EvidenceMetaSchema,
  KeptVersionSchema,
  OrganisationProfileSchema,
  type Application,
  type EvidenceMeta,
  type KeptVersion,
  type OrganisationProfile,
} from '@/domain/application/application';
import { restoreRecord, type RecordKind, type RestoreResult } from './record-kind';
import { settingsKind } from './settings';

export { describeIssues, restoreRecord } from './record-kind';
export type { RawRecord, RecordKind, RestoreResult, Upgrade } from './record-kind';
export { restoreSettings, settingsKind } from './settings';

export const applicationKind: RecordKind<Application> = {
  label: 'application',
  schema: ApplicationSchema,
  upgrades: [],
};
export const profileKind: RecordKind<OrganisationProfile> = {
  label: 'organisation profile',
  schema: OrganisationProfileSchema,
  upgrades: [],
};
export const evidenceKind: RecordKind<EvidenceMeta> = {
  label: 'evidence file',
  schema: EvidenceMetaSchema,
  upgrades: [],
};

/** When application or profile formats change, its upgrade must also upgrade the record it holds. */
export const keptVersionKind: RecordKind<KeptVersion> = {
  label: 'kept version',
  schema: KeptVersionSchema,
  upgrades: [],
};

export const recordKinds = [applicationKind, profileKind, evidenceKind, settingsKind, keptVersionKind] as const;

export const restoreApplication = (raw: unknown): RestoreResult<Application> => restoreRecord(applicationKind, raw);
export const restoreProfile = (raw: unknown): RestoreResult<OrganisationProfile> => restoreRecord(profileKind, raw);
export const restoreEvidenceMeta = (raw: unknown): RestoreResult<EvidenceMeta> => restoreRecord(evidenceKind, raw);
export const restoreKeptVersion = (raw: unknown): RestoreResult<KeptVersion> => restoreRecord(keptVersionKind, raw);
