// @vitest-environment node
// The pack's fonts: read as jsPDF's own TrueType parser reads them (same glyph for every
// character, same widths and metrics), and embedded as subsets that poppler reports as embedded,
// subset and mapped back to Unicode, under the same name for the same glyphs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { jsPDF } from 'jspdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { FontInUse } from '@/pdf/content-surface';
import { fontObjects } from '@/pdf/font-objects';
import { fontCoverage, readFont } from '@/pdf/pack-font';
import { smallSinglePractice } from '../fixtures/applications/reference-applications';
import { modelOf, render } from '../helpers/pdf';

interface JsPdfTtf {
  characterToGlyph(code: number): number;
  widthOfGlyph(glyph: number): number;
  readonly ascender: number;
  readonly decender: number;
  readonly capHeight: number;
  readonly bbox: number[];
  readonly flags: number;
  readonly head: { readonly unitsPerEm: number };
}

const jsPdfFont = (bytes: Uint8Array) =>
  (jsPDF.API as unknown as { TTFFont: { open(data: Uint8Array): JsPdfTtf } }).TTFFont.open(bytes);

describe.each(['regular', 'bold'])('the %s font, as the pack reads it', (weight) => {
  const bytes = new Uint8Array(readFileSync(`public/fonts/pack-${weight}.ttf`));
  const font = readFont(bytes);
  const theirs = jsPdfFont(bytes);

  it('maps every character and measures every glyph as jsPDF does', () => {
    const covered = [...fontCoverage(bytes)].filter((c) => c < 0x10000);
    expect(covered.length).toBeGreaterThan(600);
    for (const code of [...covered, 0x30a2]) {
      const glyph = theirs.characterToGlyph(code);
      expect(font.glyphOf[code]).toBe(glyph);
      expect(font.advance[glyph]).toBeCloseTo((theirs.widthOfGlyph(glyph) * 1000) / theirs.head.unitsPerEm, 6);
    }
  });

  it('gives the metrics a font descriptor needs', () => {
    expect(font.ascent).toBe(theirs.ascender);
    expect(font.descent).toBe(theirs.decender);
    expect(font.capHeight).toBe(theirs.capHeight);
    expect([...font.bbox]).toEqual(theirs.bbox);
    expect(font.flags).toBe(theirs.flags);
    expect(font.name).toBe(weight === 'bold' ? 'NotoSans-Bold' : 'NotoSans-Regular');
  });
});

describe('embedded fonts', () => {
  let fonts: string;

  beforeAll(async () => {
    const rendered = await render(modelOf(await smallSinglePractice()));
    fonts = execFileSync('pdffonts', [rendered.file], { encoding: 'utf8' });
  }, 60_000);

  it('are both embedded as subsets with a ToUnicode map, and nothing else is', () => {
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('carry the same subset name for the same glyphs, and widths in thousandths of an em', async () => {
    const font = readFont(new Uint8Array(readFileSync('public/fonts/pack-regular.ttf')));
    const used = (text: string) => {
      const inUse = new FontInUse(font, 'PackR');
      for (const c of text) {
        const glyph = font.glyphOf[c.charCodeAt(0)] ?? 0;
        if ((inUse.unicodeOf[glyph] ?? 0) < 0) inUse.unicodeOf[glyph] = c.charCodeAt(0);
      }
      return inUse;
    };
    // Left uncompressed, so the objects can be read here.
    const store = async (bytes: Uint8Array) => new Uint8Array(bytes);
    const text = (objects: Awaited<ReturnType<typeof fontObjects>>) =>
      objects.map((o) => Buffer.concat(o.chunks.map((c) => Buffer.from(c))).toString('latin1')).join('\n');
    const a = text(await fontObjects(used('Siân'), 10, store));
    const b = text(await fontObjects(used('nâiS'), 10, store));
    const c = text(await fontObjects(used('Llŷr'), 10, store));
    const name = (s: string) => /\/BaseFont \/([A-Z]{6}\+\S+)/.exec(s)?.[1];
    expect(name(a)).toBe(name(b));
    expect(name(a)).not.toBe(name(c));
    const glyph = font.glyphOf['S'.charCodeAt(0)] ?? 0;
    expect(a).toContain(`${glyph} [${Math.round(font.advance[glyph] ?? 0)}]`);
    // The ToUnicode map takes the glyph back to "S".
    expect(a).toContain(`<${glyph.toString(16).padStart(4, '0')}> <0053>`);
  });
});
