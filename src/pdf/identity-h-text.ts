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

/** What one character becomes: its glyph and its two bytes, nothing (dropped), or the end of the string (glyph 0). */
type Encoded = { readonly glyph: number; readonly bytes: string | null } | 'dropped';

interface FontState {
  /** By UTF-16 code unit. */
  readonly codes: (Encoded | undefined)[];
  readonly glyphs: Set<number>;
}

const states = new WeakMap<FontMetadata, FontState>();

function stateOf(meta: FontMetadata): FontState {
  let state = states.get(meta);
  if (!state) {
    state = { codes: [], glyphs: new Set() };
    states.set(meta, state);
  }
  return state;
}

function encodeCode(meta: FontMetadata, state: FontState, code: number): Encoded {
  // jsPDF keeps a character the font's cmap lacks only when it is below 256, and then as glyph 0.
  const mapped = meta.cmap ? meta.cmap.unicode.codeMap[code] : undefined;
  if (!mapped && !(code < 256 && meta.Unicode)) return 'dropped';
  const glyph = meta.characterToGlyph(code);
  if (!state.glyphs.has(glyph)) {
    state.glyphs.add(glyph);
    meta.glyIdsUsed.push(glyph);
    const widths = meta.Unicode?.widths;
    if (widths && !widths.includes(glyph)) widths.push(glyph, [Math.trunc(meta.widthOfGlyph(glyph))]);
  }
  return { glyph, bytes: glyph === 0 ? null : String.fromCharCode(glyph >> 8, glyph & 0xff) };
}

/** The glyphs jsPDF would write for `text` in this font, two byte-sized characters each. */
export function encodeIdentityH(font: PdfFont, text: string): string {
  const meta = font.metadata;
  const state = stateOf(meta);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let encoded = state.codes[code];
    if (encoded === undefined) {
      encoded = encodeCode(meta, state, code);
      state.codes[code] = encoded;
    }
    if (encoded === 'dropped') continue;
    // As in jsPDF, the ToUnicode map holds the last character drawn with each glyph.
    meta.toUnicode[encoded.glyph] = code;
    if (encoded.bytes === null) return out;
    out += encoded.bytes;
  }
  return out;
}
