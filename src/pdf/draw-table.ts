/**
 * The pack's tables, drawn with the page writer: a grid of wrapped cells under a bold shaded
 * header row, repeated at the top of every page the table reaches. A row that does not fit the rest of a page is split between lines, so a
 * long cell continues on the next page instead of leaving a gap; a row never starts with less
 * than two of its lines. Nothing here imports jsPDF.
 */
import { colours, lineHeight, margin, type PageWriter, type TextStyle } from './page-writer';

export type TableCell = string | { readonly text: string; readonly colSpan?: number; readonly muted?: boolean };

export interface TableSpec {
  readonly head?: readonly string[];
  readonly body: readonly (readonly TableCell[])[];
  /** Column widths in mm; they add up to the table's width. */
  readonly widths: readonly number[];
  readonly fontSize?: number;
}

export const tableFont = 8.5;
const padding = 1.6;
const leading = 1.3;
const rule = 0.2;

interface Cell {
  readonly x: number;
  readonly width: number;
  readonly lines: readonly string[];
  readonly style: TextStyle;
  readonly shaded: boolean;
}

function layOutRow(w: PageWriter, cells: readonly TableCell[], spec: TableSpec, head: boolean): Cell[] {
  const size = spec.fontSize ?? tableFont;
  const out: Cell[] = [];
  let column = 0;
  let x = margin.left;
  for (const cell of cells) {
    const text = typeof cell === 'string' ? cell : cell.text;
    const span = typeof cell === 'string' ? 1 : Math.max(1, cell.colSpan ?? 1);
    const width = spec.widths.slice(column, column + span).reduce((a, b) => a + b, 0);
    const muted = typeof cell !== 'string' && cell.muted === true;
    const style: TextStyle = muted
      ? { size: size - 0.5, colour: colours.muted, leading }
      : { size, bold: head, colour: colours.text, leading };
    out.push({ x, width, lines: w.wrap(text, style, width - 2 * padding), style, shaded: head });
    x += width;
    column += span;
  }
  return out;
}

/** Height of the row's lines from `from` (one index per cell) to its end. */
const restHeight = (cells: readonly Cell[], from: readonly number[]) =>
  Math.max(0, ...cells.map((c, i) => (c.lines.length - (from[i] ?? 0)) * lineHeight(c.style))) + 2 * padding;

/** Height of the row's first two lines from `from`: the least of it that may start a page's part. */
const startHeight = (cells: readonly Cell[], from: readonly number[]) =>
  Math.max(0, ...cells.map((c, i) => Math.min(2, c.lines.length - (from[i] ?? 0)) * lineHeight(c.style))) + 2 * padding;

/** Draws the lines that fit in `room` mm from `from`, at the cursor; returns where each cell got to. */
function drawPart(w: PageWriter, cells: readonly Cell[], from: readonly number[], room: number): number[] {
  const to = cells.map((c, i) => {
    const start = from[i] ?? 0;
    const fit = Math.max(1, Math.floor((room - 2 * padding + 0.01) / lineHeight(c.style)));
    return Math.min(c.lines.length, start + fit);
  });
  const height =
    Math.max(0, ...cells.map((c, i) => ((to[i] ?? 0) - (from[i] ?? 0)) * lineHeight(c.style))) + 2 * padding;
  const s = w.surface;
  for (const cell of cells.filter((c) => c.shaded)) {
    s.setFillColor(...colours.shade);
    s.rect(cell.x, w.y, cell.width, height, 'F');
  }
  cells.forEach((cell, i) => w.column(cell.lines.slice(from[i], to[i]), cell.style, cell.x + padding, w.y + padding));
  s.setDrawColor(...colours.rule);
  s.setLineWidth(rule);
  for (const cell of cells) s.rect(cell.x, w.y, cell.width, height);
  w.y += height;
  return to;
}

/** The room a table needs to start on this page: its header row and the first lines of its first row. */
export function tableStartHeight(w: PageWriter, spec: TableSpec): number {
  const head = spec.head?.length ? restHeight(layOutRow(w, spec.head, spec, true), []) : 0;
  const first = spec.body[0];
  return head + (first ? startHeight(layOutRow(w, first, spec, false), []) : 0);
}

/** Draws the table from the cursor, adding pages as needed; leaves the cursor under its last row. */
export function drawTable(w: PageWriter, spec: TableSpec): void {
  const head = spec.head?.length ? layOutRow(w, spec.head, spec, true) : null;
  const rows = spec.body.map((row) => layOutRow(w, row, spec, false));
  const headHeight = head ? restHeight(head, []) : 0;
  const drawHead = () => {
    if (head) drawPart(w, head, [], headHeight);
  };
  const first = rows[0];
  if (headHeight + (first ? startHeight(first, []) : 0) > w.remaining() + 0.01) w.newPage();
  drawHead();
  for (const cells of rows) {
    let from = cells.map(() => 0);
    let fresh = false;
    for (;;) {
      const rest = restHeight(cells, from);
      if (rest <= w.remaining() + 0.01) {
        drawPart(w, cells, from, rest);
        break;
      }
      // Too little room even to start the row here: start it on the next page.
      if (!fresh && startHeight(cells, from) > w.remaining() + 0.01) {
        w.newPage();
        drawHead();
        fresh = true;
        continue;
      }
      from = drawPart(w, cells, from, w.remaining());
      w.newPage();
      drawHead();
      fresh = true;
    }
  }
}
