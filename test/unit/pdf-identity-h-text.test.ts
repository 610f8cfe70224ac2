// The pack's glyph encoding must give exactly what jsPDF's own Unicode step gives: the same hex glyph
// string, the same glyphs kept for the embedded subset, the same ToUnicode map and widths.
import { readFileSync } from 'node:fs';
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { encodeIdentityH } from '@/pdf/identity-h-text';

interface Font {
  encoding: string;
  metadata: {
    glyIdsUsed: number[];
    toUnicode: Record<number, number>;
    Unicode: { widths: (number | number[])[] };
    characterToGlyph(code: number): number;
    widthOfGlyph(glyph: number): number;
  };
}

function freshFont(): Font {
  const doc = new jsPDF({ unit: 'mm', format: 'a4' });
  doc.addFileToVFS('r.ttf', readFileSync('public/fonts/pack-regular.ttf').toString('binary'));
  doc.addFont('r.ttf', 'Pack', 'normal', 'Identity-H');
  doc.setFont('Pack', 'normal');
  return (doc as unknown as { internal: { getFont(): Font } }).internal.getFont();
}

const jsPdfEscape16 = (jsPDF.API as unknown as { pdfEscape16(text: string, font: Font): string }).pdfEscape16;

const texts = [
  'Afon Dyfrdwy GP Federation Limited',
  '£1,250.00 – “quoted” … €, é ŵ ŷ Ł ő ş',
  'Ysgol Gynradd Llanfair Pwllgwyngyll',
  'repeat repeat repeat £££',
  '',
];

describe('the Identity-H text step', () => {
  it('encodes every string as jsPDF does (as bytes, not hex), and leaves the font with the same glyphs, map and widths', () => {
    const theirs = freshFont();
    const mine = freshFont();
    const hex = (bytes: string) => Array.from(bytes, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
    for (const text of texts) expect(hex(encodeIdentityH(mine, text))).toBe(jsPdfEscape16(text, theirs));
    expect(new Set(mine.metadata.glyIdsUsed)).toEqual(new Set(theirs.metadata.glyIdsUsed));
    expect(mine.metadata.toUnicode).toEqual(theirs.metadata.toUnicode);
    expect(mine.metadata.Unicode.widths).toEqual(theirs.metadata.Unicode.widths);
  });

  it('records each glyph once, however often it is drawn', () => {
    const font = freshFont();
    const before = font.metadata.glyIdsUsed.length;
    encodeIdentityH(font, 'aaaa');
    encodeIdentityH(font, 'aa');
    expect(font.metadata.glyIdsUsed.length).toBe(before + 1);
  });
});
