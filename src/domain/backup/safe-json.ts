/**
 * Parses JSON text that came from outside the app (a file the user chose) without trusting it.
 *
 * Owns three checks around `JSON.parse`: a size cap checked before anything is read, a nesting
 * cap checked by a linear scan before parsing (so no step recurses into hostile depth), and a
 * walk after parsing that refuses keys which could pollute prototypes once merged. Must never
 * throw, merge or spread what it parses, or say more than a plain-English reason.
 */

export type SafeJsonResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

export interface SafeJsonLimits {
  /** Longest text accepted, in UTF-16 code units (bytes, for the ASCII files we write). */
  readonly maxChars: number;
  /** Deepest nesting of objects and arrays accepted. */
  readonly maxDepth: number;
  /** What the file should be, in messages ("backup" unless said; "review file", "comments file"). */
  readonly kind?: string;
}

/** Keys that no file of ours contains and that could reach a prototype if merged. */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const megabytes = (chars: number): string => `${Math.ceil(chars / (1024 * 1024))} MB`;

/** Whether `[` and `{` nest deeper than `maxDepth`, ignoring brackets inside strings. Linear time. */
function nestsTooDeep(text: string, maxDepth: number): boolean {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return false; // unterminated: JSON.parse reports it
        let backslashes = 0;
        for (let k = quote - 1; k > i && text.charCodeAt(k) === 0x5c; k -= 1) backslashes += 1;
        from = quote + 1;
        if (backslashes % 2 === 0) break;
      }
      i = from;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
    }
    i += 1;
  }
  return false;
}

/** The first forbidden key anywhere in a parsed value, found without recursion. */
function findForbiddenKey(value: unknown): string | undefined {
  const stack: object[] = [];
  if (typeof value === 'object' && value !== null) stack.push(value);
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const children: readonly unknown[] = Array.isArray(node) ? node : Object.values(node);
    if (!Array.isArray(node)) {
      const bad = Object.keys(node).find((key) => forbiddenKeys.has(key));
      if (bad !== undefined) return bad;
    }
    for (const child of children) if (typeof child === 'object' && child !== null) stack.push(child);
  }
  return undefined;
}

export function parseJsonSafely(text: unknown, limits: SafeJsonLimits): SafeJsonResult {
  const kind = limits.kind ?? 'backup';
  if (typeof text !== 'string') return { ok: false, message: 'The file could not be read as text.' };
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' };
  if (text.length > limits.maxChars) {
    return {
      ok: false,
      message: `The file is too large to be a ${kind} from this app (the most is ${megabytes(limits.maxChars)}).`,
    };
  }
  if (nestsTooDeep(text, limits.maxDepth)) {
    return {
      ok: false,
      message: `The file is nested far more deeply than any ${kind} from this app, so it was not read.`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const cutShort = error instanceof Error && /end of (json )?input|unterminated/i.test(error.message);
    return {
      ok: false,
      message: cutShort
        ? `The file is not a complete ${kind}: it seems to have been cut short (for example by an unfinished download or copy).`
        : `The file is not a complete ${kind}: it is not in the format ${kind}s are written in. It may have been changed, or be another kind of file.`,
    };
  }
  const bad = findForbiddenKey(value);
  if (bad !== undefined) {
    return {
      ok: false,
      message: `The file contains a field named "${bad}", which no ${kind} from this app has, so it was not read. It may have been tampered with.`,
    };
  }
  return { ok: true, value };
}
