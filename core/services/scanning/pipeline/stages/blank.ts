/**
 * Blank-page detection: the share of ink on the page once scanner dirt is discounted. A margin along every edge is
 * ignored (shadows of the paper edge, punched holes near it, the feeder's marks), ink is what is clearly darker than
 * the paper, and ink specks smaller than a full stop (dust, toner dots, sensor noise) are removed by their connected
 * size. A page is flagged blank under BLANK_MAX_INK; it is never dropped, the clerk reviews it.
 */
import type { Gray } from './raster';

/** Ignore this share of the width/height along each edge. */
export const BLANK_MARGIN = 0.04;
/** Below this ink share (0.05 % of the page, about 30 mm² on A4: a page number or a stray mark) a page is blank. */
export const BLANK_MAX_INK = 0.0005;
/** Ink must be this many levels darker than the paper (scanner noise on white paper stays well within it). */
const INK_CONTRAST = 70;
/**
 * Specks smaller than this, in mm², are dirt, not ink. Measured on the downscaled copy, where a 0.3 mm speck spreads
 * over about 3×3 pixels; letters are larger (a 10-point "l" is about 0.7 mm²), full stops and tone marks are not
 * and are dropped too, which matters nothing for telling a blank page from a written one.
 */
const SPECK_MM2 = 0.3;

export interface BlankResult {
  blank: boolean;
  inkRatio: number;
}

/** `dpi` is the measured image's resolution (to size specks in mm); `paperLevel` the page's white. */
export function detectBlank(img: Gray, dpi: number, paperLevel: number): BlankResult {
  const { width: w, height: h, data } = img;
  const mx = Math.floor(w * BLANK_MARGIN);
  const my = Math.floor(h * BLANK_MARGIN);
  const iw = w - 2 * mx;
  const ih = h - 2 * my;
  if (iw <= 0 || ih <= 0) return { blank: true, inkRatio: 0 };
  const threshold = Math.min(paperLevel - INK_CONTRAST, 190);
  const pxPerMm2 = (dpi / 25.4) ** 2;
  const minSpeck = Math.max(2, Math.round(SPECK_MM2 * pxPerMm2));
  // Connected components (8-neighbour) of ink inside the margins; specks under minSpeck are discarded.
  const seen = new Uint8Array(iw * ih);
  const stack: number[] = [];
  let ink = 0;
  for (let y = 0; y < ih; y++) {
    for (let x = 0; x < iw; x++) {
      const i = y * iw + x;
      if (seen[i] || data[(y + my) * w + x + mx]! >= threshold) continue;
      seen[i] = 1;
      stack.push(i);
      let size = 0;
      while (stack.length) {
        const j = stack.pop()!;
        size++;
        const cx = j % iw;
        const cy = (j - cx) / iw;
        for (let dy = -1; dy <= 1; dy++) {
          const ny = cy + dy;
          if (ny < 0 || ny >= ih) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const nx = cx + dx;
            if (nx < 0 || nx >= iw) continue;
            const k = ny * iw + nx;
            if (!seen[k] && data[(ny + my) * w + nx + mx]! < threshold) {
              seen[k] = 1;
              stack.push(k);
            }
          }
        }
      }
      if (size >= minSpeck) ink += size;
    }
  }
  const inkRatio = ink / (iw * ih);
  return { blank: inkRatio < BLANK_MAX_INK, inkRatio };
}
