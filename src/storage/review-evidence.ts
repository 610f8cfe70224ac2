/**
 * One evidence file carried inside a review file, as the officer downloads it from the reviewer's
 * page. Its own module (not exchange.ts) so that the app's services can offer it without loading
 * the exchange code and its checks until a file is made or opened.
 */
import type { ReviewFile } from '@/domain/exchange/exchange-format';
import { base64ToBytes } from '@/storage/base64';

/** A review file's evidence entry as a downloadable file, when its bytes were sent. */
export function reviewEvidenceFile(file: ReviewFile, evidenceId: string): { name: string; blob: Blob } | undefined {
  const entry = file.evidence.find((e) => e.meta.id === evidenceId);
  if (!entry?.data) return undefined;
  return { name: entry.meta.name, blob: new Blob([base64ToBytes(entry.data)], { type: entry.meta.type }) };
}
