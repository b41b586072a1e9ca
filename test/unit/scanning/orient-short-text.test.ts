/**
 * Orientation on images with little text (a one-line landscape strip, a single word): the letters of one line make
 * a peaky profile across it too, and such images were turned sideways. A few lines turned sideways still turn back.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processPage } from '../../../core/services/scanning/pipeline/process-page';

async function strip(lines: string[], width: number, height: number, size: number, turn = 0): Promise<Buffer> {
  const texts = lines.map((s, i) => `<text x="${size}" y="${(2 + i * 1.5) * size}">${s}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/><g font-family="DejaVu Serif" font-size="${size}" fill="#111">${texts}</g></svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#fff' }).rotate(turn).toColourspace('b-w').withDensity(300).toColourspace('b-w').png().toBuffer();
}
const run = (png: Buffer) => processPage({ bytes: png, dpi: 300, options: { color: 'gray' } }, { detectSeparator: null });

describe('page pipeline: orientation of short text', () => {
  it.each([
    ['one line across a landscape strip', ['Cộng hòa xã hội chủ nghĩa Việt Nam, số 12/2024'], 1240, 600, 40],
    ['one line in small type', ['Ủy ban nhân dân phường Bến Nghé, quận 1'], 1240, 300, 24],
    ['a single word', ['Hồ sơ'], 600, 200, 40],
  ])('leaves %s upright', async (_name, lines, width, height, size) => {
    const out = await run(await strip(lines, width, height, size));
    expect(out.rotation).toBe(0);
    expect([out.widthPx, out.heightPx]).toEqual([width, height]);
  });

  it('still turns a few lines lying sideways upright', async () => {
    const lines = ['Cộng hòa xã hội chủ nghĩa Việt Nam', 'Độc lập - Tự do - Hạnh phúc', 'Đơn đề nghị đăng ký khai sinh', 'Kính gửi: Ủy ban nhân dân phường'];
    const out = await run(await strip(lines, 1240, 600, 40, 90));
    expect(out.rotation).toBe(270);
    expect([out.widthPx, out.heightPx]).toEqual([1240, 600]);
  });
});
