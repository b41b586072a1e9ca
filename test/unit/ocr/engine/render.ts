/**
 * Small test images for the OCR engine: words drawn by sharp (librsvg) in DejaVu Sans at known places, as 8-bit gray
 * PNGs with their dpi. Each word is its own <text> element, so the test knows where it was drawn (x, baseline y).
 */
import sharp from 'sharp';

export interface DrawnWord {
  text: string;
  /** Left edge of the text and its baseline, in pixels. */
  x: number;
  y: number;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function renderWords(words: DrawnWord[], size: { width: number; height: number }, opts: { fontPx?: number; dpi?: number } = {}): Promise<Buffer> {
  const fontPx = opts.fontPx ?? 36;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<g font-family="DejaVu Sans" font-size="${fontPx}" fill="#000000">` +
    words.map((w) => `<text x="${w.x}" y="${w.y}">${escapeXml(w.text)}</text>`).join('') +
    '</g></svg>';
  return sharp(Buffer.from(svg), { density: 72 })
    .flatten({ background: '#ffffff' })
    .withDensity(opts.dpi ?? 300)
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Lines of text, one <text> per line, 60 px apart from y = 60. */
export function renderLines(lines: string[], width = 1400): Promise<Buffer> {
  return renderWords(
    lines.map((text, i) => ({ text, x: 40, y: 60 + i * 60 })),
    { width, height: 60 * lines.length + 40 },
  );
}

/** A plain gray image of the given size and level (a blank page, a 1×1 image). */
export function plainImage(width: number, height: number, level = 255): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: level, g: level, b: level } } })
    .toColourspace('b-w')
    .png()
    .toBuffer();
}
