/**
 * enhanceForOcr's decisions (no OCR here; the CER they buy is in accuracy.test.ts and the benchmark): low-resolution
 * pages are resampled to 300 dpi, small text is enlarged even when the file claims 300 dpi, noisy pages get a median,
 * and a clean 300 dpi page goes through untouched.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { enhanceForOcr, estimateNoise, prepareForOcr } from '../../../core/services/ocr/engine/prepare';
import { composePage, scanVariant } from '../../ocr-corpus/generate';

const page = composePage(4200, { font: 'Liberation Serif', maxLines: 12 });

describe('enhanceForOcr', () => {
  it('leaves a clean 300 dpi page as it is', async () => {
    const scan = await scanVariant(page, 'clean', { fit: 'lines' });
    const r = await prepareForOcr({ bytes: scan.bytes });
    expect(r.steps).toEqual([]);
    expect(r.dpi).toBe(300);
    expect(r.noiseSigma).toBeLessThan(1);
    expect(r.textCorePx).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ['dpi150', 2],
    ['dpi200', 1.5],
  ] as const)('resamples a %s page to 300 dpi (×%s) and smooths it', async (variant, factor) => {
    const scan = await scanVariant(page, variant, { fit: 'lines' });
    const r = await prepareForOcr({ bytes: scan.bytes });
    expect(r.dpi).toBe(300);
    expect(r.width).toBe(Math.round(scan.width * factor));
    const meta = await sharp(r.image).metadata();
    expect([meta.width, meta.height, meta.channels, Math.round(meta.density ?? 0)]).toEqual([r.width, r.height, 1, 300]);
    expect(r.steps.join(' ')).toMatch(/upscale .*median/);
  });

  it('enlarges small text even when the file says 300 dpi (a 150 dpi scan that lost its resolution)', async () => {
    const scan = await scanVariant(page, 'dpi150', { fit: 'lines' });
    const r = await prepareForOcr({ bytes: scan.bytes, dpi: 300 });
    expect(r.textCorePx).toBeLessThan(18);
    expect(r.width / scan.width).toBeGreaterThan(1.4);
    expect(r.steps[0]).toMatch(/text core/);
  });

  it('measures noise, and filters a noisy page but not a JPEG one', async () => {
    const noisy = await prepareForOcr({ bytes: (await scanVariant(page, 'noise', { fit: 'lines' })).bytes });
    expect(noisy.noiseSigma).toBeGreaterThan(8);
    expect(noisy.steps.join(' ')).toMatch(/median/);
    const jpeg = await prepareForOcr({ bytes: (await scanVariant(page, 'jpeg', { fit: 'lines' })).bytes });
    expect(jpeg.steps).toEqual([]);
    // Known σ on flat gray: the estimate is within 15%.
    let s = 9;
    const rnd = (): number => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const flat = new Uint8Array(400 * 400).map(() => {
      const g = Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd()) * 10;
      return Math.round(128 + g);
    });
    expect(estimateNoise(flat, 400, 400)).toBeGreaterThan(8.5);
    expect(estimateNoise(flat, 400, 400)).toBeLessThan(11.5);
  });

  it('does not enlarge a tiny image without text lines', async () => {
    const dot = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const r = await enhanceForOcr({ image: dot, dpi: 300 });
    expect(r.textCorePx).toBeNull();
    expect(r.steps).toEqual([]);
  });
});
