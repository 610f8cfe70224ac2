/**
 * Where an appended evidence page or image goes: each source page gets one pack page, drawn
 * scaled into the content box (never enlarged past its own size for PDFs), centred across and
 * top-aligned. Shared by the renderer (which frames the box) and the pdf-lib step (which fills
 * it). Pure, and free of pdf-lib so the main renderer need not load it.
 */
import { contentBottom, contentWidth, margin, page } from './page-writer';

/** What the pdf-lib step found in an evidence file, before the pack is laid out. */
export type AppendixSource =
  /** Page sizes in PDF points (1/72 inch); an image has one "page" of its pixel size. */
  | { readonly status: 'ok'; readonly pages: readonly { readonly width: number; readonly height: number }[] }
  | { readonly status: 'missing' }
  | { readonly status: 'unreadable'; readonly reason: string };

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One pack page that shows one page (or the image) of one appendix. */
export interface AppendixPlacement {
  readonly appendix: number;
  readonly sourcePage: number;
  /** The pack page, 1-based. */
  readonly page: number;
  /** In mm from the top-left of the pack page. */
  readonly box: Box;
}

/** The area below the appendix page's caption. */
export const appendixArea: Box = {
  x: margin.left,
  y: margin.top + 9,
  width: contentWidth,
  height: contentBottom - margin.top - 9,
};

const ptToMm = 25.4 / 72;

export function fitBox(source: { width: number; height: number }, kind: 'pdf' | 'png' | 'jpeg'): Box {
  const width = source.width * ptToMm;
  const height = source.height * ptToMm;
  const limit = kind === 'pdf' ? 1 : Infinity;
  const scale = Math.min(appendixArea.width / width, appendixArea.height / height, limit);
  const w = width * scale;
  const h = height * scale;
  return { x: appendixArea.x + (appendixArea.width - w) / 2, y: appendixArea.y, width: w, height: h };
}

/** mm from the top-left → PDF points from the bottom-left, as pdf-lib draws. */
export function toPdfPoints(box: Box): Box {
  const k = 72 / 25.4;
  return { x: box.x * k, y: (page.height - box.y - box.height) * k, width: box.width * k, height: box.height * k };
}
