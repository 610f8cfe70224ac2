// @vitest-environment node
// The rendered pack, read back with poppler (pdftotext, pdfinfo) and pdf-lib: every answer of the
// large reference application is there, every character of the corpus comes back, the metadata,
// bookmarks, DRAFT mark and page numbers are right, and the bytes are the same every time.
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPack } from '@/pdf/export-pack';
import { missingGlyphMarker } from '@/pdf/text-safety';
import type { PackModel } from '@/pdf/pack-types';
import {
  largeFederation,
  smallSinglePractice,
  type ReferenceApplication,
} from '../fixtures/applications/reference-applications';
import { modelOf, modelTexts, packFonts, pdfinfo, pdftotext, printed, render, squash } from '../helpers/pdf';

let large: ReferenceApplication;
let model: PackModel;
let rendered: Awaited<ReturnType<typeof render>>;

beforeAll(async () => {
  large = await largeFederation();
  model = modelOf(large);
  rendered = await render(model, { evidenceFiles: large.evidenceBytes });
}, 120_000);

async function outline(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  const titles: { title: string; depth: number }[] = [];
  const walk = (parent: PDFDict | undefined, depth: number) => {
    let item = parent?.lookupMaybe(PDFName.of('First'), PDFDict);
    while (item) {
      const title = item.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString)
        titles.push({ title: title.decodeText(), depth });
      walk(item, depth + 1);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict), 0);
  return { titles, lang: doc.catalog.lookup(PDFName.of('Lang')) };
}

function corpusModel(base: PackModel, paragraphs: string[]): PackModel {
  return {
    ...base,
    parts: [
      {
        kind: 'section',
        id: 'corpus',
        number: 1,
        title: 'Character corpus',
        blocks: [
          {
            kind: 'question',
            id: 'corpus',
            number: '1.1',
            label: 'Every character',
            value: { kind: 'text', paragraphs },
          },
        ],
      },
    ],
    appendices: [],
  };
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');

describe('the rendered pack of the large reference application', () => {
  it('prints every answer, label and schedule entry of the model', () => {
    const text = squash(pdftotext(rendered.file, 'raw'));
    const missing = modelTexts(model).filter((t) => !printed(text, t));
    expect(missing).toEqual([]);
    expect(rendered.missingGlyphs).toEqual([]);
    expect(text).not.toContain(squash(missingGlyphMarker));
  });

  it('has a contents page with page numbers, and a footer with the reference and "Page x of y" on every page', () => {
    const pages = pdftotext(rendered.file, 'layout').split('\f').slice(0, rendered.pages);
    expect(pages).toHaveLength(rendered.pages);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${rendered.pages}`);
      expect(page).toContain('Application reference: CMCSU/AQP/2012/PH1-0147');
      expect(page).not.toContain('DRAFT');
    });
    expect(pages[1]).toMatch(/Contents/);
    expect(pages[1]).toMatch(/1\. Organisation and legal identity \.+\s+3/);
    expect(pages[1]).toMatch(/Appendix 1: Certificate-of-incorporation\.pdf \(E1\) \.+\s+\d+/);
  });

  it('sets title, author, subject, creator, language en-GB and the creation date', async () => {
    const info = pdfinfo(rendered.file);
    expect(info).toMatchObject({
      Title: 'AQP application – Afon Dyfrdwy GP Federation Limited',
      Author: 'Afon Dyfrdwy GP Federation Limited',
      Creator: 'Apply to be an Any Qualified Provider',
      Pages: String(rendered.pages),
    });
    expect(info.Subject).toContain('NHS Cheshire and Merseyside Commissioning Support Unit');
    expect(info.CreationDate).toMatch(/Nov 22 10:00:00 2026/);
    expect(String((await outline(rendered.bytes)).lang)).toBe('(en-GB)');
  });

  it('has bookmarks for the cover, contents, every part and every appendix', async () => {
    const { titles } = await outline(rendered.bytes);
    const top = titles.filter((t) => t.depth === 0).map((t) => t.title);
    const parts = model.parts.map((p) => ('number' in p ? `${p.number}. ${p.title}` : p.title));
    expect(top).toEqual(['Cover', 'Contents', ...parts, 'Appendices']);
    const nested = titles.filter((t) => t.depth === 1).map((t) => t.title);
    expect(nested).toContain('Appendix 9: Signed-declaration-Siân-Llŷr.png');
    expect(nested).toContain("Employer's liability insurance");
    const people = titles.filter((t) => t.depth === 2).map((t) => t.title);
    expect(people.some((title) => /^Łukasz Wróbel \(person \d+\)$/.test(title))).toBe(true);
  });

  it('appends PDF and image evidence after divider pages, and lists other files only', () => {
    const text = pdftotext(rendered.file, 'raw');
    expect(text).toContain('Appendix 1: Certificate-of-incorporation.pdf');
    expect(text).toContain('Certificate of Incorporation');
    expect(text).toContain('Schedule of locations');
    expect(squash(text)).toContain(
      squash('Service-pathways-and-protocols.docx Listed only: this type of file is not appended'),
    );
    expect(pdfinfo(rendered.file).Pages).toBe(String(rendered.pages));
  });

  it('stays within 300 KB before appendices', () => {
    expect(rendered.bytesBeforeAppendices).toBeLessThanOrEqual(300 * 1024);
    expect(rendered.bytes.byteLength).toBeGreaterThan(rendered.bytesBeforeAppendices);
  });

  it('gives the same bytes for the same application, creation date and file id', async () => {
    const again = await render(model, { evidenceFiles: large.evidenceBytes });
    expect(Buffer.from(again.bytes).equals(Buffer.from(rendered.bytes))).toBe(true);
    expect(readFileSync(again.file).equals(readFileSync(rendered.file))).toBe(true);
  }, 60_000);
});

describe('typography', () => {
  const corpus = [
    range(0x21, 0x7e),
    range(0xa1, 0xac) + range(0xae, 0xff),
    range(0x100, 0x148) + range(0x14a, 0x17f),
    '‘single’ “double” ‚low‛ „low“ ‹angle› «angle»',
    'hyphen‐ nb‑hyphen figure‒ en– em— bar― ellipsis… bullet• £1,250 €2,000 © ® ™ № ‰',
    'Welsh: ŵ ŷ Ŵ Ŷ ẁ ẃ ẅ ỳ Ẁ Ẃ Ẅ Ỳ – Siân Llŷr, Dr Gwenllïan ap Dafydd, Gŵyn, Tŷ Newydd',
    'Names: Zoë Ó Briain, Łukasz Wróbel, Şükrü Öztürk, Małgorzata Dąbrowska, Jiří Dvořák, Őrs, Ștefan Țurcanu',
  ];

  it('round-trips 100% of the character corpus', async () => {
    const small = modelOf(await smallSinglePractice());
    const result = await render(corpusModel(small, corpus));
    expect(result.missingGlyphs).toEqual([]);
    const text = squash(pdftotext(result.file, 'raw'));
    for (const line of corpus) expect(text).toContain(squash(line));
    const lost = [...new Set(corpus.join(''))].filter((ch) => !/\s/.test(ch) && !text.includes(ch));
    expect(lost).toEqual([]);
  }, 60_000);

  it('composes accents and shows a visible marker for characters the font lacks, and says which', async () => {
    const small = modelOf(await smallSinglePractice());
    const result = await render(corpusModel(small, ['Cafe\u0301 ア 😀 zero\u200bwidth end']));
    expect(result.missingGlyphs).toEqual(['ア (U+30A2)', '😀 (U+1F600)']);
    const text = pdftotext(result.file, 'raw');
    expect(text).toContain(`Café ${missingGlyphMarker} ${missingGlyphMarker} zerowidth end`);
  }, 60_000);
});

describe('a draft', () => {
  it('has a clear DRAFT mark on every page, and "Not answered" for what is missing', async () => {
    const ref = await smallSinglePractice();
    const draft = modelOf({
      ...ref,
      application: { ...ref.application, answers: { ...ref.application.answers, 'del.spec-summary': '' } },
    });
    expect(draft.draft).toBe(true);
    const result = await render(draft, { evidenceFiles: ref.evidenceBytes });
    const pages = pdftotext(result.file, 'layout').split('\f').slice(0, result.pages);
    for (const page of pages) expect(page).toContain('DRAFT – NOT READY TO SUBMIT');
    const text = pdftotext(result.file, 'raw');
    expect(text).toContain('DRAFT – not ready to submit (0 hard fails, 1 blocking issue)');
    expect(text).toContain('Not answered');
  }, 60_000);
});

describe('appendices that cannot be included', () => {
  it('says so on the divider page, for a damaged file and a missing one, and still makes the pack', async () => {
    const ref = await smallSinglePractice();
    const files = new Map<string, Uint8Array>([['ev-s1', new TextEncoder().encode('%PDF-1.7 this is not a PDF')]]);
    const result = await render(modelOf(ref), { evidenceFiles: files });
    const text = squash(pdftotext(result.file, 'raw'));
    expect(text).toContain(squash('This file could not be included: it is not a readable PDF (it may be damaged).'));
    expect(text).toContain(squash('This file is not on this computer any more, so it could not be included.'));
    expect(pdfinfo(result.file).Pages).toBe(String(result.pages));
  }, 60_000);
});

describe('exportPack, the call the export button makes', () => {
  it('returns a PDF blob named after the organisation, service and date, the same bytes every time', async () => {
    const ref = await smallSinglePractice();
    const input = { ...ref, now: '2026-11-22T10:00:00+00:00', evidenceFiles: ref.evidenceBytes, fonts: packFonts() };
    const progress: number[] = [];
    const first = await exportPack({ ...input, onProgress: (f) => progress.push(f) });
    const second = await exportPack(input);
    expect(first.fileName).toBe('AQP application – Riverside Surgery – Podiatry – 2026-11-22.pdf');
    expect(first.blob.type).toBe('application/pdf');
    expect(first).toMatchObject({ draft: false, missingGlyphs: [] });
    expect(Buffer.from(await first.blob.arrayBuffer()).equals(Buffer.from(await second.blob.arrayBuffer()))).toBe(true);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 60_000);
});
