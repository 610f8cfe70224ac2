// @vitest-environment node
// The architecture's import rules are enforced by lint. This runs the project's real ESLint
// config on small pieces of code placed in each layer and checks what it allows and refuses.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve('.') });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'app-layers/imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/domain/x.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n", 'must not import "dexie"'],
    ['src/domain/x.ts', "import { useState } from 'react';\nexport const s = useState;\n", 'must not import "react"'],
    ['src/domain/x.ts', "import { jsPDF } from 'jspdf';\nexport const j = jsPDF;\n", 'must not import "jspdf"'],
    ['src/domain/x.ts', "import { a } from '@/storage/db';\nexport const b = a;\n", 'must not import from src/storage'],
    ['src/domain/x.ts', "import { a } from '../features/home/home-page';\nexport const b = a;\n", 'from src/features'],
    ['src/features/home/x.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n", 'must not import "dexie"'],
    ['src/features/home/x.ts', "import { a } from '@/storage/db';\nexport const b = a;\n", 'from src/storage'],
    [
      'src/features/home/x.ts',
      "import { a } from '@/features/wizard/y';\nexport const b = a;\n",
      'features must not import each other',
    ],
    [
      'src/features/home/x.ts',
      "import { a } from '../wizard/y';\nexport const b = a;\n",
      'features must not import each other',
    ],
    ['src/storage/x.ts', "import { a } from '@/features/home/y';\nexport const b = a;\n", 'from src/features'],
    ['src/pdf/x.ts', "import { a } from '@/storage/db';\nexport const b = a;\n", 'from src/storage'],
    ['src/components/x.ts', "import { a } from '@/features/home/y';\nexport const b = a;\n", 'from src/features'],
  ])('refuses, in %s: %j', async (file, code, expected) => {
    const errors = await layerErrors(file, code);
    expect(errors.join('\n')).toContain(expected);
  });

  it.each([
    ['src/domain/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
    ['src/storage/x.ts', "import Dexie from 'dexie';\nimport { a } from '@/domain/y';\nexport const b = [Dexie, a];\n"],
    ['src/features/home/x.ts', "import { a } from '@/domain/y';\nimport { c } from './z';\nexport const b = [a, c];\n"],
    ['src/features/home/x.ts', "import { a } from '@/components/nhs/header';\nexport const b = a;\n"],
    [
      'src/app/x.ts',
      "import { a } from '@/storage/db';\nimport { c } from '@/features/home/y';\nexport const b = [a, c];\n",
    ],
  ])('allows, in %s: %j', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('keeps the clock, randomness and the DOM out of the domain', async () => {
    const [result] = await eslint.lintText(
      'export const a = new Date();\nexport const b = Math.random();\nexport const c = window.location;\n',
      { filePath: path.resolve('src/domain/x.ts') },
    );
    const rules = (result?.messages ?? []).map((m) => m.ruleId);
    expect(rules.filter((r) => r === 'no-restricted-syntax')).toHaveLength(2);
    expect(rules).toContain('no-restricted-globals');
  });

  it('refuses raw HTML and javascript: URLs anywhere', async () => {
    const [result] = await eslint.lintText(
      "export const a = (el: HTMLElement) => { el.innerHTML = 'x'; };\nexport const u = 'javascript:alert(1)';\n",
      { filePath: path.resolve('src/features/home/x.ts') },
    );
    expect((result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax')).toHaveLength(2);
  });
});
