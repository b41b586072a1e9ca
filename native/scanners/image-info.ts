/**
 * Size, resolution and completeness of a scanned image, read from its headers (PNG, JPEG, TIFF) without decoding:
 * the backends must name a page's pixels and dpi, and refuse a truncated or corrupt page before it is stored.
 * (Full decoding belongs to the page pipeline, which brings sharp.)
 */
import { readFile, unlink } from 'node:fs/promises';
import { scanError, type ScannedPage } from './scanner';
export interface ImageInfo {
  mime: 'image/png' | 'image/jpeg' | 'image/tiff';
  widthPx: number;
  heightPx: number;
  /** Horizontal resolution from the file, when it says. */
  dpi: number | null;
}

/** Why a buffer is not a whole image; thrown as a plain Error, the caller names the page or file. */
export class ImageFormatError extends Error {}

export function imageInfo(buf: Buffer): ImageInfo {
  if (buf.length === 0) throw new ImageFormatError('empty (0 bytes)');
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47 && buf.readUInt32BE(4) === 0x0d0a1a0a) return pngInfo(buf);
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return jpegInfo(buf);
  if (buf.length >= 8 && (buf.toString('latin1', 0, 4) === 'II*\0' || buf.toString('latin1', 0, 4) === 'MM\0*')) return tiffInfo(buf);
  throw new ImageFormatError('not a PNG, JPEG or TIFF image');
}

function pngInfo(buf: Buffer): ImageInfo {
  let off = 8;
  let width = 0;
  let height = 0;
  let dpi: number | null = null;
  let sawEnd = false;
  while (off + 8 <= buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const end = off + 12 + len;
    if (end > buf.length) throw new ImageFormatError(`PNG truncated inside chunk ${type}`);
    if (type === 'IHDR') {
      width = buf.readUInt32BE(off + 8);
      height = buf.readUInt32BE(off + 12);
    } else if (type === 'pHYs' && len >= 9 && buf[off + 16] === 1) {
      dpi = Math.round(buf.readUInt32BE(off + 8) * 0.0254);
    } else if (type === 'IEND') {
      sawEnd = true;
      break;
    }
    off = end;
  }
  if (width === 0 || height === 0) throw new ImageFormatError('PNG without a valid IHDR');
  if (!sawEnd) throw new ImageFormatError('PNG truncated (no IEND)');
  return { mime: 'image/png', widthPx: width, heightPx: height, dpi };
}

function jpegInfo(buf: Buffer): ImageInfo {
  let off = 2;
  let width = 0;
  let height = 0;
  let dpi: number | null = null;
  while (off + 4 <= buf.length) {
    if (buf[off] !== 0xff) throw new ImageFormatError('JPEG marker expected');
    const marker = buf[off + 1] ?? 0;
    if (marker === 0xff) {
      off += 1;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const len = buf.readUInt16BE(off + 2);
    if (off + 2 + len > buf.length) throw new ImageFormatError('JPEG truncated in a header segment');
    if (marker === 0xe0 && buf.toString('latin1', off + 4, off + 9) === 'JFIF\0') {
      const units = buf[off + 11];
      const x = buf.readUInt16BE(off + 12);
      if (units === 1) dpi = x;
      else if (units === 2) dpi = Math.round(x * 2.54);
    } else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      height = buf.readUInt16BE(off + 5);
      width = buf.readUInt16BE(off + 7);
    }
    off += 2 + len;
  }
  if (width === 0 || height === 0) throw new ImageFormatError('JPEG without a frame header');
  // A whole JPEG ends with EOI; some writers append a trailer after it, so look in the last KiB (0xFFD9 cannot
  // occur inside entropy-coded data, where 0xFF is always stuffed).
  const tail = buf.subarray(Math.max(0, buf.length - 1024));
  if (!tail.includes(Buffer.from([0xff, 0xd9]))) throw new ImageFormatError('JPEG truncated (no end marker)');
  return { mime: 'image/jpeg', widthPx: width, heightPx: height, dpi };
}

function tiffInfo(buf: Buffer): ImageInfo {
  const le = buf[0] === 0x49;
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > buf.length) throw new ImageFormatError('TIFF truncated before its first directory');
  const count = u16(ifd);
  if (ifd + 2 + count * 12 > buf.length) throw new ImageFormatError('TIFF truncated in its first directory');
  let width = 0;
  let height = 0;
  let xres: number | null = null;
  let unit = 2;
  const strips: { offsets: number[]; counts: number[] } = { offsets: [], counts: [] };
  const values = (type: number, n: number, at: number): number[] => {
    const size = type === 3 ? 2 : 4;
    const base = n * size <= 4 ? at : u32(at);
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const o = base + i * size;
      if (o + size > buf.length) throw new ImageFormatError('TIFF truncated in a tag value');
      out.push(type === 3 ? u16(o) : u32(o));
    }
    return out;
  };
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    const tag = u16(e);
    const type = u16(e + 2);
    const n = u32(e + 4);
    if (tag === 256) width = values(type, 1, e + 8)[0] ?? 0;
    else if (tag === 257) height = values(type, 1, e + 8)[0] ?? 0;
    else if (tag === 296) unit = values(type, 1, e + 8)[0] ?? 2;
    else if (tag === 282 && type === 5) {
      const at = u32(e + 8);
      if (at + 8 > buf.length) throw new ImageFormatError('TIFF truncated in a tag value');
      const den = u32(at + 4);
      xres = den ? u32(at) / den : null;
    } else if (tag === 273) strips.offsets = values(type, n, e + 8);
    else if (tag === 279) strips.counts = values(type, n, e + 8);
  }
  if (width === 0 || height === 0) throw new ImageFormatError('TIFF without image size');
  // Every strip's bytes must be in the file: a cut-off transfer leaves the last strips outside it.
  strips.offsets.forEach((o, i) => {
    if (o + (strips.counts[i] ?? 0) > buf.length) throw new ImageFormatError('TIFF truncated (image data missing)');
  });
  const dpi = xres === null ? null : Math.round(unit === 3 ? xres * 2.54 : xres);
  return { mime: 'image/tiff', widthPx: width, heightPx: height, dpi };
}

export function extensionFor(mime: ImageInfo['mime']): 'png' | 'jpg' | 'tif' {
  return mime === 'image/png' ? 'png' : mime === 'image/jpeg' ? 'jpg' : 'tif';
}

/**
 * A page file a backend's helper (scanimage, the WIA script, NAPS2) finished: read, removed, and described, as the
 * page numbered `index`. A file that cannot be read or is not an image we take is SCAN_FAILED naming the page.
 */
export async function takePageFile(file: string, index: number, fallbackDpi: number): Promise<ScannedPage> {
  const bytes = await readFile(file).catch((e: Error) => {
    throw scanError('SCAN_FAILED', `page ${index}: ${e.message}`);
  });
  await unlink(file).catch(() => undefined);
  let info: ImageInfo;
  try {
    info = imageInfo(bytes);
  } catch (e) {
    if (!(e instanceof ImageFormatError)) throw e;
    throw scanError('SCAN_FAILED', `page ${index}: ${e.message}`);
  }
  return { index, bytes, mime: info.mime, widthPx: info.widthPx, heightPx: info.heightPx, dpi: info.dpi ?? fallbackDpi };
}
