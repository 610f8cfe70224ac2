/**
 * The renderer: PackModel → PDF bytes; loaded with a dynamic import when the user exports. jsPDF
 * (the only module that imports it) makes the document: its pages, bookmarks and metadata. The
 * content surface draws what is on each page with the pack's Unicode fonts, which are embedded by
 * font-objects; the pdf-lib step (loaded only when there are appendices) turns the evidence into
 * XObjects; the assembly step compresses and joins them. Work is cut into slices with the browser
 * given a turn between them, so the page stays responsive. Deterministic for a fixed creation
 * date and file id.
 */
import { jsPDF } from 'jspdf';
import { evidenceName, placementMatrix, type AppendixSource } from './appendix-layout';
import { ContentSurface, FontInUse } from './content-surface';
import type { Bookmark } from './draw-answers';
import { fontObjects } from './font-objects';
import { layOutPack, workOf, yieldToBrowser } from './lay-out-pack';
import { readFont } from './pack-font';
import { PageWriter } from './page-writer';
import { assemblePdf, nativeDeflate, parsePdf, resourcesOf, type Deflate } from './pdf-assembly';
import type { PackModel } from './pack-types';
import { glyphGuard } from './text-safety';

export { packFileName } from './pack-file-name';

export interface PackFonts {
  readonly regular: ArrayBuffer;
  readonly bold: ArrayBuffer;
}

export interface RenderOptions {
  /** Written into the PDF; fix it (with `fileId`) for byte-identical output. */
  readonly creationDate: Date;
  /** 32 hexadecimal digits. */
  readonly fileId: string;
  /** Evidence bytes by evidence id; PDFs and images among them become appendices. */
  readonly evidenceFiles?: ReadonlyMap<string, Blob | Uint8Array>;
  /** 0 to 1, in whole percentages, as the work goes. */
  readonly onProgress?: (fraction: number) => void;
  /** Milliseconds of work between yields to the browser (default 60). */
  readonly yieldEvery?: number;
  /** zlib deflate for the PDF's streams; the browser's native CompressionStream by default. */
  readonly deflate?: Deflate;
}

export interface RenderResult {
  readonly bytes: Uint8Array;
  readonly pages: number;
  /** The size of the pack without the appended evidence. */
  readonly bytesBeforeAppendices: number;
  /** Characters the font lacks, drawn as "[?]", e.g. "ア (U+30A2)". Empty when every character printed. */
  readonly missingGlyphs: readonly string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A PDF date in UTC, so the bytes do not depend on the computer's time zone. */
const pdfDate = (d: Date) =>
  `D:${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
  `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}+00'00'`;

/** pdf-lib and the evidence step: needed only when the pack has appendices. */
export const loadEvidenceStep = () => import('./append-evidence');

/** The part of jsPDF's internals the renderer reads: each page's objects, once written. */
interface JsPdfInternals {
  readonly internal: {
    getPageInfo(page: number): { readonly objId: number; readonly pageContext: { readonly contentsObjId: number } };
  };
}

const internals = (doc: jsPDF) => (doc as unknown as JsPdfInternals).internal;

/** The pack's two fonts, ready to draw with, and a guard that lets through only what both can print. */
function fontsInUse(fonts: PackFonts) {
  const regular = new FontInUse(readFont(new Uint8Array(fonts.regular)), 'PackR');
  const bold = new FontInUse(readFont(new Uint8Array(fonts.bold)), 'PackB');
  const covered = new Set<number>();
  regular.font.glyphOf.forEach((glyph, code) => {
    if (glyph !== 0 && bold.font.glyphOf[code] !== 0) covered.add(code);
  });
  return { regular, bold, guard: glyphGuard(covered) };
}

export async function renderPack(model: PackModel, fonts: PackFonts, options: RenderOptions): Promise<RenderResult> {
  if (!/^[0-9a-fA-F]{32}$/.test(options.fileId)) throw new Error('fileId must be 32 hexadecimal digits.');
  const budget = options.yieldEvery ?? 60;
  let sliceStart = performance.now();
  const breathe = async () => {
    if (performance.now() - sliceStart < budget) return;
    await yieldToBrowser();
    sliceStart = performance.now();
  };
  const deflate = options.deflate ?? nativeDeflate;
  const total = model.parts.reduce((sum, p) => sum + workOf(p), 2 + model.appendices.length * 2);
  let done = 0;
  // Reported when the whole percentage changes, so a progress bar is not redrawn hundreds of times.
  let shown = -1;
  const progress = (fraction: number) => {
    const percent = Math.floor(Math.min(1, fraction) * 100);
    if (percent === shown) return;
    shown = percent;
    options.onProgress?.(percent / 100);
  };
  progress(0);

  const append = model.appendices.length ? await loadEvidenceStep() : null;
  const inspected = append
    ? await append.inspectAppendices(model.appendices, options.evidenceFiles ?? new Map(), breathe)
    : new Map<number, never>();
  const sources = new Map<number, AppendixSource>([...inspected].map(([n, found]) => [n, found.source]));

  await yieldToBrowser();
  // Uncompressed: the assembly step compresses natively. Three decimals are 1/1000 pt.
  // jsPDF draws nothing itself, so it writes none of its own fonts.
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: false, putOnlyUsedFonts: true, floatPrecision: 3 });
  const { regular, bold, guard } = fontsInUse(fonts);
  doc.setDocumentProperties({ ...model.meta });
  doc.setLanguage(model.meta.language);
  doc.setCreationDate(pdfDate(options.creationDate));
  doc.setFileId(options.fileId.toUpperCase());

  const surface = new ContentSurface({ regular, bold });
  const w = new PageWriter(surface, guard);
  await yieldToBrowser();
  const { outline, placements } = await layOutPack(w, model, sources, {
    breathe,
    progress: (step) => {
      done += step;
      progress((done / total) * 0.75);
    },
  });
  const pages = surface.getNumberOfPages();
  for (let n = 2; n <= pages; n++) doc.addPage();
  const addMarks = (parent: unknown, marks: readonly Bookmark[]) => {
    for (const mark of marks)
      addMarks(doc.outline.add(parent, mark.title.normalize('NFC'), { pageNumber: mark.page }), mark.children);
  };
  addMarks(null, outline);
  await yieldToBrowser();
  const pdf = parsePdf(new Uint8Array(doc.output('arraybuffer')));
  progress(0.78);

  // New objects are numbered after jsPDF's: each font's, then the evidence's.
  const regularObjects = await fontObjects(regular, pdf.size, deflate);
  const boldObjects = await fontObjects(bold, pdf.size + regularObjects.length, deflate);
  const fontFiles = [...regularObjects, ...boldObjects];
  const evidence =
    append && placements.length
      ? await append.evidenceObjects(inspected, placements, pdf.size + fontFiles.length, deflate, breathe)
      : null;
  for (const p of placements) {
    const source = sources.get(p.appendix);
    const sourcePage = source?.status === 'ok' ? source.pages[p.sourcePage] : undefined;
    const name = evidenceName(p.appendix, p.sourcePage);
    if (!sourcePage || !evidence?.names.has(name)) continue;
    surface.setPage(p.page);
    surface.drawXObject(name, placementMatrix(sourcePage, p.box));
  }
  const info = internals(doc);
  const streams = new Map(
    surface.contents().map((content, i) => [info.getPageInfo(i + 1).pageContext.contentsObjId, content]),
  );
  let assembled = 0;
  const bytes = await assemblePdf(
    pdf,
    {
      streams,
      resources: {
        object: resourcesOf(pdf, info.getPageInfo(1).objId),
        fonts: new Map([
          [regular.resource, regularObjects[0]?.number ?? 0],
          [bold.resource, boldObjects[0]?.number ?? 0],
        ]),
        xobjects: evidence?.names ?? new Map(),
      },
      objects: [...fontFiles, ...(evidence?.objects ?? [])],
    },
    deflate,
    async () => {
      assembled += 1;
      progress(0.8 + 0.2 * Math.min(1, assembled / pdf.objects.length));
      await breathe();
    },
  );
  progress(1);
  // The evidence objects, and their rows in the cross-reference table.
  const evidenceBytes = (evidence?.objects ?? []).reduce(
    (sum, o) => sum + 20 + o.chunks.reduce((n, chunk) => n + chunk.length, 0),
    0,
  );
  return { bytes, pages, bytesBeforeAppendices: bytes.length - evidenceBytes, missingGlyphs: guard.missing() };
}
