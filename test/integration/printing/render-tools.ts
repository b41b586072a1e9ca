/** Reading thermal rasters back with the reference tools: a few rows cropped and enlarged for tesseract, zbarimg for QR. */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { rasterToPng } from '../../../core/services/printing/render/index';
import { sliceRaster } from '../../../core/services/printing/render/raster';
import type { Raster } from '../../../core/domain/printing/types';

const run = promisify(execFile);

/** Black dots in rows [from, to). */
export function inkRows(r: Raster, from = 0, to = r.height): number {
  let count = 0;
  for (let i = from * (r.width / 8); i < to * (r.width / 8); i++) {
    let b = r.bits[i]!;
    while (b) {
      count += b & 1;
      b >>= 1;
    }
  }
  return count;
}

/**
 * Native tesseract (lang vie) on rows [from, to) of the raster, enlarged 2× by default (203 dpi body text is small
 * for it; a ticket number is large and reads better halved, as one line: psm 7).
 */
export async function ocrRows(dir: string, name: string, r: Raster, from: number, to: number, o: { scale?: number; psm?: number } = {}): Promise<string> {
  const png = await rasterToPng(sliceRaster(r, from, to));
  const file = path.join(dir, `${name}.png`);
  await sharp(png)
    .resize({ width: Math.round(r.width * (o.scale ?? 2)), kernel: 'lanczos3' })
    .extend({ top: 20, bottom: 20, left: 20, right: 20, background: '#ffffff' })
    .png()
    .toFile(file);
  const { stdout } = await run('tesseract', [file, '-', '-l', 'vie', '--psm', String(o.psm ?? 6)], { timeout: 60_000 });
  return stdout.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** QR payloads zbarimg finds in the raster (none: []). */
export async function readRasterQr(dir: string, name: string, r: Raster): Promise<string[]> {
  const file = path.join(dir, `${name}.png`);
  await writeFile(file, await rasterToPng(r));
  try {
    const { stdout } = await run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', file], { timeout: 30_000 });
    return stdout.split('\n').filter((l) => l.trim() !== '');
  } catch (e) {
    if ((e as { code?: number }).code === 4) return [];
    throw e;
  }
}
