import { describe, expect, it } from 'vitest';
import { ImageFormatError, imageInfo } from '../../../native/scanners/image-info';
import { makePng } from '../../helpers/escl-server';

/** A minimal baseline JPEG header (JFIF 300 dpi, SOF0 640×480) and its end marker; the scan data is not decoded. */
function jpeg(withEnd = true): Buffer {
  const jfif = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x01, 0x01, 0x2c, 0x01, 0x2c, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x01, 0x01, 0x11, 0x00]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0x56]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, sof, sos, withEnd ? Buffer.from([0xff, 0xd9]) : Buffer.alloc(0)]);
}

/** A little-endian TIFF, 8×4 gray, 200 dpi, one strip of 32 bytes. */
function tiff(stripBytes = 32): Buffer {
  const entries: [number, number, number, number][] = [
    [256, 3, 1, 8],
    [257, 3, 1, 4],
    [273, 4, 1, 8 + 2 + 5 * 12 + 4 + 8],
    [279, 4, 1, 32],
    [282, 5, 1, 8 + 2 + 5 * 12 + 4],
  ];
  const b = Buffer.alloc(8 + 2 + entries.length * 12 + 4 + 8 + stripBytes);
  b.write('II*\0', 0, 'latin1');
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(entries.length, 8);
  entries.forEach(([tag, type, n, v], i) => {
    const o = 10 + i * 12;
    b.writeUInt16LE(tag, o);
    b.writeUInt16LE(type, o + 2);
    b.writeUInt32LE(n, o + 4);
    if (type === 3) b.writeUInt16LE(v, o + 8);
    else b.writeUInt32LE(v, o + 8);
  });
  const rational = 10 + entries.length * 12 + 4;
  b.writeUInt32LE(200, rational);
  b.writeUInt32LE(1, rational + 4);
  return b;
}

const why = (buf: Buffer): string => {
  try {
    imageInfo(buf);
    return 'ok';
  } catch (e) {
    if (e instanceof ImageFormatError) return e.message;
    throw e;
  }
};

describe('image headers', () => {
  it('reads size and dpi of PNG, JPEG and TIFF', () => {
    expect(imageInfo(makePng(31, 17, 300))).toEqual({ mime: 'image/png', widthPx: 31, heightPx: 17, dpi: 300 });
    expect(imageInfo(jpeg())).toEqual({ mime: 'image/jpeg', widthPx: 640, heightPx: 480, dpi: 300 });
    expect(imageInfo(tiff())).toEqual({ mime: 'image/tiff', widthPx: 8, heightPx: 4, dpi: 200 });
  });

  it('refuses empty, foreign and truncated images', () => {
    const png = makePng(40, 40, 150);
    expect(why(Buffer.alloc(0))).toMatch(/empty/);
    expect(why(Buffer.from('%PDF-1.4\n'))).toMatch(/not a PNG, JPEG or TIFF/);
    expect(why(png.subarray(0, png.length - 12))).toMatch(/truncated/);
    expect(why(png.subarray(0, 40))).toMatch(/truncated/);
    expect(why(jpeg(false))).toMatch(/truncated/);
    expect(why(tiff().subarray(0, tiff().length - 10))).toMatch(/truncated/);
  });
});
