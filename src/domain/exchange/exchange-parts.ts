/**
 * The parts every exchange file shares (see exchange-format.ts): the format's name and version,
 * the common fields, the small field schemas, and the canonical text a file's SHA-256 is of.
 * Pure.
 */
import { z } from '@/domain/zod';

export const exchangeFormat = 'aqp-apply-exchange';
export const exchangeFormatVersion = 1;

export const Id = z.string().min(1).max(64);
export const IsoDateTime = z.iso.datetime({ offset: true });
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
export const PersonName = z.string().trim().min(1, 'must not be empty').max(160);

export const common = {
  format: z.literal(exchangeFormat),
  formatVersion: z.literal(exchangeFormatVersion),
  /** Random, made with the file: echoed by the file that answers it (comments, a return). */
  id: Id,
  createdAt: IsoDateTime,
};

/** Plain JSON with object keys sorted at every depth: the text that is hashed. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The canonical text of a file's content (everything but its `sha256`), which `sha256` hashes. */
export function exchangeContent(file: Readonly<Record<string, unknown>>): string {
  const rest = Object.fromEntries(Object.entries(file).filter(([key]) => key !== 'sha256'));
  return canonical(rest);
}
