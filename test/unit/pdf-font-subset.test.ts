// @vitest-environment node
// The embedded font keeps every glyph's number and the outlines of the glyphs used (and of the
// glyphs a composite one is built from), drops the rest, and is still a well-formed TrueType font:
// jsPDF's own parser reads it, with the same character map, metrics and number of glyphs.
import { readFileSync } from 'node:fs';
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { subsetFont } from '@/pdf/font-subset';

interface ParsedFont {
  characterToGlyph(code: number): number;
  widthOfGlyph(glyph: number): number;
  readonly numGlyphs: number;
}

const parse = (bytes: Uint8Array) =>
  (jsPDF.API as unknown as { TTFFont: { open(data: Uint8Array): ParsedFont } }).TTFFont.open(bytes);

const regular = new Uint8Array(readFileSync('public/fonts/pack-regular.ttf'));

/** Each glyph's outline bytes, by glyph number. */
function outlines(font: Uint8Array): Uint8Array[] {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const table = (tag: string) => {
    for (let i = 0; i < view.getUint16(4); i++) {
      const at = 12 + i * 16;
      if (String.fromCharCode(...font.subarray(at, at + 4)) === tag)
        return { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) };
    }
    throw new Error(`no ${tag}`);
  };
  const head = table('head');
  const loca = table('loca');
  const glyf = table('glyf');
  const long = view.getInt16(head.offset + 50) === 1;
  const count = view.getUint16(table('maxp').offset + 4);
  const at = (g: number) => (long ? view.getUint32(loca.offset + g * 4) : view.getUint16(loca.offset + g * 2) * 2);
  return Array.from({ length: count }, (_, g) => font.subarray(glyf.offset + at(g), glyf.offset + at(g + 1)));
}

/** Composite glyphs (fewer than zero contours) and the first glyph each is built from. */
function composites(font: Uint8Array): [number, number][] {
  return outlines(font).flatMap((data, g) => {
    if (data.length < 14) return [];
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    return view.getInt16(0) < 0 ? [[g, view.getUint16(12)] as [number, number]] : [];
  });
}

describe('subsetFont', () => {
  const base = parse(regular);
  const used = [...'Siân Llŷr £1,250'].map((c) => base.characterToGlyph(c.charCodeAt(0)));

  it('keeps the glyphs used, at their own numbers, and empties the others', () => {
    const subset = subsetFont(regular, used);
    const before = outlines(regular);
    const after = outlines(subset);
    expect(after).toHaveLength(before.length);
    for (const g of used) {
      const kept = after[g] ?? new Uint8Array();
      const original = before[g] ?? new Uint8Array();
      // The same outline, padded to a 4-byte boundary.
      expect(Buffer.from(kept.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
      expect(kept.length - original.length).toBeLessThan(4);
    }
    expect(after[0]?.length).toBe(before[0]?.length);
    const unused = base.characterToGlyph('Q'.charCodeAt(0));
    expect(before[unused]?.length).toBeGreaterThan(0);
    expect(after[unused]?.length).toBe(0);
    expect(subset.length).toBeLessThan(regular.length / 2);
  });

  it('keeps the glyphs a composite glyph is built from', () => {
    const [composite, part] = composites(regular)[0] ?? [];
    expect(composite).toBeDefined();
    const after = outlines(subsetFont(regular, [composite ?? 0]));
    expect(after[part ?? 0]?.length).toBeGreaterThan(0);
  });

  it('is a font jsPDF reads back with the same character map, widths and glyph count', () => {
    const reread = parse(subsetFont(regular, used));
    expect(reread.numGlyphs).toBe(base.numGlyphs);
    for (const c of 'Siân Llŷr £1,250 Q') {
      const glyph = base.characterToGlyph(c.charCodeAt(0));
      expect(reread.characterToGlyph(c.charCodeAt(0))).toBe(glyph);
      expect(reread.widthOfGlyph(glyph)).toBe(base.widthOfGlyph(glyph));
    }
  });

  it('has whole-font and table checksums as the TrueType format defines them', () => {
    const font = subsetFont(regular, used);
    const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
    let sum = 0;
    for (let i = 0; i < font.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });

  it('refuses what is not a TrueType font', () => {
    expect(() => subsetFont(new Uint8Array(64), [1])).toThrow();
  });
});
