// Helpers for the PDF pack tests: the fonts from public/fonts, the reference packs rendered with a
// fixed date and file id, and poppler's pdftotext/pdfinfo on the result.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FontInUse } from '@/pdf/content-surface';
import type { PackFont } from '@/pdf/pack-font';
import { buildPackModel } from '@/pdf/pack-model';
import type { PackBlock, PackModel, PackValue } from '@/pdf/pack-types';
import { renderPack, type PackFonts, type RenderOptions, type RenderResult } from '@/pdf/render';
import { referenceNow, type ReferenceApplication } from '../fixtures/applications/reference-applications';

const arrayBuffer = (file: string): ArrayBuffer => {
  const bytes = readFileSync(path.resolve(file));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};

export const packFonts = (): PackFonts => ({
  regular: arrayBuffer('public/fonts/pack-regular.ttf'),
  bold: arrayBuffer('public/fonts/pack-bold.ttf'),
});

/** A stand-in font for surface tests: glyph n for character n, every glyph `width` thousandths of an em wide. */
export function fakeFont(resource: string, width = 500): FontInUse {
  const font: PackFont = {
    bytes: new Uint8Array(),
    name: 'Fake',
    glyphCount: 0x10000,
    glyphOf: Uint16Array.from({ length: 0x10000 }, (_, i) => i),
    advance: new Float64Array(0x10000).fill(width),
    bbox: [0, -200, 1000, 800],
    ascent: 800,
    descent: -200,
    capHeight: 700,
    italicAngle: 0,
    flags: 32,
  };
  return new FontInUse(font, resource);
}

export const fixedRender = {
  creationDate: new Date(referenceNow),
  fileId: '0123456789abcdef0123456789abcdef',
} as const;

export const modelOf = (ref: ReferenceApplication, now = referenceNow): PackModel => buildPackModel({ ...ref, now });

export async function render(
  model: PackModel,
  options: Partial<RenderOptions> = {},
): Promise<RenderResult & { file: string }> {
  const result = await renderPack(model, packFonts(), { ...fixedRender, ...options });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pack-')), 'pack.pdf');
  writeFileSync(file, result.bytes);
  return { ...result, file };
}

/** `pdftotext -raw` keeps each drawn string's text together; `-layout` keeps the page's layout. */
export const pdftotext = (file: string, mode: 'raw' | 'layout' = 'raw'): string =>
  execFileSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });

export function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .flatMap((m) => (m?.[1] && m[2] !== undefined ? [[m[1].trim(), m[2].trim()] as const] : [])),
  );
}

/** Text compared without whitespace: wrapping may break a line anywhere, even inside a word. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * The pack's text, squashed, without what a page break puts inside an answer: the running header
 * and footer, and the question's label again, "(continued)". An answer split across pages is then
 * whole again.
 */
export const withoutPageFurniture = (text: string): string =>
  squash(
    text
      .split(/\n|\f/)
      .filter(
        (line) =>
          !/^Application reference: .* Page \d+ of \d+$/.test(line) &&
          !/^DRAFT – NOT READY TO SUBMIT$/.test(line) &&
          !line.endsWith('(continued)'),
      )
      .join('\n'),
  );

/**
 * Whether `expected` is in the squashed `text`: whole, or (for a table cell split across pages,
 * whose other cells come between its parts) word by word in order.
 */
export function printed(text: string, expected: string): boolean {
  if (text.includes(squash(expected))) return true;
  let at = 0;
  for (const word of expected.split(/\s+/).filter((w) => w !== '')) {
    const found = text.indexOf(word, at);
    if (found < 0) return false;
    at = found + word.length;
  }
  return true;
}

export function valueTexts(value: PackValue): string[] {
  switch (value.kind) {
    case 'text':
      return [...value.paragraphs];
    case 'list':
      return [...value.items];
    case 'not-answered':
      return ['Not answered'];
    case 'repeat':
      return [
        ...value.table.columns,
        ...value.table.rows.flat(),
        ...value.records.flatMap((r) => [r.title, ...r.fields.flatMap((f) => [f.label, f.value])]),
      ];
  }
}

const blockTexts = (blocks: readonly PackBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : [`${b.number} ${b.label}`, ...valueTexts(b.value)]));

/** Every string the pack must print, from the model. */
export function modelTexts(model: PackModel): string[] {
  const texts = [model.cover.title, model.cover.applicant, ...model.cover.fields.flatMap((f) => [f.label, f.value])];
  for (const part of model.parts) {
    if (part.kind === 'section') texts.push(part.title, ...blockTexts(part.blocks));
    if (part.kind === 'conflicts')
      texts.push(
        ...part.register.rows.flat(),
        ...part.declarants.flatMap((d) => [
          d.name,
          ...d.fields.flatMap((f) => [f.label, f.value]),
          ...d.interests.flatMap((i) => [i.title, ...i.fields.flatMap((f) => [f.label, f.value])]),
        ]),
        ...blockTexts(part.blocks),
      );
    if (part.kind === 'evidence')
      texts.push(
        ...part.entries.flatMap((e) => [e.ref, e.name, e.type, e.size, e.validUntil, e.sha256, ...e.supports]),
      );
    if (part.kind === 'readiness')
      texts.push(...[...part.hardFails, ...part.blocking, ...part.warnings].flatMap((i) => [i.where, i.message]));
    if (part.kind === 'declaration')
      texts.push(
        ...part.statements.map((s) => s.text),
        ...part.signatory.flatMap((f) => [f.label, f.value]),
        ...blockTexts(part.blocks),
      );
  }
  return texts.filter((t) => t.trim() !== '');
}
