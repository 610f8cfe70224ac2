/**
 * The pdf-lib step, loaded only when a pack has appendices. Before layout it opens each attached
 * PDF and image to learn its pages as they are shown (crop box and turn); a password-protected,
 * damaged or missing file is reported, never guessed at. After layout it turns each evidence page
 * into a form XObject (its content stream as it is, with its resources copied) and each image into
 * an image XObject, numbered after the pack's own objects, for the assembly step to add. The pack
 * itself is never parsed or rewritten by pdf-lib.
 */
import {
  JpegEmbedder,
  PDFArray,
  PDFContext,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFRawStream,
  PngEmbedder,
  decodePDFRawStream,
  type PDFObject,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { evidenceName, type AppendixPlacement, type AppendixSource, type SourcePage } from './appendix-layout';
import { imageSize, pngParts, type PngParts } from './image-headers';
import type { Deflate, ExtraObject } from './pdf-assembly';
import type { PackAppendix } from './pack-types';

/**
 * PDF objects pdf-lib parses before it yields to the browser. Its default (100) yields through a
 * timer dozens of times per file; at 4× CPU slowdown a tick of 1,000 objects stays well under the
 * 200 ms long-task limit (see `npm run bench:pack`).
 */
const objectsPerTick = 1000;

/** A source page's content, ready to become a form XObject's stream. */
interface PageContent {
  readonly data: Uint8Array;
  /** The stream's own /Filter and /DecodeParms when its bytes are kept as they are. */
  readonly filter?: PDFObject;
  readonly decodeParms?: PDFObject;
  /** Several content streams were decoded and joined; the assembly must compress them. */
  readonly joined: boolean;
}

export interface InspectedAppendix {
  readonly appendix: PackAppendix;
  readonly source: AppendixSource;
  readonly bytes?: Uint8Array;
  readonly pdf?: PDFDocument;
  /** Each page's content, read when the file was opened. */
  readonly contents?: readonly PageContent[];
}

async function bytesOf(file: Blob | Uint8Array): Promise<Uint8Array> {
  return file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
}

const quarterTurn = (angle: number): 0 | 90 | 180 | 270 => {
  const turn = (((Math.round(angle / 90) * 90) % 360) + 360) % 360;
  return turn === 90 || turn === 180 || turn === 270 ? turn : 0;
};

/** How a PDF page is shown: its crop box (the media box when it has none) and its clockwise turn. */
function shown(page: PDFPage): SourcePage {
  const box = page.getCropBox();
  const crop = {
    x: Math.min(box.x, box.x + box.width),
    y: Math.min(box.y, box.y + box.height),
    width: Math.abs(box.width),
    height: Math.abs(box.height),
  };
  const rotate = quarterTurn(page.getRotation().angle);
  const sideways = rotate === 90 || rotate === 270;
  return {
    width: sideways ? crop.height : crop.width,
    height: sideways ? crop.width : crop.height,
    crop,
    rotate,
  };
}

/** The page's content: one stream's bytes as they are, or several streams decoded and joined. */
function contentOf(page: PDFPage): PageContent {
  const contents = page.node.Contents();
  // A page with no content is blank, and still a page.
  if (contents === undefined) return { data: new Uint8Array(), joined: false };
  const streams = contents instanceof PDFArray ? contents.asArray().map((s) => page.doc.context.lookup(s)) : [contents];
  const raw = streams.filter((s): s is PDFRawStream => s instanceof PDFRawStream);
  if (raw.length !== streams.length) throw new Error('A content stream is not a stream.');
  const only = raw.length === 1 ? raw[0] : undefined;
  if (only) {
    const filter = only.dict.get(PDFName.of('Filter'));
    const decodeParms = only.dict.get(PDFName.of('DecodeParms'));
    return {
      data: only.contents,
      joined: false,
      ...(filter ? { filter } : {}),
      ...(decodeParms ? { decodeParms } : {}),
    };
  }
  const parts = raw.map((s) => decodePDFRawStream(s).decode());
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    data[at + part.length] = 0x0a;
    at += part.length + 1;
  }
  return { data, joined: true };
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
    const pages = pdf.getPages();
    if (pages.length === 0) return { appendix, source: { status: 'unreadable', reason: 'it has no pages.' } };
    // Every page's content is read now, so a file that cannot be drawn is named on its divider page.
    const contents = pages.map(contentOf);
    return { appendix, bytes, pdf, contents, source: { status: 'ok', pages: pages.map(shown) } };
  } catch {
    return { appendix, source: { status: 'unreadable', reason: 'it is not a readable PDF (it may be damaged).' } };
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

/** A form XObject showing one source page: its content as it is, its crop box, its resources copied. */
async function pageForm(
  context: PDFContext,
  copier: PDFObjectCopier,
  page: PDFPage,
  content: PageContent,
  deflate: Deflate,
) {
  const crop = shown(page).crop ?? { x: 0, y: 0, width: 0, height: 0 };
  const resources = page.node.Resources();
  const dict = context.obj({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [crop.x, crop.y, crop.x + crop.width, crop.y + crop.height],
    Resources: resources ? copier.copy(resources) : context.obj({}),
  });
  let data = content.data;
  if (content.joined) {
    data = await deflate(content.data);
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
  }
  if (content.filter) dict.set(PDFName.of('Filter'), copier.copy(content.filter));
  if (content.decodeParms) dict.set(PDFName.of('DecodeParms'), copier.copy(content.decodeParms));
  return context.register(PDFRawStream.of(dict, data));
}

/** An opaque PNG's own compressed pixels, as PDF reads them (no decoding, no re-compressing). */
function pngAsIs(context: PDFContext, png: PngParts): PDFRef {
  const colours = png.colourType === 2 ? 3 : 1;
  const hex = png.palette ? Array.from(png.palette, (b) => b.toString(16).padStart(2, '0')).join('') : '';
  const colourSpace = png.palette
    ? context.obj([
        PDFName.of('Indexed'),
        PDFName.of('DeviceRGB'),
        PDFNumber.of(png.palette.length / 3 - 1),
        PDFHexString.of(hex),
      ])
    : PDFName.of(colours === 3 ? 'DeviceRGB' : 'DeviceGray');
  const dict = context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: png.width,
    Height: png.height,
    BitsPerComponent: png.depth,
    ColorSpace: colourSpace,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: colours, BitsPerComponent: png.depth, Columns: png.width },
  });
  return context.register(PDFRawStream.of(dict, png.data));
}

/** An image XObject; a damaged image gives none, leaving its framed page empty rather than failing. */
async function imageObject(context: PDFContext, bytes: Uint8Array, kind: PackAppendix['kind']) {
  const asIs = kind === 'png' ? pngParts(bytes) : null;
  if (asIs) return pngAsIs(context, asIs);
  try {
    const embedder = kind === 'jpeg' ? await JpegEmbedder.for(bytes) : await PngEmbedder.for(bytes);
    return await embedder.embedIntoContext(context);
  } catch {
    return null;
  }
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** "n 0 obj … endobj", as pdf-lib writes it. */
function written(ref: PDFRef, object: PDFObject): ExtraObject {
  const body = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(body, 0);
  return { number: ref.objectNumber, chunks: [ascii(`${ref.objectNumber} 0 obj\n`), body, ascii('\nendobj\n')] };
}

export interface EvidenceObjects {
  /** XObject name (`evidenceName`) → object number, for the pack's resource dictionary. */
  readonly names: Map<string, number>;
  readonly objects: ExtraObject[];
}

/** The XObjects the placed evidence pages need, numbered from `firstNumber`; `pause` lets the browser breathe. */
export async function evidenceObjects(
  inspected: ReadonlyMap<number, InspectedAppendix>,
  placements: readonly AppendixPlacement[],
  firstNumber: number,
  deflate: Deflate,
  pause: () => Promise<void>,
): Promise<EvidenceObjects> {
  const context = PDFContext.create();
  context.largestObjectNumber = firstNumber - 1;
  const names = new Map<string, number>();
  for (const [number, found] of inspected) {
    const mine = placements.filter((p) => p.appendix === number);
    if (mine.length === 0 || found.source.status !== 'ok') continue;
    await pause();
    if (found.pdf) {
      const copier = PDFObjectCopier.for(found.pdf.context, context);
      for (const p of mine) {
        const content = found.contents?.[p.sourcePage];
        if (!content) continue;
        const form = await pageForm(context, copier, found.pdf.getPage(p.sourcePage), content, deflate);
        names.set(evidenceName(number, p.sourcePage), form.objectNumber);
      }
    } else if (found.bytes) {
      const ref = await imageObject(context, found.bytes, found.appendix.kind);
      if (ref) names.set(evidenceName(number, 0), ref.objectNumber);
    }
  }
  const objects = context.enumerateIndirectObjects().map(([ref, object]) => written(ref, object));
  if (objects.some((o) => o.number < firstNumber)) throw new Error('An evidence object was numbered too low.');
  return { names, objects };
}
