import bwipjs from 'bwip-js/node';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { detectSeparator } from '../../../core/services/scanning/separators/detect';

// A4 at 150 dpi, the copy the page pipeline hands to detectSeparator.
const W = 1240;
const H = 1754;

/** A page of text lines with barcode images placed below them (each keeps its own quiet zone). */
async function page(codes: { png: Buffer; left: number; top: number }[], lines = 30): Promise<{ data: Uint8Array; width: number; height: number }> {
  let text = '';
  for (let i = 0; i < lines; i++) {
    text += `<text x="110" y="${130 + i * 32}" font-size="24" font-family="serif">Điều ${i + 1}. Người yêu cầu đăng ký khai sinh nộp tờ khai theo mẫu quy định ${i}</text>`;
  }
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="white"/>${text}</svg>`);
  const { data, info } = await sharp(svg)
    .composite(codes.map((c) => ({ input: c.png, left: c.left, top: c.top })))
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

const code = (bcid: string, text: string, scale: number, height?: number): Promise<Buffer> =>
  bwipjs.toBuffer({ bcid, text, scale, ...(height ? { height } : {}), paddingwidth: 10, paddingheight: 10, backgroundcolor: 'FFFFFF' });

const realFetch = globalThis.fetch;
beforeAll(() => {
  // The reader's .wasm comes from the installed package: any attempt to fetch it fails this file.
  globalThis.fetch = vi.fn(() => Promise.reject(new Error('network used')));
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

describe('detectSeparator', () => {
  it('finds a Patch-T sheet (Code 39 PATCHT) without touching the network', async () => {
    const p = await page([{ png: await code('code39', 'PATCHT', 5, 25), left: 150, top: 1150 }]);
    expect(await detectSeparator(p)).toEqual({ kind: 'patch-t', text: 'PATCHT' });
    expect(globalThis.fetch).not.toHaveBeenCalled();
  });

  it('finds an item sheet (QR "MOTCUA-ITEM:<code>") and names the item', async () => {
    const p = await page([{ png: await code('qrcode', 'MOTCUA-ITEM:GiayKhaiSinh_ban_sao', 7), left: 400, top: 1150 }]);
    expect(await detectSeparator(p)).toEqual({ kind: 'item', itemCode: 'GiayKhaiSinh_ban_sao', text: 'MOTCUA-ITEM:GiayKhaiSinh_ban_sao' });
  });

  it('finds a Patch-T sheet fed sideways', async () => {
    const p = await page([{ png: await code('code39', 'PATCHT', 5, 25), left: 150, top: 1150 }], 0);
    const turned = await sharp(Buffer.from(p.data), { raw: { width: p.width, height: p.height, channels: 1 } }).rotate(90).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    expect(await detectSeparator({ data: new Uint8Array(turned.data), width: turned.info.width, height: turned.info.height })).toEqual({ kind: 'patch-t', text: 'PATCHT' });
  });

  it('leaves pages with other barcodes alone: a receipt QR, a CCCD QR, PATCHT in Code 128, other Code 39', async () => {
    const foreign = [
      await code('qrcode', 'https://dichvucong.gov.vn/p/tra-cuu?ma=000.00.01.H01-250101-0001', 6),
      await code('qrcode', '001099012345|123456789|Nguyen Van An|01011990|Nam|So 1 Hang Bong|01012021', 5),
      await code('code128', 'PATCHT', 5, 25),
      await code('code39', 'PATCHT1', 5, 25),
    ];
    for (const png of foreign) {
      expect(await detectSeparator(await page([{ png, left: 300, top: 1150 }]))).toBeNull();
    }
  });

  it('returns null for a text page, a blank page, and for anything that is not an image', async () => {
    expect(await detectSeparator(await page([]))).toBeNull();
    expect(await detectSeparator({ data: new Uint8Array(W * H).fill(255), width: W, height: H })).toBeNull();
    const noise = new Uint8Array(W * H);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    expect(await detectSeparator({ data: noise, width: W, height: H })).toBeNull();
    // Sizes that do not match the bytes, or make no sense: null, never an exception.
    expect(await detectSeparator({ data: new Uint8Array(10), width: W, height: H })).toBeNull();
    expect(await detectSeparator({ data: new Uint8Array(0), width: 0, height: 0 })).toBeNull();
    expect(await detectSeparator({ data: new Uint8Array(100), width: -10, height: -10 })).toBeNull();
    expect(await detectSeparator({ data: new Uint8Array(100), width: 2.5, height: 40 })).toBeNull();
    expect(await detectSeparator({ data: new Uint8Array(100_000), width: 100_000, height: 100_000 })).toBeNull();
    expect(await detectSeparator(null as unknown as { data: Uint8Array; width: number; height: number })).toBeNull();
  });
});

describe('detectSeparator called concurrently in one thread', () => {
  it('gives each page its own answer (the pixel buffer the reader is handed is shared between calls)', async () => {
    const patch = await page([{ png: await code('code39', 'PATCHT', 5, 25), left: 150, top: 1150 }]);
    const item = await page([{ png: await code('qrcode', 'MOTCUA-ITEM:TP1', 7), left: 400, top: 1150 }]);
    const blank = { data: new Uint8Array(W * H).fill(255), width: W, height: H };
    const marks = await Promise.all([patch, item, blank, item, patch].map((p) => detectSeparator(p)));
    expect(marks.map((m) => m?.text ?? null)).toEqual(['PATCHT', 'MOTCUA-ITEM:TP1', null, 'MOTCUA-ITEM:TP1', 'PATCHT']);
  });
});
