/**
 * Bundle-size check. Reads Vite's build manifest and measures what the browser must load before
 * the first page shows: the entry chunk, its static imports, and the boot chunk the entry imports
 * at start-up (React and the shell, which mount the app), with its static imports. Route pages,
 * storage (counted apart), the checklist and the PDF code are lazy and not counted; the entry
 * starts fetching some of them at once, and the bench counts what the browser loaded.
 * Prints the gzipped total, fails over budget, and prints the total of all JavaScript and CSS,
 * and the service worker's precache (every file listed in dist/sw.js): raw, and gzipped as a
 * compressing host sends it. Every precached file must stay under Workbox's 2 MiB limit.
 *
 * Usage: tsx test/tools/size-check.ts [--json]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

export const budgets = {
  initialJsGzipKb: 120,
  initialCssGzipKb: 30,
  withStorageJsGzipKb: 170,
  /** What a compressing host sends to cache the whole app for offline use. */
  precacheGzipKb: 1024,
  /** Workbox silently skips bigger files (maximumFileSizeToCacheInBytes). */
  precacheFileKb: 2048,
};

const dist = path.resolve('dist');
const Manifest = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
    dynamicImports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
  }),
);

const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [path.relative(dist, full)];
  });
}

/** The files the service worker precaches, read from the manifest Workbox writes into sw.js. */
export function precacheFiles(): string[] {
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const files = [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"[^"]*"|null)\}/g)].map((m) => m[1] ?? '');
  if (files.length === 0) throw new Error('dist/sw.js lists no precached files.');
  return files;
}

export function measure() {
  const manifest = Manifest.parse(JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')));
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('The build manifest has no entry chunk.');
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    chunk.css?.forEach((file) => css.add(file));
    chunk.imports?.forEach(visit);
  };
  visit(entryKey);
  // The entry shows nothing of the app until the boot chunk arrives, so it counts as initial too.
  const bootKey = manifest[entryKey]?.dynamicImports?.find((key) => key.endsWith('src/app/boot.tsx'));
  if (!bootKey) throw new Error('The entry chunk does not import src/app/boot.tsx.');
  visit(bootKey);
  const initialJs = new Set(js);
  // Storage (Dexie, zod, the record checks) opens in its own chunk while the shell shows.
  const storageKey = Object.keys(manifest).find((key) => key.endsWith('src/app/open-services.ts'));
  if (storageKey) visit(storageKey);
  const all = walk(dist).filter((file) => !file.startsWith('.vite'));
  const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + gz(file), 0);
  const raw = (files: Iterable<string>) =>
    [...files].reduce((total, file) => total + statSync(path.join(dist, file)).size, 0);
  const allJs = all.filter((file) => /\.m?js$/.test(file));
  const allCss = all.filter((file) => file.endsWith('.css'));
  const precache = precacheFiles();
  const largest = Math.max(...precache.map((file) => statSync(path.join(dist, file)).size));
  return {
    precacheEntries: precache.length,
    precacheRawKb: kb(raw(precache)),
    precacheGzipKb: kb(sum(precache)),
    precacheLargestFileKb: kb(largest),
    initialJsGzipKb: kb(sum(initialJs)),
    initialJsFiles: [...initialJs],
    withStorageJsGzipKb: kb(sum(js)),
    initialCssGzipKb: kb(sum(css)),
    allJsGzipKb: kb(sum(allJs)),
    allJsRawKb: kb(raw(allJs)),
    allCssGzipKb: kb(sum(allCss)),
    jsChunks: allJs.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = measure();
  if (process.argv.includes('--json')) console.log(JSON.stringify(m));
  else {
    console.log(
      `initial JavaScript: ${m.initialJsGzipKb} KB gzipped (budget ${budgets.initialJsGzipKb} KB) in ${m.initialJsFiles.length} file(s)`,
    );
    console.log(
      `+ storage opened:   ${m.withStorageJsGzipKb} KB gzipped (budget ${budgets.withStorageJsGzipKb} KB): shell, Dexie, zod, record checks`,
    );
    console.log(`initial CSS:        ${m.initialCssGzipKb} KB gzipped (budget ${budgets.initialCssGzipKb} KB)`);
    console.log(`all JavaScript:     ${m.allJsGzipKb} KB gzipped (${m.allJsRawKb} KB raw) in ${m.jsChunks} chunks`);
    console.log(`all CSS:            ${m.allCssGzipKb} KB gzipped`);
    console.log(
      `offline precache:   ${m.precacheEntries} files, ${m.precacheGzipKb} KB gzipped (budget ${budgets.precacheGzipKb} KB), ${m.precacheRawKb} KB raw; largest file ${m.precacheLargestFileKb} KB (limit ${budgets.precacheFileKb} KB)`,
    );
  }
  const over = [
    m.initialJsGzipKb > budgets.initialJsGzipKb && 'initial JavaScript',
    m.initialCssGzipKb > budgets.initialCssGzipKb && 'initial CSS',
    m.withStorageJsGzipKb > budgets.withStorageJsGzipKb && 'JavaScript with storage opened',
    m.precacheGzipKb > budgets.precacheGzipKb && 'offline precache',
    m.precacheLargestFileKb > budgets.precacheFileKb && 'largest precached file',
  ].filter(Boolean);
  if (over.length) {
    console.error(`Over budget: ${over.join(', ')}.`);
    process.exit(1);
  }
}
