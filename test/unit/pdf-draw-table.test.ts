// @vitest-environment node
// The pack's tables: every cell's text is drawn, in its column; the header row is repeated on
// every page the table reaches; a row too long for the rest of a page continues on the next one
// (never starting with fewer than two of its lines); muted cells are smaller and may span columns.
import { describe, expect, it } from 'vitest';
import { ContentSurface } from '@/pdf/content-surface';
import { drawTable, tableStartHeight, type TableSpec } from '@/pdf/draw-table';
import { contentBottom, margin, PageWriter } from '@/pdf/page-writer';
import { glyphGuard } from '@/pdf/text-safety';
import { fakeFont } from '../helpers/pdf';

interface Drawn {
  readonly page: number;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly bold: boolean;
  readonly size: number;
}

class RecordingSurface extends ContentSurface {
  readonly drawn: Drawn[] = [];
  readonly fills: { page: number; x: number; y: number }[] = [];
  private onPage = 1;
  private isBold = false;
  private fontSize = 10;
  private factor = 1.15;
  override addPage() {
    super.addPage();
    this.onPage = this.getNumberOfPages();
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
    this.factor = factor;
  }
  override text(content: string | readonly string[], x: number, y: number) {
    const lines = typeof content === 'string' ? [content] : content;
    lines.forEach((text, i) =>
      this.drawn.push({
        page: this.onPage,
        text,
        x,
        y: y + (i * this.fontSize * this.factor * 25.4) / 72,
        bold: this.isBold,
        size: this.fontSize,
      }),
    );
    super.text(content, x, y);
  }
  override rect(x: number, y: number, w: number, h: number, style?: string) {
    if (style === 'F') this.fills.push({ page: this.onPage, x, y });
    super.rect(x, y, w, h, style);
  }
}

function writer() {
  const surface = new RecordingSurface({ regular: fakeFont('F1'), bold: fakeFont('F2') });
  const guard = glyphGuard(new Set(Array.from({ length: 0x250 }, (_, i) => i)));
  return { surface, w: new PageWriter(surface, guard) };
}

const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

describe('drawTable', () => {
  it('draws every cell in its column, with a bold shaded header', () => {
    const { surface, w } = writer();
    const spec: TableSpec = { head: ['Name', 'Code'], body: [['Riverside Surgery', 'N81001']], widths: [120, 50] };
    drawTable(w, spec);
    const name = surface.drawn.find((d) => d.text === 'Riverside Surgery');
    const code = surface.drawn.find((d) => d.text === 'N81001');
    const head = surface.drawn.find((d) => d.text === 'Name');
    expect(name?.x).toBeCloseTo(margin.left + 1.6);
    expect(code?.x).toBeCloseTo(margin.left + 120 + 1.6);
    expect(head?.bold).toBe(true);
    expect(name?.bold).toBe(false);
    expect(surface.fills.length).toBe(2);
    expect(w.y).toBeGreaterThan(margin.top);
  });

  it('repeats the header on every page, and leaves no row text below the content area', () => {
    const { surface, w } = writer();
    const body = Array.from({ length: 90 }, (_, i) => [`Practice ${i}`, `N${81000 + i}`]);
    drawTable(w, { head: ['Practice name', 'ODS code'], body, widths: [120, 50] });
    const pages = surface.getNumberOfPages();
    expect(pages).toBeGreaterThan(2);
    for (let page = 1; page <= pages; page++)
      expect(surface.drawn.filter((d) => d.page === page && d.text === 'Practice name')).toHaveLength(1);
    expect(surface.drawn.filter((d) => d.text.startsWith('Practice ') && d.text !== 'Practice name')).toHaveLength(90);
    expect(surface.drawn.every((d) => d.y <= contentBottom)).toBe(true);
  });

  it('continues a long cell on the next page, in order, without losing a word', () => {
    const { surface, w } = writer();
    w.y = contentBottom - 30;
    const long = words(400, 'w');
    drawTable(w, { head: ['Role', 'What they do'], body: [['Lead', long]], widths: [40, 130] });
    const parts = surface.drawn.filter((d) => d.text.includes('w') && d.text !== 'What they do');
    expect(parts.map((d) => d.text).join(' ')).toBe(long);
    expect(new Set(parts.map((d) => d.page)).size).toBeGreaterThan(1);
    // The row started on the first page, beside its header.
    expect(parts[0]?.page).toBe(1);
  });

  it('starts a row on the next page rather than with a single line at the foot of this one', () => {
    const { surface, w } = writer();
    const spec: TableSpec = { head: ['A', 'B'], body: [['x', words(30, 'long')]], widths: [40, 40] };
    // Room for the header and one line of the row, but not two.
    w.y = contentBottom - tableStartHeight(w, spec) + 2;
    drawTable(w, spec);
    const first = surface.drawn.find((d) => d.text.startsWith('long0'));
    expect(first?.page).toBe(2);
  });

  it('draws muted cells smaller, across the columns they span', () => {
    const { surface, w } = writer();
    const sha = `SHA-256: ${'0123456789abcdef'.repeat(4)}`;
    drawTable(w, {
      head: ['Ref', 'File'],
      fontSize: 8,
      body: [['E1', 'Certificate.pdf'], [{ text: sha, colSpan: 2, muted: true }]],
      widths: [20, 150],
    });
    const muted = surface.drawn.find((d) => d.text === sha);
    // Too wide for the first column alone (20 mm), so it is on one line only because it spans both.
    expect(muted).toMatchObject({ size: 7.5, bold: false, x: margin.left + 1.6 });
    expect(surface.drawn.find((d) => d.text === 'Ref')?.size).toBe(8);
    expect(surface.fills).toHaveLength(2);
  });
});
