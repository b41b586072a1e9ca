/**
 * The page pipeline's stages on real page images (rendered text, turned, skewed, on a backing, blank with speckle),
 * run in this thread through processPage: what the worker threads run for each page.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { errorMessage } from '../../../core/i18n/translate';
import { processPage } from '../../../core/services/scanning/pipeline/process-page';
import { BLANK_MAX_INK } from '../../../core/services/scanning/pipeline/stages/blank';
import { measureOrientation } from '../../../core/services/scanning/pipeline/stages/orient';
import { downscaleToGray, histogram, otsu } from '../../../core/services/scanning/pipeline/stages/raster';
import type { PipelineOptions, PipelineOutput } from '../../../core/services/scanning/pipeline/types';
import { colourPage, onBacking, pngHeaderOnly, rotated, speckledBlank, textPage, tiffTags, toPgm, toPnm } from './pipeline-fixtures';

const GRAY: PipelineOptions = { color: 'gray' };
let page: Awaited<ReturnType<typeof textPage>>;

beforeAll(async () => {
  page = await textPage({});
}, 60_000);

const run = (bytes: Uint8Array, options: PipelineOptions = GRAY, dpi = 0): Promise<PipelineOutput> => processPage({ bytes, dpi, options }, { detectSeparator: null });

async function grayOf(bytes: Uint8Array): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Skew left in an image, measured the way the pipeline measures (degrees, counter-clockwise positive). */
async function residualSkew(bytes: Uint8Array): Promise<number> {
  const g = await grayOf(bytes);
  const small = downscaleToGray(g.data, g.width, g.height, 1, 2);
  return measureOrientation(small, otsu(histogram(small)), { autoOrient: false }).skewDeg;
}

/** Mean absolute gray difference of two same-size images, both shrunk 8× (orientation check, not pixel equality). */
async function meanDiff(a: Uint8Array, b: Uint8Array): Promise<number> {
  const ga = await grayOf(a);
  const gb = await grayOf(b);
  expect([ga.width, ga.height]).toEqual([gb.width, gb.height]);
  const sa = downscaleToGray(ga.data, ga.width, ga.height, 1, 8);
  const sb = downscaleToGray(gb.data, gb.width, gb.height, 1, 8);
  let d = 0;
  for (let i = 0; i < sa.data.length; i++) d += Math.abs(sa.data[i]! - sb.data[i]!);
  return d / sa.data.length;
}

async function expectCode(p: Promise<unknown>, code: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

describe('page pipeline: an upright A4 300 dpi text page', () => {
  it('is stored as a one-strip 1-bit CCITT G4 TIFF under 100 KB, with the page as it was', async () => {
    const out = await run(page.png);
    expect(out).toMatchObject({ rotation: 0, deskewed: false, crop: null, blank: false, content: 'text', dpi: 300, widthPx: page.width, heightPx: page.height });
    expect(Math.abs(out.skewDeg)).toBeLessThan(0.3);
    expect(out.image).toMatchObject({ mediaType: 'image/tiff', ext: 'tif' });
    expect(out.image.bytes.byteLength).toBeLessThan(100_000);
    const tags = tiffTags(out.image.bytes);
    expect(tags.get(259)).toBe(4); // Compression: CCITT T.6 (G4)
    expect(tags.get(258)).toBe(1); // BitsPerSample
    expect(tags.get(278)).toBeGreaterThanOrEqual(page.height); // RowsPerStrip: one strip
    const meta = await sharp(out.image.bytes).metadata();
    expect(meta).toMatchObject({ format: 'tiff', width: page.width, height: page.height, density: 300 });
    // The text survives thresholding: the G4 page's ink matches the original's ink (mid-gray cut) pixel for pixel,
    // except along the strokes' anti-aliased edges.
    const g4 = await grayOf(out.image.bytes);
    const orig = await grayOf(page.png);
    let both = 0;
    let either = 0;
    for (let i = 0; i < orig.data.length; i++) {
      const a = g4.data[i]! < 128;
      const b = orig.data[i]! < 128;
      if (a && b) both++;
      if (a || b) either++;
    }
    expect(either / orig.data.length).toBeGreaterThan(0.02);
    expect(both / either).toBeGreaterThan(0.85);
    // Master: grayscale PNG of the page; thumbnail: a ~240 px JPEG.
    expect(await sharp(out.master.bytes).metadata()).toMatchObject({ format: 'png', channels: 1, width: page.width, height: page.height });
    expect(await sharp(out.thumb.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 240 });
    expect(out.timings.decode).toBeGreaterThan(0);
  });

  it('reads the same page from PNM (P5 8/16-bit, P6, P4 as scanimage writes), TIFF, JPEG and 16-bit PNG; a cut-short PGM is unreadable', async () => {
    const pgm = await toPgm(page.png);
    await expectCode(run(pgm.subarray(0, pgm.length - 100), GRAY, 300), 'SCAN_PAGE_UNREADABLE');
    const tif = await sharp(page.png).tiff({ compression: 'lzw' }).toBuffer();
    const jpg = await sharp(page.png).jpeg({ quality: 90 }).toBuffer();
    const png16 = await sharp(page.png).toColourspace('grey16').png({ compressionLevel: 1 }).toBuffer();
    const others = await Promise.all((['P5-16', 'P6', 'P4'] as const).map((k) => toPnm(page.png, k)));
    for (const bytes of [pgm, tif, jpg, png16, ...others]) {
      const out = await run(bytes, GRAY, 300);
      expect(out).toMatchObject({ rotation: 0, content: 'text', blank: false, widthPx: page.width, heightPx: page.height });
    }
  });
});

describe('page pipeline: skew', () => {
  it.each([2, -3.5, 0.8, -1.2])('measures a page turned %s° counter-clockwise and straightens it', async (deg) => {
    const out = await run(await rotated(page.png, -deg)); // sharp's positive is clockwise
    expect(out.skewDeg).toBeGreaterThan(deg - 0.15);
    expect(out.skewDeg).toBeLessThan(deg + 0.15);
    expect(out.deskewed).toBe(true);
    expect(out.rotation).toBe(0);
    expect([out.widthPx, out.heightPx]).toEqual([page.width, page.height]);
    expect(Math.abs(await residualSkew(out.master.bytes))).toBeLessThanOrEqual(0.15);
  });

  it('leaves a page skewed under 0.3° as it is', async () => {
    const out = await run(await rotated(page.png, -0.2));
    expect(Math.abs(out.skewDeg - 0.2)).toBeLessThanOrEqual(0.1);
    expect(out.deskewed).toBe(false);
  });

  it('does not straighten when deskew is off, but still reports the angle', async () => {
    const out = await run(await rotated(page.png, -2), { color: 'gray', deskew: false });
    expect(out.deskewed).toBe(false);
    expect(Math.abs(out.skewDeg - 2)).toBeLessThan(0.15);
  });
});

describe('page pipeline: orientation', () => {
  // Page turned clockwise by `turn` → the pipeline turns it back by 360 - turn.
  it.each([90, 180, 270])('turns a page lying %s° clockwise upright again', async (turn) => {
    const out = await run(await rotated(page.png, turn));
    expect(out.rotation).toBe((360 - turn) % 360);
    expect([out.widthPx, out.heightPx]).toEqual([page.width, page.height]);
    expect(await meanDiff(out.master.bytes, page.png)).toBeLessThan(3);
  });

  it.each([90, 180, 270])('turns an English page (smaller type) lying %s° upright', async (turn) => {
    const en = await textPage({ language: 'en', pointSize: 10 });
    const out = await run(await rotated(en.png, turn));
    expect(out.rotation).toBe((360 - turn) % 360);
  });

  it('adds the clerk’s quarter turns after auto-orientation, and can be told not to orient', async () => {
    expect((await run(page.png, { color: 'gray', quarterTurns: 1 })).rotation).toBe(90);
    const upside = await rotated(page.png, 180);
    expect((await run(upside, { color: 'gray', autoOrient: false })).rotation).toBe(0);
  });
});

describe('page pipeline: crop to the paper edge', () => {
  it.each([
    ['dark backing, skewed 3°', 25, 3],
    ['dark backing, straight', 40, 0],
    ['light gray backing, skewed -2°', 185, -2],
  ])('%s: crops to the page, straightens it, leaves no backing', async (_name, backing, deg) => {
    const placed = await onBacking(page.png, { backing, scale: 0.85, deg });
    const out = await run(placed.png);
    expect(out.crop).not.toBeNull();
    expect(out.rotation).toBe(0);
    // The page was 85 % of the scan: what comes out is that page (within 1 %).
    expect(Math.abs(out.widthPx - page.width * 0.85)).toBeLessThan(page.width * 0.01);
    expect(Math.abs(out.heightPx - page.height * 0.85)).toBeLessThan(page.height * 0.01);
    if (deg) expect(Math.abs(out.skewDeg - -deg)).toBeLessThan(0.15);
    // No backing left along the edges: the master's outer rows and columns are paper.
    const m = await grayOf(out.master.bytes);
    const edgeMean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const top = Array.from(m.data.subarray(0, m.width));
    const bottom = Array.from(m.data.subarray((m.height - 1) * m.width));
    const left = Array.from({ length: m.height }, (_, y) => m.data[y * m.width]!);
    const right = Array.from({ length: m.height }, (_, y) => m.data[y * m.width + m.width - 1]!);
    for (const edge of [top, bottom, left, right]) expect(edgeMean(edge)).toBeGreaterThan(235);
    expect(out.blank).toBe(false);
  });

  it('does not crop a page that fills the scan, nor when crop is off', async () => {
    expect((await run(page.png)).crop).toBeNull();
    const placed = await onBacking(page.png, { backing: 25 });
    expect((await run(placed.png, { color: 'gray', crop: false })).crop).toBeNull();
  });
});

describe('page pipeline: blank pages', () => {
  it('flags a blank page with scanner speckle as blank (kept, not dropped)', async () => {
    // 3000 specks: without speck removal they would be ink on ~0.4 % of the page, well over BLANK_MAX_INK.
    const out = await run(await speckledBlank(300, 3000));
    expect(out.blank).toBe(true);
    expect(out.inkRatio).toBeLessThan(BLANK_MAX_INK);
    expect(out.image.bytes.byteLength).toBeGreaterThan(0);
    expect(out.rotation).toBe(0);
  });

  it('edge noise (a dark band along the edge, punched holes) does not make a blank page non-blank', async () => {
    const out = await run(await speckledBlank(300, 300, 11, true), { color: 'gray', crop: false });
    expect(out.blank).toBe(true);
  });

  it('a blank page on a dark backing is still blank; a page with three lines is not', async () => {
    const blankOnBacking = await onBacking(await speckledBlank(300, 200), { backing: 30, deg: 1.5 });
    expect((await run(blankOnBacking.png)).blank).toBe(true);
    const short = await textPage({ lines: 3 });
    const out = await run(short.png);
    expect(out.blank).toBe(false);
    expect(out.inkRatio).toBeGreaterThan(BLANK_MAX_INK);
  });
});

describe('page pipeline: content and colour', () => {
  it('keeps a colour page in colour as JPEG when asked for colour; a photo page scanned gray is JPEG too', async () => {
    const colour = await colourPage();
    const kept = await run(colour, { color: 'color' });
    expect(kept.image.mediaType).toBe('image/jpeg');
    expect(kept.content).toBe('photo');
    // A picture's edges are not text lines: the page is neither turned nor "straightened" by them.
    expect(kept).toMatchObject({ rotation: 0, deskewed: false });
    expect((await sharp(kept.image.bytes).metadata()).channels).toBe(3);
    expect((await sharp(kept.master.bytes).metadata()).channels).toBe(1);
    const gray = await run(colour, { color: 'gray' });
    expect(gray).toMatchObject({ content: 'photo', image: { mediaType: 'image/jpeg' } });
    expect((await sharp(gray.image.bytes).metadata()).channels).toBe(1);
  });

  it('stores a colour scan of a text page as G4 unless colour is kept', async () => {
    const rgbText = await sharp(page.png).toColourspace('srgb').png({ compressionLevel: 1 }).toBuffer();
    expect((await run(rgbText, { color: 'color', keepColor: false })).image.mediaType).toBe('image/tiff');
    expect((await run(rgbText, { color: 'color' })).image.mediaType).toBe('image/jpeg');
  });
});

describe('page pipeline: bad input', () => {
  it('a zero-byte page is SCAN_PAGE_EMPTY', async () => {
    await expectCode(run(new Uint8Array(0)), 'SCAN_PAGE_EMPTY');
  });

  it('garbage, a truncated PNG and a truncated JPEG are SCAN_PAGE_UNREADABLE with a Vietnamese message', async () => {
    const garbage = Buffer.from('this is not an image at all, just text from a confused scanner');
    const png = await sharp(page.png).png({ compressionLevel: 6 }).toBuffer();
    const jpg = await sharp(page.png).jpeg().toBuffer();
    for (const bytes of [garbage, png.subarray(0, png.length >> 1), jpg.subarray(0, jpg.length >> 1)]) {
      const e = await expectCode(run(bytes), 'SCAN_PAGE_UNREADABLE');
      expect(errorMessage(e.code, e.params)).toMatch(/Không đọc được ảnh trang quét/);
    }
  });

  it('a page over the pixel budget is SCAN_PAGE_TOO_LARGE, decided from its header', async () => {
    const e = await expectCode(run(await pngHeaderOnly(20_000, 20_000)), 'SCAN_PAGE_TOO_LARGE');
    expect(e.params).toMatchObject({ width: 20_000, height: 20_000 });
    expect(errorMessage(e.code, e.params)).toMatch(/quá lớn/);
  });
});

describe('page pipeline: separators', () => {
  it('asks the separator detector for a ~150 dpi gray copy only when separators are on', async () => {
    const seen: { width: number; height: number }[] = [];
    const detectSeparator = async (g: { width: number; height: number }) => {
      seen.push({ width: g.width, height: g.height });
      return { kind: 'patch-t' as const, text: 'PATCHT' };
    };
    const off = await processPage({ bytes: page.png, dpi: 0, options: GRAY }, { detectSeparator });
    expect(off.separator).toBeNull();
    expect(seen).toEqual([]);
    const on = await processPage({ bytes: page.png, dpi: 0, options: { ...GRAY, separators: true } }, { detectSeparator });
    expect(on.separator).toEqual({ kind: 'patch-t', text: 'PATCHT' });
    expect(seen).toEqual([{ width: Math.floor(page.width / 2), height: Math.floor(page.height / 2) }]);
  });
});
