/**
 * Keeps keyboard focus where it was when the app mounts over the frame pre-rendered in
 * index.html (issue 13): someone who has already pressed Tab to the skip link, the header link or
 * a footer link (or moved to the main landmark), or to a link, button or the search box of the
 * list painted before the app loaded (pre-paint.tsx), stays on the same control in the app's own copy, instead of
 * being dropped to the top of the page.
 */

/**
 * What identifies a control in the pre-rendered frame: its id where it has one (the main
 * landmark, whose content the app replaces), else its tag, class, link and text.
 */
export function keyOf(element: Element): string {
  if (element.id) return `#${element.id}`;
  return [element.tagName, element.className, element.getAttribute('href') ?? '', element.textContent].join('|');
}

/** The key of the focused element inside `root`, or null when focus is elsewhere. */
export function focusedIn(root: HTMLElement): string | null {
  const active = document.activeElement;
  return active && active !== root && root.contains(active) ? keyOf(active) : null;
}

/** The control inside `root` with that key (a link, button, text box, the main landmark or a focusable element). */
export function controlWithKey(root: HTMLElement, key: string): HTMLElement | undefined {
  for (const element of root.querySelectorAll<HTMLElement>('a[href], button, input, main, [tabindex]'))
    if (keyOf(element) === key) return element;
  return undefined;
}

/** Focuses the element inside `root` with that key, if there is one (and nothing else has focus). */
export function refocus(root: HTMLElement, key: string): void {
  const active = document.activeElement;
  if (active && active !== document.body && root.contains(active)) return;
  const control = controlWithKey(root, key);
  control?.focus({ preventScroll: true });
  // A text box typed in before the app mounted (the search): the caret goes back after the text.
  if (control instanceof HTMLInputElement && control.type === 'search')
    control.setSelectionRange(control.value.length, control.value.length);
}
