/**
 * The pack's page contents, written straight as PDF content-stream operators (text, lines,
 * rectangles, placed evidence) into one buffer per page. jsPDF still makes the document around
 * them (pages, fonts and their subsets, bookmarks, metadata); its own drawing calls re-parse their
 * options, round every number through several layers and re-encode every string, and were most of
 * an export's drawing time. Pure: no jsPDF, no DOM. Units in: mm from the top-left of an A4 page,
 * font sizes in pt; out: PDF points from the bottom-left, three decimals at most.
 */
import { page, type PdfSurface, type Rgb } from './page-writer';

/** A font the surface draws with: its resource name and its glyph encoding. */
export interface SurfaceFont {
  /** The font's name in the page resources, e.g. "F15". */
  readonly resource: string;
  /** The glyph codes of already-cleaned text: a string of byte-sized characters, two per glyph. */
  encode(text: string): string;
  /** The advance width of one character, in ems. */
  charWidth(code: number): number;
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

/** A PDF literal string of bytes: parentheses, backslashes and line ends escaped. */
const literal = (bytes: string) => `(${bytes.replace(/[()\\\r\n]/g, (c) => escapes[c] ?? c)})`;
const escapes: Record<string, string> = { '(': '\\(', ')': '\\)', '\\': '\\\\', '\r': '\\r', '\n': '\\n' };

const colour = ([r, g, b]: Rgb) => `${pdfNumber(r / 255)} ${pdfNumber(g / 255)} ${pdfNumber(b / 255)}`;
const x = (mm: number) => pdfNumber(mm * k);
const y = (mm: number) => pdfNumber(pageHeight - mm * k);

/** What has been written on one page, and the graphics state its operators have set so far. */
interface PageContent {
  readonly ops: string[];
  fill: string | null;
  stroke: string | null;
  lineWidth: string | null;
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
  private readonly widths = [new Float64Array(0x10000).fill(-1), new Float64Array(0x10000).fill(-1)] as const;

  constructor(private readonly fonts: { readonly regular: SurfaceFont; readonly bold: SurfaceFont }) {
    this.current = this.newContent();
  }

  private newContent(): PageContent {
    const content: PageContent = { ops: [], fill: null, stroke: null, lineWidth: null };
    this.pages.push(content);
    return content;
  }

  private get font(): SurfaceFont {
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

  setFont(_family: string, style: string): void {
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

  /** Width in ems of `text` in the regular or bold font; each character's width is looked up once. */
  unitWidth(text: string, bold: boolean): number {
    const table = this.widths[bold ? 1 : 0];
    const font = bold ? this.fonts.bold : this.fonts.regular;
    let ems = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let width = table[code] ?? 0;
      if (width < 0) {
        width = font.charWidth(code);
        table[code] = width;
      }
      ems += width;
    }
    return ems;
  }

  getTextWidth(text: string): number {
    return (this.unitWidth(text, this.bold) * this.size) / k;
  }

  /** The non-stroking colour (text and fills share it) and the stroke settings, written only when they change. */
  private useFill(rgb: string): void {
    if (this.current.fill === rgb) return;
    this.current.fill = rgb;
    this.current.ops.push(`${rgb} rg`);
  }

  private useStroke(): void {
    const page = this.current;
    if (page.stroke !== this.drawColour) {
      page.stroke = this.drawColour;
      page.ops.push(`${this.drawColour} RG`);
    }
    if (page.lineWidth !== this.lineWidth) {
      page.lineWidth = this.lineWidth;
      page.ops.push(`${this.lineWidth} w`);
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
    this.useFill(this.textColour);
    const ops = [`BT\n/${font.resource} ${pdfNumber(this.size)} Tf`];
    const align = options?.align ?? 'left';
    if (align === 'left') {
      if (lines.length > 1) ops.push(`${pdfNumber(this.size * this.leading)} TL`);
      ops.push(`${x(left)} ${y(top)} Td`);
      ops.push(lines.map((line) => `${literal(font.encode(line))} Tj`).join('\nT* '));
    } else {
      const step = (this.size * this.leading) / k;
      lines.forEach((line, i) => {
        const width = this.getTextWidth(line);
        const at = align === 'right' ? left - width : left - width / 2;
        ops.push(`1 0 0 1 ${x(at)} ${y(top + i * step)} Tm\n${literal(font.encode(line))} Tj`);
      });
    }
    ops.push('ET');
    this.current.ops.push(ops.join('\n'));
  }

  line(x1: number, y1: number, x2: number, y2: number): void {
    this.useStroke();
    this.current.ops.push(`${x(x1)} ${y(y1)} m\n${x(x2)} ${y(y2)} l\nS`);
  }

  /** `style` "F" fills with the fill colour, "FD" fills and strokes; otherwise the outline is stroked. */
  rect(left: number, top: number, width: number, height: number, style?: string): void {
    const fill = style === 'F' || style === 'FD' || style === 'DF';
    const stroke = style !== 'F';
    if (fill) this.useFill(this.fillColour);
    if (stroke) this.useStroke();
    const path = `${x(left)} ${y(top + height)} ${pdfNumber(width * k)} ${pdfNumber(height * k)} re`;
    this.current.ops.push(`${path}\n${fill && stroke ? 'B' : fill ? 'f' : 'S'}`);
  }

  /** Paints the XObject `name` (from the page resources) through `matrix`, in PDF points. */
  drawXObject(name: string, matrix: Matrix): void {
    this.current.ops.push(`q\n${matrix.map(pdfNumber).join(' ')} cm\n/${name} Do\nQ`);
  }

  /** Each page's content stream, in page order. */
  contents(): Uint8Array[] {
    return this.pages.map((p) => {
      const text = p.ops.join('\n');
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      return bytes;
    });
  }
}
