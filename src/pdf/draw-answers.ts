/**
 * Draws the answer sections: each part's heading, the checklist page titles, every question with
 * its answer (paragraphs, lists, "Not answered", repeating groups as tables and records), and the
 * conflicts of interest register and declarations. Returns the bookmarks found on the way.
 * Nothing here imports jsPDF.
 */
import { columnWidths } from './column-widths';
import { drawFieldList } from './draw-list';
import { drawTable, tableFont, tableStartHeight, type TableSpec } from './draw-table';
import { colours, contentWidth, lineHeight, type PageWriter, type TextStyle } from './page-writer';
import type { PackBlock, PackConflicts, PackRecord, PackSection, PackTable, PackValue } from './pack-types';

/** Lets the browser breathe when the current slice of work has run long enough. */
export type Pause = () => Promise<void>;

export interface Bookmark {
  readonly title: string;
  readonly page: number;
  readonly children: Bookmark[];
}

export const styles = {
  part: { size: 17, bold: true, colour: colours.darkBlue, leading: 1.2 },
  heading: { size: 12.5, bold: true, colour: colours.darkBlue },
  subheading: { size: 10.5, bold: true, colour: colours.text },
  label: { size: 10, bold: true },
  body: { size: 10 },
  muted: { size: 10, colour: colours.muted },
  small: { size: 8.5, colour: colours.muted },
} as const satisfies Record<string, TextStyle>;

export function partHeading(w: PageWriter, title: string): Bookmark {
  if (w.y > 30) w.newPage();
  const mark = { title, page: w.pageNumber, children: [] };
  w.heading(title, styles.part, 20, true);
  w.gap(3);
  return mark;
}

const specs = new WeakMap<PackTable, TableSpec>();

/** A table sized to its content; wide tables keep every column readable. Worked out once per table. */
function packTableSpec(w: PageWriter, table: PackTable): TableSpec {
  const known = specs.get(table);
  if (known) return known;
  const measure = (text: string, bold: boolean) => w.measure(w.guard.clean(text), { size: tableFont, bold });
  const widths = columnWidths(
    table.columns.map((column, i) => ({ head: column, cells: table.rows.map((row) => row[i] ?? '') })),
    contentWidth,
    measure,
    3.2,
  );
  const spec = { head: table.columns, body: table.rows, widths };
  specs.set(table, spec);
  return spec;
}

export function drawPackTable(w: PageWriter, table: PackTable): void {
  drawTable(w, packTableSpec(w, table));
  w.gap(3);
}

export function drawRecord(w: PageWriter, record: PackRecord): void {
  w.heading(record.title, styles.subheading, 12);
  if (record.fields.length === 0) w.paragraph('No details given.', styles.muted);
  drawFieldList(w, record.fields);
  w.gap(3.5);
}

async function drawValue(w: PageWriter, value: PackValue, pause: Pause): Promise<void> {
  switch (value.kind) {
    case 'text':
      value.paragraphs.forEach((p, i) => {
        if (i > 0) w.gap(1.5);
        w.paragraph(p, styles.body);
      });
      return;
    case 'list':
      for (const item of value.items) w.paragraph(`•  ${item}`, styles.body);
      return;
    case 'not-answered':
      w.paragraph('Not answered', styles.muted);
      return;
    case 'repeat':
      w.gap(1);
      drawPackTable(w, value.table);
      for (const record of value.records) {
        await pause();
        drawRecord(w, record);
      }
  }
}

/** Room the start of an answer needs below its question: two lines, or a table's header and first row. */
function valueNeed(w: PageWriter, value: PackValue): number {
  if (value.kind === 'repeat') return 1 + tableStartHeight(w, packTableSpec(w, value.table));
  return lineHeight(styles.body) * (value.kind === 'not-answered' ? 1 : 2) + 2.5;
}

/** Room the next block needs below a heading, so the heading never ends a page. */
function blockNeed(w: PageWriter, block: PackBlock | undefined): number {
  if (!block) return 0;
  if (block.kind === 'heading') return w.height(block.text, styles.heading) + 3;
  return w.height(`${block.number}  ${block.label}`, styles.label) + 1 + valueNeed(w, block.value);
}

export async function drawBlocks(
  w: PageWriter,
  blocks: readonly PackBlock[],
  mark: Bookmark,
  pause: Pause,
): Promise<void> {
  for (const [i, block] of blocks.entries()) {
    await pause();
    if (block.kind === 'heading') {
      w.gap(2);
      w.heading(block.text, styles.heading, blockNeed(w, blocks[i + 1]) + 1);
      mark.children.push({ title: block.text, page: w.pageNumber, children: [] });
      w.gap(1);
      continue;
    }
    const label = `${block.number}  ${block.label}`;
    w.paragraph(label, styles.label, { keepWithNext: valueNeed(w, block.value), keepTogether: true });
    w.gap(1);
    w.continuation = label;
    await drawValue(w, block.value, pause);
    w.continuation = null;
    w.gap(3.5);
  }
}

export async function drawSection(w: PageWriter, section: PackSection, pause: Pause) {
  const mark = partHeading(w, `${section.number}. ${section.title}`);
  if (section.blocks.length === 0) w.paragraph('No questions in this section were answered.', styles.muted);
  await drawBlocks(w, section.blocks, mark, pause);
  return mark;
}

export async function drawConflicts(w: PageWriter, part: PackConflicts, pause: Pause) {
  const mark = partHeading(w, `${part.number}. ${part.title}`);
  w.heading('Register of interests', styles.heading, 20);
  mark.children.push({ title: 'Register of interests', page: w.pageNumber, children: [] });
  w.gap(1);
  if (part.register.rows.length === 0) w.paragraph('No interests have been declared.', styles.body);
  else {
    w.continuation = 'Register of interests';
    drawPackTable(w, part.register);
    w.continuation = null;
  }
  w.gap(2);
  w.heading('Declarations of interests', styles.heading, 24);
  const declarations: Bookmark = { title: 'Declarations of interests', page: w.pageNumber, children: [] };
  mark.children.push(declarations);
  w.gap(1);
  for (const person of part.declarants) {
    await pause();
    w.ensure(40);
    declarations.children.push({ title: person.name, page: w.pageNumber, children: [] });
    drawRecord(w, { title: `Declaration of interests: ${person.name}`, fields: person.fields });
    if (person.interests.length === 0) w.paragraph('No interests declared.', styles.muted);
    for (const interest of person.interests) drawRecord(w, interest);
    w.gap(2);
  }
  await drawBlocks(w, part.blocks, mark, pause);
  return mark;
}
