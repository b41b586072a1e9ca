/** The tests' ESC/POS decoder (test/helpers/escpos-printer.ts) on hand-written bytes, so it is checked apart from the encoder. */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { decodeEscpos, stackRasters } from '../../helpers/escpos-printer';

const b = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('decodeEscpos', () => {
  it('reads a hand-written job: text sizes, alignment, QR, cut, drawer, process ID', async () => {
    const d = await decodeEscpos(
      b(
        [0x10, 0x04, 1], // a status query before the job is not the job
        [0x1b, 0x40, 0x1b, 0x74, 27],
        [0x1b, 0x61, 0x31, 0x1d, 0x21, 0x12], 'B07', [0x0a],
        [0x1b, 0x61, 0x00, 0x1d, 0x21, 0x00], 'plain', [0x0d, 0x0a],
        [0x1d, 0x28, 0x6b, 4, 0, 49, 65, 50, 0, 0x1d, 0x28, 0x6b, 3, 0, 49, 67, 8, 0x1d, 0x28, 0x6b, 3, 0, 49, 69, 51],
        [0x1d, 0x28, 0x6b, 6, 0, 49, 80, 48], 'abc', [0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48],
        [0x1b, 0x64, 3, 0x1d, 0x56, 0x00, 0x1b, 0x70, 0x01, 10, 100],
        [0x1d, 0x28, 0x48, 6, 0, 0x30, 0x30], '9876',
      ),
    );
    expect(d.errors).toEqual([]);
    expect(d).toMatchObject({ initialised: true, jobs: 1, completeJobs: 1, codePage: 27, feedLines: 3, statusQueries: 1, truncated: false });
    expect(d.items).toEqual([
      { kind: 'text', text: 'B07', magnify: 3, magnifyWidth: 2, align: 'center' },
      { kind: 'text', text: 'plain', magnify: 1, magnifyWidth: 1, align: 'left' },
      { kind: 'qr', payload: 'abc', moduleDots: 8, ec: 'H', model: 2 },
      { kind: 'cut', mode: 'full' },
      { kind: 'drawer', pin: 5 },
      { kind: 'processId', id: Buffer.from('9876') },
    ]);
  });

  it('joins adjacent raster bands, scales GS v 0 modes, and stacks rasters for OCR', async () => {
    // Band 1: 8×2 with the left pixel black; band 2 (same width): 8×1 all black; then a 16-dot-wide raster at 2× size.
    const d = await decodeEscpos(
      b([0x1b, 0x40], [0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0x80, 0x80], [0x1d, 0x76, 0x30, 0, 1, 0, 1, 0, 0xff], [0x1b, 0x64, 1], [0x1d, 0x76, 0x30, 3, 1, 0, 1, 0, 0xc0]),
    );
    expect(d.errors).toEqual([]);
    const rasters = d.items.flatMap((i) => (i.kind === 'raster' ? [i] : []));
    expect(rasters.map((r) => [r.width, r.height, r.bands])).toEqual([
      [8, 3, 2],
      [16, 2, 1],
    ]);
    expect([...rasters[0]!.bits]).toEqual([0x80, 0x80, 0xff]);
    expect([...rasters[1]!.bits]).toEqual([0xf0, 0x00, 0xf0, 0x00]);
    const png = await sharp(await stackRasters(d, { gapDots: 2, marginDots: 1 })).raw().toBuffer({ resolveWithObject: true });
    expect([png.info.width, png.info.height]).toEqual([18, 1 + 3 + 2 + 2 + 1]);
    const at = (x: number, y: number) => png.data[(y * 18 + x) * png.info.channels];
    expect(at(1, 1)).toBe(0); // the first raster's black pixel
    expect(at(2, 1)).toBe(255);
    expect(at(1, 1 + 3 + 2)).toBe(0); // the second raster, after the gap
    expect(at(5, 1 + 3 + 2)).toBe(255);
  });

  it('reports what a sound job never has: unknown commands, non-ASCII text, a cut-short stream', async () => {
    const bad = await decodeEscpos(b([0x1b, 0x40, 0x1b, 0x99], 'S', [0xe1], [0x0a]));
    expect(bad.errors.length).toBe(2);
    const cut = await decodeEscpos(b([0x1b, 0x40, 0x1d, 0x76, 0x30, 0, 1, 0, 4, 0, 0xff]));
    expect(cut).toMatchObject({ truncated: true, completeJobs: 0 });
    expect(cut.items).toEqual([]);
    const noInit = await decodeEscpos(b('HELLO', [0x0a]));
    expect(noInit.initialised).toBe(false);
    // Two jobs, the second cut short: one complete.
    const two = await decodeEscpos(b([0x1b, 0x40], 'A', [0x0a, 0x1d, 0x56, 0x42, 0], [0x1b, 0x40], 'B', [0x0a]));
    expect([two.jobs, two.completeJobs]).toEqual([2, 1]);
  });
});
