/**
 * What the pack needs to know of a TrueType font to draw and embed it: which glyph each character
 * uses (the `cmap` table, formats 4 and 12, the Unicode subtables every modern TTF has), each
 * glyph's advance width (`hmtx`), and the metrics a PDF font descriptor gives (`head`, `hhea`,
 * `OS/2`, `post`, `name`). The renderer swaps a character the font lacks for a visible marker, so
 * nothing is ever dropped silently. Pure; throws on a file that is not a TrueType font.
 */

/** A font as the pack draws it. Widths and metrics are in 1/1000 of the font size, as PDF wants. */
export interface PackFont {
  /** The font file. */
  readonly bytes: Uint8Array;
  /** The PostScript name, e.g. "NotoSans-Regular". */
  readonly name: string;
  readonly glyphCount: number;
  /** The glyph of each UTF-16 code unit; 0 (.notdef) where the font has none. */
  readonly glyphOf: Uint16Array;
  /** Each glyph's advance width. */
  readonly advance: Float64Array;
  readonly bbox: readonly [number, number, number, number];
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly italicAngle: number;
  /** PDF font flags: nonsymbolic, and fixed-pitch, serif or italic as the font says. */
  readonly flags: number;
}

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function postScriptName(view: DataView, name: number | null): string {
  if (name === null) return 'PackSans';
  const count = view.getUint16(name + 2);
  const strings = name + view.getUint16(name + 4);
  for (let i = 0; i < count; i++) {
    const record = name + 6 + i * 12;
    const [platform, , , id, length, offset] = [0, 2, 4, 6, 8, 10].map((at) => view.getUint16(record + at));
    if (id !== 6 || (platform !== 3 && platform !== 1)) continue;
    const at = strings + (offset ?? 0);
    const codes =
      platform === 3
        ? Array.from({ length: (length ?? 0) / 2 }, (_, c) => view.getUint16(at + c * 2))
        : Array.from({ length: length ?? 0 }, (_, c) => view.getUint8(at + c));
    const text = String.fromCharCode(...codes).replace(/[^\x21-\x7e]/g, '');
    if (text) return text;
  }
  return 'PackSans';
}

export function readFont(bytes: Uint8Array): PackFont {
  const view = viewOf(bytes);
  const table = (tag: string) => {
    const at = tableOffset(view, tag);
    if (at === null) throw new Error(`The font has no ${tag} table.`);
    return at;
  };
  const head = table('head');
  const hhea = table('hhea');
  const hmtx = table('hmtx');
  const maxp = table('maxp');
  const os2 = tableOffset(view, 'OS/2');
  const post = tableOffset(view, 'post');
  const scale = 1000 / view.getUint16(head + 18);
  const glyphCount = view.getUint16(maxp + 4);
  const glyphOf = new Uint16Array(0x10000);
  readCmap(view, (code, glyph) => {
    if (code < 0x10000 && glyph < glyphCount) glyphOf[code] = glyph;
  });
  const metrics = view.getUint16(hhea + 34);
  const advance = new Float64Array(glyphCount);
  for (let g = 0; g < glyphCount; g++) advance[g] = view.getUint16(hmtx + Math.min(g, metrics - 1) * 4) * scale;
  const ascent = Math.round(view.getInt16(hhea + 4) * scale);
  const os2Version = os2 === null ? -1 : view.getUint16(os2);
  const italicAngle = post === null ? 0 : view.getInt32(post + 4) / 65536;
  const familyClass = os2 === null ? 0 : view.getInt16(os2 + 30) >> 8;
  const fixedPitch = post !== null && view.getUint32(post + 12) !== 0;
  const serif = [1, 2, 3, 4, 5, 7].includes(familyClass);
  return {
    bytes,
    name: postScriptName(view, tableOffset(view, 'name')),
    glyphCount,
    glyphOf,
    advance,
    bbox: [36, 38, 40, 42].map((at) => Math.round(view.getInt16(head + at) * scale)) as unknown as PackFont['bbox'],
    ascent,
    descent: Math.round(view.getInt16(hhea + 6) * scale),
    capHeight: os2 !== null && os2Version >= 2 ? Math.round(view.getInt16(os2 + 88) * scale) : ascent,
    italicAngle,
    flags: 32 | (fixedPitch ? 1 : 0) | (serif ? 2 : 0) | (italicAngle !== 0 ? 64 : 0),
  };
}

/** Every Unicode code point the font maps to a real glyph (not glyph 0, `.notdef`). */
export function fontCoverage(font: Uint8Array): ReadonlySet<number> {
  const covered = new Set<number>();
  readCmap(viewOf(font), (code, glyph) => {
    if (glyph !== 0) covered.add(code);
  });
  return covered;
}

/** Calls `found` for each character the Unicode subtables map, with its glyph. */
function readCmap(view: DataView, found: (code: number, glyph: number) => void): void {
  const cmap = tableOffset(view, 'cmap');
  if (cmap === null) return;
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const sub = cmap + view.getUint32(record + 4);
    const format = view.getUint16(sub);
    if (format === 4) readFormat4(view, sub, found);
    else if (format === 12) readFormat12(view, sub, found);
  }
}

function tableOffset(view: DataView, tag: string): number | null {
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const entry = 12 + i * 16;
    const name = String.fromCharCode(
      view.getUint8(entry),
      view.getUint8(entry + 1),
      view.getUint8(entry + 2),
      view.getUint8(entry + 3),
    );
    if (name === tag) return view.getUint32(entry + 8);
  }
  return null;
}

function readFormat4(view: DataView, sub: number, found: (code: number, glyph: number) => void): void {
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeAt = rangeOffsets + s * 2;
    const rangeOffset = view.getUint16(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = rangeAt + rangeOffset + (c - start) * 2;
        const raw = view.getUint16(at);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) found(c, glyph);
    }
  }
}

function readFormat12(view: DataView, sub: number, found: (code: number, glyph: number) => void): void {
  const groups = view.getUint32(sub + 12);
  for (let g = 0; g < groups; g++) {
    const group = sub + 16 + g * 12;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const glyph = view.getUint32(group + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) found(c, glyph + (c - start));
  }
}
