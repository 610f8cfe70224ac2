/**
 * Where an appended evidence page or image goes: each source page gets one pack page, drawn
 * scaled into the content box (never enlarged past its own size for PDFs), centred across and
 * top-aligned, turned as the source page says it is shown. Shared by the layout (which frames the
 * box), the renderer (which paints the page into it) and the pdf-lib step (which reads the
 * source). Pure, and free of pdf-lib so the main renderer need not load it.
 */
import type { Matrix } from './content-surface';
import { contentBottom, contentWidth, margin, page } from './page-writer';

/** One page of an evidence file, or the image, as it is shown. */
export interface SourcePage {
  /** The shown size in PDF points (1/72 inch), after any turn; an image's is its pixel size. */
  readonly width: number;
  readonly height: number;
  /** A PDF page's shown area (its crop box) in its own coordinates, and its clockwise turn. */
  readonly crop?: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly rotate?: 0 | 90 | 180 | 270;
}

/** What the pdf-lib step found in an evidence file, before the pack is laid out. */
export type AppendixSource =
  | { readonly status: 'ok'; readonly pages: readonly SourcePage[] }
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

/** The XObject name that draws source page `page` (0-based) of appendix `appendix`. */
export const evidenceName = (appendix: number, page: number): string => `Ev${appendix}p${page + 1}`;

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

/** `first`, then `then`, as one matrix. */
function compose(first: Matrix, then: Matrix): Matrix {
  const [a, b, c, d, e, f] = first;
  const [A, B, C, D, E, F] = then;
  return [A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F];
}

/**
 * The matrix that paints a source page (a form whose box is its crop box) or an image (the unit
 * square) into `box`: moved to the origin, turned as the page is shown, scaled into the box.
 */
export function placementMatrix(source: SourcePage, box: Box): Matrix {
  const to = toPdfPoints(box);
  if (!source.crop) return [to.width, 0, 0, to.height, to.x, to.y];
  const { x, y, width: w, height: h } = source.crop;
  const turn: Record<0 | 90 | 180 | 270, Matrix> = {
    0: [1, 0, 0, 1, 0, 0],
    90: [0, -1, 1, 0, 0, w],
    180: [-1, 0, 0, -1, w, h],
    270: [0, 1, -1, 0, h, 0],
  };
  const shown = compose([1, 0, 0, 1, -x, -y], turn[source.rotate ?? 0]);
  return compose(shown, [to.width / source.width, 0, 0, to.height / source.height, to.x, to.y]);
}
