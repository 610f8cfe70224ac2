/**
 * Keyboard-only helpers for the browser tests: what has focus, and Tab until a given control has
 * it (failing if it takes more presses than a sensible tab order would).
 */
import type { Page } from 'playwright-core';

export interface Focused {
  readonly id: string;
  readonly tag: string;
  readonly text: string;
  readonly className: string;
  readonly checked: boolean | null;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.textContent ?? '').trim().replace(/\s+/g, ' '),
      className: typeof el?.className === 'string' ? el.className : '',
      checked: el instanceof HTMLInputElement && ['radio', 'checkbox'].includes(el.type) ? el.checked : null,
    };
  });
}

export type FocusTarget = { readonly id: string } | { readonly tag: string; readonly text: string };

const matches = (f: Focused, target: FocusTarget) =>
  'id' in target ? f.id === target.id : f.tag === target.tag && f.text === target.text;

const describe = (target: FocusTarget) => ('id' in target ? `#${target.id}` : `<${target.tag}> "${target.text}"`);

/** Presses Tab until `target` has focus; fails after `maxTabs` presses, listing where focus went. */
export async function tabTo(page: Page, target: FocusTarget, maxTabs: number): Promise<number> {
  const path: string[] = [];
  for (let presses = 1; presses <= maxTabs; presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (matches(now, target)) return presses;
    path.push(now.id ? `#${now.id}` : `<${now.tag}> "${now.text.slice(0, 40)}"`);
  }
  throw new Error(
    `${describe(target)} did not get focus within ${maxTabs} Tab presses; focus went: ${path.join(' → ')}`,
  );
}
