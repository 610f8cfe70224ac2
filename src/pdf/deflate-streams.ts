/**
 * Compresses an uncompressed jsPDF document's streams with the platform's own deflate
 * (`CompressionStream`, native code that runs off the main thread) instead of jsPDF's JavaScript
 * deflate, which was the largest single cost of an export and one long, blocking task. Rewrites
 * each stream without a filter as /FlateDecode and rebuilds the cross-reference table; everything
 * else is copied byte for byte. Only for jsPDF's classic-xref output, which it checks.
 */

export type Deflate = (bytes: Uint8Array) => Promise<Uint8Array>;

/**
 * zlib-format deflate (what /FlateDecode reads) with the browser's CompressionStream. Written
 * straight to the stream's writer: going through Blob.stream() cost ten times as much per stream.
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

function objectsOf(pdf: Uint8Array, text: string): { objects: PdfObject[]; xrefAt: number; trailer: string } {
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
  if (end < 0 || objects.some((o) => !text.startsWith(`${o.number} 0 obj`, o.start)) || pdf.length < xrefAt)
    throw new Error('Unexpected PDF structure.');
  return { objects, xrefAt, trailer: text.slice(trailerAt, end) };
}

/** The document with every unfiltered stream deflated; other bytes unchanged. */
export async function deflateStreams(
  pdf: Uint8Array,
  deflate: Deflate = nativeDeflate,
  pause: () => Promise<void> = async () => {},
): Promise<Uint8Array> {
  const text = byteText(pdf);
  const { objects, xrefAt, trailer } = objectsOf(pdf, text);
  const parts: Uint8Array[][] = [];
  // A few dozen streams at a time, so compressing never holds the page for long.
  for (let from = 0; from < objects.length; from += 24) {
    await pause();
    parts.push(...(await Promise.all(objects.slice(from, from + 24).map(pack))));
  }
  return assemble(pdf, objects, parts, xrefAt, trailer);

  async function pack(o: PdfObject): Promise<Uint8Array[]> {
    const body = text.slice(o.start, o.end);
    const streamAt = body.indexOf('>>\nstream\n');
    const length = /\/Length (\d+)\n/.exec(body);
    const raw = [pdf.subarray(o.start, o.end)];
    // Leave alone what is already filtered, and anything whose dictionary is not plain ASCII.
    if (streamAt < 0 || !length || !/^[\x20-\x7e\n]*$/.test(body.slice(0, streamAt))) return raw;
    if (body.slice(0, streamAt).includes('/Filter')) return raw;
    const dataStart = o.start + streamAt + '>>\nstream\n'.length;
    const data = pdf.subarray(dataStart, dataStart + Number(length[1]));
    const packed = await deflate(data);
    const dict = body
      .slice(0, streamAt)
      .replace(/\/Length \d+\n/, `/Length ${packed.length}\n`)
      .replace('<<', '<<\n/Filter /FlateDecode');
    const rest = pdf.subarray(dataStart + data.length, o.end);
    return [ascii(`${dict}>>\nstream\n`), packed, rest];
  }
}

function assemble(
  pdf: Uint8Array,
  objects: readonly PdfObject[],
  parts: readonly Uint8Array[][],
  xrefAt: number,
  trailer: string,
): Uint8Array {
  const header = pdf.subarray(0, objects[0]?.start ?? xrefAt);
  const chunks: Uint8Array[] = [header];
  const offsets = new Map<number, number>();
  let at = header.length;
  objects.forEach((o, i) => {
    offsets.set(o.number, at);
    for (const chunk of parts[i] ?? []) {
      chunks.push(chunk);
      at += chunk.length;
    }
  });
  const size = Math.max(0, ...objects.map((o) => o.number)) + 1;
  const rows = ['xref', `0 ${size}`, '0000000000 65535 f '];
  for (let n = 1; n < size; n++) {
    const offset = offsets.get(n);
    rows.push(offset === undefined ? '0000000000 65535 f ' : `${String(offset).padStart(10, '0')} 00000 n `);
  }
  chunks.push(ascii(`${rows.join('\n')}\n${trailer}startxref\n${at}\n%%EOF`));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
