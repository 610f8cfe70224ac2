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
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './src/app/content-security-policy.ts';

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

export default defineConfig({
  base: './',
  plugins: [react(), cspMetaTag()],
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
          fileParallelism: false,
          globalSetup: ['test/e2e/support/global-setup.ts'],
        },
      },
    ],
  },
});
