/**
 * Fetches the pack's fonts (public/fonts/pack-regular.ttf and pack-bold.ttf, Noto Sans subsets
 * under the SIL Open Font License) from the app's own origin, only when the PDF code is wanted,
 * and keeps them for the next export (a failed fetch is forgotten, so the next one tries again).
 * The URLs are relative to the page, so the app works from any static host and sub-path.
 */
import type { PackFonts } from './render';

const loaded = new Map<string, Promise<PackFonts>>();

async function fetchFonts(base: string): Promise<PackFonts> {
  const get = async (name: string) => {
    const response = await fetch(new URL(`fonts/${name}`, base));
    if (!response.ok) throw new Error(`The PDF font ${name} could not be loaded (${response.status}).`);
    return response.arrayBuffer();
  };
  const [regular, bold] = await Promise.all([get('pack-regular.ttf'), get('pack-bold.ttf')]);
  return { regular, bold };
}

export function loadPackFonts(base: string = document.baseURI): Promise<PackFonts> {
  const known = loaded.get(base);
  if (known) return known;
  const fonts = fetchFonts(base);
  loaded.set(base, fonts);
  fonts.catch(() => loaded.delete(base));
  return fonts;
}
