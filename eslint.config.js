// Lint rules, including the architecture's import boundaries (see README "Architecture").
// `app-layers/imports` resolves every import to a layer and fails on an import the layer table
// forbids, so a wrong import fails `npm test`, not a review.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));
const srcDir = path.join(root, 'src');

/** Which layers each layer may import (by folder under src/), and which packages it may not. */
const layers = {
  domain: {
    may: ['domain', 'schemas'],
    packagesDenied: ['react', 'react-dom', 'dexie', 'jspdf', 'jspdf-autotable', 'react-hook-form', 'pdf-lib'],
  },
  storage: {
    may: ['domain', 'storage', 'schemas'],
    packagesDenied: ['react', 'react-dom', 'jspdf', 'jspdf-autotable'],
  },
  pdf: { may: ['domain', 'pdf', 'schemas'], packagesDenied: ['react', 'react-dom', 'dexie'] },
  components: { may: ['domain', 'components', 'schemas'], packagesDenied: ['dexie', 'jspdf', 'jspdf-autotable'] },
  features: {
    may: ['domain', 'components', 'features', 'pdf', 'schemas'],
    packagesDenied: ['dexie', 'jspdf', 'jspdf-autotable'],
  },
  app: {
    may: ['domain', 'storage', 'pdf', 'components', 'features', 'app', 'schemas'],
    packagesDenied: ['jspdf', 'jspdf-autotable'],
  },
};

function layerOf(file) {
  const rel = path.relative(root, file);
  if (rel.startsWith('schemas' + path.sep)) return { layer: 'schemas' };
  const inSrc = path.relative(srcDir, file);
  if (inSrc.startsWith('..')) return null;
  const [layer, feature] = inSrc.split(path.sep);
  return { layer, feature: layer === 'features' ? feature : undefined };
}

const layerRule = {
  meta: { type: 'problem', schema: [], messages: { denied: '{{reason}}' } },
  create(context) {
    const from = layerOf(context.filename);
    if (!from || !layers[from.layer]) return {};
    const rules = layers[from.layer];
    function check(node, source) {
      if (typeof source !== 'string') return;
      const report = (reason) => context.report({ node, messageId: 'denied', data: { reason } });
      let target;
      if (source.startsWith('@/')) target = path.join(srcDir, source.slice(2));
      else if (source.startsWith('.')) target = path.resolve(path.dirname(context.filename), source);
      else {
        const pkg = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];
        if (rules.packagesDenied.includes(pkg))
          report(`src/${from.layer} must not import "${pkg}" (see README, Architecture).`);
        return;
      }
      const to = layerOf(target);
      if (!to) return report(`src/${from.layer} must not import "${source}", outside src/ and schemas/.`);
      if (!rules.may.includes(to.layer))
        return report(
          `src/${from.layer} must not import from src/${to.layer} ("${source}"; see README, Architecture).`,
        );
      if (from.layer === 'features' && to.layer === 'features' && to.feature !== from.feature)
        report(`features must not import each other: features/${from.feature} imports features/${to.feature}.`);
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
    };
  },
};

const noClockOrDom = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'The domain never reads the clock: pass `now` in.',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'The domain never reads the clock: pass `now` in.',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'The domain is deterministic: pass ids in.',
  },
];

const noRawHtml = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML: render text.',
  },
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No innerHTML/outerHTML: build DOM nodes or render text.',
  },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML.' },
  { selector: 'Literal[value=/^\\s*javascript:/i]', message: 'No javascript: URLs.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results', 'dev-dist'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'app-layers': { rules: { imports: layerRule } }, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'app-layers/imports': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-script-url': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...noRawHtml],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/domain/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message:
                'Import z from "@/domain/zod": it is configured for the CSP (no eval) before any schema is built.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-syntax': ['error', ...noRawHtml, ...noClockOrDom],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'crypto'].map(
          (name) => ({ name, message: 'The domain has no DOM or platform access: it is pure.' }),
        ),
      ],
    },
  },
  {
    files: ['test/**', 'vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
