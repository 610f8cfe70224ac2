/**
 * Reads just enough of an image file to place it: a PNG's or JPEG's pixel size, and an opaque,
 * non-interlaced PNG's own compressed pixel data, which a PDF can use as it is (FlateDecode with
 * the PNG predictors), so appending a scan never decodes and re-compresses it. Pure.
 */

/** Pixel size of a PNG or JPEG, from its header, or null if the bytes are not one. */
export function imageSize(bytes: Uint8Array, kind: 'png' | 'jpeg'): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png') {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    const length = view.getUint16(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    at += 2 + length;
  }
  return null;
}

export interface PngParts {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly colourType: number;
  readonly palette: Uint8Array | null;
  readonly data: Uint8Array;
}

/**
 * An opaque, non-interlaced PNG's own compressed data, which PDF can read as it is (FlateDecode
 * with the PNG predictors): no decoding and re-compressing. Null for PNGs that need pdf-lib's
 * full conversion (transparency, interlacing).
 */
export function pngParts(bytes: Uint8Array): PngParts | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let header: Omit<PngParts, 'palette' | 'data'> | null = null;
  let palette: Uint8Array | null = null;
  const data: Uint8Array[] = [];
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      if (body[12] !== 0) return null;
      header = {
        width: view.getUint32(at + 8),
        height: view.getUint32(at + 12),
        depth: body[8] ?? 0,
        colourType: body[9] ?? 0,
      };
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') return null;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!header || ![0, 2, 3].includes(header.colourType) || data.length === 0) return null;
  if (header.colourType === 3 && !palette) return null;
  const joined = new Uint8Array(data.reduce((n, d) => n + d.length, 0));
  let offset = 0;
  for (const d of data) {
    joined.set(d, offset);
    offset += d.length;
  }
  return { ...header, palette, data: joined };
}
