import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/contract/errors';
import { BAND_MAX_PIXELS, cutBands, inspectImage, MIN_SIDE_PX, prepareImage } from '../../../../core/services/ocr/engine/ocr-image';
import { plainImage } from './render';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return isAppError(e) ? e.code : `not an AppError: ${String(e)}`;
  }
  return 'no error';
}

describe('OCR input checks (before any worker sees the image)', () => {
  it('refuses what is not an image, an empty file, a vector format, a truncated PNG', async () => {
    expect(await codeOf(prepareImage({ image: Buffer.from('hello, this is not an image') }))).toBe('OCR_IMAGE_UNREADABLE');
    expect(await codeOf(prepareImage({ image: new Uint8Array(0) }))).toBe('OCR_IMAGE_UNREADABLE');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text y="50">x</text></svg>');
    expect(await codeOf(prepareImage({ image: svg }))).toBe('OCR_IMAGE_UNREADABLE');
    const png = await plainImage(300, 300, 128);
    expect(await codeOf(prepareImage({ image: png.subarray(0, png.length - 40) }))).toBe('OCR_IMAGE_UNREADABLE');
    expect(await codeOf(inspectImage(Buffer.from('GIF89a nope')))).toBe('OCR_IMAGE_UNREADABLE');
  });

  it('refuses a 1×1 image as too small to hold text (not an empty result a blank page would also give)', async () => {
    expect(await codeOf(prepareImage({ image: await plainImage(1, 1) }))).toBe('OCR_IMAGE_TOO_SMALL');
    expect(await codeOf(inspectImage(await plainImage(MIN_SIDE_PX - 1, 500)))).toBe('OCR_IMAGE_TOO_SMALL');
    expect(await codeOf(prepareImage({ image: await plainImage(MIN_SIDE_PX, MIN_SIDE_PX) }))).toBe('no error');
  });

  it('refuses an image over the pixel limit from its header alone', async () => {
    const header = Buffer.from('P5\n20000 20000\n255\n'); // 400 Mpx; no pixel data needed to refuse it
    expect(await codeOf(inspectImage(header))).toBe('OCR_IMAGE_TOO_LARGE');
    expect(await codeOf(prepareImage({ image: header }))).toBe('OCR_IMAGE_TOO_LARGE');
  });

  it('reads PNM from the buffer; the file density wins over the hint, else the hint, else 300', async () => {
    const pgm = Buffer.concat([Buffer.from('P5\n40 20\n255\n'), Buffer.alloc(800, 200)]);
    const p = await prepareImage({ image: pgm, dpi: 200 });
    expect(p).toMatchObject({ width: 40, height: 20, dpi: 200, engineDpi: 200, scale: 1 });
    expect(Buffer.from(p.bands[0]!.pgm).subarray(0, 12).toString('latin1')).toBe('P5\n40 20\n255');
    const png150 = await sharp(await plainImage(300, 400)).withDensity(150).png().toBuffer();
    expect((await prepareImage({ image: png150, dpi: 200 })).dpi).toBe(150);
    expect((await prepareImage({ image: await plainImage(300, 400) })).dpi).toBe(300);
  });

  it('cuts a 20,000-pixel strip into bands at white rows between lines, covering every row once', () => {
    const width = 1000;
    const height = 20_000;
    const data = Buffer.alloc(width * height, 255);
    // "Text lines": 30 dark rows every 50 rows, 20 white rows between them.
    for (let y = 0; y < height; y++) if (y % 50 < 30) data.fill(0, y * width + 100, y * width + 900);
    const bands = cutBands({ data, width, height });
    expect(bands.length).toBeGreaterThan(1);
    let next = 0;
    for (const b of bands) {
      expect(b.top).toBe(next);
      expect(b.height * width).toBeLessThanOrEqual(BAND_MAX_PIXELS);
      next = b.top + b.height;
      if (next < height) expect(next % 50).toBeGreaterThanOrEqual(30); // the cut row is white
      expect(b.pgm.byteLength).toBe(`P5\n${width} ${b.height}\n255\n`.length + width * b.height);
    }
    expect(next).toBe(height);
  });
});
