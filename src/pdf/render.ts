/**
 * The jsPDF renderer: PackModel → PDF bytes. The only module that imports jspdf and
 * jspdf-autotable; loaded with a dynamic import when the user exports. Embeds the pack's Unicode
 * font (regular and bold), lays the pack out page by page, fills in the contents and footers once
 * page numbers are known, adds bookmarks and metadata, then (only when there are appendices)
 * hands the bytes to the pdf-lib step, loaded lazily too. Work is cut into slices with a
 * `setTimeout` between them so the page stays responsive. Deterministic for a fixed creation
 * date and file id.
 */
import { jsPDF } from 'jspdf';
import { autoTable, type RowInput } from 'jspdf-autotable';
import type { AppendixSource } from './appendix-layout';
import { tableFont, type Bookmark, type DrawTable } from './draw-answers';
import { deflateStreams, type Deflate } from './deflate-streams';
import { fontCoverage } from './font-coverage';
import { colours, contentWidth, fontFamily, margin, PageWriter, type TextStyle } from './page-writer';
import { layOutPack, workOf, yieldToBrowser } from './lay-out-pack';
import type { PackModel } from './pack-types';
import { glyphGuard } from './text-safety';
import { replaceUnicodeTextStep } from './identity-h-text';

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

/**
 * jsPDF passes every string through Arabic shaping and bidi reordering. The pack's font has no
 * Arabic or Hebrew (such characters print as the missing-glyph marker), so for the pack both are
 * identity work, and they took about a third of the drawing time. Unhooked once, for this module.
 */
function skipRightToLeftProcessing(): void {
  const api = jsPDF.API as unknown as { events: [string, unknown][]; processArabic?: unknown };
  for (let i = api.events.length - 1; i >= 0; i--) {
    const [name, handler] = api.events[i] ?? ['', null];
    const arabic = name === 'preProcessText' && handler === api.processArabic;
    const bidi = name === 'postProcessText' && String(handler).includes('doBidiReorder');
    if (arabic || bidi) api.events.splice(i, 1);
  }
}
skipRightToLeftProcessing();
replaceUnicodeTextStep((jsPDF.API as unknown as { events: [string, unknown][] }).events);

function binaryString(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A PDF date in UTC, so the bytes do not depend on the computer's time zone. */
const pdfDate = (d: Date) =>
  `D:${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
  `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}+00'00'`;

/**
 * Tables through jspdf-autotable, measured and wrapped by the page writer: its cached character
 * widths give the same numbers as jsPDF's, without jsPDF's per-call text processing, which made
 * autotable's measuring the slowest step of an export.
 */
function tableDrawer(doc: jsPDF, w: PageWriter): DrawTable {
  const clean = w.guard.clean;
  const current = (): TextStyle => ({ size: doc.getFontSize(), bold: doc.getFont().fontStyle === 'bold' });
  doc.getTextWidth = (text: string) => w.measure(text, current());
  // autotable asks for the font list for every cell; it does not change once the fonts are added.
  const fonts = doc.getFontList();
  doc.getFontList = () => fonts;
  const wrap = (text: string | string[], width: number) =>
    w.wrap(Array.isArray(text) ? text.join('\n') : text, current(), width);
  return (spec, startY) => {
    let finalY = startY;
    const size = spec.fontSize ?? tableFont;
    const body: RowInput[] = spec.body.map((row) =>
      row.map((cell) =>
        typeof cell === 'string'
          ? clean(cell)
          : {
              content: clean(cell.text),
              colSpan: cell.colSpan ?? 1,
              styles: cell.muted ? { textColor: [...colours.muted], fontSize: size - 0.5 } : {},
            },
      ),
    );
    autoTable(doc, {
      startY,
      margin: { ...margin },
      tableWidth: contentWidth,
      theme: 'grid',
      head: spec.head ? [spec.head.map(clean)] : [],
      body,
      showHead: 'everyPage',
      rowPageBreak: 'auto',
      styles: {
        font: fontFamily,
        fontStyle: 'normal',
        fontSize: size,
        textColor: [...colours.text],
        lineColor: [...colours.rule],
        lineWidth: 0.2,
        cellPadding: 1.6,
        overflow: wrap,
        valign: 'top',
      },
      headStyles: { fontStyle: 'bold', fillColor: [...colours.shade], textColor: [...colours.text] },
      columnStyles: Object.fromEntries(
        spec.widths.map((width, i) => [
          i,
          spec.labelled && i === 0
            ? {
                cellWidth: width,
                fontStyle: 'bold' as const,
                fillColor: [...colours.shade] as [number, number, number],
              }
            : { cellWidth: width },
        ]),
      ),
      didDrawPage: (data) => {
        finalY = data.cursor?.y ?? finalY;
      },
    });
    return finalY;
  };
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
  const total = model.parts.reduce((sum, p) => sum + workOf(p), 2 + model.appendices.length * 2);
  let done = 0;
  options.onProgress?.(0);

  const sources = new Map<number, AppendixSource>();
  const append = model.appendices.length ? await import('./append-evidence') : null;
  const inspected = append
    ? await append.inspectAppendices(model.appendices, options.evidenceFiles ?? new Map(), yieldToBrowser)
    : null;
  for (const [n, found] of inspected ?? []) sources.set(n, found.source);

  await yieldToBrowser();
  // Uncompressed here: deflateStreams compresses natively afterwards. Three decimals are 1/1000 pt.
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: false, putOnlyUsedFonts: true, floatPrecision: 3 });
  doc.addFileToVFS('pack-regular.ttf', binaryString(fonts.regular));
  doc.addFont('pack-regular.ttf', fontFamily, 'normal', 'Identity-H');
  doc.addFileToVFS('pack-bold.ttf', binaryString(fonts.bold));
  doc.addFont('pack-bold.ttf', fontFamily, 'bold', 'Identity-H');
  const bold = fontCoverage(new Uint8Array(fonts.bold));
  const guard = glyphGuard(new Set([...fontCoverage(new Uint8Array(fonts.regular))].filter((c) => bold.has(c))));
  doc.setDocumentProperties({ ...model.meta });
  doc.setLanguage(model.meta.language);
  doc.setCreationDate(pdfDate(options.creationDate));
  doc.setFileId(options.fileId.toUpperCase());

  const w = new PageWriter(doc, guard);
  await yieldToBrowser();
  const { outline, placements } = await layOutPack(w, tableDrawer(doc, w), model, sources, {
    breathe,
    progress: (step) => {
      done += step;
      options.onProgress?.(Math.min(1, (done / total) * 0.86));
    },
  });
  options.onProgress?.(0.87);
  const addMarks = (parent: unknown, marks: readonly Bookmark[]) => {
    for (const mark of marks)
      addMarks(doc.outline.add(parent, mark.title.normalize('NFC'), { pageNumber: mark.page }), mark.children);
  };
  addMarks(null, outline);
  const pages = doc.getNumberOfPages();
  await yieldToBrowser();
  const raw = new Uint8Array(doc.output('arraybuffer'));
  options.onProgress?.(0.88);
  await yieldToBrowser();
  const main = await deflateStreams(raw, options.deflate, yieldToBrowser);
  options.onProgress?.(0.92);
  const bytes =
    append && inspected && placements.length
      ? await append.stampAppendices(main, placements, inspected, yieldToBrowser)
      : main;
  options.onProgress?.(1);
  return { bytes, pages, bytesBeforeAppendices: main.byteLength, missingGlyphs: guard.missing() };
}
