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
import { recordingSurface, type Drawn } from '../helpers/pdf-layout';

function writer() {
  const drawn: Drawn[] = [];
  const fills: { page: number; x: number; y: number }[] = [];
  class TableSurface extends recordingSurface(ContentSurface, drawn) {
    override rect(x: number, y: number, w: number, h: number, style?: string) {
      if (style === 'F') fills.push({ page: this.getNumberOfPages(), x, y });
      super.rect(x, y, w, h, style);
    }
  }
  const surface = new TableSurface({ regular: fakeFont('F1'), bold: fakeFont('F2') });
  const guard = glyphGuard(new Set(Array.from({ length: 0x250 }, (_, i) => i)));
  return { surface, drawn, fills, w: new PageWriter(surface, guard) };
}

const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

describe('drawTable', () => {
  it('draws every cell in its column, with a bold shaded header', () => {
    const { drawn, fills, w } = writer();
    const spec: TableSpec = { head: ['Name', 'Code'], body: [['Riverside Surgery', 'N81001']], widths: [120, 50] };
    drawTable(w, spec);
    const name = drawn.find((d) => d.text === 'Riverside Surgery');
    const code = drawn.find((d) => d.text === 'N81001');
    const head = drawn.find((d) => d.text === 'Name');
    expect(name?.left).toBeCloseTo(margin.left + 1.6);
    expect(code?.left).toBeCloseTo(margin.left + 120 + 1.6);
    expect(head?.bold).toBe(true);
    expect(name?.bold).toBe(false);
    expect(fills.length).toBe(2);
    expect(w.y).toBeGreaterThan(margin.top);
  });

  it('repeats the header on every page, and leaves no row text below the content area', () => {
    const { surface, drawn, w } = writer();
    const body = Array.from({ length: 90 }, (_, i) => [`Practice ${i}`, `N${81000 + i}`]);
    drawTable(w, { head: ['Practice name', 'ODS code'], body, widths: [120, 50] });
    const pages = surface.getNumberOfPages();
    expect(pages).toBeGreaterThan(2);
    for (let page = 1; page <= pages; page++)
      expect(drawn.filter((d) => d.page === page && d.text === 'Practice name')).toHaveLength(1);
    expect(drawn.filter((d) => d.text.startsWith('Practice ') && d.text !== 'Practice name')).toHaveLength(90);
    expect(drawn.every((d) => d.bottom <= contentBottom)).toBe(true);
  });

  it('continues a long cell on the next page, in order, without losing a word', () => {
    const { drawn, w } = writer();
    w.y = contentBottom - 30;
    const long = words(400, 'w');
    drawTable(w, { head: ['Role', 'What they do'], body: [['Lead', long]], widths: [40, 130] });
    const parts = drawn.filter((d) => d.text.includes('w') && d.text !== 'What they do');
    expect(parts.map((d) => d.text).join(' ')).toBe(long);
    expect(new Set(parts.map((d) => d.page)).size).toBeGreaterThan(1);
    // The row started on the first page, beside its header.
    expect(parts[0]?.page).toBe(1);
  });

  it('starts a row on the next page rather than with a single line at the foot of this one', () => {
    const { drawn, w } = writer();
    const spec: TableSpec = { head: ['A', 'B'], body: [['x', words(30, 'long')]], widths: [40, 40] };
    // Room for the header and one line of the row, but not two.
    w.y = contentBottom - tableStartHeight(w, spec) + 2;
    drawTable(w, spec);
    const first = drawn.find((d) => d.text.startsWith('long0'));
    expect(first?.page).toBe(2);
  });

  it('draws muted cells smaller, across the columns they span', () => {
    const { drawn, fills, w } = writer();
    const sha = `SHA-256: ${'0123456789abcdef'.repeat(4)}`;
    drawTable(w, {
      head: ['Ref', 'File'],
      fontSize: 8,
      body: [['E1', 'Certificate.pdf'], [{ text: sha, colSpan: 2, muted: true }]],
      widths: [20, 150],
    });
    const muted = drawn.find((d) => d.text === sha);
    // Too wide for the first column alone (20 mm), so it is on one line only because it spans both.
    expect(muted).toMatchObject({ size: 7.5, bold: false, left: margin.left + 1.6 });
    expect(drawn.find((d) => d.text === 'Ref')?.size).toBe(8);
    expect(fills).toHaveLength(2);
  });
});
