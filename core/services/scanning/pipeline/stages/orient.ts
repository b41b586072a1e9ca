/**
 * Orientation (0/90/180/270) and skew, measured together on the ink points of the downscaled page.
 *
 * Sideways or upright: text lines give a peaky projection profile across them and a flat one along them, so the
 * page's lines run along whichever axis scores higher (lines.ts). That settles 0/180 against 90/270.
 *
 * Upright or upside down (and so 90 against 270): Latin script, Vietnamese even more, has far more ink above a
 * line's x-height band than below it: ascenders (b d f h k l t), capitals, digits and the tone and vowel marks above
 * (ầ ế ở …) against the few descenders (g p q y) and the dot below (ạ ộ). Turned 180° that flips. We find each
 * line's core band in the profile and add up the ink just above and just below it over the page; we turn the page
 * only when "below" clearly wins over several lines. Pages with too few lines (or not Latin text) stay as they are.
 *
 * One line of text (a label, a cut-out field, a short landscape strip) fools the sideways test: across the line, its
 * letters and the gaps between them make a peaky profile too. Real lines are long against their thickness and letter
 * columns are not, so a sideways turn also needs the turned page's lines to be long (MIN_LINE_ASPECT).
 * OCR's orientation detection (next issue) can overrule this.
 */
import { inkPoints, type PointMask, profile, quarterTurn, refineAngle, scanAngles } from './lines';
import type { Gray } from './raster';

/** A page is turned 180° only when the ink below the lines exceeds the ink above by this factor. */
export const UPSIDE_DOWN_RATIO = 1.2;
/** ...over at least this many lines. */
export const MIN_LINES_FOR_FLIP = 3;
/** Sideways only when the other axis's line score beats this one's by this factor. */
const SIDEWAYS_MARGIN = 1.1;
/**
 * Below this line score the ink does not form lines (a picture, a few scattered marks): the page is left as it is.
 * Text pages score about 2 to 2.5 (1 is ink spread evenly).
 */
export const MIN_LINE_SCORE = 1.3;
/**
 * A sideways turn needs the turned page's bands to be lines: typical length (ink extent along the band) at least this
 * many times the band's thickness. Lines of a page are well over 5 even when dense lines touch; the letters of one
 * upright line, seen sideways, are about 0.7 to 2.5 (a letter's height with its marks against its width).
 */
export const MIN_LINE_ASPECT = 3;

export interface OrientationResult {
  /** Clockwise quarter turns (degrees) that make the page upright. */
  quarter: 0 | 90 | 180 | 270;
  /** Skew of the upright page, degrees, positive counter-clockwise (rotate clockwise by it to straighten). */
  skewDeg: number;
  /** Line scores of the chosen and the other axis, and the above/below ink of the up-down test (for logs and tests). */
  evidence: { lineScore: number; otherAxisScore: number; above: number; below: number; lines: number };
}

export interface OrientOptions {
  autoOrient: boolean;
  /** Largest skew looked for, degrees. */
  maxSkewDeg?: number;
  /** Picture areas to leave out (classify.ts). */
  mask?: PointMask;
}

export function measureOrientation(img: Gray, inkThreshold: number, opts: OrientOptions): OrientationResult {
  const pts = inkPoints(img, inkThreshold, undefined, opts.mask);
  const range = opts.maxSkewDeg ?? 10;
  const none: OrientationResult = { quarter: 0, skewDeg: 0, evidence: { lineScore: 0, otherAxisScore: 0, above: 0, below: 0, lines: 0 } };
  if (pts.length < 200) return none; // nothing to measure on (blank or nearly)
  // Axis first, on coarse fits (the same sample size for both, so their scores compare); then refine the winner.
  const scratch = { bins: new Int32Array(0) };
  const upright = scanAngles(pts, -range, range, 0.5, 10_000, scratch);
  let quarter: 0 | 90 | 180 | 270 = 0;
  let coarse = upright;
  let frame = pts;
  let otherScore = 0;
  if (opts.autoOrient) {
    const turned = quarterTurn(pts, img.height);
    const side = scanAngles(turned, -range, range, 0.5, 10_000, scratch);
    otherScore = side.score;
    if (side.score > upright.score * SIDEWAYS_MARGIN && lineAspect(turned, side.deg) >= MIN_LINE_ASPECT) {
      quarter = 90;
      coarse = side;
      frame = turned;
      otherScore = upright.score;
    }
  }
  const fit = refineAngle(frame, coarse, scratch);
  if (fit.score < MIN_LINE_SCORE) return { ...none, evidence: { ...none.evidence, lineScore: fit.score, otherAxisScore: otherScore } };
  const ud = upDown(frame, fit.deg);
  if (opts.autoOrient && ud.lines >= MIN_LINES_FOR_FLIP && ud.below > ud.above * UPSIDE_DOWN_RATIO) quarter = quarter === 90 ? 270 : 180;
  // Slope is unchanged by a half turn, so the angle measured in the quarter frame holds for the upright page.
  const skewDeg = fit.deg === 0 ? 0 : -fit.deg;
  return { quarter, skewDeg, evidence: { lineScore: fit.score, otherAxisScore: otherScore, above: ud.above, below: ud.below, lines: ud.lines } };
}

/** The dense bands of a profile across lines (each text line's core, x-height band), as [first, last] bin. */
export function coreBands(bins: Float64Array): [number, number][] {
  const n = bins.length;
  const nonzero: number[] = [];
  for (let i = 0; i < n; i++) if (bins[i]! > 0) nonzero.push(bins[i]!);
  nonzero.sort((a, b) => a - b);
  const high = nonzero[Math.floor(nonzero.length * 0.95)] ?? 0;
  const thr = high * 0.4;
  const cores: [number, number][] = [];
  for (let i = 0; i < n; ) {
    if (bins[i]! >= thr) {
      let j = i;
      while (j + 1 < n && bins[j + 1]! >= thr) j++;
      if (j - i + 1 >= 2) cores.push([i, j]);
      i = j + 1;
    } else i++;
  }
  return cores;
}

/**
 * Median over the bands at `deg` of (ink extent along the band, 5th to 95th percentile) ÷ (band thickness), a band
 * being a run of the profile between empty gaps (a text line with its marks, or sideways, one letter): how much the
 * bands look like lines of text rather than letters.
 */
export function lineAspect(pts: Int32Array, deg: number): number {
  const { bins, origin } = profile(pts, deg);
  const n = bins.length;
  let peak = 0;
  for (let i = 0; i < n; i++) if (bins[i]! > peak) peak = bins[i]!;
  const floor = peak * 0.02; // a few noise points do not bridge a gap
  const bands: [number, number][] = [];
  for (let i = 0; i < n; ) {
    if (bins[i]! > floor) {
      let j = i;
      while (j + 1 < n && bins[j + 1]! > floor) j++;
      if (j - i + 1 >= 2) bands.push([i, j]);
      i = j + 1;
    } else i++;
  }
  if (bands.length === 0) return 0;
  const band = new Int32Array(n).fill(-1);
  bands.forEach(([b0, b1], k) => band.fill(k, b0, b1 + 1));
  const xs: number[][] = bands.map(() => []);
  const t = Math.tan((deg * Math.PI) / 180);
  for (let i = 0; i < pts.length; i += 2) {
    const k = band[Math.floor(pts[i + 1]! - pts[i]! * t) - origin]!;
    if (k >= 0) xs[k]!.push(pts[i]!);
  }
  // Weighted by ink: specks and stray marks make many tiny bands that should not outvote the text.
  const rated = bands.map(([b0, b1], k) => {
    const v = xs[k]!.sort((a, b) => a - b);
    const ratio = v.length < 2 ? 0 : (v[Math.floor(v.length * 0.95)]! - v[Math.floor(v.length * 0.05)]!) / (b1 - b0 + 1);
    return { ratio, ink: v.length };
  });
  rated.sort((a, b) => a.ratio - b.ratio);
  const half = rated.reduce((sum, r) => sum + r.ink, 0) / 2;
  let acc = 0;
  for (const r of rated) if ((acc += r.ink) >= half) return r.ratio;
  return rated[rated.length - 1]!.ratio;
}

/** Ink just above and just below each text line's core (x-height) band, summed over the page. */
export function upDown(pts: Int32Array, deg: number): { above: number; below: number; lines: number } {
  const { bins } = profile(pts, deg);
  const n = bins.length;
  if (n < 5) return { above: 0, below: 0, lines: 0 };
  const cores = coreBands(bins);
  let above = 0;
  let below = 0;
  for (let k = 0; k < cores.length; k++) {
    const [c0, c1] = cores[k]!;
    const reach = Math.max(2, Math.round((c1 - c0 + 1) * 0.9));
    const prevEnd = k > 0 ? cores[k - 1]![1] : -Infinity;
    const nextStart = k + 1 < cores.length ? cores[k + 1]![0] : Infinity;
    const from = Math.max(0, c0 - reach, Math.ceil((prevEnd + c0) / 2));
    const to = Math.min(n - 1, c1 + reach, Math.floor((c1 + nextStart) / 2));
    for (let i = from; i < c0; i++) above += bins[i]!;
    for (let i = c1 + 1; i <= to; i++) below += bins[i]!;
  }
  return { above, below, lines: cores.length };
}
