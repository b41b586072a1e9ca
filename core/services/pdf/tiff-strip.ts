/**
 * A TIFF's first image as a PDF can take it without decoding: one CCITT G4 strip (what the scan pipeline writes)
 * is copied byte for byte into a /CCITTFaxDecode image. Anything else (several strips, tiles, another compression,
 * a grey or colour TIFF) is reported as not embeddable, and the caller re-encodes it once (toG4Strip).
 */
import sharp from 'sharp';

const TAG = {
  width: 256,
  height: 257,
  bitsPerSample: 258,
  compression: 259,
  photometric: 262,
  fillOrder: 266,
  stripOffsets: 273,
  samplesPerPixel: 277,
  stripByteCounts: 279,
  t6Options: 293,
  tileWidth: 322,
} as const;

/** TIFF Compression value for CCITT T.6 (Group 4). */
const COMPRESSION_G4 = 4;

export interface G4Strip {
  width: number;
  height: number;
  /** TIFF Photometric: 0 min-is-white (ink coded as 1s, fax style), 1 min-is-black. */
  photometric: 0 | 1;
  /** The compressed strip, MSB-first (FillOrder 2 strips are bit-reversed here). */
  data: Uint8Array;
}

export type StripRead = { ok: true; strip: G4Strip } | { ok: false; reason: string };

/** Reads the first IFD; ok only for a bilevel, single-strip, G4-compressed image. */
export function readG4Strip(bytes: Uint8Array): StripRead {
  if (bytes.length < 8) return { ok: false, reason: 'not a TIFF (too short)' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = String.fromCharCode(bytes[0]!, bytes[1]!);
  if (order !== 'II' && order !== 'MM') return { ok: false, reason: 'not a TIFF (no byte-order mark)' };
  const le = order === 'II';
  const u16 = (o: number): number => view.getUint16(o, le);
  const u32 = (o: number): number => view.getUint32(o, le);
  if (u16(2) === 43) return { ok: false, reason: 'BigTIFF' };
  if (u16(2) !== 42) return { ok: false, reason: 'not a TIFF (bad magic number)' };
  const ifd = u32(4);
  if (ifd + 2 > bytes.length) return { ok: false, reason: 'IFD offset past the end' };
  const count = u16(ifd);
  if (ifd + 2 + count * 12 > bytes.length) return { ok: false, reason: 'IFD cut short' };

  const tags = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    const tag = u16(e);
    const type = u16(e + 2);
    const n = u32(e + 4);
    const size = type === 3 ? 2 : type === 4 ? 4 : 0; // SHORT, LONG: the only types these tags use
    if (size === 0 || n === 0 || n > 1_000_000) continue;
    const at = size * n <= 4 ? e + 8 : u32(e + 8);
    if (at + size * n > bytes.length) return { ok: false, reason: `tag ${tag} points past the end` };
    const values: number[] = [];
    for (let k = 0; k < n; k++) values.push(size === 2 ? u16(at + k * 2) : u32(at + k * 4));
    tags.set(tag, values);
  }
  const one = (tag: number, fallback?: number): number | undefined => tags.get(tag)?.[0] ?? fallback;

  const width = one(TAG.width);
  const height = one(TAG.height);
  if (!width || !height) return { ok: false, reason: 'no width or height' };
  if (tags.has(TAG.tileWidth)) return { ok: false, reason: 'tiled' };
  const compression = one(TAG.compression, 1);
  if (compression !== COMPRESSION_G4) return { ok: false, reason: `compression ${compression}, not CCITT G4` };
  if ((one(TAG.bitsPerSample, 1) ?? 1) !== 1 || (one(TAG.samplesPerPixel, 1) ?? 1) !== 1) return { ok: false, reason: 'not bilevel' };
  const photometric = one(TAG.photometric, 0);
  if (photometric !== 0 && photometric !== 1) return { ok: false, reason: `photometric ${photometric}` };
  // T6Options bit 1: uncompressed mode, which PDF's CCITTFaxDecode does not promise to read.
  if (((one(TAG.t6Options, 0) ?? 0) & 2) !== 0) return { ok: false, reason: 'G4 uncompressed mode' };
  const offsets = tags.get(TAG.stripOffsets) ?? [];
  const counts = tags.get(TAG.stripByteCounts) ?? [];
  // G4 strips are coded independently (each starts over from an all-white reference line): they cannot be joined.
  if (offsets.length !== 1 || counts.length !== 1) return { ok: false, reason: `${offsets.length} strips` };
  const start = offsets[0]!;
  const end = start + counts[0]!;
  if (counts[0] === 0 || end > bytes.length) return { ok: false, reason: 'strip past the end of the file' };
  let data = bytes.subarray(start, end);
  if (one(TAG.fillOrder, 1) === 2) data = reverseBits(data);
  return { ok: true, strip: { width, height, photometric, data } };
}

function reverseBits(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    let b = data[i]!;
    b = ((b & 0xf0) >> 4) | ((b & 0x0f) << 4);
    b = ((b & 0xcc) >> 2) | ((b & 0x33) << 2);
    b = ((b & 0xaa) >> 1) | ((b & 0x55) << 1);
    out[i] = b;
  }
  return out;
}

/**
 * Re-encodes any image sharp reads into one G4 strip, min-is-white, thresholded at mid-grey: the fallback for a
 * TIFF that is not already one G4 strip. A bilevel source loses nothing; a grey one is binarised.
 */
export async function toG4Strip(bytes: Uint8Array): Promise<G4Strip> {
  const image = sharp(bytes, { limitInputPixels: false }).flatten({ background: '#ffffff' }).toColourspace('b-w');
  const { height } = await sharp(bytes, { limitInputPixels: false }).metadata();
  const tiff = await image
    .threshold(128)
    .toColourspace('b-w')
    .tiff({ compression: 'ccittfax4', bitdepth: 1, miniswhite: true, tileHeight: Math.max(1, height ?? 1) })
    .toBuffer();
  const read = readG4Strip(tiff);
  if (!read.ok) throw new Error(`re-encoded TIFF is not one G4 strip: ${read.reason}`);
  return read.strip;
}
