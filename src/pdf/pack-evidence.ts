/**
 * The evidence schedule and the appendices: every file a shown answer uses, in the order the pack
 * first mentions it, numbered E1, E2…, with its type, size, valid-until date, SHA-256 and the
 * questions it supports. PDFs, PNGs and JPEGs become appendices in schedule order; other files are
 * listed only. Files that no answer uses are left out.
 */
import type { EvidenceMeta } from '@/domain/application/application';
import { formatDate } from '@/domain/rules/values';
import { formatFileSize } from '@/domain/answers/format-answer';
import type { PackAppendix, PackEvidenceEntry } from './pack-types';

const typeNames: Record<string, string> = {
  'application/pdf': 'PDF document',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'application/msword': 'Word document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.ms-excel': 'Excel spreadsheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'text/plain': 'Text file',
  'text/csv': 'CSV file',
  'application/rtf': 'Rich text document',
};

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** How the pack can include a file: as PDF pages, as an image, or not at all. */
export function appendixKind(file: Pick<EvidenceMeta, 'name' | 'type'>): PackAppendix['kind'] | null {
  const type = file.type.toLowerCase();
  const ext = extension(file.name);
  if (type === 'application/pdf' || (!type && ext === 'pdf')) return 'pdf';
  if (type === 'image/png' || (!type && ext === 'png')) return 'png';
  if (type === 'image/jpeg' || (!type && (ext === 'jpg' || ext === 'jpeg'))) return 'jpeg';
  return null;
}

export function typeName(file: Pick<EvidenceMeta, 'name' | 'type'>): string {
  const known = typeNames[file.type.toLowerCase()];
  if (known) return known;
  const ext = extension(file.name);
  return ext ? `${ext.toUpperCase()} file` : file.type || 'File';
}

export interface EvidenceSchedule {
  readonly entries: readonly PackEvidenceEntry[];
  readonly appendices: readonly PackAppendix[];
  /** Schedule reference and name by evidence id, for answers that name files. */
  readonly refs: ReadonlyMap<string, { readonly ref: string; readonly name: string }>;
}

export function evidenceSchedule(
  uses: ReadonlyMap<string, readonly string[]>,
  evidence: readonly EvidenceMeta[],
): EvidenceSchedule {
  const byId = new Map(evidence.map((e) => [e.id, e]));
  const entries: PackEvidenceEntry[] = [];
  const appendices: PackAppendix[] = [];
  for (const [id, supports] of uses) {
    const file = byId.get(id);
    if (!file) continue;
    const ref = `E${entries.length + 1}`;
    const kind = appendixKind(file);
    const appendix = kind ? appendices.length + 1 : null;
    if (kind) appendices.push({ number: appendices.length + 1, evidenceId: id, ref, name: file.name, kind });
    entries.push({
      ref,
      id,
      name: file.name,
      type: typeName(file),
      size: formatFileSize(file.size),
      validUntil: file.validUntil ? formatDate(file.validUntil) : 'Not given',
      sha256: file.sha256,
      supports,
      appendix,
    });
  }
  return { entries, appendices, refs: new Map(entries.map((e) => [e.id, { ref: e.ref, name: e.name }])) };
}
