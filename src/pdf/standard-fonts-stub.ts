/**
 * Stands in for `@pdf-lib/standard-fonts` in the build (a Vite alias). That package carries the
 * metrics of the 14 PDF standard fonts (about 120 KB, decompressed as soon as it loads), used
 * only when pdf-lib draws text in a standard font. The pack's pdf-lib step only places evidence
 * pages and images, and saves with `updateFieldAppearances: false`, so it never draws text.
 * Should anything ever try, it fails loudly rather than drawing in the wrong font.
 */
export const FontNames = {
  Courier: 'Courier',
  CourierBold: 'Courier-Bold',
  CourierOblique: 'Courier-Oblique',
  CourierBoldOblique: 'Courier-BoldOblique',
  Helvetica: 'Helvetica',
  HelveticaBold: 'Helvetica-Bold',
  HelveticaOblique: 'Helvetica-Oblique',
  HelveticaBoldOblique: 'Helvetica-BoldOblique',
  TimesRoman: 'Times-Roman',
  TimesRomanBold: 'Times-Bold',
  TimesRomanItalic: 'Times-Italic',
  TimesRomanBoldItalic: 'Times-BoldItalic',
  Symbol: 'Symbol',
  ZapfDingbats: 'ZapfDingbats',
} as const;

export const Encodings = { Symbol: {}, ZapfDingbats: {}, WinAnsi: {} };

export const Font = {
  load(name: string): never {
    throw new Error(`The pack never draws text with pdf-lib (asked for the standard font ${name}).`);
  },
};
