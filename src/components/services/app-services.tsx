/**
 * What features receive from the app: the repositories (the domain's ports), the autosave and
 * backup operations, the clock and id source, and the storage state. `src/app` provides the real
 * implementations (storage on IndexedDB, or in memory when IndexedDB is unavailable); tests
 * provide in-memory ones. Features never import `src/storage`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Application, EvidenceMeta, OrganisationProfile, Settings } from '@/domain/application/application';
import type { ReviewFile } from '@/domain/exchange/exchange-format';
import type { CommentTargets, ReviewerReview } from '@/domain/exchange/review-record';
import type { ReturnFile, ReturnSubject } from '@/domain/exchange/return-format';
import type { LeadRequest, RespondentReturn } from '@/domain/exchange/return-record';
import type { Answers } from '@/domain/answers/answer-value';
import type { HostingConfig } from '@/domain/hosting/hosting-config';
import type { Repositories, StorageFailure } from '@/domain/ports';

/** In a conflict, `mine` is this tab's version and `theirs` the one another tab saved. */
export type AutosaveState<T = unknown> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'failed'; readonly failure: StorageFailure }
  | { readonly kind: 'conflict'; readonly mine: T; readonly theirs: T }
  | { readonly kind: 'stopped'; readonly reason: string };

/** Saves one record: debounced after `change`, at once on `flush` (and when the page hides). */
export interface Autosave<T> {
  change(record: T): void;
  flush(options?: { durable?: boolean }): Promise<AutosaveState<T>>;
  /**
   * Settles a conflict with the version the user chose (saved over theirs); the version not
   * chosen is kept on this computer first. Resolves with the new state, or a failed state (the
   * conflict then stays) when the unchosen version could not be kept.
   */
  resolveConflict(choice: T): Promise<AutosaveState<T>>;
  readonly state: AutosaveState<T>;
  /** The revision the latest save stored (the first record's until one does): what a pack is made from. */
  readonly savedRevision: number;
  /** Nothing is waiting to be saved or being saved: the stored record is the record as the user has it. */
  readonly settled: boolean;
  subscribe(listener: (state: AutosaveState<T>) => void): () => void;
  /**
   * Tells `listener` when a save met another tab's newer version and merged with it (different
   * answers changed): the version both started from and the other tab's, for the page to take in.
   */
  onMerged(listener: (merge: { readonly base: T; readonly theirs: T }) => void): () => void;
  dispose(): void;
}

export interface StorageStatus {
  /** "memory": IndexedDB could not be opened; nothing will survive closing the tab. */
  readonly mode: 'indexeddb' | 'memory';
  readonly reason?: string;
  /** Set when a newer version of the app took over the database in another tab. */
  readonly stopped?: string;
}

export interface BackupOperations {
  /**
   * Everything, or one application with its organisation and evidence. `unsaved` holds newer
   * versions than those stored (when saving failed), put in the file in their place.
   */
  exportBackup(options: {
    applicationId?: string;
    passphrase?: string;
    unsaved?: { applications?: readonly Application[]; profiles?: readonly OrganisationProfile[] };
  }): Promise<{ blob: Blob; fileName: string }>;
  /** Reads a file; says what it holds or what is wrong with it, without changing anything. */
  inspectBackup(file: File, passphrase?: string): Promise<BackupInspection>;
  importBackup(
    file: File,
    options: { existing: 'keep-both' | 'replace'; passphrase?: string },
  ): Promise<BackupImportReport>;
}

export type BackupInspection =
  | {
      readonly ok: true;
      readonly applications: number;
      readonly profiles: number;
      readonly evidence: number;
      readonly clashes: number;
      readonly encrypted: boolean;
    }
  | { readonly ok: false; readonly message: string; readonly needsPassphrase?: boolean };

export interface BackupImportReport {
  readonly ok: boolean;
  readonly message: string;
}

/** What the host's config.json says, or the defaults; `problems` when the file is there but wrong. */
export interface HostingState {
  readonly config: HostingConfig;
  readonly problems?: readonly string[];
}

/** What the browser says about working offline (the "Ready to work offline?" page). */
export interface OfflineStatus {
  /** Whether every file of the app is cached, still being cached, not cached, or cannot be. */
  readonly app: 'cached' | 'caching' | 'not-cached' | 'unsupported';
  /** Whether the browser has agreed to keep this site's data; undefined when it will not say. */
  readonly persisted: boolean | undefined;
}

/** A result with a plain message when it did not work. */
export type Outcome<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly message: string };

/** LMC review files (see src/domain/exchange): made, opened and imported. */
export interface ExchangeOperations {
  /** A review file of the application as it is now; records that it was sent. */
  makeReviewFile(request: {
    application: Application;
    profile: OrganisationProfile;
    includeEvidence: boolean;
  }): Promise<Outcome<{ blob: Blob; fileName: string }>>;
  /** Opens a review file for an LMC officer; the id of the review kept on this computer. */
  openReviewFile(file: File): Promise<Outcome<{ id: string; reopened: boolean }>>;
  makeCommentsFile(record: ReviewerReview): Promise<Outcome<{ blob: Blob; fileName: string }>>;
  importComments(
    file: File,
    applicationId: string,
    targets: CommentTargets,
  ): Promise<Outcome<{ comments: number; reviewer: string }>>;
  /** An evidence file sent with a review, when its bytes were sent. */
  evidenceFile(review: ReviewFile, evidenceId: string): { name: string; blob: Blob } | undefined;
}

/** Member returns (see src/domain/exchange/return-format.ts): requests, returns and their import. */
export interface ReturnOperations {
  /** A request file for one member or declarant; records that it was made. */
  makeRequest(input: {
    application: Application;
    profile: OrganisationProfile;
    answers: Answers;
    subject: ReturnSubject;
    askedBy: string;
    email: string;
  }): Promise<Outcome<{ blob: Blob; fileName: string }>>;
  /** Opens a request file into a draft of its own on this computer; the draft's application id. */
  openRequest(file: File): Promise<Outcome<{ draftId: string; reopened: boolean }>>;
  /** The return file a member sends back. */
  makeReturn(input: {
    record: RespondentReturn;
    answers: Answers;
    evidence: readonly EvidenceMeta[];
    respondent: { name: string; organisation: string };
  }): Promise<Outcome<{ blob: Blob; fileName: string }>>;
  /** Imports return files into the application's requests: one result per file, in order. */
  importReturns(
    files: readonly File[],
    applicationId: string,
  ): Promise<readonly { fileName: string; ok: boolean; message: string }[]>;
  /** Stores a return's evidence files under the organisation: the return's ids to the stored ids. */
  storeEvidence(profileId: string, file: ReturnFile): Promise<Outcome<{ ids: Map<string, string> }>>;
  decide(request: LeadRequest, outcome: 'accepted' | 'not-used'): Promise<Outcome<{ request: LeadRequest }>>;
}

export interface AppServices {
  readonly repositories: Repositories;
  readonly exchange: ExchangeOperations;
  readonly returns: ReturnOperations;
  readonly hosting: HostingState;
  /** The settings and whether the browser keeps this site's data, as they were when storage opened. */
  readonly atOpen?: { readonly settings: Settings; readonly persisted: boolean | undefined };
  readonly storage: StorageStatus;
  readonly createAutosave: <T extends { readonly id: string; readonly revision: number }>(
    kind: 'applications' | 'profiles',
    initial: T,
  ) => Autosave<T>;
  readonly backup: BackupOperations;
  /** Asks the browser to keep this site's data (after the first explicit save). */
  readonly requestPersistence: () => Promise<void>;
  readonly storageEstimate: () => Promise<{ usage?: number; quota?: number } | undefined>;
  readonly removeAllData: () => Promise<void>;
  /** Saves every pending edit durably; null when all are saved, else why not (plain English). */
  readonly saveAllPending: () => Promise<string | null>;
  /** Writes, reads back and deletes a test record; null when storage works, else why not. */
  readonly writeReadTest: () => Promise<string | null>;
  readonly offlineStatus: () => Promise<OfflineStatus>;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Tells the listener when this tab stops writing (a newer version took over); returns an unsubscribe. */
  readonly onStorageStop?: (listener: (reason: string) => void) => () => void;
}

const AppServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider({
  services,
  children,
}: {
  readonly services: AppServices;
  readonly children: ReactNode;
}) {
  return <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>;
}

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices needs an AppServicesProvider above it.');
  return services;
}
