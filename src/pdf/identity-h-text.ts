/**
 * Glyph codes for text in an embedded (Identity-H) jsPDF font, as the content surface draws it.
 * It gives what jsPDF's own Unicode step gives (the same hex glyph string, the same glyphs in the
 * embedded subset, the same ToUnicode map and widths, so jsPDF writes the font correctly), but
 * remembers each character's encoding per font and records each glyph once: jsPDF's step scans a
 * growing widths array and pushes every character's glyph onto the subset list. No jsPDF import.
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

/** What one character becomes: its glyph and 4 hex digits, nothing (dropped), or the end of the string (glyph 0). */
type Encoded = { readonly glyph: number; readonly hex: string | null } | 'dropped';

interface FontState {
  readonly codes: Map<number, Encoded>;
  readonly glyphs: Set<number>;
}

const states = new WeakMap<FontMetadata, FontState>();

function stateOf(meta: FontMetadata): FontState {
  let state = states.get(meta);
  if (!state) {
    state = { codes: new Map(), glyphs: new Set() };
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
  return { glyph, hex: glyph === 0 ? null : glyph.toString(16).padStart(4, '0') };
}

/** The hex string jsPDF would write for `text` in this font. */
export function encodeIdentityH(font: PdfFont, text: string): string {
  const meta = font.metadata;
  const state = stateOf(meta);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let encoded = state.codes.get(code);
    if (encoded === undefined) {
      encoded = encodeCode(meta, state, code);
      state.codes.set(code, encoded);
    }
    if (encoded === 'dropped') continue;
    // As in jsPDF, the ToUnicode map holds the last character drawn with each glyph.
    meta.toUnicode[encoded.glyph] = code;
    if (encoded.hex === null) return out;
    out += encoded.hex;
  }
  return out;
}
