/**
 * Text or photo: decides how a page is stored (bilevel G4 for text, JPEG for photos). Text on paper is two levels,
 * paper and ink, with mid-tones only along the strokes' edges; a photograph, a shaded picture or an ID card copy
 * has areas that are mid-tone throughout. We count small blocks that are mostly mid-tone: when they cover more
 * than PHOTO_MIN_AREA of the page, thresholding would destroy them, so the page is kept as JPEG.
 */
import type { Gray } from './raster';

/** Share of the page covered by mid-tone blocks above which the page is a photo (3 %: about a 4×6 cm ID photo on A4). */
export const PHOTO_MIN_AREA = 0.03;

/** Mid-tone: lighter than printed ink, darker than paper. Not tied to the Otsu level (on a photo page it falls in the photo). */
const INK_MAX = 60;
const PAPER_MARGIN = 30;

/** Blocks of the page that are picture, not text (mid-tone blocks and their neighbours): orientation and skew skip them. */
export interface PictureMask {
  cells: Uint8Array;
  cols: number;
  rows: number;
  block: number;
}

export function classifyContent(img: Gray, dpi: number, paperLevel: number): { content: 'text' | 'photo'; photoArea: number; mask: PictureMask } {
  const { width: w, height: h, data } = img;
  const block = Math.max(4, Math.round((dpi / 25.4) * 1.5)); // 1.5 mm blocks
  const lo = Math.min(INK_MAX, paperLevel - 2 * PAPER_MARGIN);
  const hi = paperLevel - PAPER_MARGIN;
  let blocks = 0;
  let photo = 0;
  const cols = Math.ceil(w / block);
  const rows = Math.ceil(h / block);
  const mid = new Uint8Array(cols * rows);
  for (let by = 0; by + block <= h; by += block) {
    for (let bx = 0; bx + block <= w; bx += block) {
      blocks++;
      let mids = 0;
      for (let y = by; y < by + block; y++) {
        const row = y * w;
        for (let x = bx; x < bx + block; x++) {
          const v = data[row + x]!;
          if (v >= lo && v <= hi) mids++;
        }
      }
      if (mids * 2 > block * block) {
        photo++;
        mid[(by / block) * cols + bx / block] = 1;
      }
    }
  }
  const photoArea = blocks === 0 ? 0 : photo / blocks;
  // Grow by one block: a picture's edges are sharp dark-light transitions that would look like ink.
  const cells = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!mid[r * cols + c]) continue;
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
        const rr = r + dr;
        const cc = c + dc;
        if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) cells[rr * cols + cc] = 1;
      }
    }
  }
  return { content: photoArea > PHOTO_MIN_AREA ? 'photo' : 'text', photoArea, mask: { cells, cols, rows, block } };
}
