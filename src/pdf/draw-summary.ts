/**
 * Draws the pack's framing pages: the cover, the evidence schedule, the readiness summary, the
 * declaration with its signature block, and each appendix's divider page and framed placeholder
 * pages (filled with the evidence once the pack is laid out). Nothing here imports jsPDF.
 */
import { appendixArea, fitBox, type AppendixPlacement, type AppendixSource } from './appendix-layout';
import { drawBlocks, drawPackTable, partHeading, styles, type Bookmark, type Pause } from './draw-answers';
import { drawFieldList } from './draw-list';
import { drawTable } from './draw-table';
import { colours, contentWidth, margin, type PageWriter } from './page-writer';
import type {
  PackAppendix,
  PackCover,
  PackDeclaration,
  PackEvidenceEntry,
  PackEvidenceSchedule,
  PackIssueLine,
  PackReadiness,
} from './pack-types';

export function drawCover(w: PageWriter, cover: PackCover, draft: boolean): void {
  const s = w.surface;
  s.setFillColor(...colours.blue);
  s.rect(margin.left, margin.top, contentWidth, 24, 'F');
  w.y = margin.top + 7;
  const title = { size: 18, bold: true, colour: [255, 255, 255] as const };
  for (const line of w.wrap(cover.title, title, contentWidth - 12)) {
    w.use(title);
    s.text(line, margin.left + 6, w.y + 6);
    w.y += 8;
  }
  w.y = margin.top + 34;
  w.paragraph(cover.applicant, { size: 22, bold: true, colour: colours.darkBlue, leading: 1.2 });
  w.gap(4);
  const statusStyle = { size: 12, bold: true, colour: draft ? colours.red : colours.green };
  const boxHeight = w.height(cover.status, statusStyle, contentWidth - 10) + 6;
  const [r, g, b] = draft ? colours.red : colours.green;
  s.setDrawColor(r, g, b);
  s.setLineWidth(draft ? 1.2 : 0.6);
  s.rect(margin.left, w.y, contentWidth, boxHeight);
  w.y += 3;
  w.paragraph(cover.status, statusStyle, { indent: 5 });
  w.y += 6;
  drawFieldList(w, cover.fields, { size: 10.5, labelWidth: 50 });
}

function scheduleRows(entry: PackEvidenceEntry) {
  const where = entry.appendix ? `Appendix ${entry.appendix}` : 'Listed only: this type of file is not appended';
  return [
    [
      entry.ref,
      `${entry.name}\n${where}`,
      `${entry.type}\n${entry.size}`,
      entry.validUntil,
      entry.supports.join('\n') || 'Not used by any answer',
    ],
    [{ text: `SHA-256: ${entry.sha256}`, colSpan: 5, muted: true }],
  ];
}

export function drawEvidence(w: PageWriter, part: PackEvidenceSchedule): Bookmark {
  const mark = partHeading(w, part.title);
  w.paragraph(
    'Every file the answers refer to, in the order the pack first mentions it. PDF and image files follow ' +
      'as appendices; the SHA-256 fingerprint lets an assessor check that a file is the one attached here.',
    styles.body,
  );
  w.gap(3);
  if (part.entries.length === 0) w.paragraph('No evidence files are attached.', styles.muted);
  else {
    w.continuation = part.title;
    drawTable(w, {
      head: ['Ref', 'File', 'Type and size', 'Valid until', 'Supports'],
      body: part.entries.flatMap(scheduleRows),
      widths: [11, 46, 26, 24, contentWidth - 107],
      fontSize: 8,
    });
    w.continuation = null;
  }
  return mark;
}

function drawIssues(w: PageWriter, title: string, issues: readonly PackIssueLine[]): void {
  w.gap(2);
  w.heading(`${title} (${issues.length})`, styles.heading, 12);
  w.gap(1);
  if (issues.length === 0) w.paragraph('None.', styles.muted);
  for (const issue of issues) {
    w.paragraph(issue.where, styles.label, { keepWithNext: 5 });
    w.paragraph(issue.message, styles.body, { indent: 5 });
    w.gap(2);
  }
}

export function drawReadiness(w: PageWriter, part: PackReadiness): Bookmark {
  const mark = partHeading(w, part.title);
  w.paragraph(
    part.ready
      ? 'This application has no hard fails and no blocking issues: it is ready to submit.'
      : 'This application is not ready to submit. A hard fail means the bid cannot qualify as it stands; ' +
          'a blocking issue must be put right before the final pack.',
    { size: 10.5, bold: true, colour: part.ready ? colours.green : colours.red },
  );
  drawIssues(w, 'Hard fails', part.hardFails);
  drawIssues(w, 'Blocking issues', part.blocking);
  drawIssues(w, 'Warnings', part.warnings);
  if (part.returns) {
    w.gap(2);
    w.heading('Returns from members and declarants', styles.heading, 12);
    w.gap(1);
    drawPackTable(w, part.returns);
  }
  return mark;
}

export async function drawDeclaration(w: PageWriter, part: PackDeclaration, pause: Pause) {
  const mark = partHeading(w, `${part.number}. ${part.title}`);
  for (const statement of part.statements) {
    const style = statement.confirmed ? styles.body : { ...styles.body, colour: colours.red };
    w.paragraph(`${statement.confirmed ? 'Confirmed' : 'NOT confirmed'}: ${statement.text}`, style);
    w.gap(1.5);
  }
  w.gap(2);
  drawFieldList(w, part.signatory, { size: 10.5 });
  w.gap(4);
  w.ensure(30);
  w.paragraph('Signature', styles.label);
  w.surface.setDrawColor(...colours.text);
  w.surface.setLineWidth(0.3);
  w.surface.line(margin.left, w.y + 14, margin.left + 90, w.y + 14);
  w.gap(20);
  await drawBlocks(w, part.blocks, mark, pause);
  return mark;
}

/** The divider page naming the schedule entry, then one framed page per source page. */
export function drawAppendix(
  w: PageWriter,
  appendix: PackAppendix,
  entry: PackEvidenceEntry | undefined,
  source: AppendixSource,
): { mark: Bookmark; placements: AppendixPlacement[] } {
  const mark = partHeading(w, `Appendix ${appendix.number}: ${appendix.name}`);
  w.paragraph(`Evidence schedule entry ${appendix.ref}.`, styles.body);
  w.gap(2);
  const rows = entry
    ? [
        { label: 'Schedule entry', value: entry.ref },
        { label: 'File name', value: entry.name },
        { label: 'Type', value: entry.type },
        { label: 'Size', value: entry.size },
        { label: 'Valid until', value: entry.validUntil },
        { label: 'SHA-256', value: entry.sha256 },
        { label: 'Supports', value: entry.supports.join('\n') },
      ]
    : [{ label: 'File name', value: appendix.name }];
  drawFieldList(w, rows, { labelWidth: 40 });
  w.gap(4);
  const note =
    source.status === 'ok'
      ? `The file follows on the next ${source.pages.length === 1 ? 'page' : `${source.pages.length} pages`}.`
      : source.status === 'missing'
        ? 'This file is not on this computer any more, so it could not be included. Attach it again and export the pack again.'
        : `This file could not be included: ${source.reason} It is listed in the evidence schedule.`;
  w.paragraph(note, source.status === 'ok' ? styles.body : { ...styles.body, bold: true, colour: colours.red });
  const placements: AppendixPlacement[] = [];
  if (source.status !== 'ok') return { mark, placements };
  source.pages.forEach((size, i) => {
    w.newPage();
    const caption = `Appendix ${appendix.number}: ${appendix.name} – page ${i + 1} of ${source.pages.length}`;
    w.paragraph(caption, styles.small);
    const box = fitBox(size, appendix.kind);
    w.surface.setDrawColor(...colours.rule);
    w.surface.setLineWidth(0.3);
    w.surface.rect(box.x, box.y, box.width, box.height);
    w.y = appendixArea.y + box.height;
    placements.push({ appendix: appendix.number, sourcePage: i, page: w.pageNumber, box });
  });
  return { mark, placements };
}
