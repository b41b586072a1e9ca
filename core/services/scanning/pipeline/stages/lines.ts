/**
 * Text lines seen through projection profiles. Ink pixels are projected onto the axis across the lines at a trial
 * angle; when the angle matches the lines, the profile alternates between dense lines and empty gaps, and the
 * sum of squared bin counts is highest (Postl's method). Working on the list of ink points keeps each trial cheap.
 */
import type { Gray } from './raster';

/** Cells (block × block pixels) to leave out: pictures, whose edges are not text lines. */
export interface PointMask {
  cells: Uint8Array;
  cols: number;
  block: number;
}

/** Ink point coordinates (x, y interleaved) of a binarised image, at most `max` of them (evenly sampled). */
export function inkPoints(img: Gray, threshold: number, max = 150_000, mask?: PointMask): Int32Array {
  const { width, height } = img;
  const data = mask ? masked(img, mask) : img.data;
  let count = 0;
  for (let i = 0; i < data.length; i++) if (data[i]! < threshold) count++;
  const step = Math.max(1, Math.ceil(count / max));
  const pts = new Int32Array(Math.ceil(count / step) * 2);
  let k = 0;
  let seen = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x]! < threshold) {
        if (seen++ % step === 0 && k < pts.length) {
          pts[k++] = x;
          pts[k++] = y;
        }
      }
    }
  }
  return k === pts.length ? pts : pts.subarray(0, k);
}

/** A copy of the image with the masked cells painted white. */
function masked(img: Gray, mask: PointMask): Uint8Array {
  const out = new Uint8Array(img.data);
  for (let y = 0; y < img.height; y++) {
    const rowCells = Math.floor(y / mask.block) * mask.cols;
    for (let x = 0; x < img.width; x++) if (mask.cells[rowCells + Math.floor(x / mask.block)]) out[y * img.width + x] = 255;
  }
  return out;
}

/** The same points as seen on the page turned a quarter clockwise (W×H → H×W: (x, y) → (H-1-y, x)). */
export function quarterTurn(pts: Int32Array, height: number): Int32Array {
  const out = new Int32Array(pts.length);
  for (let i = 0; i < pts.length; i += 2) {
    out[i] = height - 1 - pts[i + 1]!;
    out[i + 1] = pts[i]!;
  }
  return out;
}

/**
 * Profile across lines that run at `deg` (image coordinates, y down: positive = the lines fall to the right),
 * binned one pixel per bin. Returns the bins and the offset of bin 0.
 */
export function profile(pts: Int32Array, deg: number, stride = 1): { bins: Float64Array; origin: number } {
  const t = Math.tan((deg * Math.PI) / 180);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < pts.length; i += 2 * stride) {
    const v = pts[i + 1]! - pts[i]! * t;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) return { bins: new Float64Array(0), origin: 0 };
  const origin = Math.floor(min);
  const bins = new Float64Array(Math.floor(max) - origin + 1);
  for (let i = 0; i < pts.length; i += 2 * stride) bins[Math.floor(pts[i + 1]! - pts[i]! * t) - origin]! += 1;
  return { bins, origin };
}

/**
 * How strongly the points form lines at `deg`: Σ count² × bins / N², which is about 1 for ink spread evenly and
 * grows with peaky, line-like profiles (comparable between two point sets of the same page). `scratch` is reused
 * between calls (this runs some 200 times a page).
 */
export function lineScore(pts: Int32Array, deg: number, stride = 1, scratch?: { bins: Int32Array }): number {
  const t = Math.tan((deg * Math.PI) / 180);
  let maxX = 0;
  let maxY = 0;
  for (let i = 0; i < pts.length; i += 2 * stride) {
    if (pts[i]! > maxX) maxX = pts[i]!;
    if (pts[i + 1]! > maxY) maxY = pts[i + 1]!;
  }
  // v = y - x·t lies in [-maxX·|t|, maxY + maxX·|t|]: one pass, bins offset by the lower bound.
  const shift = Math.ceil(maxX * Math.abs(t)) + 1;
  const size = maxY + 2 * shift + 2;
  let bins = scratch?.bins;
  if (!bins || bins.length < size) {
    bins = new Int32Array(size);
    if (scratch) scratch.bins = bins;
  } else bins.fill(0, 0, size);
  let n = 0;
  let lo = size;
  let hi = 0;
  for (let i = 0; i < pts.length; i += 2 * stride) {
    const b = Math.floor(pts[i + 1]! - pts[i]! * t) + shift;
    bins[b]! += 1;
    if (b < lo) lo = b;
    if (b > hi) hi = b;
    n++;
  }
  if (n === 0) return 0;
  let sq = 0;
  for (let i = lo; i <= hi; i++) sq += bins[i]! * bins[i]!;
  return (sq * (hi - lo + 1)) / (n * n);
}

export interface AngleFit {
  deg: number;
  score: number;
}

/** Best line angle on a sample of at most `maxPoints` points, trying `from`..`to` in `step` degree steps. */
export function scanAngles(pts: Int32Array, from: number, to: number, step: number, maxPoints: number, scratch = { bins: new Int32Array(0) }): AngleFit {
  const stride = Math.max(1, Math.floor(pts.length / 2 / maxPoints));
  let best: AngleFit = { deg: 0, score: -1 };
  for (let d = from; d <= to + 1e-9; d += step) {
    const s = lineScore(pts, d, stride, scratch);
    if (s > best.score) best = { deg: d, score: s };
  }
  return best;
}

/**
 * Best line angle within ±range degrees, coarse to fine: 0.5° steps on a small sample (a text line's peak is about
 * ±0.3° wide at 150 dpi, so a 0.5° grid lands on its slope), then 0.1° and 0.02° steps on larger samples.
 */
export function bestAngle(pts: Int32Array, range = 10): AngleFit {
  const scratch = { bins: new Int32Array(0) };
  const coarse = scanAngles(pts, -range, range, 0.5, 10_000, scratch);
  return refineAngle(pts, coarse, scratch);
}

export function refineAngle(pts: Int32Array, coarse: AngleFit, scratch = { bins: new Int32Array(0) }): AngleFit {
  const mid = scanAngles(pts, coarse.deg - 0.5, coarse.deg + 0.5, 0.1, 30_000, scratch);
  const fine = scanAngles(pts, mid.deg - 0.1, mid.deg + 0.1, 0.02, 60_000, scratch);
  return { deg: Math.round(fine.deg * 100) / 100, score: fine.score };
}
