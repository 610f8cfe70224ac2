/** Parts of the names of files the app offers for download: an organisation or advert as a slug. */

/** Lower case, letters and digits joined by hyphens, at most 40 characters ("riverside-surgery"). */
export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
