/**
 * The image as the engine gets it: checked and decoded by sharp on the core's side (a file that is not an image never
 * reaches Tesseract), made 8-bit gray, and handed over as binary PGM bands that Leptonica reads without decoding.
 *  - not an image, cut short, or a format that is not a raster scan (SVG, PDF…): OCR_IMAGE_UNREADABLE;
 *  - under MIN_SIDE_PX on a side (a 1×1 image): OCR_IMAGE_TOO_SMALL: nothing that small holds a legible character,
 *    and an empty result would pass for a blank page;
 *  - over MAX_OCR_PIXELS (the page pipeline's own limit): OCR_IMAGE_TOO_LARGE;
 *  - a very long strip (20,000 px tall) is read, in bands cut at the lightest rows (between text lines), so one call
 *    never holds a huge image in a worker's WASM memory (which only grows) and each band has its own timeout;
 *  - a side over Tesseract's limit (32,767 px) is scaled down to MAX_SIDE_PX, and the boxes scaled back.
 */
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { AppError, isAppError } from '../../../contract/errors';
import { MAX_PAGE_PIXELS } from '../../scanning/pipeline/stages/decode';
import { decodePnm, isPnm, pnmHeader } from '../../scanning/pipeline/stages/pnm';
import type { OcrInput } from './types';

export const MIN_SIDE_PX = 10;
export const MAX_OCR_PIXELS = MAX_PAGE_PIXELS;
/** Tesseract refuses a side over 32,767 px (16-bit coordinates). */
export const MAX_SIDE_PX = 32_000;
/** One band at most: a whole A3 page at 300 dpi (3508 × 4961 ≈ 17.4 Mpx) is still read in one piece. */
export const BAND_MAX_PIXELS = 18_000_000;
export const DEFAULT_DPI = 300;

const FORMATS = new Set(['png', 'jpeg', 'tiff', 'webp', 'gif']);
/** A file density that puts the longest side past this many inches is a screen default (72/96), not a scan's. */
const MAX_PAGE_INCHES = 17.5;

export interface Band {
  /** First row of the band in the decoded image. */
  top: number;
  height: number;
  /** Binary PGM (P5) of the band. */
  pgm: Uint8Array;
}

export interface PreparedImage {
  /** Size after orientation, before any scaling: the pixels the word boxes are given in. */
  width: number;
  height: number;
  dpi: number;
  /** The resolution Tesseract is told: dpi × scale. */
  engineDpi: number;
  /** Decoded pixels per input pixel (1 unless a side was over MAX_SIDE_PX). */
  scale: number;
  bands: Band[];
}

export interface Gray {
  data: Buffer;
  width: number;
  height: number;
}

export async function prepareImage(input: OcrInput, bandMaxPixels = BAND_MAX_PIXELS): Promise<PreparedImage> {
  const bytes = input.image;
  if (!bytes || bytes.byteLength === 0) throw new AppError('OCR_IMAGE_UNREADABLE', { detail: 'empty' });
  const { gray, width, height, fileDpi } = isPnm(bytes) ? await decodePnmGray(bytes) : await decodeWithSharp(bytes);
  const dpi = fileDpi ?? (input.dpi && input.dpi > 0 ? Math.round(input.dpi) : DEFAULT_DPI);
  const scale = gray.width === width ? 1 : gray.width / width;
  return { width, height, dpi, engineDpi: Math.max(1, Math.round(dpi * scale)), scale, bands: cutBands(gray, bandMaxPixels) };
}

function checkSize(width: number, height: number): void {
  if (width < MIN_SIDE_PX || height < MIN_SIDE_PX) throw new AppError('OCR_IMAGE_TOO_SMALL', { width, height, min: MIN_SIDE_PX });
  if (width * height > MAX_OCR_PIXELS) throw new AppError('OCR_IMAGE_TOO_LARGE', { width, height, maxMegapixels: MAX_OCR_PIXELS / 1e6 });
}

/** Scaled size when a side is over Tesseract's limit, else the size itself. */
function fitted(width: number, height: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= MAX_SIDE_PX) return { width, height };
  const k = MAX_SIDE_PX / longest;
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

/**
 * The checks that need only the file's header (format, size), with the same codes as recognize(): for callers that
 * clean the image before OCR (the CLI's prepareForOcr) and should refuse a bad file with the engine's reasons.
 */
export async function inspectImage(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  if (!bytes || bytes.byteLength === 0) throw new AppError('OCR_IMAGE_UNREADABLE', { detail: 'empty' });
  if (isPnm(bytes)) {
    let header;
    try {
      header = pnmHeader(bytes);
    } catch (e) {
      throw unreadable(e);
    }
    checkSize(header.width, header.height);
    return { width: header.width, height: header.height };
  }
  const { width, height } = await sharpHeader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { width, height };
}

async function sharpHeader(input: Buffer): Promise<{ meta: Metadata; width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw unreadable(e);
  }
  if (!meta.format || !FORMATS.has(meta.format)) throw new AppError('OCR_IMAGE_UNREADABLE', { detail: `format ${meta.format ?? 'unknown'}` });
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height) throw new AppError('OCR_IMAGE_UNREADABLE', { detail: 'no size' });
  checkSize(width, height);
  return { meta, width, height };
}

async function decodeWithSharp(bytes: Uint8Array): Promise<{ gray: Gray; width: number; height: number; fileDpi: number | null }> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { meta, width, height } = await sharpHeader(input);
  const target = fitted(width, height);
  let out: { data: Buffer; info: OutputInfo };
  try {
    let s = sharp(input, { limitInputPixels: MAX_OCR_PIXELS, failOn: 'warning' }).autoOrient().flatten({ background: '#ffffff' });
    if (target.width !== width) s = s.resize(target.width, target.height, { fit: 'fill' });
    out = await s.toColourspace('b-w').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  } catch (e) {
    throw unreadable(e);
  }
  if (out.info.channels !== 1) throw new AppError('OCR_IMAGE_UNREADABLE', { detail: `${out.info.channels} channels` });
  const longestInches = Math.max(width, height) / (meta.density ?? 1);
  const fileDpi = meta.density && meta.density >= 50 && longestInches <= MAX_PAGE_INCHES ? Math.round(meta.density) : null;
  return { gray: { data: out.data, width: out.info.width, height: out.info.height }, width, height, fileDpi };
}

/** sharp's prebuilt libvips reads PNM only from files: the page pipeline's strict reader does it from the buffer. */
async function decodePnmGray(bytes: Uint8Array): Promise<{ gray: Gray; width: number; height: number; fileDpi: null }> {
  let pnm;
  try {
    const header = pnmHeader(bytes);
    checkSize(header.width, header.height); // from the header: a huge page is refused before its pixels are read
    pnm = decodePnm(bytes);
  } catch (e) {
    throw isAppError(e) && e.code.startsWith('OCR_') ? e : unreadable(e);
  }
  const target = fitted(pnm.width, pnm.height);
  let data = pnm.data;
  if (pnm.channels !== 1 || target.width !== pnm.width) {
    let s = sharp(pnm.data, { raw: { width: pnm.width, height: pnm.height, channels: pnm.channels }, limitInputPixels: MAX_OCR_PIXELS });
    if (target.width !== pnm.width) s = s.resize(target.width, target.height, { fit: 'fill' });
    data = await s.toColourspace('b-w').raw().toBuffer();
  }
  return { gray: { data, width: target.width, height: target.height }, width: pnm.width, height: pnm.height, fileDpi: null };
}

function unreadable(e: unknown): AppError {
  if (isAppError(e)) return new AppError('OCR_IMAGE_UNREADABLE', { detail: String(e.params.detail ?? e.code) }, { cause: e });
  const message = e instanceof Error ? e.message : String(e);
  if (/pixel limit/i.test(message)) return new AppError('OCR_IMAGE_TOO_LARGE', { width: 0, height: 0, maxMegapixels: MAX_OCR_PIXELS / 1e6 }, { cause: e });
  // libvips's first line names the problem ("Premature end of input file", "unsupported image format").
  return new AppError('OCR_IMAGE_UNREADABLE', { detail: message.split('\n')[0]!.slice(0, 200) }, { cause: e });
}

/**
 * Bands of at most BAND_MAX_PIXELS, each cut at the row with the least ink in the last quarter of its span, so a cut
 * falls between text lines (a row of white paper) whenever the page has one.
 */
export function cutBands(gray: Gray, bandMaxPixels = BAND_MAX_PIXELS): Band[] {
  const { width, height } = gray;
  const bandRows = Math.max(64, Math.floor(bandMaxPixels / width));
  const bands: Band[] = [];
  let top = 0;
  while (top < height) {
    let end = height;
    if (height - top > bandRows) {
      const from = top + Math.floor(bandRows * 0.75);
      const to = top + bandRows;
      let best = to;
      let bestInk = Infinity;
      for (let y = to - 1; y >= from; y--) {
        const ink = rowInk(gray, y);
        if (ink < bestInk) {
          bestInk = ink;
          best = y;
          if (ink === 0) break;
        }
      }
      end = best;
    }
    bands.push({ top, height: end - top, pgm: pgm(gray, top, end) });
    top = end;
  }
  return bands;
}

/** Dark pixels in row y (under mid-gray), sampled every other pixel. */
function rowInk(gray: Gray, y: number): number {
  let n = 0;
  const start = y * gray.width;
  for (let x = 0; x < gray.width; x += 2) if (gray.data[start + x]! < 128) n++;
  return n;
}

function pgm(gray: Gray, top: number, end: number): Uint8Array {
  const header = Buffer.from(`P5\n${gray.width} ${end - top}\n255\n`, 'latin1');
  const out = new Uint8Array(header.length + gray.width * (end - top));
  out.set(header, 0);
  out.set(gray.data.subarray(top * gray.width, end * gray.width), header.length);
  return out;
}
