/**
 * Finding a separator sheet on a scanned page (runs in the page pipeline's worker threads, on a ~150 dpi grayscale
 * copy). zxing-wasm's reader is instantiated once per thread from the .wasm file of the installed package: its
 * default would fetch the file from a CDN, which a counter offline (or a careful one) must never do.
 *
 * Cost on an ordinary page matters more than on a separator (most pages are not separators), so the reader looks
 * only for the two symbologies we print, without tryHarder and without the downscaled passes; our sheets print
 * their codes large enough to be found on the first pass (see sheet.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as ZXingReader from 'zxing-wasm/reader';
import type { ReaderOptions, ReadResult } from 'zxing-wasm/reader';
import { parseSeparatorText, SEPARATOR_FORMATS, type SeparatorMark as DomainMark } from '../../../domain/scanning/separators';
import type { SeparatorMark } from '../pipeline/types';

/** The domain's mark and the pipeline's must stay one shape (core/domain may not import from services). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameMark: Same<DomainMark, SeparatorMark> = true;
void sameMark;

export interface GrayImage {
  /** One byte per pixel, row by row, width × height bytes. */
  data: Uint8Array;
  width: number;
  height: number;
}

const READER_OPTIONS: ReaderOptions = {
  formats: [...SEPARATOR_FORMATS],
  tryHarder: false,
  // A sheet fed sideways is still a separator (Code 39 needs this; QR reads in any orientation anyway).
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
  maxNumberOfSymbols: 8,
  // Code 39 has no mandatory check digit: two matching scan lines keep stray text from reading as bars.
  minLineCount: 2,
};

/** Larger pages are not a "~150 dpi copy": refuse rather than stall a worker (A3 at 300 dpi is 5000 × 3500). */
const MAX_PIXELS = 40_000_000;

type Reader = typeof ZXingReader;
let reader: Promise<Reader> | null = null;

/** Once per thread: the module, pointed at the installed .wasm (never the network). */
function loadReader(): Promise<Reader> {
  reader ??= (async () => {
    const zxing = await import('zxing-wasm/reader');
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
    const bytes = readFileSync(wasmPath);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await zxing.prepareZXingModule({
      overrides: {
        wasmBinary,
        // Belt and braces: should the module ever look for a file, it is the local one.
        locateFile: (file: string) => (file.endsWith('.wasm') ? wasmPath : file),
      },
      fireImmediately: true,
    });
    return zxing;
  })();
  // A failed load (missing file) is retried on the next page rather than cached.
  reader.catch(() => {
    reader = null;
  });
  return reader;
}

/** Warms the reader up (the pipeline may call it when a worker starts, so the first page does not pay for it). */
export async function prepareSeparatorReader(): Promise<void> {
  await loadReader();
}

/**
 * Our separator on this page, or null: no barcode, only other barcodes (a receipt's QR, a CCCD), or an image that
 * cannot be read. Never throws.
 */
export async function detectSeparator(gray: GrayImage): Promise<SeparatorMark | null> {
  try {
    const { data, width, height } = gray;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16) return null;
    // One byte per pixel exactly: RGB or padded rows would be read as a different picture.
    if (width * height > MAX_PIXELS || data.length !== width * height) return null;
    const zxing = await loadReader();
    // Calls in one thread take turns: the RGBA buffer is shared, and readBarcodes awaits before it copies it.
    const turn = queue.then(() => zxing.readBarcodes(toRgba(data, width, height) as unknown as ImageData, READER_OPTIONS));
    queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return firstOurs(await turn);
  } catch {
    return null;
  }
}

let queue: Promise<void> = Promise.resolve();

function firstOurs(results: readonly ReadResult[]): SeparatorMark | null {
  for (const r of results) {
    if (!r.isValid) continue;
    const mark = parseSeparatorText(r.format, r.text);
    if (mark) return mark;
  }
  return null;
}

/**
 * zxing-wasm takes pixels as RGBA (ImageData) and turns them back into luminance; gray in R, G and B gives the same
 * luminance back exactly (its weights sum to 1024).
 */
function toRgba(gray: Uint8Array, width: number, height: number): { data: Uint8ClampedArray; width: number; height: number } {
  const n = width * height;
  // One buffer per thread for the usual page (A4 at 150 dpi is 9 MB as RGBA): a fresh one per page is garbage for
  // the collector. An unusually large image gets its own, so a worker does not keep 100 MB for ever.
  let buffer: ArrayBuffer;
  if (n * 4 > KEEP_BUFFER_BYTES) buffer = new ArrayBuffer(n * 4);
  else {
    if (!rgbaBuffer || rgbaBuffer.byteLength < n * 4) rgbaBuffer = new ArrayBuffer(n * 4);
    buffer = rgbaBuffer;
  }
  const rgba = new Uint8ClampedArray(buffer, 0, n * 4);
  const words = new Uint32Array(buffer, 0, n);
  // Little-endian words: 0xAABBGGRR. Byte order of the platform checked once below.
  if (LITTLE_ENDIAN) {
    for (let i = 0; i < n; i++) words[i] = 0xff000000 | (gray[i]! * 0x010101);
  } else {
    for (let i = 0; i < n; i++) words[i] = (gray[i]! * 0x01010100) | 0xff;
  }
  return { data: rgba, width, height };
}

let rgbaBuffer: ArrayBuffer | null = null;
/** A4 at 200 dpi as RGBA; larger pages borrow no kept buffer. */
const KEEP_BUFFER_BYTES = 4 * 1654 * 2339;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
