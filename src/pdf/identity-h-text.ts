/**
 * Glyph codes for text in an embedded (Identity-H) jsPDF font, as the content surface draws it:
 * two bytes per glyph, as a string of byte-sized characters (half the size of jsPDF's hex, so
 * half the work to compress). Otherwise it gives what jsPDF's own Unicode step gives (the same
 * glyphs, the same glyphs in the embedded subset, the same ToUnicode map and widths, so jsPDF
 * writes the font correctly), but remembers each character's encoding per font and records each
 * glyph once: jsPDF's step scans a growing widths array and pushes every character's glyph onto
 * the subset list. No jsPDF import.
 */

/** The parts of jsPDF's TTF font metadata the step reads and writes. */
interface FontMetadata {
  readonly cmap?: { readonly unicode: { readonly codeMap: Record<number, number | undefined> } };
  readonly Unicode?: { readonly widths: (number | number[])[] };
  characterToGlyph(code: number): number;
  widthOfGlyph(glyph: number): number;
  readonly glyIdsUsed: number[];
  readonly toUnicode: Record<number, number>;
}

export interface PdfFont {
  readonly encoding: string;
  readonly metadata: FontMetadata;
}

/** A character's glyph; `dropped` for one jsPDF leaves out. Glyph 0 ends the string, as in jsPDF. */
const dropped = -1;
const unknown = -2;

interface FontState {
  /** Glyph by UTF-16 code unit (`unknown` until first seen). */
  readonly glyphOf: Int32Array;
  /** The character the ToUnicode map last recorded for each glyph. */
  readonly unicodeOf: Map<number, number>;
  readonly glyphs: Set<number>;
}

const states = new WeakMap<FontMetadata, FontState>();

function stateOf(meta: FontMetadata): FontState {
  let state = states.get(meta);
  if (!state) {
    state = { glyphOf: new Int32Array(0x10000).fill(unknown), unicodeOf: new Map(), glyphs: new Set() };
    states.set(meta, state);
  }
  return state;
}

function glyphFor(meta: FontMetadata, state: FontState, code: number): number {
  // jsPDF keeps a character the font's cmap lacks only when it is below 256, and then as glyph 0.
  const mapped = meta.cmap ? meta.cmap.unicode.codeMap[code] : undefined;
  if (!mapped && !(code < 256 && meta.Unicode)) return dropped;
  const glyph = meta.characterToGlyph(code);
  if (!state.glyphs.has(glyph)) {
    state.glyphs.add(glyph);
    meta.glyIdsUsed.push(glyph);
    const widths = meta.Unicode?.widths;
    if (widths && !widths.includes(glyph)) widths.push(glyph, [Math.trunc(meta.widthOfGlyph(glyph))]);
  }
  return glyph;
}

/** The glyphs jsPDF would write for `text` in this font, two byte-sized characters each. */
export function encodeIdentityH(font: PdfFont, text: string): string {
  const meta = font.metadata;
  const state = stateOf(meta);
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let glyph = state.glyphOf[code] ?? unknown;
    if (glyph === unknown) {
      glyph = glyphFor(meta, state, code);
      state.glyphOf[code] = glyph;
    }
    if (glyph === dropped) continue;
    // As in jsPDF, the ToUnicode map holds the last character drawn with each glyph.
    if (state.unicodeOf.get(glyph) !== code) {
      state.unicodeOf.set(glyph, code);
      meta.toUnicode[glyph] = code;
    }
    if (glyph === 0) break;
    bytes.push(glyph >> 8, glyph & 0xff);
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x1000) out += String.fromCharCode.apply(null, bytes.slice(i, i + 0x1000));
  return out;
}
