/**
 * What storage does alike for every exchange file (reviews, comments, requests, returns): the
 * SHA-256 of a file's canonical content, whether a parsed file still matches its own `sha256`,
 * the plain message for a file edited after it was made, and a failed result from a storage error.
 */
import { exchangeContent } from '@/domain/exchange/exchange-format';
import { toStorageFailure } from '@/storage/errors';
import { sha256Hex } from '@/storage/evidence-file';

/** The hex SHA-256 of a file's canonical content (`exchangeContent`). */
export const hashOf = (content: string): Promise<string> => sha256Hex(new TextEncoder().encode(content));

/** Whether a parsed file's `sha256` is the hash of its content: an edited file is refused. */
export async function intact(file: Readonly<Record<string, unknown>> & { readonly sha256: string }): Promise<boolean> {
  return (await hashOf(exchangeContent(file))) === file.sha256;
}

/** "<what> has been changed since it was made…", for a file whose SHA-256 does not match. */
export const editedMessage = (what: string): string =>
  `${what} has been changed since it was made, so it cannot be used. Ask for the file again, and send it on without opening it in another program.`;

/** A refused result from a storage error: what could not be done, then why, in plain words. */
export const failed = (what: string, error: unknown) => ({
  ok: false as const,
  message: `${what} ${toStorageFailure(error).message}`,
});
