/**
 * The copy of a TrueType font a PDF embeds: only the outlines of the glyphs the pack draws (and
 * the glyphs a composite one is built from) are kept; every other glyph is left empty. Every glyph
 * keeps its number, so text encoded against the full font (Identity-H, CIDToGIDMap /Identity)
 * draws the same. It replaces jsPDF's own subsetting, which rebuilt the whole font in JavaScript
 * objects and took two thirds of writing the document. Pure; throws on a font it cannot read.
 */

/** Tables a PDF viewer may use from an embedded TrueType font; the rest (layout, kerning, signatures) are left out. */
const kept = new Set([
  'OS/2',
  'cmap',
  'cvt ',
  'fpgm',
  'glyf',
  'head',
  'hhea',
  'hmtx',
  'loca',
  'maxp',
  'name',
  'post',
  'prep',
]);

interface Table {
  readonly tag: string;
  readonly data: Uint8Array;
}

function tablesOf(font: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const entry = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    if (offset + length > font.length) throw new Error(`The font's ${tag} table is cut short.`);
    tables.set(tag, font.subarray(offset, offset + length));
  }
  return tables;
}

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Composite glyph flags (TrueType `glyf` table). */
const argsAreWords = 0x0001;
const haveScale = 0x0008;
const moreComponents = 0x0020;
const haveXYScale = 0x0040;
const haveTwoByTwo = 0x0080;

/** The glyphs a composite glyph is built from. */
function components(glyph: Uint8Array): number[] {
  if (glyph.length < 10) return [];
  const view = viewOf(glyph);
  if (view.getInt16(0) >= 0) return [];
  const found: number[] = [];
  let at = 10;
  for (;;) {
    const flags = view.getUint16(at);
    found.push(view.getUint16(at + 2));
    at += 4 + (flags & argsAreWords ? 4 : 2);
    if (flags & haveScale) at += 2;
    else if (flags & haveXYScale) at += 4;
    else if (flags & haveTwoByTwo) at += 8;
    if (!(flags & moreComponents) || at + 4 > glyph.length) return found;
  }
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const padded = data.length % 4 ? new Uint8Array(data.length + 4 - (data.length % 4)) : data;
  if (padded !== data) padded.set(data);
  const view = viewOf(padded);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

function writeFont(tables: readonly Table[]): Uint8Array {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const headerSize = 12 + sorted.length * 16;
  const size = sorted.reduce((n, t) => n + Math.ceil(t.data.length / 4) * 4, headerSize);
  const out = new Uint8Array(size);
  const view = viewOf(out);
  const power = 2 ** Math.floor(Math.log2(sorted.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, sorted.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, sorted.length * 16 - power * 16);
  let offset = headerSize;
  let headAt = -1;
  sorted.forEach((table, i) => {
    const entry = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[entry + c] = table.tag.charCodeAt(c);
    view.setUint32(entry + 4, checksum(table.data));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, table.data.length);
    out.set(table.data, offset);
    if (table.tag === 'head') headAt = offset;
    offset += Math.ceil(table.data.length / 4) * 4;
  });
  if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** `font` with only the outlines of `glyphs` (glyph 0 is always kept), each glyph keeping its number. */
export function subsetFont(font: Uint8Array, glyphs: Iterable<number>): Uint8Array {
  const tables = tablesOf(font);
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !maxp || !loca || !glyf) throw new Error('Not a TrueType font with outlines.');
  const count = viewOf(maxp).getUint16(4);
  const long = viewOf(head).getInt16(50) === 1;
  const locaView = viewOf(loca);
  const offsetOf = (g: number) => (long ? locaView.getUint32(g * 4) : locaView.getUint16(g * 2) * 2);
  const outline = (g: number) => glyf.subarray(offsetOf(g), Math.max(offsetOf(g), offsetOf(g + 1)));

  const keep = new Set<number>([0]);
  const queue = [...glyphs];
  for (let g = queue.pop(); g !== undefined; g = queue.pop()) {
    if (g < 0 || g >= count || keep.has(g)) continue;
    keep.add(g);
    queue.push(...components(outline(g)));
  }

  const newLoca = new Uint8Array((count + 1) * 4);
  const newLocaView = viewOf(newLoca);
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let g = 0; g < count; g++) {
    newLocaView.setUint32(g * 4, size);
    if (!keep.has(g)) continue;
    const data = outline(g);
    parts.push(data);
    size += Math.ceil(data.length / 4) * 4;
  }
  newLocaView.setUint32(count * 4, size);
  const newGlyf = new Uint8Array(size);
  let at = 0;
  for (const data of parts) {
    newGlyf.set(data, at);
    at += Math.ceil(data.length / 4) * 4;
  }
  const newHead = head.slice();
  viewOf(newHead).setUint32(8, 0);
  viewOf(newHead).setInt16(50, 1);

  const out: Table[] = [];
  for (const [tag, data] of tables) {
    if (!kept.has(tag)) continue;
    const replaced = tag === 'glyf' ? newGlyf : tag === 'loca' ? newLoca : tag === 'head' ? newHead : data;
    out.push({ tag, data: replaced });
  }
  return writeFont(out);
}
