/**
 * The PDF objects that embed one of the pack's fonts as the content surface drew with it: a Type 0
 * font (Identity-H, so the two-byte codes in the pages are glyph numbers), its CIDFontType2
 * descendant with the widths of the glyphs drawn, the font descriptor, the font file (a subset
 * keeping glyph numbers), and a ToUnicode map so text can be searched, copied and extracted.
 * The subset's name carries a six-letter tag derived from the glyphs it holds, as PDF asks, so the
 * same pack gives the same bytes. Pure apart from the deflate it is given.
 */
import type { FontInUse } from './content-surface';
import { subsetFont } from './font-subset';
import type { Deflate, ExtraObject } from './pdf-assembly';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** "n 0 obj <<dict>> [stream] endobj". */
function object(number: number, dict: string, stream?: Uint8Array): ExtraObject {
  if (!stream) return { number, chunks: [ascii(`${number} 0 obj\n<<${dict}>>\nendobj\n`)] };
  return {
    number,
    chunks: [
      ascii(`${number} 0 obj\n<<${dict}/Length ${stream.length}>>\nstream\n`),
      stream,
      ascii('\nendstream\nendobj\n'),
    ],
  };
}

/** Six capital letters from the glyphs used: the subset tag PDF puts before a subset font's name. */
function subsetTag(glyphs: readonly number[]): string {
  let hash = 2166136261; // FNV-1a
  for (const g of glyphs) hash = Math.imul(hash ^ g, 16777619) >>> 0;
  return Array.from({ length: 6 }, (_, i) => String.fromCharCode(65 + ((hash >>> (i * 5)) % 26))).join('');
}

/** The /W array: runs of consecutive glyphs with their widths. */
function widthsArray(glyphs: readonly number[], advance: Float64Array): string {
  const runs: string[] = [];
  let start = -1;
  let widths: string[] = [];
  glyphs.forEach((g, i) => {
    if (start < 0 || g !== (glyphs[i - 1] ?? -2) + 1) {
      if (start >= 0) runs.push(`${start} [${widths.join(' ')}]`);
      start = g;
      widths = [];
    }
    widths.push(String(Math.round(advance[g] ?? 0)));
  });
  if (start >= 0) runs.push(`${start} [${widths.join(' ')}]`);
  return `[${runs.join(' ')}]`;
}

/** A ToUnicode CMap: each glyph drawn back to the character it was drawn for. */
function toUnicode(font: FontInUse, glyphs: readonly number[]): string {
  const pairs = glyphs.flatMap((g) => {
    const code = font.unicodeOf[g] ?? -1;
    return g === 0 || code < 0 ? [] : [`<${hex4(g)}> <${hex4(code)}>`];
  });
  const blocks: string[] = [];
  for (let i = 0; i < pairs.length; i += 100) {
    const block = pairs.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** The font's objects, numbered from `first`; the first is the Type 0 font, the one the page resources name. */
export async function fontObjects(font: FontInUse, first: number, deflate: Deflate): Promise<ExtraObject[]> {
  const { font: face } = font;
  const glyphs = font.usedGlyphs();
  const name = `${subsetTag(glyphs)}+${face.name}`;
  const file = subsetFont(face.bytes, glyphs);
  const packedFile = await deflate(file);
  const packedMap = await deflate(ascii(toUnicode(font, glyphs)));
  const [type0, cid, descriptor, fontFile, map] = [first, first + 1, first + 2, first + 3, first + 4];
  return [
    object(
      type0,
      `/Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${map} 0 R`,
    ),
    object(
      cid,
      `/Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
        `/FontDescriptor ${descriptor} 0 R /CIDToGIDMap /Identity /DW 1000 /W ${widthsArray(glyphs, face.advance)}`,
    ),
    object(
      descriptor,
      `/Type /FontDescriptor /FontName /${name} /Flags ${face.flags} /FontBBox [${face.bbox.join(' ')}] ` +
        `/ItalicAngle ${face.italicAngle} /Ascent ${face.ascent} /Descent ${face.descent} /CapHeight ${face.capHeight} ` +
        `/StemV 80 /FontFile2 ${fontFile} 0 R`,
    ),
    object(fontFile, `/Length1 ${file.length} /Filter /FlateDecode `, packedFile),
    object(map, '/Filter /FlateDecode ', packedMap),
  ];
}
