/**
 * Decode a page as the device gave it (PNG, JPEG, TIFF, PNM) into one raw 8-bit buffer, once per page: every later
 * stage works from this buffer. Bad input never crashes the worker: nothing at all is SCAN_PAGE_EMPTY, anything sharp
 * cannot read (corrupt, truncated, another format) is SCAN_PAGE_UNREADABLE, and a page over the pixel budget is
 * SCAN_PAGE_TOO_LARGE, decided from the header before any pixel is decoded.
 */
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { AppError } from '../../../../contract/errors';
import { decodePnm, isPnm, pnmHeader } from './pnm';

/**
 * Largest page we decode, in pixels: an A3 page at 600 dpi (7016 × 9921 ≈ 69.6 Mpx) fits with room to spare; past
 * 100 Mpx a single page would hold several hundred MB per worker (a colour page: 3 bytes a pixel, plus its
 * straightened copy), which a counter PC running two workers cannot spare.
 */
export const MAX_PAGE_PIXELS = 100_000_000;

/** Formats a scanner hands us that sharp reads from a buffer (PNM is read by pnm.ts; SVG, GIF, WebP are not scans). */
const FORMATS = new Set(['png', 'jpeg', 'tiff']);

export interface Decoded {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3;
  dpi: number;
  format: string;
}

/** Longest side of any page we expect (A3 is 16.5 in): a file density implying more is a screen default (72/96), not the scan's. */
const MAX_PAGE_INCHES = 17.5;

export async function decodePage(bytes: Uint8Array, dpiHint: number, keepColour: boolean): Promise<Decoded> {
  if (bytes.byteLength === 0) throw new AppError('SCAN_PAGE_EMPTY');
  if (isPnm(bytes)) return decodePnmPage(bytes, dpiHint, keepColour);
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw unreadable(e);
  }
  if (!meta.format || !FORMATS.has(meta.format)) throw new AppError('SCAN_PAGE_UNREADABLE', { detail: `format ${meta.format ?? 'unknown'}` });
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height) throw new AppError('SCAN_PAGE_UNREADABLE', { detail: 'no size' });
  checkSize(width, height);
  const colour = keepColour && (meta.channels ?? 1) >= 3 && meta.space !== 'b-w';
  let out: { data: Buffer; info: OutputInfo };
  try {
    out = await sharp(input, { limitInputPixels: MAX_PAGE_PIXELS, failOn: 'warning' })
      .autoOrient()
      .removeAlpha()
      .toColourspace(colour ? 'srgb' : 'b-w')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (e) {
    throw unreadable(e);
  }
  const { info } = out;
  const longestInches = Math.max(info.width, info.height) / (meta.density ?? 1);
  const fileDpi = meta.density && meta.density >= 50 && longestInches <= MAX_PAGE_INCHES ? Math.round(meta.density) : 0;
  return {
    data: out.data,
    width: info.width,
    height: info.height,
    channels: info.channels === 1 ? 1 : 3,
    dpi: dpiHint > 0 ? dpiHint : fileDpi || 300,
    format: meta.format,
  };
}

function checkSize(width: number, height: number): void {
  if (width * height > MAX_PAGE_PIXELS) throw new AppError('SCAN_PAGE_TOO_LARGE', { width, height, maxMegapixels: MAX_PAGE_PIXELS / 1e6 });
}

async function decodePnmPage(bytes: Uint8Array, dpiHint: number, keepColour: boolean): Promise<Decoded> {
  const header = pnmHeader(bytes);
  checkSize(header.width, header.height);
  const pnm = decodePnm(bytes);
  const dpi = dpiHint > 0 ? dpiHint : 300; // PNM carries no resolution
  if (pnm.channels === 1 || keepColour) return { ...pnm, dpi, format: 'pnm' };
  const data = await sharp(pnm.data, { raw: { width: pnm.width, height: pnm.height, channels: 3 } }).toColourspace('b-w').raw().toBuffer();
  return { data, width: pnm.width, height: pnm.height, channels: 1, dpi, format: 'pnm' };
}

function unreadable(e: unknown): AppError {
  const message = e instanceof Error ? e.message : String(e);
  if (/pixel limit/i.test(message)) return new AppError('SCAN_PAGE_TOO_LARGE', { width: 0, height: 0, maxMegapixels: MAX_PAGE_PIXELS / 1e6 }, { cause: e });
  // The first line of libvips's message names the problem ("Premature end of input file", "unsupported image format").
  return new AppError('SCAN_PAGE_UNREADABLE', { detail: message.split('\n')[0]!.slice(0, 200) }, { cause: e });
}
