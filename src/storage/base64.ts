/**
 * Bytes to base64 and back, for evidence files and encrypted data inside backup files. Uses the
 * browser's native `Uint8Array.prototype.toBase64` where it exists; otherwise a table encoder
 * that writes ASCII codes into one buffer (no string building, no huge argument lists). Must never be given
 * unvalidated text to decode: callers check the base64 shape with the backup schema first.
 */

const alphabet = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const equals = 61;

export function bytesToBase64(bytes: Uint8Array): string {
  const native: unknown = Reflect.get(bytes, 'toBase64');
  if (typeof native === 'function') {
    const encoded: unknown = Reflect.apply(native, bytes, []);
    if (typeof encoded === 'string') return encoded;
  }
  // The ASCII codes of the output, written into bytes and decoded once: far faster than strings.
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const code = (sextet: number) => alphabet[sextet & 63] ?? equals;
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o] = code(n >> 18);
    out[o + 1] = code(n >> 12);
    out[o + 2] = rest > 1 ? code(n >> 6) : equals;
    out[o + 3] = rest > 2 ? code(n) : equals;
    o += 4;
  }
  return new TextDecoder().decode(out);
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
