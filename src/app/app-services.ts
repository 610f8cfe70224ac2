/**
 * Builds the services features receive (`AppServices`) from the opened storage: repositories,
 * autosave, backups (recording the date of the last one), persistence, "remove all data", the
 * clock and ids. The one place where the UI meets `src/storage`.
 */
import type {
  AppServices,
  Autosave as AutosavePort,
  AutosaveState,
  HostingState,
} from '@/components/services/app-services';
import type { RecordRepository } from '@/domain/ports';
import type { Autosave } from '@/storage/autosave';
import type { AppStorage } from '@/storage/open-storage';
import { offlineStatus } from './offline-status';

type Saveable = { readonly id: string; readonly revision: number };

function adaptAutosave<T extends Saveable>(autosave: Autosave<T>, initial: T): AutosavePort<T> {
  let savedRevision = initial.revision;
  const toPort = (state: Autosave<T>['state']): AutosaveState<T> => {
    if (state.kind !== 'saved') return state;
    savedRevision = state.record.revision;
    return { kind: 'saved', at: state.at };
  };
  // Every state passes through here, so the stored revision is known even when nothing listens.
  autosave.subscribe(toPort);
  return {
    change: (record) => autosave.change(record),
    flush: async (options) => toPort(await autosave.flush(options)),
    resolveConflict: async (choice) => toPort(await autosave.resolveConflict(choice)),
    get state() {
      return toPort(autosave.state);
    },
    get savedRevision() {
      return savedRevision;
    },
    get settled() {
      const { kind } = autosave.state;
      return autosave.unsaved === undefined && (kind === 'saved' || kind === 'idle');
    },
    subscribe: (listener) => autosave.subscribe((state) => listener(toPort(state))),
    dispose: () => autosave.dispose(),
  };
}

export function createAppServices(storage: AppStorage, hosting: HostingState = { config: {} }): AppServices {
  const now = () => new Date();
  const { repositories } = storage;
  return {
    repositories,
    hosting,
    storage: {
      mode: storage.mode,
      ...(storage.warning ? { reason: storage.warning.message } : {}),
      ...(storage.stopped ? { stopped: storage.stopped.message } : {}),
    },
    onStorageStop: (listener) => storage.onStop((reason) => listener(reason.message)),
    createAutosave: <T extends Saveable>(kind: 'applications' | 'profiles', initial: T) => {
      // The caller names the record kind and passes a record of that kind.
      const repository = (kind === 'applications'
        ? repositories.applications
        : repositories.profiles) as unknown as RecordRepository<T>;
      return adaptAutosave<T>(storage.createAutosave<T>(repository, initial), initial);
    },
    backup: {
      exportBackup: async ({ applicationId, passphrase, unsaved }) => {
        const scope = applicationId ? ({ kind: 'application', applicationId } as const) : ({ kind: 'all' } as const);
        const result = await storage.exportBackup({
          scope,
          ...(passphrase ? { passphrase } : {}),
          ...(unsaved?.applications ? { unsaved: unsaved.applications } : {}),
          ...(unsaved?.profiles ? { unsavedProfiles: unsaved.profiles } : {}),
        });
        if (!result.ok) throw new Error(result.message);
        // Storage records the date of a full backup itself, best effort (the disk may be full).
        return { blob: result.blob, fileName: result.fileName };
      },
      inspectBackup: async (file, passphrase) => {
        const read = await storage.readBackup(file, passphrase === undefined ? {} : { passphrase });
        if (!read.ok)
          return { ok: false, message: read.message, ...(read.needsPassphrase ? { needsPassphrase: true } : {}) };
        const existing = await storage.findExisting(read.backup);
        const { summary } = read.backup;
        return {
          ok: true,
          applications: summary.applications.length,
          profiles: summary.profiles,
          evidence: summary.evidenceFiles,
          clashes: existing.applicationIds.length,
          encrypted: passphrase !== undefined,
        };
      },
      importBackup: async (file, { existing, passphrase }) => {
        const read = await storage.readBackup(file, passphrase === undefined ? {} : { passphrase });
        if (!read.ok) return { ok: false, message: read.message };
        const result = await storage.importBackup(read.backup, { onExisting: existing });
        if (!result.ok) return { ok: false, message: result.message };
        const n = read.backup.summary.applications.length;
        return { ok: true, message: `Imported ${n} application${n === 1 ? '' : 's'} from the backup.` };
      },
    },
    requestPersistence: async () => {
      await storage.persistence.afterExplicitSave();
    },
    storageEstimate: async () => storage.persistence.estimate(),
    removeAllData: async () => {
      const result = await storage.removeAllData();
      if (!result.ok) throw new Error(result.message);
    },
    saveAllPending: async () => (await storage.saveAllPending())?.message ?? null,
    offlineStatus,
    writeReadTest: async () => (await storage.writeReadTest(crypto.randomUUID()))?.message ?? null,
    now,
    newId: () => crypto.randomUUID(),
  };
}
