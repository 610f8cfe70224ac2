/**
 * Which characters a TrueType font can draw: reads the font's `cmap` table (formats 4 and 12,
 * the Unicode subtables every modern TTF has). The renderer uses it to swap a character the font
 * lacks for a visible marker before jsPDF sees it: jsPDF would otherwise silently drop the rest
 * of the line at the first unmapped character. Pure; never throws on a well-formed font.
 */

/** Every Unicode code point the font maps to a real glyph (not glyph 0, `.notdef`). */
export function fontCoverage(font: Uint8Array): ReadonlySet<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const covered = new Set<number>();
  const cmap = tableOffset(view, 'cmap');
  if (cmap === null) return covered;
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const sub = cmap + view.getUint32(record + 4);
    const format = view.getUint16(sub);
    if (format === 4) readFormat4(view, sub, covered);
    else if (format === 12) readFormat12(view, sub, covered);
  }
  return covered;
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

function readFormat4(view: DataView, sub: number, covered: Set<number>): void {
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
      if (glyph !== 0) covered.add(c);
    }
  }
}

function readFormat12(view: DataView, sub: number, covered: Set<number>): void {
  const groups = view.getUint32(sub + 12);
  for (let g = 0; g < groups; g++) {
    const group = sub + 16 + g * 12;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const glyph = view.getUint32(group + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) covered.add(c);
  }
}
