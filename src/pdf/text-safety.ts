/**
 * Makes any text safe to draw with the pack's font, without ever changing it silently: composes
 * accents (NFC, so "e" + combining acute becomes "é"), turns tabs into spaces, drops invisible
 * control and format characters (zero-width spaces, soft hyphens), and replaces each character the
 * font cannot draw with a visible marker, recording it. jsPDF itself would cut the line short at
 * the first such character, so every string the renderer draws passes through `clean` first.
 */

export const missingGlyphMarker = '[?]';

export interface GlyphGuard {
  /** The text as it will be drawn. */
  clean(text: string): string;
  /** Characters replaced by the marker so far, in order of first use, e.g. "ア (U+30A2)". */
  missing(): string[];
}

const invisible = /[\p{Cc}\p{Cf}]/u;

const printableAscii = /^[\x20-\x7e\n]*$/;

export function glyphGuard(coverage: ReadonlySet<number>): GlyphGuard {
  let asciiCovered = true;
  for (let code = 0x20; code <= 0x7e; code++) asciiCovered &&= coverage.has(code);
  const missing = new Map<number, string>();
  const cache = new Map<string, string>();
  function clean(text: string): string {
    // Printable ASCII and line feeds need no change (when the font has them all, as the pack's has).
    if (asciiCovered && printableAscii.test(text)) return text;
    const known = cache.get(text);
    if (known !== undefined) return known;
    const normal = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
    let plain = true;
    for (let i = 0; i < normal.length && plain; i++) {
      const code = normal.charCodeAt(i);
      plain = code === 10 || (code !== 0xad && coverage.has(code));
    }
    if (plain) {
      cache.set(text, normal);
      return normal;
    }
    let out = '';
    for (const ch of normal) {
      const code = ch.codePointAt(0) ?? 0;
      // Covered characters are drawn as they are; the soft hyphen is covered but invisible.
      if (ch === '\n' || (coverage.has(code) && code !== 0xad)) out += ch;
      else if (invisible.test(ch)) continue;
      else {
        if (!missing.has(code)) missing.set(code, `${ch} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`);
        out += missingGlyphMarker;
      }
    }
    cache.set(text, out);
    return out;
  }
  return { clean, missing: () => [...missing.values()] };
}
