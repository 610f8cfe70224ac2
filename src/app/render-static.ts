/**
 * Renders a tree of React elements into DOM nodes without React DOM, for the first screen painted
 * before the app has loaded (pre-paint.tsx, issue 13): the same components then render the same
 * markup when React mounts, so the page the user sees first and the app's own are one source.
 *
 * Only what a first screen needs: host elements with their attributes and text, fragments, and
 * function components that are pure (props in, elements out). Anything else (a hook, a class,
 * context, Suspense, lazy, raw HTML, a `style` object, an attribute it does not know) throws, so
 * a change that it could not mirror fails the component test that compares it with React DOM
 * instead of painting something different. Event handlers are left off: the controls do nothing
 * until the app has mounted over them a moment later. Text is only ever set as text.
 */
import { Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';

/** React prop names that differ from their HTML attribute. */
const renamed: Readonly<Record<string, string>> = {
  className: 'class',
  htmlFor: 'for',
  tabIndex: 'tabindex',
  autoComplete: 'autocomplete',
  spellCheck: 'spellcheck',
  inputMode: 'inputmode',
  readOnly: 'readonly',
};

const renamedTo = new Set(Object.values(renamed));

/** Attributes written as they are named. */
const plain = new Set([
  'id',
  'role',
  'href',
  'type',
  'title',
  'lang',
  'rel',
  'target',
  'name',
  'value',
  'alt',
  'src',
  'width',
  'height',
  'accept',
  'rows',
  'cols',
  'form',
]);

/** Attributes present (empty) when true and absent when false, as React DOM writes them. */
const booleans = new Set(['disabled', 'hidden', 'open', 'checked', 'multiple', 'required', 'readonly', 'selected']);

/** Props that are not attributes. */
const skipped = new Set(['children', 'key', 'ref', 'suppressHydrationWarning', 'suppressContentEditableWarning']);

function setAttribute(element: Element, prop: string, value: unknown): void {
  if (skipped.has(prop) || /^on[A-Z]/.test(prop)) return;
  if (prop === 'dangerouslySetInnerHTML' || prop === 'style')
    throw new Error(`renderStatic: "${prop}" is not supported.`);
  const name = renamed[prop] ?? prop;
  const isData = /^(aria|data)-[a-z0-9-]+$/.test(name);
  if (!isData && !plain.has(name) && !booleans.has(name) && !renamedTo.has(name))
    throw new Error(`renderStatic: the attribute "${prop}" is not supported.`);
  if (value === undefined || value === null) return;
  if (booleans.has(name)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false) throw new Error(`renderStatic: "${prop}" must be true or false.`);
    return;
  }
  if (typeof value === 'boolean') {
    // React DOM writes aria-* and data-* booleans as text, and leaves other attributes off.
    if (isData) element.setAttribute(name, String(value));
    return;
  }
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new Error(`renderStatic: "${prop}" must be text or a number.`);
  const text = String(value);
  if (name === 'href' && /^\s*javascript:/i.test(text)) throw new Error('renderStatic: a javascript: link.');
  element.setAttribute(name, text);
}

function renderElement(element: ReactElement, parent: Node): void {
  const { type } = element;
  const props = element.props as Readonly<Record<string, unknown>>;
  if (type === Fragment) {
    renderStatic(props.children as ReactNode, parent);
    return;
  }
  if (typeof type === 'string') {
    const document = parent.ownerDocument ?? (parent as Document);
    const node = document.createElement(type);
    for (const [prop, value] of Object.entries(props)) setAttribute(node, prop, value);
    renderStatic(props.children as ReactNode, node);
    parent.appendChild(node);
    return;
  }
  if (typeof type === 'function') {
    const prototype: unknown = (type as { prototype?: unknown }).prototype;
    if (prototype && typeof prototype === 'object' && 'render' in prototype)
      throw new Error('renderStatic: class components are not supported.');
    // A hook called here throws (there is no React renderer), which is what we want.
    renderStatic((type as (props: unknown) => ReactNode)(props), parent);
    return;
  }
  throw new Error('renderStatic: only host elements, fragments and pure function components are supported.');
}

/** Appends what `node` renders to `parent`. */
export function renderStatic(node: ReactNode, parent: Node): void {
  if (node === null || node === undefined || typeof node === 'boolean') return;
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') {
    const document = parent.ownerDocument ?? (parent as Document);
    parent.appendChild(document.createTextNode(String(node)));
    return;
  }
  if (Array.isArray(node)) {
    for (const child of node as readonly ReactNode[]) renderStatic(child, parent);
    return;
  }
  if (isValidElement(node)) {
    renderElement(node, parent);
    return;
  }
  throw new Error('renderStatic: this kind of node is not supported.');
}
