/**
 * What frames every page: the contents page (reserved before the pack is laid out, filled in once
 * page numbers are known), the footer with the application reference and "Page x of y", and the
 * DRAFT mark at the top of every page of a draft. Nothing here imports jsPDF.
 */
import { styles } from './draw-answers';
import { colours, contentBottom, contentWidth, lineHeight, margin, page, type PageWriter } from './page-writer';

export interface ContentsEntry {
  readonly title: string;
  readonly level: 0 | 1;
  readonly page: number;
}

const entryStyle = { size: 10.5 };
const numberWidth = 14;
const contentsTop = margin.top + 16;

function entryLines(w: PageWriter, entry: Pick<ContentsEntry, 'title' | 'level'>): readonly string[] {
  return w.wrap(entry.title, entryStyle, contentWidth - numberWidth - entry.level * 6);
}

/** Adds as many blank pages as the contents will need; returns the first of them. */
export function reserveContents(w: PageWriter, entries: readonly Pick<ContentsEntry, 'title' | 'level'>[]): number {
  const first = w.pageNumber + 1;
  // The same rule drawContents follows, so the reserved pages are exactly the pages used.
  let pages = 1;
  let y = contentsTop;
  for (const entry of entries) {
    const height = entryLines(w, entry).length * lineHeight(entryStyle) + 1.2;
    if (y + height > contentBottom) {
      pages += 1;
      y = margin.top;
    }
    y += height;
  }
  for (let i = 0; i < pages; i++) w.newPage();
  // The reserved pages are full: what follows starts on a page of its own.
  w.y = contentBottom;
  return first;
}

export function drawContents(w: PageWriter, entries: readonly ContentsEntry[], first: number): void {
  const s = w.surface;
  let current = first;
  s.setPage(current);
  w.y = margin.top;
  w.heading('Contents', styles.part, 0, true);
  w.y = contentsTop;
  for (const entry of entries) {
    const lines = entryLines(w, entry);
    const height = lines.length * lineHeight(entryStyle) + 1.2;
    if (w.y + height > contentBottom) {
      current += 1;
      s.setPage(current);
      w.y = margin.top;
    }
    const indent = entry.level * 6;
    lines.forEach((line, i) => {
      w.use({ ...entryStyle, bold: entry.level === 0 });
      s.text(line, margin.left + indent, w.y + 3.4);
      if (i === lines.length - 1) {
        const end = margin.left + indent + s.getTextWidth(line) + 1.5;
        const numberX = margin.left + contentWidth;
        w.use({ ...entryStyle, colour: colours.muted });
        const dots = '.'.repeat(Math.max(0, Math.floor((numberX - numberWidth + 4 - end) / s.getTextWidth('.'))));
        if (dots) s.text(dots, end, w.y + 3.4);
        w.use(entryStyle);
        s.text(String(entry.page), numberX, w.y + 3.4, { align: 'right' });
      }
      w.y += lineHeight(entryStyle);
    });
    w.y += 1.2;
  }
}

/** Footer and DRAFT mark on every page. Long references wrap onto a second footer line. */
export function decoratePages(w: PageWriter, reference: string, draft: boolean): void {
  const s = w.surface;
  const total = s.getNumberOfPages();
  const footer = { size: 8.5, colour: colours.muted };
  const pageLabelWidth = 30;
  const lines = w.wrap(`Application reference: ${reference}`, footer, contentWidth - pageLabelWidth);
  const shown = lines.length > 2 ? [lines[0] ?? '', `${(lines[1] ?? '').slice(0, -1)}…`] : lines;
  for (let n = 1; n <= total; n++) {
    s.setPage(n);
    s.setDrawColor(...colours.rule);
    s.setLineWidth(0.3);
    s.line(margin.left, page.height - 19, margin.left + contentWidth, page.height - 19);
    w.use(footer);
    shown.forEach((line, i) => s.text(line, margin.left, page.height - 14.5 + i * 3.6));
    s.text(`Page ${n} of ${total}`, margin.left + contentWidth, page.height - 14.5, { align: 'right' });
    if (draft) {
      w.use({ size: 10, bold: true, colour: colours.red });
      s.text('DRAFT – NOT READY TO SUBMIT', page.width / 2, 14, { align: 'center' });
      s.setDrawColor(...colours.red);
      s.setLineWidth(0.5);
      s.line(margin.left, 16.5, margin.left + contentWidth, 16.5);
    }
  }
}
