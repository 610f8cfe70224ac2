/**
 * Flowing text down A4 pages: the page geometry, wrapped paragraphs that continue cleanly onto the
 * next page (with a "(continued)" line naming what continues), headings that are never the last
 * thing on a page, and a cursor shared with the table drawer. Draws through `PdfSurface`, so it
 * never imports jsPDF; every string is cleaned by the glyph guard.
 */
import type { GlyphGuard } from './text-safety';

/** What the pack draws with (ContentSurface writes it as PDF). Units: mm from the page's top-left; font sizes: pt. */
export interface PdfSurface {
  /** Text with its (first) baseline at `y`; lines of an array are the line-height factor apart. */
  text(text: string | readonly string[], x: number, y: number, options?: { align?: 'left' | 'center' | 'right' }): void;
  setFont(style: 'normal' | 'bold'): void;
  setFontSize(size: number): void;
  setTextColor(r: number, g: number, b: number): void;
  setDrawColor(r: number, g: number, b: number): void;
  setFillColor(r: number, g: number, b: number): void;
  setLineWidth(width: number): void;
  line(x1: number, y1: number, x2: number, y2: number): void;
  /** `style` "F" fills; otherwise the outline is stroked. */
  rect(x: number, y: number, w: number, h: number, style?: string): void;
  /** Width in mm in the current font and size. */
  getTextWidth(text: string): number;
  /** Width in ems in the regular or bold font (no kerning: the pack's font has none). */
  unitWidth(text: string, bold: boolean): number;
  setLineHeightFactor(factor: number): void;
  addPage(): void;
  setPage(page: number): void;
  getNumberOfPages(): number;
}

export const page = { width: 210, height: 297 } as const;
/** Body text stays inside this box; the DRAFT mark and the footer sit in the bands around it. */
export const margin = { left: 20, right: 20, top: 22, bottom: 24 } as const;
export const contentWidth = page.width - margin.left - margin.right;
export const contentBottom = page.height - margin.bottom;
const ptToMm = 25.4 / 72;

export type Rgb = readonly [number, number, number];
export const colours = {
  text: [33, 43, 50],
  muted: [77, 98, 116],
  blue: [0, 94, 184],
  darkBlue: [0, 48, 135],
  red: [212, 53, 28],
  green: [0, 112, 60],
  rule: [216, 221, 224],
  shade: [240, 244, 245],
} as const satisfies Record<string, Rgb>;

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly colour?: Rgb;
  /** Line height as a multiple of the font size (default 1.35). */
  readonly leading?: number;
}

export const lineHeight = (style: TextStyle) => style.size * ptToMm * (style.leading ?? 1.35);

export class PageWriter {
  /** Top of the next line, in mm from the top of the page. */
  y: number = margin.top;
  /** Drawn at the top of a page that continues a question or table, then cleared by the caller. */
  continuation: string | null = null;
  private readonly wrapped = new Map<string, readonly string[]>();

  constructor(
    readonly surface: PdfSurface,
    readonly guard: GlyphGuard,
  ) {}

  get pageNumber(): number {
    return this.surface.getNumberOfPages();
  }

  remaining(): number {
    return contentBottom - this.y;
  }

  use(style: TextStyle): void {
    const [r, g, b] = style.colour ?? colours.text;
    this.surface.setFont(style.bold ? 'bold' : 'normal');
    this.surface.setFontSize(style.size);
    this.surface.setTextColor(r, g, b);
  }

  newPage(): void {
    this.surface.addPage();
    this.y = margin.top;
    if (this.continuation) {
      const style: TextStyle = { size: 8.5, colour: colours.muted };
      this.lines(this.wrap(`${this.continuation} (continued)`, style, contentWidth), style);
      this.y += 1.5;
    }
  }

  /** Starts a new page unless `height` mm still fit on this one. */
  ensure(height: number): void {
    if (height > this.remaining() && this.y > margin.top + 0.01) this.newPage();
  }

  /** Width in mm of already-cleaned text. */
  measure(text: string, style: TextStyle): number {
    return this.surface.unitWidth(text, style.bold === true) * style.size * ptToMm;
  }

  /**
   * The lines `text` wraps to at `width` mm, breaking at spaces; a word too long for a line is
   * split. Remembered: a heading or a table row is measured before it is drawn.
   */
  wrap(text: string, style: TextStyle, width: number): readonly string[] {
    const key = `${style.size}|${style.bold === true ? 'b' : ''}|${width}|${text}`;
    let lines = this.wrapped.get(key);
    if (!lines) {
      lines = this.guard
        .clean(text)
        .split('\n')
        .flatMap((line) => this.wrapLine(line, style, width));
      this.wrapped.set(key, lines);
    }
    return lines;
  }

  private wrapLine(line: string, style: TextStyle, width: number): string[] {
    if (this.measure(line, style) <= width) return [line];
    const out: string[] = [];
    const space = this.measure(' ', style);
    let current = '';
    let used = 0;
    let first = true;
    for (const word of line.split(' ')) {
      const w = this.measure(word, style);
      if (!first && used + space + w <= width) {
        current += ` ${word}`;
        used += space + w;
        continue;
      }
      if (!first) out.push(current);
      first = false;
      current = '';
      used = 0;
      for (const ch of word) {
        const cw = this.measure(ch, style);
        if (used + cw > width && current !== '') {
          out.push(current);
          current = '';
          used = 0;
        }
        current += ch;
        used += cw;
      }
    }
    out.push(current);
    return out;
  }

  height(text: string, style: TextStyle, width = contentWidth): number {
    return this.wrap(text, style, width).length * lineHeight(style);
  }

  /** Draws lines at `x` mm from the page's left edge, from `top` down, without moving the cursor. */
  column(lines: readonly string[], style: TextStyle, x: number, top: number): void {
    if (lines.length === 0) return;
    this.use(style);
    this.surface.setLineHeightFactor(style.leading ?? 1.35);
    this.surface.text(lines, x, top + style.size * ptToMm * 0.9);
  }

  /** Draws wrapped lines from the cursor down, in one call per page. */
  lines(lines: readonly string[], style: TextStyle, indent = 0): void {
    const lh = lineHeight(style);
    let batch: string[] = [];
    let top = this.y;
    const flush = () => {
      this.column(batch, style, margin.left + indent, top);
      batch = [];
    };
    for (const line of lines) {
      if (lh > this.remaining() + 0.01) {
        flush();
        this.newPage();
      }
      if (batch.length === 0) top = this.y;
      batch.push(line);
      this.y += lh;
    }
    flush();
  }

  /**
   * Wrapped text that flows across pages. `keepWithNext` mm must fit below its first lines (a
   * heading's or label's next content), so nothing is stranded at the foot of a page.
   */
  paragraph(
    text: string,
    style: TextStyle,
    options: { indent?: number; keepWithNext?: number; keepTogether?: boolean } = {},
  ): void {
    const indent = options.indent ?? 0;
    const lines = this.wrap(text, style, contentWidth - indent);
    const first = options.keepTogether ? lines.length : Math.min(lines.length, 2);
    this.ensure(first * lineHeight(style) + (options.keepWithNext ?? 0));
    this.lines(lines, style, indent);
  }

  /** A heading, moved to the next page if it and `keepWithNext` mm of what follows do not fit. */
  heading(text: string, style: TextStyle, keepWithNext: number, rule = false): void {
    const height = this.height(text, style) + (rule ? 2.5 : 0);
    this.ensure(height + keepWithNext);
    this.paragraph(text, style, { keepTogether: true });
    if (rule) {
      this.surface.setDrawColor(...colours.blue);
      this.surface.setLineWidth(0.6);
      this.surface.line(margin.left, this.y + 0.5, margin.left + contentWidth, this.y + 0.5);
      this.y += 2.5;
    }
  }

  gap(mm: number): void {
    this.y = Math.min(this.y + mm, contentBottom);
  }
}
