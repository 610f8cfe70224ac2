/**
 * The one call the export button needs: builds the pack model, fetches the fonts, renders the PDF
 * with its appendices, and names the file. Import it with `import('@/pdf/export-pack')` where the
 * user may export, and call `preparePackCode()` there, so jsPDF, pdf-lib and the fonts are
 * fetched and compiled before the click, never on a page that cannot export. The file id is
 * derived from the application and the moment of export (no randomness), so the same export gives
 * the same bytes.
 */
import { buildPackModel, type PackInput } from './pack-model';
import { packFileName } from './pack-file-name';
import { loadPackFonts } from './pack-fonts';
import { loadEvidenceStep, renderPack, type PackFonts } from './render';

export interface ExportPackInput extends PackInput {
  /** Evidence bytes by evidence id, as stored; PDFs and images are appended to the pack. */
  readonly evidenceFiles: ReadonlyMap<string, Blob | Uint8Array>;
  /** 0 to 1, several times a second while the pack is made. */
  readonly onProgress?: (fraction: number) => void;
  /** The pack's fonts; fetched from the app's own `fonts/` folder when not given. */
  readonly fonts?: PackFonts;
}

export interface ExportedPack {
  readonly blob: Blob;
  /** The size of the pack without the appended evidence, in bytes. */
  readonly bytesBeforeAppendices: number;
  readonly fileName: string;
  readonly pages: number;
  /** Whether the pack is marked DRAFT (the application is not ready to submit). */
  readonly draft: boolean;
  /** Characters the font could not print, shown in the pack as "[?]"; tell the user if not empty. */
  readonly missingGlyphs: readonly string[];
}

/** Fetches and compiles the rest of the PDF code (the evidence step) and the fonts, ready for an export. */
export async function preparePackCode(): Promise<void> {
  await Promise.all([loadEvidenceStep(), loadPackFonts()]);
}

async function fileIdFor(input: PackInput): Promise<string> {
  const seed = new TextEncoder().encode(`${input.application.id}|${input.application.revision}|${input.now}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', seed));
  return Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Every evidence file's bytes; Blobs are read all at once, so the reads overlap. */
async function readAll(files: ReadonlyMap<string, Blob | Uint8Array>): Promise<Map<string, Uint8Array>> {
  const read = [...files].map(async ([id, file]) => {
    const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
    return [id, bytes] as const;
  });
  return new Map(await Promise.all(read));
}

export async function exportPack(input: ExportPackInput): Promise<ExportedPack> {
  input.onProgress?.(0);
  // The evidence is read while the model is built.
  const evidenceFiles = readAll(input.evidenceFiles);
  const model = buildPackModel(input);
  const fonts = input.fonts ?? (await loadPackFonts());
  const result = await renderPack(model, fonts, {
    creationDate: new Date(input.now),
    fileId: await fileIdFor(input),
    evidenceFiles: await evidenceFiles,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  return {
    blob: new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
    bytesBeforeAppendices: result.bytesBeforeAppendices,
    fileName: packFileName(model),
    pages: result.pages,
    draft: model.draft,
    missingGlyphs: result.missingGlyphs,
  };
}
