// @vitest-environment node
// The assembly step: jsPDF's uncompressed output in, a valid PDF out, with the page contents
// replaced, every unfiltered stream compressed, added objects and XObject names in place, a
// cross-reference table whose every offset points at its object, and the trailer's /Size right.
import { deflateSync, inflateSync } from 'node:zlib';
import { jsPDF } from 'jspdf';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assemblePdf, parsePdf, resourcesOf, type Deflate } from '@/pdf/pdf-assembly';

const deflate: Deflate = async (bytes) => new Uint8Array(deflateSync(bytes));
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

function twoPages(): { bytes: Uint8Array; contents: number[]; pageObject: number } {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: false });
  doc.text('first', 20, 20);
  doc.addPage();
  doc.text('second', 20, 20);
  const bytes = new Uint8Array(doc.output('arraybuffer'));
  const info = (n: number) =>
    (
      doc as unknown as { getPageInfo(n: number): { objId: number; pageContext: { contentsObjId: number } } }
    ).getPageInfo(n);
  return {
    bytes,
    contents: [info(1).pageContext.contentsObjId, info(2).pageContext.contentsObjId],
    pageObject: info(1).objId,
  };
}

/** Every xref row that is in use points at "n 0 obj". */
function xrefHolds(pdf: Uint8Array): boolean {
  const text = latin1(pdf);
  const at = Number(/startxref\n(\d+)/.exec(text)?.[1]);
  const rows = text.slice(at).split('\n').slice(2);
  return rows.every((row, n) => {
    const m = /^(\d{10}) 00000 n/.exec(row);
    return !m || text.startsWith(`${n} 0 obj`, Number(m[1]));
  });
}

describe('assemblePdf', () => {
  it('compresses every unfiltered stream and keeps a cross-reference table that holds', async () => {
    const { bytes } = twoPages();
    const out = await assemblePdf(parsePdf(bytes), {}, deflate);
    expect(xrefHolds(out)).toBe(true);
    const doc = await PDFDocument.load(out);
    expect(doc.getPageCount()).toBe(2);
    const streams = doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFRawStream);
    expect(streams.length).toBeGreaterThan(0);
    for (const [, stream] of streams)
      expect((stream as PDFRawStream).dict.get(PDFName.of('Filter'))?.toString()).toBe('/FlateDecode');
  });

  it("writes each page's new content in place of jsPDF's, compressed", async () => {
    const { bytes, contents } = twoPages();
    const mine = ascii('BT /F1 12 Tf 50 50 Td (replaced) Tj ET');
    const out = await assemblePdf(parsePdf(bytes), { streams: new Map([[contents[1] ?? 0, mine]]) }, deflate);
    const doc = await PDFDocument.load(out);
    const page2 = doc.getPage(1).node.Contents();
    const stream = page2 instanceof PDFRawStream ? page2 : undefined;
    expect(stream).toBeDefined();
    expect(latin1(inflateSync(stream?.contents ?? new Uint8Array()))).toBe(latin1(mine));
    expect(xrefHolds(out)).toBe(true);
  });

  it('adds objects after the last one, names them in the resources, and updates /Size', async () => {
    const { bytes, pageObject } = twoPages();
    const pdf = parsePdf(bytes);
    const form = pdf.size;
    const object = ascii(
      `${form} 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length 0 >>\nstream\n\nendstream\nendobj\n`,
    );
    const out = await assemblePdf(
      pdf,
      {
        resources: { object: resourcesOf(pdf, pageObject), xobjects: new Map([['Ev1p1', form]]) },
        objects: [{ number: form, chunks: [object] }],
      },
      deflate,
    );
    expect(xrefHolds(out)).toBe(true);
    expect(latin1(out)).toMatch(new RegExp(`/Size ${form + 1}\\b`));
    const doc = await PDFDocument.load(out);
    const resources = doc.getPage(0).node.Resources();
    expect(resources?.lookup(PDFName.of('XObject'))?.toString()).toContain(`/Ev1p1 ${form} 0 R`);
  });

  it('refuses a document it does not know how to read, and a number used twice', async () => {
    expect(() => parsePdf(ascii('%PDF-1.7\nnot really'))).toThrow(/cross-reference/);
    const { bytes } = twoPages();
    const pdf = parsePdf(bytes);
    await expect(
      assemblePdf(pdf, { objects: [{ number: 1, chunks: [ascii('1 0 obj\nnull\nendobj\n')] }] }, deflate),
    ).rejects.toThrow(/twice/);
  });
});
