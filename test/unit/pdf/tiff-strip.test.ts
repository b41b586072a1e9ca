/** Reading a TIFF's one G4 strip without decoding it, and the re-encoding fallback for every other TIFF. */
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { readG4Strip, toG4Strip } from '../../../core/services/pdf/tiff-strip';

const W = 120;
const H = 600;

function bilevel(): Sharp {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="#fff"/><rect x="10" y="20" width="50" height="500" fill="#000"/></svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#fff' }).toColourspace('b-w').threshold(128).toColourspace('b-w');
}

describe('readG4Strip', () => {
  it('reads the one strip, size and photometric of a G4 TIFF as the pipeline writes it (min-is-white)', async () => {
    const tif = await bilevel().tiff({ compression: 'ccittfax4', bitdepth: 1, miniswhite: true, tileHeight: H }).toBuffer();
    const r = readG4Strip(tif);
    if (!r.ok) throw new Error(r.reason);
    expect(r.strip).toMatchObject({ width: W, height: H, photometric: 0 });
    // The strip is a slice of the file, not a copy re-coded.
    expect(tif.indexOf(Buffer.from(r.strip.data))).toBeGreaterThan(0);
    expect(r.strip.data.length).toBeLessThan(tif.length);
  });

  it("reports min-is-black, sharp's default", async () => {
    const tif = await bilevel().tiff({ compression: 'ccittfax4', bitdepth: 1, tileHeight: H }).toBuffer();
    const r = readG4Strip(tif);
    expect(r.ok && r.strip.photometric).toBe(1);
  });

  it('refuses what a PDF cannot take as one CCITT stream: several strips, another compression, not a TIFF', async () => {
    const strips = readG4Strip(await bilevel().tiff({ compression: 'ccittfax4', bitdepth: 1, miniswhite: true, tileHeight: 64 }).toBuffer());
    expect(strips).toEqual({ ok: false, reason: expect.stringMatching(/^\d+ strips$/) });
    expect(readG4Strip(await bilevel().tiff({ compression: 'deflate', predictor: 'none', bitdepth: 1, tileHeight: H }).toBuffer())).toEqual({ ok: false, reason: expect.stringMatching(/^compression 8/) });
    expect(readG4Strip(await bilevel().png().toBuffer())).toEqual({ ok: false, reason: expect.stringMatching(/not a TIFF/) });
    expect(readG4Strip(new Uint8Array([0x49, 0x49, 42, 0, 0xff, 0xff, 0, 0]))).toEqual({ ok: false, reason: expect.stringMatching(/past the end/) });
  });

  it('re-encodes any other image into one G4 strip of the same size, ink still black', async () => {
    const multi = await bilevel().tiff({ compression: 'ccittfax4', bitdepth: 1, miniswhite: true, tileHeight: 64 }).toBuffer();
    const strip = await toG4Strip(multi);
    expect(strip).toMatchObject({ width: W, height: H, photometric: 0 });
    const gray = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#ccc"/></svg>`)).png().toBuffer();
    expect(await toG4Strip(gray)).toMatchObject({ width: 40, height: 30 });
  });
});
