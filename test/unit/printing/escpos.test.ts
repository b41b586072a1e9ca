import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { encodeThermalJob, processIdFor, processIdRequest, RASTER_BAND_ROWS } from '../../../core/domain/printing/escpos';
import type { Raster } from '../../../core/domain/printing/types';
import { decodeEscpos, stackRasters } from '../../helpers/escpos-printer';
import { testProfile as profile } from '../../helpers/printer-profile';

/** A raster whose pixel (x, y) is black where `black(x, y)`. */
function raster(width: number, height: number, black: (x: number, y: number) => boolean): Raster {
  const bits = new Uint8Array((width / 8) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (black(x, y)) bits[y * (width / 8) + (x >> 3)]! |= 0x80 >> (x & 7);
  return { width, height, bits };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('encodeThermalJob', () => {
  it('starts with ESC @, ends with a feed-and-cut, and sets the code page only when the profile has one', () => {
    const plain = encodeThermalJob([{ kind: 'text', text: 'A1', magnify: 1 }], profile());
    expect(hex(plain.subarray(0, 2))).toBe('1b40');
    expect(hex(plain.subarray(plain.length - 4))).toBe('1d564200'); // GS V 66 0: feed to the cutter, partial cut
    expect(hex(plain)).not.toContain('1b74');
    const cp = encodeThermalJob([], profile({ codePage: 16, cut: 'full' }));
    expect(hex(cp)).toBe('1b40' + '1b7410' + '1d564100');
  });

  it('without a cutter feeds past the tear bar and sends no GS V', async () => {
    const d = await decodeEscpos(encodeThermalJob([{ kind: 'text', text: 'X', magnify: 1 }], profile({ cut: 'none' })));
    expect(d.items.some((i) => i.kind === 'cut')).toBe(false);
    expect(d.feedLines).toBeGreaterThanOrEqual(3);
    expect(d.completeJobs).toBe(0);
    expect(d.errors).toEqual([]);
  });

  it('sends a tall raster as GS v 0 bands of at most 256 rows whose pixels are the image', async () => {
    const r = raster(576, 700, (x, y) => (x + y) % 7 === 0 || (x > 100 && x < 140));
    const job = encodeThermalJob([{ kind: 'raster', raster: r }], profile());
    // Count the GS v 0 headers by walking the bands: 256 + 256 + 188 rows.
    const buf = Buffer.from(job);
    const heights: number[] = [];
    let at = buf.indexOf(Buffer.from([0x1d, 0x76, 0x30]));
    while (at >= 0) {
      expect(buf[at + 3]).toBe(0);
      expect(buf.readUInt16LE(at + 4)).toBe(72);
      const h = buf.readUInt16LE(at + 6);
      heights.push(h);
      at = buf.indexOf(Buffer.from([0x1d, 0x76, 0x30]), at + 8 + 72 * h);
    }
    expect(heights).toEqual([RASTER_BAND_ROWS, RASTER_BAND_ROWS, 700 - 2 * RASTER_BAND_ROWS]);
    const d = await decodeEscpos(job);
    expect(d.errors).toEqual([]);
    const rasters = d.items.filter((i) => i.kind === 'raster');
    expect(rasters).toHaveLength(1);
    const only = rasters[0]!;
    expect(only.kind === 'raster' && [only.width, only.height, only.bands]).toEqual([576, 700, 3]);
    expect(only.kind === 'raster' && Buffer.compare(only.bits, Buffer.from(r.bits))).toBe(0);
    // The PNG shows the same pixels (black stripe at x 101..139).
    const png = await sharp(only.kind === 'raster' ? only.png : Buffer.alloc(0)).raw().toBuffer({ resolveWithObject: true });
    expect(png.info).toMatchObject({ width: 576, height: 700 });
    expect(png.data[3 * 576 * png.info.channels + 120 * png.info.channels]).toBe(0);
    expect(png.data[3 * 576 * png.info.channels + 150 * png.info.channels]).toBe(255);
  });

  it('prints ticket numbers as centred magnified text and refuses non-ASCII', async () => {
    const job = encodeThermalJob([{ kind: 'text', text: 'A023', magnify: 4 }], profile());
    // ESC a 1, GS ! 0x33 (4x4), the digits, LF.
    expect(hex(job)).toContain('1b6101' + '1d2133' + Buffer.from('A023').toString('hex') + '0a');
    const d = await decodeEscpos(job);
    expect(d.items).toEqual([{ kind: 'text', text: 'A023', magnify: 4, magnifyWidth: 4, align: 'center' }, { kind: 'cut', mode: 'partial' }]);
    expect(() => encodeThermalJob([{ kind: 'text', text: 'Số 1023', magnify: 2 }], profile())).toThrow(/ASCII/);
    expect(() => encodeThermalJob([{ kind: 'text', text: 'A1\n', magnify: 2 }], profile())).toThrow(/ASCII/);
    expect(() => encodeThermalJob([{ kind: 'text', text: 'A1', magnify: 9 }], profile())).toThrow(/1\.\.8/);
  });

  it('stores and prints a native QR (model 2, module size, EC level M)', async () => {
    const payload = 'https://motcua.example/q/A023?x=1';
    const job = encodeThermalJob([{ kind: 'qr', payload, moduleDots: 6 }], profile());
    const store = Buffer.concat([Buffer.from([0x1d, 0x28, 0x6b, payload.length + 3, 0, 49, 80, 48]), Buffer.from(payload)]);
    expect(Buffer.from(job).includes(store)).toBe(true);
    expect(hex(job)).toContain('1d286b0400314132' + '00'); // model 2
    expect(hex(job)).toContain('1d286b0300314306'); // module 6
    expect(hex(job)).toContain('1d286b0300314531'); // EC M
    expect(hex(job)).toContain('1d286b0300315130'); // print
    const d = await decodeEscpos(job);
    expect(d.items[0]).toEqual({ kind: 'qr', payload, moduleDots: 6, ec: 'M', model: 2 });
    expect(() => encodeThermalJob([{ kind: 'qr', payload: 'hồ sơ', moduleDots: 6 }], profile())).toThrow(/ASCII/);
  });

  it('kicks the drawer and asks for the process ID last, after the cut', async () => {
    const id = processIdFor(42);
    expect(Buffer.from(id).toString()).toBe('0042');
    const job = encodeThermalJob([{ kind: 'feed', lines: 2 }], profile({ cut: 'full' }), { drawerKick: true, processId: id });
    expect(hex(job.subarray(job.length - 11))).toBe('1d28480600' + '3030' + Buffer.from('0042').toString('hex'));
    const d = await decodeEscpos(job);
    expect(d.initialised).toBe(true);
    expect(d.items.map((i) => i.kind)).toEqual(['cut', 'drawer', 'processId']);
    expect(d.items[2]).toEqual({ kind: 'processId', id: Buffer.from('0042') });
    expect(d.completeJobs).toBe(1);
    expect(d.feedLines).toBe(2);
    expect(() => processIdRequest(Uint8Array.of(1, 2, 3))).toThrow();
  });

  it('keeps pieces in order and the decoder sees a half-sent job as incomplete', async () => {
    const r = raster(384, 40, (x) => x < 8);
    const job = encodeThermalJob(
      [{ kind: 'raster', raster: r }, { kind: 'feed', lines: 1 }, { kind: 'text', text: '1023', magnify: 3 }, { kind: 'qr', payload: 'T-1023', moduleDots: 5 }, { kind: 'raster', raster: r }],
      profile({ paperWidthMm: 58 }),
    );
    const whole = await decodeEscpos(job);
    expect(whole.items.map((i) => i.kind)).toEqual(['raster', 'text', 'qr', 'raster', 'cut']);
    expect(whole.completeJobs).toBe(1);
    const half = await decodeEscpos(job.subarray(0, Math.floor(job.length / 2)));
    expect(half.truncated).toBe(true);
    expect(half.completeJobs).toBe(0);
    const png = await stackRasters(whole);
    const meta = await sharp(png).metadata();
    expect(meta.height).toBeGreaterThanOrEqual(80);
  });

  it('refuses a raster wider than the paper or with the wrong number of bytes', () => {
    expect(() => encodeThermalJob([{ kind: 'raster', raster: raster(576, 8, () => false) }], profile({ paperWidthMm: 58 }))).toThrow(/wider/);
    expect(() => encodeThermalJob([{ kind: 'raster', raster: { width: 16, height: 2, bits: new Uint8Array(3) } }], profile())).toThrow(/bytes/);
    expect(() => encodeThermalJob([{ kind: 'raster', raster: { width: 12, height: 1, bits: new Uint8Array(2) } }], profile())).toThrow(/multiple of 8/);
  });
});
