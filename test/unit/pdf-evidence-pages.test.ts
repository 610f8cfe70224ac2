// @vitest-environment node
// Evidence pages appear in the pack as they appear in their own file: a page turned with /Rotate
// is turned, only a page's crop box is shown, and a page whose content is split over several
// streams is drawn whole. Checked in the rendered file with poppler's word boxes: every word of
// the evidence lies inside its frame on the appendix page, and turned text runs down the page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDocument, PDFName, StandardFonts, degrees } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendixArea, fitBox, placementMatrix } from '@/pdf/appendix-layout';
import { smallSinglePractice } from '../fixtures/applications/reference-applications';
import { modelOf, pdftotext, render } from '../helpers/pdf';
import { words } from '../helpers/pdf-layout';

/** Whether the page, drawn by poppler at 72 dpi in grey, is blank (white) across this box (mm). */
function blankAt(file: string, page: number, box: { left: number; top: number; right: number; bottom: number }) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'page-')), 'p');
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '72', '-gray', '-singlefile', file, out]);
  const pgm = readFileSync(`${out}.pgm`);
  const [, width = 0] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 30))?.map(Number) ?? [];
  const header = pgm.indexOf(0x0a, pgm.indexOf(0x0a, pgm.indexOf(0x0a) + 1) + 1) + 1;
  const k = 72 / 25.4;
  for (let y = Math.ceil(box.top * k); y < Math.floor(box.bottom * k); y++)
    for (let x = Math.ceil(box.left * k); x < Math.floor(box.right * k); x++)
      if ((pgm[header + y * width + x] ?? 255) < 250) return false;
  return true;
}

/** One A4 page with a line of text along its top, prepared by `shape`. */
async function evidencePdf(text: string, shape: (doc: PDFDocument) => void | Promise<void>) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  page.drawText(text, { x: 60, y: 760, size: 24, font });
  page.drawText('Footnote', { x: 60, y: 80, size: 10, font });
  await shape(doc);
  return doc.save({ useObjectStreams: false });
}

let rendered: { file: string; pages: number };

async function packWith(evidence: Uint8Array) {
  const ref = await smallSinglePractice();
  return render(modelOf(ref), { evidenceFiles: new Map([['ev-s1', evidence]]) });
}

describe('placementMatrix', () => {
  const k = 72 / 25.4;
  const box = { x: 20, y: 31, width: 100, height: 50 };
  /** The box in PDF points from the bottom-left: [left, bottom, right, top]. */
  const target = [box.x * k, (297 - box.y - box.height) * k, (box.x + box.width) * k, (297 - box.y) * k];
  const apply = ([a, b, c, d, e, f]: readonly number[], u: number, v: number) => [
    (a ?? 0) * u + (c ?? 0) * v + (e ?? 0),
    (b ?? 0) * u + (d ?? 0) * v + (f ?? 0),
  ];
  /** The smallest box around where these corners land. */
  function landing(m: readonly number[], corners: readonly (readonly [number, number])[]) {
    const points = corners.map(([u, v]) => apply(m, u, v));
    const xs = points.map(([x = 0]) => x);
    const ys = points.map(([, y = 0]) => y);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  }

  it('fills the box with the crop box of the shown page, whatever its turn or origin', () => {
    const crop = { x: 10, y: 20, width: 400, height: 200 };
    for (const rotate of [0, 90, 180, 270] as const) {
      const sideways = rotate === 90 || rotate === 270;
      const shown = { width: sideways ? 200 : 400, height: sideways ? 400 : 200, crop, rotate };
      const right = crop.x + crop.width;
      const top = crop.y + crop.height;
      const found = landing(placementMatrix(shown, box), [
        [crop.x, crop.y],
        [right, crop.y],
        [crop.x, top],
        [right, top],
      ]);
      found.forEach((value, i) => expect(value).toBeCloseTo(target[i] ?? NaN, 6));
    }
  });

  it("turns the page's top edge to the right for a quarter turn clockwise", () => {
    const crop = { x: 0, y: 0, width: 400, height: 200 };
    const m = placementMatrix({ width: 200, height: 400, crop, rotate: 90 }, box);
    const [x = 0] = apply(m, 200, 200);
    expect(x).toBeCloseTo(target[2] ?? NaN, 6);
  });

  it('draws an image over the unit square of its box', () => {
    const found = landing(placementMatrix({ width: 300, height: 150 }, box), [
      [0, 0],
      [1, 1],
    ]);
    found.forEach((value, i) => expect(value).toBeCloseTo(target[i] ?? NaN, 6));
  });
});

describe('a page turned with /Rotate 90', () => {
  beforeAll(async () => {
    rendered = await packWith(
      await evidencePdf('TURNED CERTIFICATE', (doc) => void doc.getPage(0).setRotation(degrees(90))),
    );
  }, 60_000);

  it('is shown turned, as a landscape page inside its frame', () => {
    const all = words(rendered.file);
    const title = all.find((w) => w.text === 'TURNED');
    expect(title).toBeDefined();
    // Turned a quarter clockwise, the line runs down the page: taller than it is wide.
    expect((title?.bottom ?? 0) - (title?.top ?? 0)).toBeGreaterThan((title?.right ?? 0) - (title?.left ?? 0));
    const frame = fitBox({ width: 841.89, height: 595.28 }, 'pdf');
    expect(frame.width).toBeGreaterThan(frame.height);
    for (const w of all.filter(
      (w) => w.page === title?.page && ['TURNED', 'CERTIFICATE', 'Footnote'].includes(w.text),
    )) {
      expect(w.left).toBeGreaterThanOrEqual(frame.x - 0.5);
      expect(w.right).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
      expect(w.top).toBeGreaterThanOrEqual(frame.y - 0.5);
      expect(w.bottom).toBeLessThanOrEqual(frame.y + frame.height + 0.5);
    }
  });
});

describe('a page with a crop box', () => {
  it('shows only what is inside the crop box, filling the frame', async () => {
    const cropped = await packWith(
      await evidencePdf('KEPT HEADING', (doc) => {
        // Only the top third of the page is shown; the footnote is outside it.
        doc.getPage(0).setCropBox(0, 561, 595.28, 280.89);
      }),
    );
    const all = words(cropped.file);
    const heading = all.find((w) => w.text === 'KEPT');
    expect(heading).toBeDefined();
    expect(blankAt(cropped.file, heading?.page ?? 0, heading ?? { left: 0, top: 0, right: 0, bottom: 0 })).toBe(false);
    // The footnote is still in the page's content (poppler's text extraction ignores clipping),
    // but nothing of it is painted: the form's box clips it.
    const footnote = all.find((w) => w.page === heading?.page && w.text === 'Footnote');
    expect(footnote).toBeDefined();
    if (footnote) expect(blankAt(cropped.file, footnote.page, footnote)).toBe(true);
    // Scaled up? No: a PDF page is never enlarged; it sits at the top of the area.
    expect(heading?.top).toBeGreaterThan(appendixArea.y);
    expect(heading?.top).toBeLessThan(appendixArea.y + 40);
  }, 60_000);
});

describe('a page whose content is split over several streams', () => {
  it('is drawn whole', async () => {
    const split = await packWith(
      await evidencePdf('FIRST STREAM', async (doc) => {
        const page = doc.getPage(0);
        const font = await doc.embedFont(StandardFonts.HelveticaBold);
        const second = doc.context.flateStream('BT /Extra 18 Tf 60 600 Td (SECOND STREAM) Tj ET');
        const fonts = page.node.normalizedEntries().Font;
        fonts.set(PDFName.of('Extra'), font.ref);
        const contents = page.node.Contents();
        page.node.set(
          PDFName.of('Contents'),
          doc.context.obj([...(contents instanceof PDFArray ? contents.asArray() : []), doc.context.register(second)]),
        );
      }),
    );
    const text = pdftotext(split.file, 'raw');
    expect(text).toContain('FIRST STREAM');
    expect(text).toContain('SECOND STREAM');
  }, 60_000);
});

describe('a blank page, with no content at all', () => {
  it('is still appended, as an empty framed page', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage([595.28, 841.89]);
    expect(doc.getPage(0).node.Contents()).toBeUndefined();
    const blank = await packWith(await doc.save({ useObjectStreams: false }));
    const text = pdftotext(blank.file, 'raw');
    expect(text).toContain('The file follows on the next page.');
    expect(text).toMatch(/Appendix 1: .* – page 1 of 1/);
    expect(text).not.toContain('not a readable PDF');
  }, 60_000);
});
