/**
 * The pdf-lib step, loaded only when a pack has appendices. Before layout it opens each attached
 * PDF and image to learn its pages (a password-protected, damaged or missing file is reported,
 * never guessed at); after layout it draws each evidence page, scaled, into the framed placeholder
 * page jsPDF left for it, so the appendix pages carry the pack's own footer and page numbers. The
 * jsPDF document's bookmarks, metadata and file id are kept as they are.
 */
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { toPdfPoints, type AppendixPlacement, type AppendixSource } from './appendix-layout';
import { imageSize, pngParts, type PngParts } from './image-headers';
import type { PackAppendix } from './pack-types';

/**
 * PDF objects pdf-lib parses or writes before it yields to the browser. Its default (100 when
 * parsing, 50 when saving) yields through a timer hundreds of times for a pack; at 4× CPU slowdown
 * a tick of 1,000 objects stays well under the 200 ms long-task limit (see `npm run bench:pack`).
 */
const objectsPerTick = 1000;

export interface InspectedAppendix {
  readonly appendix: PackAppendix;
  readonly source: AppendixSource;
  readonly bytes?: Uint8Array;
  readonly pdf?: PDFDocument;
}

async function bytesOf(file: Blob | Uint8Array): Promise<Uint8Array> {
  return file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
}

async function inspect(appendix: PackAppendix, file: Blob | Uint8Array | undefined): Promise<InspectedAppendix> {
  if (!file) return { appendix, source: { status: 'missing' } };
  const bytes = await bytesOf(file);
  if (appendix.kind !== 'pdf') {
    const size = imageSize(bytes, appendix.kind);
    const unreadable: InspectedAppendix = {
      appendix,
      source: { status: 'unreadable', reason: 'it is not a readable image (it may be damaged).' },
    };
    if (!size || size.width === 0 || size.height === 0) return unreadable;
    // Pixels at 96 per inch, in points.
    return {
      appendix,
      bytes,
      source: { status: 'ok', pages: [{ width: size.width * 0.75, height: size.height * 0.75 }] },
    };
  }
  try {
    const pdf = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      parseSpeed: objectsPerTick,
    });
    if (pdf.isEncrypted) return { appendix, source: { status: 'unreadable', reason: 'it is password-protected.' } };
    const pages = pdf.getPages().map((p) => p.getSize());
    if (pages.length === 0) return { appendix, source: { status: 'unreadable', reason: 'it has no pages.' } };
    return { appendix, bytes, pdf, source: { status: 'ok', pages } };
  } catch {
    return { appendix, source: { status: 'unreadable', reason: 'it is not a readable PDF (it may be damaged).' } };
  }
}

/** pdf-lib's full conversion; a damaged image leaves its framed page empty rather than failing. */
async function embedImage(doc: PDFDocument, bytes: Uint8Array, kind: PackAppendix['kind']) {
  try {
    return kind === 'jpeg' ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
  } catch {
    return null;
  }
}

export async function inspectAppendices(
  appendices: readonly PackAppendix[],
  files: ReadonlyMap<string, Blob | Uint8Array>,
  pause: () => Promise<void>,
): Promise<Map<number, InspectedAppendix>> {
  const found = new Map<number, InspectedAppendix>();
  for (const appendix of appendices) {
    await pause();
    found.set(appendix.number, await inspect(appendix, files.get(appendix.evidenceId)));
  }
  return found;
}

function embedPngAsIs(doc: PDFDocument, png: PngParts): PDFRef {
  const colours = png.colourType === 2 ? 3 : 1;
  const hex = png.palette ? Array.from(png.palette, (b) => b.toString(16).padStart(2, '0')).join('') : '';
  const colourSpace = png.palette
    ? doc.context.obj([
        PDFName.of('Indexed'),
        PDFName.of('DeviceRGB'),
        PDFNumber.of(png.palette.length / 3 - 1),
        PDFHexString.of(hex),
      ])
    : PDFName.of(colours === 3 ? 'DeviceRGB' : 'DeviceGray');
  const dict = doc.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: png.width,
    Height: png.height,
    BitsPerComponent: png.depth,
    ColorSpace: colourSpace,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: colours, BitsPerComponent: png.depth, Columns: png.width },
    Length: png.data.length,
  });
  return doc.context.register(PDFRawStream.of(dict, png.data));
}

function drawImageRef(page: PDFPage, ref: PDFRef, box: ReturnType<typeof toPdfPoints>): void {
  const name = page.node.newXObject('Image', ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(box.width, 0, 0, box.height, box.x, box.y),
    drawObject(name),
    popGraphicsState(),
  );
}

/** Fills the placeholder pages; `pause` lets the browser breathe between files. */
export async function stampAppendices(
  pack: Uint8Array,
  placements: readonly AppendixPlacement[],
  inspected: ReadonlyMap<number, InspectedAppendix>,
  pause: () => Promise<void>,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pack, { updateMetadata: false, parseSpeed: objectsPerTick });
  for (const [number, found] of inspected) {
    const mine = placements.filter((p) => p.appendix === number);
    if (mine.length === 0 || found.source.status !== 'ok') continue;
    if (found.pdf) {
      const embedded = await doc.embedPdf(
        found.pdf,
        mine.map((p) => p.sourcePage),
      );
      mine.forEach((p, i) => {
        const page = embedded[i];
        if (page) doc.getPage(p.page - 1).drawPage(page, toPdfPoints(p.box));
      });
    } else if (found.bytes) {
      const asIs = found.appendix.kind === 'png' ? pngParts(found.bytes) : null;
      if (asIs) {
        const ref = embedPngAsIs(doc, asIs);
        for (const p of mine) drawImageRef(doc.getPage(p.page - 1), ref, toPdfPoints(p.box));
      } else {
        const image = await embedImage(doc, found.bytes, found.appendix.kind);
        for (const p of mine) if (image) doc.getPage(p.page - 1).drawImage(image, toPdfPoints(p.box));
      }
    }
    await pause();
  }
  return doc.save({ useObjectStreams: false, objectsPerTick, updateFieldAppearances: false });
}
