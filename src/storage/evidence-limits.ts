/**
 * Which evidence files the app accepts, and whether there is room to keep one.
 *
 * Owns: the accepted kinds (PDF, Word, OpenDocument, Excel, PNG, JPEG, plain text), the size
 * limit (10 MB by default), the check of the browser's storage estimate before a file is taken,
 * and the plain-English reason for a refusal. The repositories enforce these; the UI may call
 * them first to explain before uploading. Must never read the file's contents.
 */
import { maxEvidenceFileBytes } from '@/domain/backup/backup-format';

export interface EvidenceLimits {
  readonly maxFileBytes: number;
}

export const defaultEvidenceLimits: EvidenceLimits = { maxFileBytes: maxEvidenceFileBytes };

/** The longest file name kept (the evidence record's limit, and most file systems'). */
export const maxEvidenceNameLength = 255;

/** Room kept free beyond the file itself, so autosave still has space after the upload. */
export const storageHeadroomBytes = 20 * 1024 * 1024;

interface AcceptedKind {
  readonly label: string;
  readonly type: string;
  readonly extensions: readonly string[];
}

export const acceptedEvidenceKinds: readonly AcceptedKind[] = [
  { label: 'PDF', type: 'application/pdf', extensions: ['pdf'] },
  { label: 'Word', type: 'application/msword', extensions: ['doc'] },
  {
    label: 'Word',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  { label: 'OpenDocument text', type: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  { label: 'OpenDocument spreadsheet', type: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  { label: 'Excel', type: 'application/vnd.ms-excel', extensions: ['xls'] },
  { label: 'Excel', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  { label: 'PNG image', type: 'image/png', extensions: ['png'] },
  { label: 'JPEG image', type: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { label: 'plain text', type: 'text/plain', extensions: ['txt'] },
];

/** For `<input type="file" accept>`. */
export const evidenceAccept = acceptedEvidenceKinds
  .flatMap((k) => [k.type, ...k.extensions.map((e) => `.${e}`)])
  .join(',');

export const describeBytes = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`
    : `${Math.ceil(bytes / 1024)} KB`;

export type EvidenceCheck =
  { readonly ok: true; readonly type: string } | { readonly ok: false; readonly message: string };

export interface FileFacts {
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

/**
 * Accepts a file by its MIME type, or by its extension when the browser gives no useful type
 * (Windows often reports OpenDocument and Office files as "" or application/octet-stream).
 * Returns the MIME type to store.
 */
export function checkEvidenceFile(file: FileFacts, limits: EvidenceLimits = defaultEvidenceLimits): EvidenceCheck {
  const type = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const byType = acceptedEvidenceKinds.find((k) => k.type === type);
  const byExtension = acceptedEvidenceKinds.find((k) => k.extensions.includes(extension));
  const vague = type === '' || type === 'application/octet-stream';
  const kind = byType ?? (vague ? byExtension : undefined);
  if (file.name.length > maxEvidenceNameLength) {
    return {
      ok: false,
      message:
        `“${[...file.name].slice(0, 60).join('')}…” cannot be added: its name is longer than ` +
        `${maxEvidenceNameLength} characters. Give the file a shorter name and attach it again.`,
    };
  }
  if (!kind) {
    return {
      ok: false,
      message: `“${file.name}” cannot be added: the file must be a PDF, Word, OpenDocument, Excel, PNG, JPEG or plain text file.`,
    };
  }
  if (file.size === 0) return { ok: false, message: `“${file.name}” cannot be added: the file is empty.` };
  if (file.size > limits.maxFileBytes) {
    return {
      ok: false,
      message: `“${file.name}” is ${describeBytes(file.size)}: a file must be smaller than ${describeBytes(limits.maxFileBytes)}.`,
    };
  }
  return { ok: true, type: kind.type };
}

export interface StorageEstimateLike {
  readonly usage?: number | undefined;
  readonly quota?: number | undefined;
}

export type RoomCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Whether the browser's estimate leaves room for `bytes` more; allowed when the browser cannot say. */
export function checkRoomFor(bytes: number, estimate: StorageEstimateLike | undefined): RoomCheck {
  if (estimate?.quota === undefined || estimate.usage === undefined) return { ok: true };
  const free = estimate.quota - estimate.usage;
  if (free >= bytes + storageHeadroomBytes) return { ok: true };
  return {
    ok: false,
    message:
      `There is not enough space on this computer for the app to keep this file (${describeBytes(bytes)}; ` +
      `about ${describeBytes(Math.max(0, free))} left). Download a backup, then free some space and try again.`,
  };
}
