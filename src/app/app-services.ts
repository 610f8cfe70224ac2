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
import { reviewEvidenceFile } from '@/storage/review-evidence';
import { offlineStatus } from './offline-status';

/**
 * The code for review files and member returns (and their formats' checks), loaded the first time
 * one is made or opened: storage opens, and every page's first screen shows, without it (issue 13).
 */
const exchangeCode = () =>
  Promise.all([import('@/storage/exchange'), import('@/domain/exchange/exchange-format')]).then(([code, format]) => ({
    ...code,
    ...format,
  }));
const returnsCode = () =>
  Promise.all([import('@/storage/returns'), import('@/domain/exchange/return-format')]).then(([code, format]) => ({
    ...code,
    ...format,
  }));

/** A chosen file's text, refused before it is read when it is larger than that kind of file can be. */
async function readChosen(file: File, maxChars: number, what: string): Promise<string | { message: string }> {
  // UTF-8 takes at most 3 bytes a UTF-16 unit for the text we write; anything larger is not ours.
  if (file.size > maxChars * 3) return { message: `This file is too large to be ${what}.` };
  try {
    return await file.text();
  } catch {
    return { message: 'The file could not be read. Choose it again.' };
  }
}

const asJson = (text: string) => new Blob([text], { type: 'application/json' });

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
    onMerged: (listener) => autosave.onMerged(listener),
    dispose: () => autosave.dispose(),
  };
}

export function createAppServices(
  storage: AppStorage,
  hosting: HostingState = { config: {} },
  atOpen?: AppServices['atOpen'],
): AppServices {
  const now = () => new Date();
  const { repositories } = storage;
  const newId = () => crypto.randomUUID();
  return {
    repositories,
    exchange: {
      makeReviewFile: async (request) => {
        const { makeReviewFile } = await exchangeCode();
        const made = await makeReviewFile(repositories, request, { now, newId });
        return made.ok ? { ok: true, fileName: made.fileName, blob: asJson(made.text) } : made;
      },
      openReviewFile: async (file) => {
        const { openReviewFile, maxReviewChars } = await exchangeCode();
        const text = await readChosen(file, maxReviewChars, 'a review file');
        if (typeof text !== 'string') return { ok: false, message: text.message };
        return openReviewFile(repositories, text, { now });
      },
      makeCommentsFile: async (record) => {
        const { makeCommentsFile } = await exchangeCode();
        const made = await makeCommentsFile(record, { now, newId });
        return made.ok ? { ok: true, fileName: made.fileName, blob: asJson(made.text) } : made;
      },
      importComments: async (file, applicationId, targets) => {
        const { importCommentsFile, maxCommentsChars } = await exchangeCode();
        const text = await readChosen(file, maxCommentsChars, 'a comments file');
        if (typeof text !== 'string') return { ok: false, message: text.message };
        return importCommentsFile(repositories, applicationId, text, targets, { now });
      },
      evidenceFile: reviewEvidenceFile,
    },
    returns: {
      makeRequest: async (input) => {
        const { makeReturnRequest } = await returnsCode();
        const made = await makeReturnRequest(repositories, input, { now, newId });
        return made.ok ? { ok: true, fileName: made.fileName, blob: asJson(made.text) } : made;
      },
      openRequest: async (file) => {
        const { openReturnRequest, maxRequestChars } = await returnsCode();
        const text = await readChosen(file, maxRequestChars, 'a request for a return');
        if (typeof text !== 'string') return { ok: false, message: text.message };
        return openReturnRequest(repositories, text, { now, newId });
      },
      makeReturn: async (input) => {
        const { makeReturnFile } = await returnsCode();
        const made = await makeReturnFile(repositories, input, { now, newId });
        return made.ok ? { ok: true, fileName: made.fileName, blob: asJson(made.text) } : made;
      },
      importReturns: async (files, applicationId) => {
        const { importReturnFiles, maxReturnChars } = await returnsCode();
        const results: { fileName: string; ok: boolean; message: string }[] = [];
        // One at a time, in the order chosen: a second copy of a return is refused as imported already.
        for (const file of files) {
          const text = await readChosen(file, maxReturnChars, 'a return');
          if (typeof text === 'string')
            results.push(
              ...(await importReturnFiles(repositories, applicationId, [{ name: file.name, text }], { now })),
            );
          else results.push({ fileName: file.name, ok: false, message: text.message });
        }
        return results;
      },
      storeEvidence: async (profileId, file) =>
        (await returnsCode()).storeReturnEvidence(repositories, profileId, file),
      decide: async (request, outcome) => (await returnsCode()).decideOnReturn(repositories, request, outcome, { now }),
    },
    hosting,
    ...(atOpen ? { atOpen } : {}),
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
    newId,
  };
}
