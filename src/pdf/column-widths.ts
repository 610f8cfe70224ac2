/**
 * Column widths for the pack's tables. Each column first gets room for its longest word (up to a
 * cap, so one long e-mail address or reference cannot squeeze the others to a letter's width),
 * then the rest of the width is shared in proportion to how much text each column holds. Widths
 * always add up to the width given. Pure: the caller measures text (the header in bold, as it is
 * drawn, so a header word such as "Registration" is never split).
 */

export interface ColumnText {
  /** The column's header, drawn in bold. */
  readonly head: string;
  /** Every body cell of the column. */
  readonly cells: readonly string[];
}

type Measure = (text: string, bold: boolean) => number;

/** Each cell's text with the way it is drawn: the header bold, the body regular. */
const texts = (column: ColumnText) => [
  { text: column.head, bold: true },
  ...column.cells.map((text) => ({ text, bold: false })),
];

export function columnWidths(
  columns: readonly ColumnText[],
  totalWidth: number,
  measure: Measure,
  padding: number,
): number[] {
  const count = columns.length;
  if (count === 0) return [];
  const fair = totalWidth / count;
  const cap = Math.min(fair * 1.6, totalWidth * 0.45);
  const floor = Math.min(fair, 14);
  const minimum = columns.map((column) => {
    const longestWord = Math.max(
      0,
      ...texts(column).flatMap((cell) => cell.text.split(/\s+/).map((word) => measure(word, cell.bold))),
    );
    return Math.max(floor, Math.min(cap, longestWord + padding));
  });
  const demand = columns.map((column, i) => {
    const cells = texts(column);
    const longestLine = Math.max(
      0,
      ...cells.flatMap((cell) => cell.text.split('\n').map((line) => measure(line, cell.bold))),
    );
    const total = cells.reduce((sum, cell) => sum + measure(cell.text, cell.bold), 0);
    // Short columns want their longest line; long-text columns want a share of their volume.
    return Math.max(0, Math.min(longestLine + padding, total / 3) - (minimum[i] ?? 0));
  });
  let widths = [...minimum];
  const used = widths.reduce((a, b) => a + b, 0);
  if (used > totalWidth) return widths.map((w) => (w * totalWidth) / used);
  const spare = totalWidth - used;
  const wanted = demand.reduce((a, b) => a + b, 0);
  if (wanted <= spare) {
    widths = widths.map((w, i) => w + (demand[i] ?? 0));
    const left = totalWidth - widths.reduce((a, b) => a + b, 0);
    const volume = demand.map((d) => d + 1);
    const volumeTotal = volume.reduce((a, b) => a + b, 0);
    return widths.map((w, i) => w + (left * (volume[i] ?? 0)) / volumeTotal);
  }
  return widths.map((w, i) => w + (spare * (demand[i] ?? 0)) / wanted);
}
