/**
 * Small pages for the PDF tests: a few Vietnamese lines rendered at known baselines, put through the scan pipeline
 * (G4 for text, JPEG for a photo), and the words' ink boxes measured on the master's pixels, so the text layer can
 * be checked against where the words really are without running OCR.
 */
import sharp from 'sharp';
import type { OcrWord } from '../../../core/services/ocr/engine/types';
import { processPage } from '../../../core/services/scanning/pipeline/process-page';
import type { PipelineOutput } from '../../../core/services/scanning/pipeline/types';

export const LINES = ['Kính gửi: Ủy ban nhân dân phường Bến Nghé', 'Tôi tên là Nguyễn Thị Hồng Nhung', 'Đề nghị cấp giấy chứng nhận quyền sử dụng đất'];

export interface RenderedPage {
  png: Buffer;
  width: number;
  height: number;
  dpi: number;
  /** Per line: its baseline in pixels. */
  baselines: number[];
  fontPx: number;
}

/** A gray PNG of `lines` in DejaVu Serif at `dpi`, one line every 1.8 em from a 0.5-inch margin. */
export async function renderLines(lines: readonly string[] = LINES, dpi = 200): Promise<RenderedPage> {
  const fontPx = (14 / 72) * dpi;
  const margin = Math.round(dpi / 2);
  const width = Math.round(dpi * 6.5);
  const baselines = lines.map((_, i) => Math.round(margin + fontPx + i * fontPx * 1.8));
  const height = Math.round(baselines[baselines.length - 1]! + margin);
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const texts = lines.map((l, i) => `<text x="${margin}" y="${baselines[i]}">${esc(l)}</text>`).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>` +
    `<g font-family="DejaVu Serif" font-size="${fontPx.toFixed(1)}" fill="#000">${texts}</g></svg>`;
  const png = await sharp(Buffer.from(svg), { density: 72 }).flatten({ background: '#ffffff' }).withDensity(dpi).toColourspace('b-w').png().toBuffer();
  return { png, width, height, dpi, baselines, fontPx };
}

/** The scan pipeline on a page, keeping its geometry (no crop, turn or deskew) so the rendered positions hold. */
export function pipelineKeepingGeometry(bytes: Uint8Array, dpi: number): Promise<PipelineOutput> {
  return processPage({ bytes, dpi, options: { color: 'gray', separators: false, crop: false, deskew: false, autoOrient: false } }, { detectSeparator: null });
}

/**
 * Each word's ink box on a gray image: the line's band around its baseline, columns with ink split where the gap is
 * wider than a third of the font size. Throws when the ink does not split into as many runs as the line has words.
 */
export async function measureWords(image: Uint8Array, page: RenderedPage, lines: readonly string[] = LINES): Promise<OcrWord[]> {
  const { data, info } = await sharp(image).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number): number => data[y * info.width + x]!;
  const words: OcrWord[] = [];
  lines.forEach((text, li) => {
    const base = page.baselines[li]!;
    const top = Math.max(0, Math.round(base - page.fontPx * 1.25));
    const bottom = Math.min(info.height - 1, Math.round(base + page.fontPx * 0.4));
    const inkCol = (x: number): boolean => {
      for (let y = top; y <= bottom; y++) if (at(x, y) < 128) return true;
      return false;
    };
    const runs: Array<[number, number]> = [];
    const gap = page.fontPx / 3;
    let start = -1;
    let last = -1;
    for (let x = 0; x < info.width; x++) {
      if (!inkCol(x)) continue;
      if (start < 0) start = x;
      else if (x - last > gap) {
        runs.push([start, last]);
        start = x;
      }
      last = x;
    }
    if (start >= 0) runs.push([start, last]);
    const texts = text.split(' ');
    if (runs.length !== texts.length) throw new Error(`line ${li + 1}: ${runs.length} ink runs for ${texts.length} words`);
    runs.forEach(([x0, x1], wi) => {
      let y0 = bottom;
      let y1 = top;
      for (let y = top; y <= bottom; y++) {
        for (let x = x0; x <= x1; x++) {
          if (at(x, y) < 128) {
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
            break;
          }
        }
      }
      words.push({ text: texts[wi]!, confidence: 95, x0, y0, x1: x1 + 1, y1: y1 + 1, baseline: base, block: 1, par: 1, line: li + 1 });
    });
  });
  return words;
}

/** A small colour photo-like page (gradients), which the pipeline stores as JPEG. */
export async function photoPage(dpi = 100): Promise<Buffer> {
  const width = Math.round(dpi * 4);
  const height = Math.round(dpi * 3);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3a7bd5"/><stop offset="0.5" stop-color="#e8a33d"/><stop offset="1" stop-color="#2f8f4e"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#7a3b2e"/></svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).withDensity(dpi).toColourspace('srgb').jpeg({ quality: 85 }).toBuffer();
}
