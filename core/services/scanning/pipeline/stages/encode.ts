/**
 * The stored images, all from one straightened raw buffer: bilevel CCITT G4 TIFF for text (a 300 dpi A4 page is
 * about 65 KB), JPEG for photos and colour, the grayscale PNG master OCR reads, and a small JPEG thumbnail.
 */
import sharp, { type Sharp } from 'sharp';
import type { EncodedImage } from '../types';
import type { Box } from './raster';

export const THUMB_WIDTH = 240;
/** JPEG quality for photo and colour pages: documents stay legible; 80 is libjpeg's usual "high". */
const JPEG_QUALITY = 80;
/**
 * zlib level for the master PNG. Level 9 costs several times level 3's time on a 300 dpi page for a few per cent
 * of size (test/bench/page-pipeline.bench.ts prints both); the master is written once per page, at scanner speed.
 */
export const MASTER_PNG_LEVEL = 3;

export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3;
}

function source(img: RawImage, region: Box | null): Sharp {
  const s = sharp(img.data, { raw: { width: img.width, height: img.height, channels: img.channels } });
  return region ? s.extract(region) : s;
}

/** 1-bit CCITT G4 TIFF, one strip (a PDF embeds a single G4 strip as is), min-is-white as fax and PDF expect. */
export async function encodeBilevel(img: RawImage, region: Box | null, threshold: number, dpi: number): Promise<EncodedImage> {
  const height = region?.height ?? img.height;
  const bytes = await source(img, region)
    .toColourspace('b-w')
    .threshold(threshold)
    .toColourspace('b-w')
    .tiff({ compression: 'ccittfax4', bitdepth: 1, miniswhite: true, tileHeight: height, xres: dpi / 25.4, yres: dpi / 25.4 })
    .toBuffer();
  return { bytes, mediaType: 'image/tiff', ext: 'tif' };
}

export async function encodeJpeg(img: RawImage, region: Box | null, dpi: number): Promise<EncodedImage> {
  // withDensity keeps metadata, which makes sharp write sRGB: the colourspace is set again last.
  const bytes = await source(img, region)
    .withDensity(dpi)
    .toColourspace(img.channels === 1 ? 'b-w' : 'srgb')
    .jpeg({ quality: JPEG_QUALITY })
    .toBuffer();
  return { bytes, mediaType: 'image/jpeg', ext: 'jpg' };
}

export async function encodeMaster(img: RawImage, region: Box | null, dpi: number): Promise<EncodedImage> {
  const bytes = await source(img, region)
    .withDensity(dpi)
    .toColourspace('b-w')
    .png({ compressionLevel: MASTER_PNG_LEVEL, adaptiveFiltering: false })
    .toBuffer();
  return { bytes, mediaType: 'image/png', ext: 'png' };
}

export async function encodeThumb(img: RawImage, region: Box | null): Promise<EncodedImage> {
  const bytes = await source(img, region)
    .resize({ width: THUMB_WIDTH })
    .toColourspace(img.channels === 1 ? 'b-w' : 'srgb')
    .jpeg({ quality: 70 })
    .toBuffer();
  return { bytes, mediaType: 'image/jpeg', ext: 'jpg' };
}
