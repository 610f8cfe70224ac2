/**
 * The repository interfaces the app needs, declared by the domain and implemented in
 * `src/storage` (Dexie) and by an in-memory version. Features receive them from context and never
 * import storage. Every method resolves with validated records or rejects with a StorageFailure.
 */
import type {
  Application,
  EvidenceMeta,
  KeptReason,
  KeptVersion,
  OrganisationProfile,
  Settings,
} from './application/application';
import type { ApplicationSummary, OrganisationName } from './application/application-summary';
import type { ReturnRecord } from './exchange/return-record';
import type { ReviewRecord } from './exchange/review-record';

export type StorageFailureKind =
  | 'quota' // the disk or the browser's quota is full
  | 'unavailable' // IndexedDB cannot be opened (private window, blocked, corrupt)
  | 'version-change' // a newer version of the app upgraded the database in another tab
  | 'conflict' // another tab saved a newer revision of the same record
  | 'not-found'
  | 'invalid' // a record failed validation
  | 'unknown';

/** The one error type the repositories reject with; `message` is plain English for the user. */
export class StorageFailure extends Error {
  constructor(
    readonly kind: StorageFailureKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StorageFailure';
  }
}

/** The result of a compare-and-set save. */
export type SaveResult<T> = { readonly ok: true; readonly record: T } | { readonly ok: false; readonly conflict: T };

export interface SaveOptions {
  /** Strict durability for explicit saves ("Save and come back later", Continue). */
  readonly durable?: boolean;
}

export type Unsubscribe = () => void;

export interface RecordRepository<T extends { readonly id: string; readonly revision: number }> {
  list(): Promise<readonly T[]>;
  /** How many records are stored, without reading them (cheap, for "are there any?"). */
  count(): Promise<number>;
  get(id: string): Promise<T | undefined>;
  /** Adds a new record (revision 0). */
  create(record: T): Promise<T>;
  /**
   * Saves `record` if the stored revision still equals `record.revision`; the stored copy then
   * has revision + 1. Otherwise resolves with the stored, newer record as a conflict.
   */
  save(record: T, options?: SaveOptions): Promise<SaveResult<T>>;
  delete(id: string): Promise<void>;
  /** Puts back a deleted record exactly as it was (undo). */
  restore(record: T): Promise<void>;
  /** Calls `listener` whenever the records change, in this tab or another. */
  subscribe(listener: () => void): Unsubscribe;
}

export type ApplicationRepository = RecordRepository<Application>;
export type ProfileRepository = RecordRepository<OrganisationProfile>;
export type ReviewRepository = RecordRepository<ReviewRecord>;
export type ReturnRepository = RecordRepository<ReturnRecord>;

/** The small row per application that "Your applications" lists (kept by storage with each save). */
export interface ApplicationSummaryRepository {
  list(): Promise<readonly ApplicationSummary[]>;
  /** Each organisation's id, name and last change, without reading its answers. */
  organisations(): Promise<readonly OrganisationName[]>;
  subscribe(listener: () => void): Unsubscribe;
}

export interface NewEvidence {
  readonly profileId: string;
  readonly name: string;
  readonly type: string;
  readonly validUntil?: string;
  readonly questionIds: readonly string[];
}

export interface EvidenceRepository {
  listForProfile(profileId: string): Promise<readonly EvidenceMeta[]>;
  get(id: string): Promise<EvidenceMeta | undefined>;
  getBlob(id: string): Promise<Blob | undefined>;
  /** Stores the file with its SHA-256; refuses types and sizes outside the evidence limits. */
  add(file: NewEvidence, blob: Blob): Promise<EvidenceMeta>;
  update(meta: EvidenceMeta): Promise<EvidenceMeta>;
  delete(id: string): Promise<void>;
  subscribe(listener: () => void): Unsubscribe;
}

export interface SettingsRepository {
  get(): Promise<Settings>;
  update(patch: Partial<Omit<Settings, 'formatVersion'>>): Promise<Settings>;
}

/** What a kept version holds: an application or an organisation's answers. */
export type KeptRecord =
  | { readonly kind: 'application'; readonly record: Application }
  | { readonly kind: 'profile'; readonly record: OrganisationProfile };

/**
 * Versions that are not current but must not be lost (see KeptVersionSchema): kept, listed,
 * swapped in for the current version, or discarded by the user.
 */
export interface KeptVersionRepository {
  list(): Promise<readonly KeptVersion[]>;
  keep(kept: KeptRecord, reason: KeptReason): Promise<KeptVersion>;
  /**
   * Makes the kept version the current one, in one transaction: the current version (if it
   * differs) is kept in its place, and this kept version is removed.
   */
  useInstead(id: string): Promise<void>;
  discard(id: string): Promise<void>;
  subscribe(listener: () => void): Unsubscribe;
}

export interface Repositories {
  readonly applications: ApplicationRepository;
  /** One small row per application, always as the application was last saved. */
  readonly summaries: ApplicationSummaryRepository;
  readonly profiles: ProfileRepository;
  readonly evidence: EvidenceRepository;
  readonly settings: SettingsRepository;
  readonly keptVersions: KeptVersionRepository;
  /** LMC reviews on this computer: sent for review, or being reviewed. */
  readonly reviews: ReviewRepository;
  /** Member returns on this computer: requests a lead made, and requests being filled in. */
  readonly returns: ReturnRepository;
}
