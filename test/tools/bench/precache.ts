/**
 * The service worker's precache, read from the build: `dist/sw.js` as vite-plugin-pwa emits it
 * (Workbox `generateSW` or `injectManifest`), whose precache manifest is an array of
 * `{url, revision}` entries written into the script (quoted JSON keys from injectManifest,
 * unquoted and minified from generateSW, in either order, sometimes with `integrity`). Sums the
 * listed files' sizes, raw and gzipped, as the browser would download them on install.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PrecacheEntry {
  readonly url: string;
  readonly revision: string | null;
}

export interface Precache {
  readonly swFile: string;
  readonly entries: number;
  readonly kb: number;
  readonly kbGz: number;
  readonly largestFiles: readonly { readonly url: string; readonly kb: number }[];
  /** Listed URLs with no file in the build (they would fail the install). */
  readonly missing: readonly string[];
}

const key = (name: string) => String.raw`(?:"${name}"|'${name}'|\b${name})\s*:\s*`;
const stringLiteral = String.raw`("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')`;
const urlPattern = new RegExp(key('url') + stringLiteral);
const revisionPattern = new RegExp(key('revision') + String.raw`(null|` + stringLiteral + ')');

const unquote = (literal: string): string =>
  literal.startsWith("'") ? literal.slice(1, -1).replace(/\\(.)/g, '$1') : (JSON.parse(literal) as string);

/** Every `{url, revision}` object literal in a service worker's source. */
export function parsePrecacheManifest(source: string): PrecacheEntry[] {
  const entries: PrecacheEntry[] = [];
  for (const [object] of source.matchAll(/\{[^{}]*\}/g)) {
    const url = urlPattern.exec(object);
    const revision = revisionPattern.exec(object);
    if (!url?.[1] || !revision?.[1]) continue;
    entries.push({ url: unquote(url[1]), revision: revision[1] === 'null' ? null : unquote(revision[1]) });
  }
  return entries;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** The precache of the build in `dist`, or null when it has no `sw.js`. */
export function measurePrecache(dist: string, swName = 'sw.js'): Precache | null {
  const swFile = path.join(dist, swName);
  if (!existsSync(swFile)) return null;
  const entries = parsePrecacheManifest(readFileSync(swFile, 'utf8'));
  const urls = [...new Set(entries.map((e) => e.url))];
  const missing: string[] = [];
  let raw = 0;
  let gz = 0;
  const sizes: { url: string; kb: number }[] = [];
  for (const url of urls) {
    const relative = decodeURIComponent(url.replace(/[?#].*$/, '')).replace(/^\.?\//, '');
    const file = path.resolve(dist, relative);
    if (!file.startsWith(path.resolve(dist)) || !existsSync(file) || !statSync(file).isFile()) {
      missing.push(url);
      continue;
    }
    const bytes = readFileSync(file);
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
    sizes.push({ url, kb: kb(bytes.length) });
  }
  return {
    swFile: path.relative(process.cwd(), swFile),
    entries: urls.length,
    kb: kb(raw),
    kbGz: kb(gz),
    largestFiles: sizes.sort((a, b) => b.kb - a.kb).slice(0, 5),
    missing,
  };
}
