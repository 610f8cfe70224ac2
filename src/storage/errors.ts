/**
 * Turns whatever IndexedDB, Dexie or the browser threw into the domain's StorageFailure, with a
 * message written for a practice manager, not a developer.
 *
 * Owns the recognition of each failure (storage full arrives as `QuotaExceededError` or as an
 * `AbortError` whose inner error is `QuotaExceededError`; a lost connection has several names)
 * and its plain-English message. Must never swallow an error or show a raw error message alone.
 */
import { StorageFailure, type StorageFailureKind } from '@/domain/ports';

export const failureMessages: Readonly<Record<StorageFailureKind, string>> = {
  quota:
    'This computer has run out of space for the app, so your latest changes have not been saved. ' +
    'Everything saved before is safe. Download a backup now, then free some space (for example by ' +
    'removing evidence files you no longer need, or other files on this computer) and try again.',
  unavailable:
    'This browser is not letting the app keep your work on this computer. This happens in private ' +
    'or incognito windows, when site storage is turned off, or when the browser’s storage is damaged. ' +
    'You can carry on, but your work is kept only while this tab stays open: download a backup before you close it.',
  'version-change':
    'A newer version of this app has been opened in another tab. Your work here has been saved. ' +
    'Reload this page to carry on.',
  conflict:
    'This was changed in another tab or window after you opened it. Both versions have been kept: ' +
    'choose which one to carry on with.',
  'not-found': 'This could not be found. It may have been deleted in another tab.',
  invalid: 'Some saved information could not be read, so it was not changed.',
  unknown:
    'Your latest changes could not be saved on this computer. Try again, and download a backup if it keeps happening.',
};

export const dataRemovedMessage =
  'All of this app’s data was removed from this computer in another tab. Reload this page to start again.';

export const newerAppMessage =
  'A newer version of this app has updated the work saved on this computer. Reload this page to use the newer version.';

export const removedHereMessage =
  'All of this app’s data has been removed from this computer. Reload this page to start again.';

export const alreadySavedMessage = 'Something with this id is already saved.';

export const failure = (kind: StorageFailureKind, cause?: unknown, message?: string): StorageFailure =>
  new StorageFailure(kind, message ?? failureMessages[kind], cause);

interface ErrorLike {
  readonly name: string;
  readonly message: string;
  readonly inner?: unknown;
  readonly cause?: unknown;
}

function asErrorLike(value: unknown): ErrorLike | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name: unknown = Reflect.get(value, 'name');
  const message: unknown = Reflect.get(value, 'message');
  if (typeof name !== 'string') return undefined;
  return {
    name,
    message: typeof message === 'string' ? message : '',
    inner: Reflect.get(value, 'inner'),
    cause: Reflect.get(value, 'cause'),
  };
}

/** The error and the errors it wraps (Dexie's `inner`, the standard `cause`), outermost first. */
function chain(error: unknown): ErrorLike[] {
  const found: ErrorLike[] = [];
  let current = asErrorLike(error);
  while (current && found.length < 5) {
    found.push(current);
    current = asErrorLike(current.inner) ?? asErrorLike(current.cause);
  }
  return found;
}

const quotaNames = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const unavailableNames = new Set([
  'MissingAPIError',
  'OpenFailedError',
  'SecurityError',
  'InvalidAccessError',
  'NotAllowedError',
  'VersionError',
]);

export function isQuotaError(error: unknown): boolean {
  return chain(error).some((e) => quotaNames.has(e.name));
}

/** A connection that closed under us (sleep and wake, a long session, a crashed backend). */
export function isConnectionLost(error: unknown): boolean {
  return chain(error).some(
    (e) =>
      e.name === 'DatabaseClosedError' ||
      (e.name === 'InvalidStateError' && /clos/i.test(e.message)) ||
      (e.name === 'UnknownError' && /connection|lost|backing store/i.test(e.message)),
  );
}

export function toStorageFailure(error: unknown): StorageFailure {
  if (error instanceof StorageFailure) return error;
  if (isQuotaError(error)) return failure('quota', error);
  const names = chain(error).map((e) => e.name);
  if (names.some((name) => unavailableNames.has(name))) return failure('unavailable', error);
  if (names.includes('DataCloneError') || names.includes('DataError')) return failure('invalid', error);
  return failure('unknown', error);
}
