/**
 * Build, dev server and test configuration.
 *
 * `base: './'` makes the built files work from any static host and any sub-path. The
 * Content-Security-Policy meta tag is added to the production HTML only (the dev server needs
 * inline scripts for fast refresh). Two vitest projects: `unit` (jsdom: unit, contract and
 * component tests) and `e2e` (node: drives Debian's Chromium against the built app).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { runnerImport, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './src/app/content-security-policy.ts';
import type { renderFirstPaint } from './src/app/first-paint.tsx';

const src = fileURLToPath(new URL('./src', import.meta.url));
/**
 * jsPDF's optional dependencies, loaded only by `html()` and SVG support, which the pack never
 * uses. Aliased to an empty module so their chunks (about 110 KB gzipped) are not built or shipped.
 */
const emptyModule = fileURLToPath(new URL('./src/pdf/empty-module.ts', import.meta.url));
const jsPdfOptionalDependencies = { html2canvas: emptyModule, dompurify: emptyModule, canvg: emptyModule };
/** pdf-lib's standard-font metrics: unused by the pack (see src/pdf/standard-fonts-stub.ts). */
const pdfLibStandardFonts = {
  '@pdf-lib/standard-fonts': fileURLToPath(new URL('./src/pdf/standard-fonts-stub.ts', import.meta.url)),
};

function cspMetaTag(): Plugin {
  return {
    name: 'app-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Renders the app's frame and the start page's heading into index.html's #root at build time
 * (src/app/first-paint.tsx), so the browser paints them with the HTML and CSS, before any script
 * (issue 13). Loaded through Vite's module runner with the app's alias and JSX settings.
 */
function firstPaint(): Plugin {
  return {
    name: 'app-first-paint',
    apply: 'build',
    async transformIndexHtml(html) {
      const { module } = await runnerImport<{ renderFirstPaint: typeof renderFirstPaint }>(
        './src/app/first-paint.tsx',
        {
          configFile: false,
          logLevel: 'error',
          resolve: { alias: { '@': src } },
        },
      );
      const root = '<div id="root"></div>';
      if (!html.includes(root)) throw new Error('index.html has no empty <div id="root"> to render into.');
      return html.replace(root, `<div id="root">${module.renderFirstPaint()}</div>`);
    },
  };
}

/**
 * The service worker (Workbox, through vite-plugin-pwa): precaches the whole built app (scripts,
 * styles, the checklist, the PDF chunks and fonts, icons) so that after one online visit the app
 * starts and exports with no connection at all. `prompt`: a new version waits until the user
 * accepts it (the app saves every pending edit first); it never reloads by itself. The host's
 * `config.json` is not precached: it is fetched from the network first, and the last copy seen is
 * used when offline. Registration is done by src/app/service-worker.ts.
 */
const serviceWorker = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['favicon.svg', 'icons/*.png', 'fonts/*'],
  manifest: {
    id: './',
    name: 'Apply to be an Any Qualified Provider',
    short_name: 'AQP apply',
    description:
      'Prepare an Any Qualified Provider application pack for your GP practice, federation or provider company. Works offline; your answers stay on this computer.',
    lang: 'en-GB',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: '#005eb8',
    background_color: '#f0f4f5',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,ttf,txt,webmanifest}'],
    globIgnores: ['**/.vite/**', 'config.json'],
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // Precache only: no runtime fetches to anywhere but the app's own files and config.json.
    runtimeCaching: [
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('/config.json'),
        handler: 'NetworkFirst',
        options: { cacheName: 'lmc-config', networkTimeoutSeconds: 4 },
      },
    ],
  },
});

export default defineConfig({
  base: './',
  plugins: [react(), cspMetaTag(), firstPaint(), serviceWorker],
  resolve: { alias: { '@': src, ...jsPdfOptionalDependencies, ...pdfLibStandardFonts } },
  css: {
    preprocessorOptions: {
      scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin'] },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    manifest: true,
  },
  preview: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/{unit,contract,component}/**/*.test.{ts,tsx}'],
          setupFiles: ['test/helpers/setup-unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // The app's answer to a step (a save after its 500 ms pause, a page's code loading) can
          // take seconds on a loaded 2-core machine; vitest's default poll gives up after 1 s.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
          globalSetup: ['test/e2e/support/global-setup.ts'],
        },
      },
    ],
  },
});
