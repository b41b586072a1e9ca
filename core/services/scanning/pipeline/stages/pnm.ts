/**
 * Binary PNM (P4 bitmap, P5 gray, P6 colour; 8 or 16 bits), what `scanimage --format=pnm` writes. sharp's prebuilt
 * libvips reads PNM only from files, never from a buffer, and the pipeline gets pages as buffers: the format is
 * simple enough to read here, checked strictly (a truncated file is an error, not a page padded with black).
 */
import { AppError } from '../../../../contract/errors';

export interface PnmImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3;
}

export function isPnm(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x50 && (bytes[1] === 0x34 || bytes[1] === 0x35 || bytes[1] === 0x36);
}

/** Width, height and where the pixels start; throws SCAN_PAGE_UNREADABLE on a malformed header. */
export function pnmHeader(bytes: Uint8Array): { kind: 4 | 5 | 6; width: number; height: number; maxval: number; offset: number } {
  const kind = (bytes[1]! - 0x30) as 4 | 5 | 6;
  const fields: number[] = [];
  let i = 2;
  const wanted = kind === 4 ? 2 : 3;
  while (fields.length < wanted) {
    // Whitespace and # comments between fields.
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x23)) {
      if (bytes[i] === 0x23) while (i < bytes.length && bytes[i] !== 0x0a) i++;
      else i++;
    }
    let n = 0;
    let digits = 0;
    while (i < bytes.length && bytes[i]! >= 0x30 && bytes[i]! <= 0x39 && digits < 9) {
      n = n * 10 + (bytes[i]! - 0x30);
      i++;
      digits++;
    }
    if (digits === 0) throw new AppError('SCAN_PAGE_UNREADABLE', { detail: 'PNM header' });
    fields.push(n);
  }
  i++; // the single whitespace byte before the pixels
  const [width, height, maxval = 1] = fields as [number, number, number?];
  if (!width || !height || maxval < 1 || maxval > 65535) throw new AppError('SCAN_PAGE_UNREADABLE', { detail: 'PNM header' });
  return { kind, width, height, maxval, offset: i };
}

export function decodePnm(bytes: Uint8Array): PnmImage {
  const { kind, width, height, maxval, offset } = pnmHeader(bytes);
  const channels = kind === 6 ? 3 : 1;
  const wide = maxval > 255;
  const rowBytes = kind === 4 ? Math.ceil(width / 8) : width * channels * (wide ? 2 : 1);
  if (bytes.length - offset < rowBytes * height) {
    throw new AppError('SCAN_PAGE_UNREADABLE', { detail: `PNM data cut short (${bytes.length - offset} of ${rowBytes * height} bytes)` });
  }
  const out = Buffer.allocUnsafe(width * height * channels);
  if (kind === 4) {
    for (let y = 0; y < height; y++) {
      const row = offset + y * rowBytes;
      for (let x = 0; x < width; x++) out[y * width + x] = (bytes[row + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 0 : 255; // 1 = black
    }
  } else if (wide) {
    for (let k = 0; k < out.length; k++) out[k] = Math.round((((bytes[offset + 2 * k]! << 8) | bytes[offset + 2 * k + 1]!) * 255) / maxval);
  } else if (maxval === 255) {
    out.set(bytes.subarray(offset, offset + out.length));
  } else {
    for (let k = 0; k < out.length; k++) out[k] = Math.round((bytes[offset + k]! * 255) / maxval);
  }
  return { data: out, width, height, channels };
}
