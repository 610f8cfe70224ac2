/**
 * Makes the PDF pack's fonts: subsets Noto Sans Regular and Bold (SIL Open Font License 1.1, no
 * reserved font names) to the characters a UK NHS application needs, and writes
 * `public/fonts/pack-regular.ttf`, `public/fonts/pack-bold.ttf` and `public/fonts/LICENSE.txt`.
 * The subsets are committed; run this only to change the character set or the source font.
 *
 * Usage: tsx test/tools/subset-fonts.ts [regular.ttf bold.ttf]
 * Without paths it fetches the static Noto Sans TTFs with `npm pack @expo-google-fonts/noto-sans`
 * (the npm registry is the only network this project uses) into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import subsetFont from 'subset-font';
import { fontCoverage } from '../../src/pdf/pack-font';

const sourcePackage = '@expo-google-fonts/noto-sans@0.4.2';

/** What the pack must print: Latin scripts of the UK and of the staff and partners it names. */
export const packCharacterRanges: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0xff], // Latin-1 Supplement: £ © é ö ß …
  [0x100, 0x17f], // Latin Extended-A: Ł ő ş ŵ ŷ Ŵ Ŷ …
  [0x18f, 0x18f], // Ə
  [0x192, 0x192], // ƒ
  [0x1a0, 0x1a1], // Ơ ơ
  [0x1af, 0x1b0], // Ư ư
  [0x1c4, 0x1dc], // DŽ … ǜ (digraphs, pinyin tones)
  [0x1e6, 0x1e7], // Ǧ ǧ
  [0x1ea, 0x1eb], // Ǫ ǫ
  [0x1fa, 0x1ff], // Ǻ … ǿ
  [0x218, 0x21b], // Ș ș Ț ț (Romanian)
  [0x259, 0x259], // ə
  [0x2bc, 0x2bc], // ʼ
  [0x2c6, 0x2c7], // ˆ ˇ
  [0x2d8, 0x2dd], // ˘ ˙ ˚ ˛ ˜ ˝
  [0x384, 0x38a], // Greek tonos letters
  [0x38c, 0x38c],
  [0x38e, 0x3a1],
  [0x3a3, 0x3ce], // Greek: names, µ-like symbols in clinical text
  [0x400, 0x45f], // Cyrillic: Bulgarian, Russian, Serbian, Ukrainian names
  [0x490, 0x491], // Ґ ґ
  [0x1e80, 0x1e85], // Ẁ ẁ Ẃ ẃ Ẅ ẅ (Welsh)
  [0x1e9e, 0x1e9e], // ẞ
  [0x1ea0, 0x1ef9], // Vietnamese (Ỳ ỳ for Welsh too)
  [0x2000, 0x200a], // spaces
  [0x2010, 0x2027], // hyphens, dashes, quotes, bullet, ellipsis
  [0x2030, 0x203a], // ‰ ′ ″ ‹ ›
  [0x2044, 0x2044], // ⁄
  [0x20ac, 0x20ac], // €
  [0x2113, 0x2113], // ℓ
  [0x2116, 0x2116], // №
  [0x2122, 0x2122], // ™
  [0x2212, 0x2212], // −
];

export function packCharacters(): string {
  let text = '';
  for (const [from, to] of packCharacterRanges) for (let c = from; c <= to; c++) text += String.fromCodePoint(c);
  return text;
}

function fetchNoto(): { regular: string; bold: string; licence: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'noto-'));
  const tarball = execFileSync('npm', ['pack', sourcePackage, '--silent'], { cwd: dir, encoding: 'utf8' }).trim();
  execFileSync('tar', ['xzf', tarball], { cwd: dir });
  const pkg = path.join(dir, 'package');
  return {
    regular: path.join(pkg, '400Regular/NotoSans_400Regular.ttf'),
    bold: path.join(pkg, '700Bold/NotoSans_700Bold.ttf'),
    licence: path.join(pkg, 'LICENSE_FONT'),
  };
}

async function main(): Promise<void> {
  const [regularArg, boldArg] = process.argv.slice(2);
  const source = regularArg && boldArg ? { regular: regularArg, bold: boldArg, licence: '' } : fetchNoto();
  const out = path.resolve('public/fonts');
  mkdirSync(out, { recursive: true });
  const text = packCharacters();
  for (const [from, to] of [
    [source.regular, 'pack-regular.ttf'],
    [source.bold, 'pack-bold.ttf'],
  ] as const) {
    const subset = await subsetFont(readFileSync(from), text, {
      targetFormat: 'sfnt',
      noHinting: true,
      // jsPDF neither shapes nor kerns: layout tables would only add bytes.
      dropTables: ['GSUB', 'GPOS', 'GDEF', 'STAT', 'DSIG', 'gasp'],
    });
    writeFileSync(path.join(out, to), subset);
    const covered = fontCoverage(new Uint8Array(subset));
    const missing = [...text].filter((ch) => !covered.has(ch.codePointAt(0) ?? 0));
    console.log(
      `${to}: ${subset.length} bytes, ${covered.size} characters; not in the source font: ${missing.join('')}`,
    );
  }
  if (source.licence) {
    const header =
      'pack-regular.ttf and pack-bold.ttf are subsets of Noto Sans Regular and Bold, made with\n' +
      `test/tools/subset-fonts.ts from the static TTFs in the npm package ${sourcePackage}.\n` +
      'Noto Sans is licensed under the SIL Open Font License, Version 1.1, reproduced below.\n\n';
    writeFileSync(path.join(out, 'LICENSE.txt'), header + readFileSync(source.licence, 'utf8'));
  }
}

await main();
