/**
 * A faster stand-in for jsPDF's Unicode text step. For an embedded (Identity-H) font, jsPDF's
 * own `postProcessText` handler looks every character up afresh, scans a growing widths array
 * with `indexOf`, and pushes every character's glyph id onto the font's subset list (hundreds of
 * thousands of entries for a large pack). It was the largest single cost of drawing a pack.
 *
 * This handler gives the same output: the same hex glyph string, the same glyphs in the embedded
 * subset, the same ToUnicode map and widths. It remembers each character's encoding per font and
 * records each glyph once. It does not import jsPDF: render.ts hands it jsPDF's event list.
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

interface PdfFont {
  readonly encoding: string;
  readonly metadata: FontMetadata;
}

interface TextPayload {
  text: unknown;
  mutex: { activeFontKey: string; fonts: Record<string, PdfFont>; isHex?: boolean };
}

type JsPdfEvent = [string, unknown];

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

function handler(payload: TextPayload): void {
  const { mutex } = payload;
  const font = mutex.fonts[mutex.activeFontKey];
  if (!font || font.encoding !== 'Identity-H') return;
  const encode = (t: unknown) => encodeIdentityH(font, typeof t === 'string' ? t : '');
  const { text } = payload;
  if (Array.isArray(text))
    payload.text = text.map((item: unknown) =>
      Array.isArray(item) && item.length === 3 ? [encode(item[0]), item[1], item[2]] : encode(item),
    );
  else payload.text = encode(text);
  mutex.isHex = true;
}

/**
 * Swaps jsPDF's Unicode `postProcessText` handler for this one. Call it once the bidi handler is
 * unhooked: jsPDF's Unicode step is then its only `postProcessText` handler. Throws if there is
 * not exactly one, so a jsPDF upgrade that changes this fails the render tests loudly.
 */
export function replaceUnicodeTextStep(events: JsPdfEvent[]): void {
  const found = events.flatMap(([name], i) => (name === 'postProcessText' ? [i] : []));
  if (found.length !== 1 || found[0] === undefined)
    throw new Error(
      `Expected one jsPDF postProcessText handler, found ${found.length}; check src/pdf/identity-h-text.ts`,
    );
  events[found[0]] = ['postProcessText', handler];
}
