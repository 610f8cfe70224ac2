// @vitest-environment node
// The content surface writes PDF operators itself: text at the right place in the right font,
// strings of glyph bytes escaped so no byte can end or break them, colours and line settings
// written once per page until they change, and every page's content as bytes.
import { describe, expect, it } from 'vitest';
import { ContentSurface, pdfNumber } from '@/pdf/content-surface';
import { fakeFont } from '../helpers/pdf';

// In the fake font, a character's glyph is its own code, and every glyph is half an em wide.
const surface = () => new ContentSurface({ regular: fakeFont('F1'), bold: fakeFont('F2') });
const text = (s: ContentSurface, page = 0) => new TextDecoder('latin1').decode(s.contents()[page]);
const k = 72 / 25.4;

describe('numbers', () => {
  it('are written with at most three decimals, without exponents or "-0"', () => {
    expect(pdfNumber(1)).toBe('1');
    expect(pdfNumber(56.6929133)).toBe('56.693');
    expect(pdfNumber(-0.0001)).toBe('0');
    expect(pdfNumber(0.0000001)).toBe('0');
    expect(pdfNumber(-12.3456)).toBe('-12.346');
    expect(pdfNumber(14400)).toBe('14400');
  });
});

describe('text', () => {
  it('is drawn at its baseline in points from the bottom-left, in the chosen font and size', () => {
    const s = surface();
    s.setFont('bold');
    s.setFontSize(12.5);
    s.setTextColor(0, 48, 135);
    s.text('Hi', 20, 30);
    expect(text(s)).toBe(
      `0 0.188 0.529 rg\nBT\n/F2 12.5 Tf\n${pdfNumber(20 * k)} ${pdfNumber((297 - 30) * k)} Td\n(\0H\0i) Tj\nET\n`,
    );
  });

  it('draws the lines of an array the line-height factor apart', () => {
    const s = surface();
    s.setFontSize(10);
    s.setLineHeightFactor(1.5);
    s.text(['one', 'two'], 20, 30);
    expect(text(s)).toContain('15 TL\n');
    expect(text(s)).toContain('(\0o\0n\0e) Tj\nT* (\0t\0w\0o) Tj\nET');
  });

  it('places right- and centre-aligned lines by their width', () => {
    const s = surface();
    s.setFontSize(10);
    s.text('abcd', 100, 30, { align: 'right' });
    s.text('ab', 100, 40, { align: 'center' });
    // 4 characters of half an em at 10 pt = 20 pt wide; 2 characters = 10 pt.
    expect(text(s)).toContain(`1 0 0 1 ${pdfNumber(100 * k - 20)} ${pdfNumber((297 - 30) * k)} Tm`);
    expect(text(s)).toContain(`1 0 0 1 ${pdfNumber(100 * k - 5)} ${pdfNumber((297 - 40) * k)} Tm`);
    expect(s.getTextWidth('abcd')).toBeCloseTo(20 / k, 6);
  });

  it('escapes the glyph bytes that would end or change a string: parentheses, backslash, CR and LF', () => {
    const s = surface();
    s.text('()\\\r\n\u0a28', 0, 0);
    expect(text(s)).toContain('(\0\\(\0\\)\0\\\\\0\\r\0\\n\\n\\() Tj');
  });

  it('measures each font with its own widths', () => {
    const s = new ContentSurface({ regular: fakeFont('F1', 500), bold: fakeFont('F2', 600) });
    expect(s.unitWidth('abc', false)).toBeCloseTo(1.5);
    expect(s.unitWidth('abc', true)).toBeCloseTo(1.8);
  });

  it('records which glyph was drawn for which character, for the embedded subset and its ToUnicode map', () => {
    const regular = fakeFont('F1');
    const s = new ContentSurface({ regular, bold: fakeFont('F2') });
    s.text(['Ab', 'bA'], 0, 0);
    expect(regular.usedGlyphs()).toEqual([0x41, 0x62]);
    expect(regular.unicodeOf[0x62]).toBe(0x62);
    expect(regular.unicodeOf[0x43]).toBe(-1);
  });
});

describe('graphics state', () => {
  it('writes a colour or line width once, again only when it changes, and again on each page', () => {
    const s = surface();
    s.setDrawColor(216, 221, 224);
    s.setLineWidth(0.2);
    s.line(0, 0, 10, 0);
    s.line(0, 5, 10, 5);
    s.setLineWidth(0.5);
    s.line(0, 9, 10, 9);
    const first = text(s);
    expect(first.match(/ RG/g)).toHaveLength(1);
    expect(first.match(/ w\n/g)).toHaveLength(2);
    s.addPage();
    s.line(0, 0, 10, 0);
    expect(text(s, 1)).toMatch(/^0\.847 0\.867 0\.878 RG\n1\.417 w\n/);
  });

  it('shares the fill colour between text and filled shapes, as PDF does', () => {
    const s = surface();
    s.setFillColor(240, 244, 245);
    s.setTextColor(240, 244, 245);
    s.rect(0, 0, 10, 10, 'F');
    s.text('a', 0, 5);
    s.setTextColor(0, 0, 0);
    s.text('b', 0, 9);
    expect(text(s).match(/ rg/g)).toHaveLength(2);
  });

  it('fills, strokes or does both', () => {
    const s = surface();
    s.rect(10, 20, 30, 40, 'F');
    s.rect(10, 20, 30, 40);
    s.rect(10, 20, 30, 40, 'FD');
    const ops = text(s);
    const box = `${pdfNumber(10 * k)} ${pdfNumber((297 - 60) * k)} ${pdfNumber(30 * k)} ${pdfNumber(40 * k)} re`;
    expect(ops).toContain(`${box}\nf`);
    expect(ops).toContain(`${box}\nS`);
    expect(ops).toContain(`${box}\nB`);
  });
});

describe('pages', () => {
  it('goes back to an earlier page to add to it, and refuses a page that does not exist', () => {
    const s = surface();
    s.addPage();
    s.setPage(1);
    s.text('back', 0, 0);
    expect(s.getNumberOfPages()).toBe(2);
    expect(text(s, 0)).toContain('(\0b\0a\0c\0k) Tj');
    expect(text(s, 1)).toBe('');
    expect(() => s.setPage(3)).toThrow(/no page 3/);
  });

  it('paints a named XObject through a matrix, in its own graphics state', () => {
    const s = surface();
    s.drawXObject('Ev1p1', [0.5, 0, 0, 0.5, 56.6929, 100]);
    expect(text(s)).toBe('q\n0.5 0 0 0.5 56.693 100 cm\n/Ev1p1 Do\nQ\n');
  });

  it('gives each page as bytes, one per character', () => {
    const s = surface();
    s.text('é', 0, 0);
    const bytes = s.contents()[0] ?? new Uint8Array();
    expect(Array.from(bytes).every((b) => b < 256)).toBe(true);
    expect(bytes.length).toBe(text(s).length);
    expect(Array.from(bytes)).toContain(0xe9);
  });
});
