// What the PDF layout tests look at: every line of text as it reaches the content surface (page,
// box in mm, size, weight), recorded by a subclass of the surface; and every word poppler finds in
// a rendered file, with its box in mm. Both measured from the page's top-left.
import { execFileSync } from 'node:child_process';
import type { ContentSurface } from '@/pdf/content-surface';

const ptToMm = 25.4 / 72;

export interface Box {
  readonly page: number;
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Drawn extends Box {
  readonly size: number;
  readonly bold: boolean;
}

/**
 * `Base` (the content surface, or what a mock's `importOriginal` gives for it) with every line
 * of text it draws pushed onto `drawn`, where its glyphs would stand.
 */
export function recordingSurface(Base: typeof ContentSurface, drawn: Drawn[]) {
  return class RecordingSurface extends Base {
    private onPage = 1;
    private fontSize = 10;
    private isBold = false;
    private lineFactor = 1.15;
    override addPage() {
      super.addPage();
      this.onPage = this.getNumberOfPages();
    }
    override setPage(n: number) {
      super.setPage(n);
      this.onPage = n;
    }
    override setFont(style: 'normal' | 'bold') {
      super.setFont(style);
      this.isBold = style === 'bold';
    }
    override setFontSize(size: number) {
      super.setFontSize(size);
      this.fontSize = size;
    }
    override setLineHeightFactor(factor: number) {
      super.setLineHeightFactor(factor);
      this.lineFactor = factor;
    }
    override text(
      content: string | readonly string[],
      x: number,
      y: number,
      options?: { align?: 'left' | 'center' | 'right' },
    ) {
      const lines = typeof content === 'string' ? [content] : content;
      lines.forEach((line, i) => {
        const width = this.unitWidth(line, this.isBold) * this.fontSize * ptToMm;
        const align = options?.align;
        const left = align === 'right' ? x - width : align === 'center' ? x - width / 2 : x;
        const baseline = y + i * this.fontSize * this.lineFactor * ptToMm;
        drawn.push({
          page: this.onPage,
          text: line,
          left,
          right: left + width,
          top: baseline - 0.95 * this.fontSize * ptToMm,
          bottom: baseline + 0.27 * this.fontSize * ptToMm,
          size: this.fontSize,
          bold: this.isBold,
        });
      });
      super.text(content, x, y, options);
    }
  };
}

/** Every word poppler finds in the file, with its page and box. */
export function words(file: string): Box[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const found: Box[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m)
      found.push({
        page,
        text: m[5] ?? '',
        left: Number(m[1]) * ptToMm,
        top: Number(m[2]) * ptToMm,
        right: Number(m[3]) * ptToMm,
        bottom: Number(m[4]) * ptToMm,
      });
  }
  return found;
}

/** The boxes that reach outside `area` (mm from the top-left), with `tolerance` mm across. */
export function outside(
  boxes: readonly Box[],
  area: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number },
  tolerance = 0.01,
): Box[] {
  return boxes.filter(
    (d) =>
      d.left < area.left - tolerance || d.right > area.right + tolerance || d.top < area.top || d.bottom > area.bottom,
  );
}
