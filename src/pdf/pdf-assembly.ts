/**
 * Puts the final PDF together from jsPDF's uncompressed output: writes each page's content stream
 * (drawn by the content surface, not by jsPDF), compresses every unfiltered stream with the
 * platform's own deflate (`CompressionStream`, native code, several times faster than jsPDF's
 * JavaScript deflate), adds the fonts' and the appended evidence's objects and their names in the
 * shared resource dictionary, and rebuilds the cross-reference table. Every other byte of jsPDF's output
 * is copied as it is. Only for jsPDF's classic-xref output, which it checks. Imports nothing.
 */

export type Deflate = (bytes: Uint8Array) => Promise<Uint8Array>;

/**
 * zlib-format deflate (what /FlateDecode reads) with the browser's CompressionStream. Written
 * straight to the stream's writer: going through Blob.stream() cost ten times as much per stream.
 * Streams are compressed one at a time: dozens at once took three times as long in Chromium.
 */
export async function nativeDeflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate');
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>);
  void writer.close();
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}

/** One character per byte (browsers map 0x80–0x9F elsewhere, but never change the length). */
const byteText = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

interface PdfObject {
  readonly number: number;
  readonly start: number;
  readonly end: number;
}

/** jsPDF's output, split into its numbered objects. */
export interface ParsedPdf {
  readonly bytes: Uint8Array;
  readonly text: string;
  /** In file order. */
  readonly objects: readonly PdfObject[];
  /** The first object number not in use. */
  readonly size: number;
  readonly xrefAt: number;
  readonly trailer: string;
}

export function parsePdf(bytes: Uint8Array): ParsedPdf {
  const text = byteText(bytes);
  const xrefAt = text.lastIndexOf('\nxref\n') + 1;
  const trailerAt = text.indexOf('trailer', xrefAt);
  if (xrefAt <= 0 || trailerAt < 0) throw new Error('Not a classic cross-reference PDF.');
  const entries = text.slice(xrefAt, trailerAt).split('\n').slice(2);
  const offsets = entries
    .map((line, number) => ({ number, match: /^(\d{10}) \d{5} n/.exec(line) }))
    .flatMap(({ number, match }) => (match ? [{ number, start: Number(match[1]) }] : []))
    .sort((a, b) => a.start - b.start);
  const objects = offsets.map((o, i) => ({ ...o, end: offsets[i + 1]?.start ?? xrefAt }));
  const end = text.indexOf('startxref', trailerAt);
  if (end < 0 || objects.some((o) => !text.startsWith(`${o.number} 0 obj`, o.start)) || bytes.length < xrefAt)
    throw new Error('Unexpected PDF structure.');
  const size = Math.max(0, ...objects.map((o) => o.number)) + 1;
  return { bytes, text, objects, size, xrefAt, trailer: text.slice(trailerAt, end) };
}

/** The object number of the resource dictionary a page object refers to. */
export function resourcesOf(pdf: ParsedPdf, pageObject: number): number {
  const found = pdf.objects.find((o) => o.number === pageObject);
  const match = found && /\/Resources (\d+) 0 R/.exec(pdf.text.slice(found.start, found.end));
  if (!match) throw new Error(`Page object ${pageObject} has no resource dictionary.`);
  return Number(match[1]);
}

/** One object to add, already written out ("n 0 obj … endobj\n"). */
export interface ExtraObject {
  readonly number: number;
  readonly chunks: readonly Uint8Array[];
}

export interface Assembly {
  /** New, uncompressed data for these stream objects (the pages' contents). */
  readonly streams?: ReadonlyMap<number, Uint8Array>;
  /** Fonts and XObjects to name in the shared resource dictionary: name → object number. */
  readonly resources?: {
    readonly object: number;
    readonly fonts?: ReadonlyMap<string, number>;
    readonly xobjects?: ReadonlyMap<string, number>;
  };
  /** Objects to add, numbered from the parsed document's `size` up. */
  readonly objects?: readonly ExtraObject[];
}

/** Yields to the browser when the current slice of work has run long enough. */
export type Breathe = () => Promise<void>;

/** The document with every unfiltered stream deflated, the assembly applied, other bytes unchanged. */
export async function assemblePdf(
  pdf: ParsedPdf,
  assembly: Assembly = {},
  deflate: Deflate = nativeDeflate,
  breathe: Breathe = async () => {},
): Promise<Uint8Array> {
  const { text, bytes } = pdf;
  const parts: Uint8Array[][] = [];
  for (const o of pdf.objects) {
    await breathe();
    parts.push(await pack(o));
  }
  return assemble(pdf, parts, assembly.objects ?? []);

  async function pack(o: PdfObject): Promise<Uint8Array[]> {
    const replaced = assembly.streams?.get(o.number);
    if (replaced) {
      const packed = await deflate(replaced);
      return [
        ascii(`${o.number} 0 obj\n<<\n/Length ${packed.length}\n/Filter /FlateDecode\n>>\nstream\n`),
        packed,
        ascii('\nendstream\nendobj\n'),
      ];
    }
    const body = text.slice(o.start, o.end);
    const resources = assembly.resources;
    if (resources?.object === o.number)
      return [ascii(withNames(withNames(body, 'Font', resources.fonts), 'XObject', resources.xobjects))];
    const streamAt = body.indexOf('>>\nstream\n');
    const length = /\/Length (\d+)\n/.exec(body);
    const raw = [bytes.subarray(o.start, o.end)];
    // Leave alone what is already filtered, and anything whose dictionary is not plain ASCII.
    if (streamAt < 0 || !length || !/^[\x20-\x7e\n]*$/.test(body.slice(0, streamAt))) return raw;
    if (body.slice(0, streamAt).includes('/Filter')) return raw;
    const dataStart = o.start + streamAt + '>>\nstream\n'.length;
    const data = bytes.subarray(dataStart, dataStart + Number(length[1]));
    const packed = await deflate(data);
    const dict = body
      .slice(0, streamAt)
      .replace(/\/Length \d+\n/, `/Length ${packed.length}\n`)
      .replace('<<', '<<\n/Filter /FlateDecode');
    const rest = bytes.subarray(dataStart + data.length, o.end);
    return [ascii(`${dict}>>\nstream\n`), packed, rest];
  }
}

/** jsPDF always writes `/Font <<` and `/XObject <<` entries in its resource dictionary; the names go into them. */
function withNames(body: string, kind: 'Font' | 'XObject', names: ReadonlyMap<string, number> = new Map()): string {
  if (names.size === 0) return body;
  const opening = `/${kind} <<\n`;
  const at = body.indexOf(opening);
  if (at < 0) throw new Error(`The resource dictionary has no /${kind} entry.`);
  const entries = [...names].map(([name, number]) => `/${name} ${number} 0 R\n`).join('');
  return body.slice(0, at + opening.length) + entries + body.slice(at + opening.length);
}

function assemble(pdf: ParsedPdf, parts: readonly Uint8Array[][], extra: readonly ExtraObject[]): Uint8Array {
  const header = pdf.bytes.subarray(0, pdf.objects[0]?.start ?? pdf.xrefAt);
  const chunks: Uint8Array[] = [header];
  const offsets = new Map<number, number>();
  let at = header.length;
  const add = (number: number, objectChunks: readonly Uint8Array[]) => {
    if (offsets.has(number)) throw new Error(`Object ${number} is written twice.`);
    offsets.set(number, at);
    for (const chunk of objectChunks) {
      chunks.push(chunk);
      at += chunk.length;
    }
  };
  pdf.objects.forEach((o, i) => add(o.number, parts[i] ?? []));
  for (const o of extra) add(o.number, o.chunks);
  const size = Math.max(0, ...offsets.keys()) + 1;
  const rows = ['xref', `0 ${size}`, '0000000000 65535 f '];
  for (let n = 1; n < size; n++) {
    const offset = offsets.get(n);
    rows.push(offset === undefined ? '0000000000 65535 f ' : `${String(offset).padStart(10, '0')} 00000 n `);
  }
  const trailer = pdf.trailer.replace(/\/Size \d+/, `/Size ${size}`);
  chunks.push(ascii(`${rows.join('\n')}\n${trailer}startxref\n${at}\n%%EOF`));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
