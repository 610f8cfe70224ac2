/**
 * Label and value rows (the NHS "summary list" look), drawn with the page writer rather than a
 * table: the cover, each item of a repeating group, each person's declaration of interests, the
 * signatory and each appendix's schedule entry. A long value continues on the next page, its
 * label staying with its first lines. Nothing here imports jsPDF.
 */
import { colours, contentWidth, lineHeight, margin, type PageWriter, type TextStyle } from './page-writer';
import type { PackField } from './pack-types';

export interface FieldListOptions {
  readonly labelWidth?: number;
  readonly size?: number;
}

export function drawFieldList(w: PageWriter, fields: readonly PackField[], options: FieldListOptions = {}): void {
  const size = options.size ?? 9.5;
  const labelStyle: TextStyle = { size, bold: true };
  const valueStyle: TextStyle = { size };
  const labelWidth = options.labelWidth ?? 52;
  const lh = lineHeight(valueStyle);
  const pad = 1.2;
  w.surface.setLineWidth(0.2);
  for (const field of fields) {
    const labels = w.wrap(field.label, labelStyle, labelWidth - 4);
    const values = w.wrap(field.value, valueStyle, contentWidth - labelWidth);
    const rows = Math.max(labels.length, values.length);
    w.ensure(Math.min(rows, 3) * lh + 2 * pad);
    w.y += pad;
    let at = 0;
    while (at < rows) {
      if (w.remaining() < lh) w.newPage();
      const end = Math.min(rows, at + Math.max(1, Math.floor((w.remaining() + 0.01) / lh)));
      w.column(labels.slice(at, end), labelStyle, margin.left, w.y);
      w.column(values.slice(at, end), valueStyle, margin.left + labelWidth, w.y);
      w.y += (end - at) * lh;
      at = end;
    }
    w.y += pad;
    w.surface.setDrawColor(...colours.rule);
    w.surface.line(margin.left, w.y, margin.left + contentWidth, w.y);
  }
}
