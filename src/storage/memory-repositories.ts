/**
 * The same repositories kept in memory: the fallback when IndexedDB cannot be used (a private
 * window, storage turned off or damaged), and a second implementation the contract tests hold to
 * the same behaviour as Dexie. Work here lasts only as long as the tab, which the app must say.
 * Must never behave differently from the Dexie repositories in anything the contract tests check.
 */
import { defaultSettings, type Settings } from '@/domain/application/application';
import {
  restoreApplication,
  restoreEvidenceMeta,
  restoreKeptVersion,
  restoreProfile,
  restoreSettings,
} from '@/domain/application/restore';
import type {
  EvidenceRepository,
  KeptVersionRepository,
  RecordRepository,
  SettingsRepository,
  Unsubscribe,
} from '@/domain/ports';
import { organisationNames, summariseApplication } from '@/domain/application/application-summary';
import { restoreReturn } from '@/domain/exchange/return-record';
import { restoreReview } from '@/domain/exchange/review-record';
import type { StorageBackend } from '@/storage/dexie-repositories';
import { alreadySavedMessage, failure } from '@/storage/errors';
import { editedEvidence, prepareEvidence } from '@/storage/evidence-file';
import type { ImportTarget } from '@/storage/import-plan';
import { newKeptVersion, planSwap } from '@/storage/kept-versions';
import {
  checked,
  compareAndSet,
  defaultDeps,
  readable,
  restored,
  type Restore,
  type StorageDeps,
} from '@/storage/record-helpers';

type Store = Map<string, unknown>;

class Listeners {
  private readonly all = new Set<() => void>();
  add(listener: () => void): Unsubscribe {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }
  /** After the write, like IndexedDB's commit: never while the writer is still running. */
  notify(): void {
    void Promise.resolve().then(() => this.all.forEach((listener) => listener()));
  }
}

function memoryRecords<T extends { readonly id: string; readonly revision: number }>(
  store: Store,
  restore: Restore<T>,
  listeners: Listeners,
): RecordRepository<T> {
  const readOne = (id: string): T | undefined => {
    return restored(restore, store.get(id));
  };
  const write = (record: T) => {
    store.set(record.id, structuredClone(record));
    listeners.notify();
  };
  return {
    list: async () => readable(restore, [...store.values()]),
    count: async () => store.size,
    get: async (id) => readOne(id),
    create: async (record) => {
      const created = { ...checked(restore, record), revision: 0 };
      if (store.has(created.id)) throw failure('invalid', undefined, alreadySavedMessage);
      write(created);
      return created;
    },
    save: async (record) => {
      const incoming = checked(restore, record);
      const stored = readOne(incoming.id);
      if (stored === undefined) throw failure('not-found');
      const outcome = compareAndSet(stored, incoming);
      if ('result' in outcome) return outcome.result;
      write(outcome.write);
      return { ok: true, record: outcome.write };
    },
    delete: async (id) => {
      store.delete(id);
      listeners.notify();
    },
    restore: async (record) => write(checked(restore, record)),
    subscribe: (listener) => listeners.add(listener),
  };
}

function memoryEvidence(
  metas: Store,
  blobs: Map<string, Blob>,
  listeners: Listeners,
  deps: StorageDeps,
): EvidenceRepository {
  const readOne = (id: string) => {
    return restored(restoreEvidenceMeta, metas.get(id));
  };
  return {
    listForProfile: async (profileId) =>
      readable(restoreEvidenceMeta, [...metas.values()]).filter((m) => m.profileId === profileId),
    get: async (id) => readOne(id),
    getBlob: async (id) => blobs.get(id),
    add: async (file, blob) => {
      const prepared = await prepareEvidence(file, blob, deps);
      metas.set(prepared.meta.id, structuredClone(prepared.meta));
      blobs.set(prepared.meta.id, prepared.blob);
      listeners.notify();
      return prepared.meta;
    },
    update: async (meta) => {
      const stored = readOne(meta.id);
      if (stored === undefined) throw failure('not-found');
      const next = editedEvidence(stored, meta);
      metas.set(next.id, structuredClone(next));
      listeners.notify();
      return next;
    },
    delete: async (id) => {
      metas.delete(id);
      blobs.delete(id);
      listeners.notify();
    },
    subscribe: (listener) => listeners.add(listener),
  };
}

function memorySettings(): SettingsRepository {
  let stored: Settings = defaultSettings;
  return {
    get: async () => stored,
    update: async (patch) => {
      stored = checked(restoreSettings, { ...stored, ...patch, formatVersion: stored.formatVersion });
      return stored;
    },
  };
}

function memoryKeptVersions(
  kept: Store,
  records: { readonly application: Store; readonly profile: Store },
  listeners: { readonly kept: Listeners; readonly application: Listeners; readonly profile: Listeners },
  deps: StorageDeps,
): KeptVersionRepository {
  return {
    list: async () => readable(restoreKeptVersion, [...kept.values()]),
    keep: async (record, reason) => {
      const version = newKeptVersion(record, reason, deps);
      kept.set(version.id, structuredClone(version));
      listeners.kept.notify();
      return version;
    },
    useInstead: async (id) => {
      const version = restored(restoreKeptVersion, kept.get(id));
      if (version === undefined) throw failure('not-found');
      const store = records[version.kind];
      // Planned in full before anything is written, like the Dexie transaction.
      const plan = planSwap(version, store.get(version.record.id), deps);
      if (plan.replaced) kept.set(plan.replaced.id, structuredClone(plan.replaced));
      store.set(plan.current.id, structuredClone(plan.current));
      kept.delete(id);
      listeners.kept.notify();
      listeners[version.kind].notify();
    },
    discard: async (id) => {
      kept.delete(id);
      listeners.kept.notify();
    },
    subscribe: (listener) => listeners.kept.add(listener),
  };
}

function byId<T>(store: Store, restore: Restore<T>): Map<string, T | undefined> {
  return new Map([...store].map(([id, raw]): [string, T | undefined] => [id, readable(restore, [raw])[0]]));
}

export function createMemoryBackend(deps: StorageDeps = defaultDeps()): StorageBackend {
  const profiles: Store = new Map();
  const applications: Store = new Map();
  const metas: Store = new Map();
  const blobs = new Map<string, Blob>();
  const profileListeners = new Listeners();
  const applicationListeners = new Listeners();
  const evidenceListeners = new Listeners();
  const kept: Store = new Map();
  const keptListeners = new Listeners();
  const reviews: Store = new Map();
  const reviewListeners = new Listeners();
  const returns: Store = new Map();
  const returnListeners = new Listeners();
  const importTarget: ImportTarget = {
    applyImport: async (build) => {
      // Built in full before anything is written, so a failure leaves everything as it was.
      const records = build({
        profiles: byId(profiles, restoreProfile),
        applications: byId(applications, restoreApplication),
        evidence: byId(metas, restoreEvidenceMeta),
        keptVersions: byId(kept, restoreKeptVersion),
      });
      for (const k of records.keptVersions) kept.set(k.id, structuredClone(k));
      for (const p of records.profiles) profiles.set(p.id, structuredClone(p));
      for (const a of records.applications) applications.set(a.id, structuredClone(a));
      for (const e of records.evidence) {
        metas.set(e.meta.id, structuredClone(e.meta));
        blobs.set(e.meta.id, e.blob);
      }
      profileListeners.notify();
      applicationListeners.notify();
      evidenceListeners.notify();
      if (records.keptVersions.length) keptListeners.notify();
    },
  };
  return {
    repositories: {
      profiles: memoryRecords(profiles, restoreProfile, profileListeners),
      applications: memoryRecords(applications, restoreApplication, applicationListeners),
      // Worked out from the records when read: in memory there is nothing to keep in step.
      summaries: {
        list: async () => readable(restoreApplication, [...applications.values()]).map(summariseApplication),
        organisations: async () => organisationNames([...profiles.values()]),
        subscribe: (listener) => applicationListeners.add(listener),
      },
      evidence: memoryEvidence(metas, blobs, evidenceListeners, deps),
      settings: memorySettings(),
      keptVersions: memoryKeptVersions(
        kept,
        { application: applications, profile: profiles },
        { kept: keptListeners, application: applicationListeners, profile: profileListeners },
        deps,
      ),
      reviews: memoryRecords(reviews, restoreReview, reviewListeners),
      returns: memoryRecords(returns, restoreReturn, returnListeners),
    },
    importTarget,
  };
}
