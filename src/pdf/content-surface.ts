/**
 * The pack's page contents, written straight as PDF content-stream bytes (text, lines,
 * rectangles, placed evidence), one growing buffer per page. jsPDF makes the document around them
 * (pages, bookmarks, metadata); its own drawing calls re-parse their options, round every number
 * through several layers and re-encode every string, and were most of an export's drawing time.
 * Text is written as glyph numbers (Identity-H, two bytes each) of the font it is drawn in, and
 * each font records which glyphs were drawn for which character, for its embedded subset and its
 * ToUnicode map. Pure: no jsPDF, no DOM. Units in: mm from the top-left of an A4 page, font sizes
 * in pt; out: PDF points from the bottom-left, three decimals at most.
 */
import type { PackFont } from './pack-font';
import { page, type PdfSurface, type Rgb } from './page-writer';

/** A font as the surface draws with it, and what has been drawn with it so far. */
export class FontInUse {
  /** The character each glyph was first drawn for; -1 for a glyph not drawn. */
  readonly unicodeOf: Int32Array;

  constructor(
    readonly font: PackFont,
    /** The font's name in the page resources, e.g. "PackR". */
    readonly resource: string,
  ) {
    this.unicodeOf = new Int32Array(font.glyphCount).fill(-1);
  }

  /** The glyphs drawn, in order of number. */
  usedGlyphs(): number[] {
    const used: number[] = [];
    this.unicodeOf.forEach((code, glyph) => {
      if (code >= 0) used.push(glyph);
    });
    return used;
  }
}

/** A 2×3 PDF matrix [a b c d e f]. */
export type Matrix = readonly [number, number, number, number, number, number];

const k = 72 / 25.4;
const pageHeight = page.height * k;

/** A number as PDF writes it: at most three decimals, no exponent, never "-0". */
export function pdfNumber(n: number): string {
  const rounded = Math.round(n * 1000) / 1000;
  return rounded === 0 ? '0' : String(rounded);
}

const colourCache = new Map<number, string>();
const colour = ([r, g, b]: Rgb) => {
  const key = (r << 16) | (g << 8) | b;
  let text = colourCache.get(key);
  if (text === undefined) {
    text = `${pdfNumber(r / 255)} ${pdfNumber(g / 255)} ${pdfNumber(b / 255)}`;
    colourCache.set(key, text);
  }
  return text;
};
const x = (mm: number) => pdfNumber(mm * k);
const y = (mm: number) => pdfNumber(pageHeight - mm * k);

const backslash = 0x5c;
/** Bytes a literal string must escape, and what follows the backslash: ( ) \ CR LF. */
const escaped = new Int16Array(256).fill(-1);
escaped[0x28] = 0x28;
escaped[0x29] = 0x29;
escaped[backslash] = backslash;
escaped[0x0d] = 0x72;
escaped[0x0a] = 0x6e;

/** One page's content: a growing byte buffer, and the graphics state its operators have set so far. */
class PageContent {
  bytes = new Uint8Array(4096);
  length = 0;
  fill: string | null = null;
  stroke: string | null = null;
  lineWidth: string | null = null;

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Operators and numbers: ASCII only. */
  ascii(text: string): void {
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
  }

  /** A literal string of `text`'s glyphs in `font`, two bytes each, escaped where PDF needs it. */
  glyphs(text: string, font: FontInUse): void {
    this.room(2 + text.length * 4);
    const { glyphOf } = font.font;
    const { unicodeOf } = font;
    const out = this.bytes;
    let n = this.length;
    out[n++] = 0x28;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const glyph = glyphOf[code] ?? 0;
      if ((unicodeOf[glyph] ?? 0) < 0) unicodeOf[glyph] = code;
      const high = glyph >> 8;
      const low = glyph & 0xff;
      let escape = escaped[high] ?? -1;
      if (escape >= 0) out[n++] = backslash;
      out[n++] = escape >= 0 ? escape : high;
      escape = escaped[low] ?? -1;
      if (escape >= 0) out[n++] = backslash;
      out[n++] = escape >= 0 ? escape : low;
    }
    out[n++] = 0x29;
    this.length = n;
  }

  content(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

export class ContentSurface implements PdfSurface {
  private readonly pages: PageContent[] = [];
  private current: PageContent;
  private bold = false;
  private size = 10;
  private leading = 1.15;
  private textColour = '0 0 0';
  private fillColour = '0 0 0';
  private drawColour = '0 0 0';
  private lineWidth = pdfNumber(0.2 * k);

  constructor(private readonly fonts: { readonly regular: FontInUse; readonly bold: FontInUse }) {
    this.current = this.newContent();
  }

  private newContent(): PageContent {
    const content = new PageContent();
    this.pages.push(content);
    return content;
  }

  private get font(): FontInUse {
    return this.bold ? this.fonts.bold : this.fonts.regular;
  }

  addPage(): void {
    this.current = this.newContent();
  }

  setPage(n: number): void {
    const found = this.pages[n - 1];
    if (!found) throw new Error(`There is no page ${n}.`);
    this.current = found;
  }

  getNumberOfPages(): number {
    return this.pages.length;
  }

  setFont(style: 'normal' | 'bold'): void {
    this.bold = style === 'bold';
  }

  setFontSize(size: number): void {
    this.size = size;
  }

  setLineHeightFactor(factor: number): void {
    this.leading = factor;
  }

  setTextColor(r: number, g: number, b: number): void {
    this.textColour = colour([r, g, b]);
  }

  setFillColor(r: number, g: number, b: number): void {
    this.fillColour = colour([r, g, b]);
  }

  setDrawColor(r: number, g: number, b: number): void {
    this.drawColour = colour([r, g, b]);
  }

  setLineWidth(width: number): void {
    this.lineWidth = pdfNumber(width * k);
  }

  /** Width in ems of `text` in the regular or bold font. */
  unitWidth(text: string, bold: boolean): number {
    const { glyphOf, advance } = (bold ? this.fonts.bold : this.fonts.regular).font;
    let width = 0;
    for (let i = 0; i < text.length; i++) width += advance[glyphOf[text.charCodeAt(i)] ?? 0] ?? 0;
    return width / 1000;
  }

  getTextWidth(text: string): number {
    return (this.unitWidth(text, this.bold) * this.size) / k;
  }

  /** The non-stroking colour (text and fills share it) and the stroke settings, written only when they change. */
  private useFill(rgb: string): void {
    if (this.current.fill === rgb) return;
    this.current.fill = rgb;
    this.current.ascii(`${rgb} rg\n`);
  }

  private useStroke(): void {
    const page = this.current;
    if (page.stroke !== this.drawColour) {
      page.stroke = this.drawColour;
      page.ascii(`${this.drawColour} RG\n`);
    }
    if (page.lineWidth !== this.lineWidth) {
      page.lineWidth = this.lineWidth;
      page.ascii(`${this.lineWidth} w\n`);
    }
  }

  /**
   * Draws text with its first baseline at `top` mm; an array is drawn one line under another, the
   * current line-height factor apart. `align` places each line's left, centre or right at `left`.
   */
  text(
    text: string | readonly string[],
    left: number,
    top: number,
    options?: { align?: 'left' | 'center' | 'right' },
  ): void {
    const lines = typeof text === 'string' ? [text] : text;
    if (lines.length === 0) return;
    const font = this.font;
    const page = this.current;
    this.useFill(this.textColour);
    page.ascii(`BT\n/${font.resource} ${pdfNumber(this.size)} Tf\n`);
    const align = options?.align ?? 'left';
    if (align === 'left') {
      if (lines.length > 1) page.ascii(`${pdfNumber(this.size * this.leading)} TL\n`);
      page.ascii(`${x(left)} ${y(top)} Td\n`);
      lines.forEach((line, i) => {
        if (i > 0) page.ascii('T* ');
        page.glyphs(line, font);
        page.ascii(' Tj\n');
      });
    } else {
      const step = (this.size * this.leading) / k;
      lines.forEach((line, i) => {
        const width = this.getTextWidth(line);
        const at = align === 'right' ? left - width : left - width / 2;
        page.ascii(`1 0 0 1 ${x(at)} ${y(top + i * step)} Tm\n`);
        page.glyphs(line, font);
        page.ascii(' Tj\n');
      });
    }
    page.ascii('ET\n');
  }

  line(x1: number, y1: number, x2: number, y2: number): void {
    this.useStroke();
    this.current.ascii(`${x(x1)} ${y(y1)} m\n${x(x2)} ${y(y2)} l\nS\n`);
  }

  /** `style` "F" fills with the fill colour, "FD" fills and strokes; otherwise the outline is stroked. */
  rect(left: number, top: number, width: number, height: number, style?: string): void {
    const fill = style === 'F' || style === 'FD' || style === 'DF';
    const stroke = style !== 'F';
    if (fill) this.useFill(this.fillColour);
    if (stroke) this.useStroke();
    const path = `${x(left)} ${y(top + height)} ${pdfNumber(width * k)} ${pdfNumber(height * k)} re`;
    this.current.ascii(`${path}\n${fill && stroke ? 'B' : fill ? 'f' : 'S'}\n`);
  }

  /** Paints the XObject `name` (from the page resources) through `matrix`, in PDF points. */
  drawXObject(name: string, matrix: Matrix): void {
    this.current.ascii(`q\n${matrix.map(pdfNumber).join(' ')} cm\n/${name} Do\nQ\n`);
  }

  /** Each page's content stream, in page order. */
  contents(): Uint8Array[] {
    return this.pages.map((p) => p.content());
  }
}
