/**
 * Image preparation before OCR.
 *
 * prepareForOcr, for files that did not come through the scan pipeline (the `motcua ocr` and `motcua pdf --ocr`
 * commands): the same cleaning the pipeline gives a scanned page (decode, upright, deskew, crop) makes its grayscale
 * master, then enhanceForOcr. Scanned pages already have their master; enhanceForOcr is the part that applies to them.
 *
 * enhanceForOcr: what measurably lowers Tesseract's character error rate on the Vietnamese corpus
 * (test/ocr-corpus, figures in test/bench/ocr-accuracy.bench.ts):
 *  - low resolution: scanned under 250 dpi, or text smaller than SMALL_TEXT_CORE_PX whatever the file says (a
 *    150 dpi scan saved without its resolution passes for 300) → resampled to 300 dpi, or until the text's x-height
 *    is TARGET_TEXT_CORE_PX (Lanczos). Tesseract binarises the page itself, and at 150 dpi the strokes and tone
 *    marks of 10–12 pt type are 1–2 px: binarised at 300 the marks survive (10 pt serif, full page, at 150 dpi:
 *    CER 0.56% → 0.24% with the median below; at 200 dpi: 0.40% → 0.16%);
 *  - noise (grain, dust): a 3×3 median when the measured noise is over NOISE_SIGMA_MEDIAN, and always after
 *    upscaling (it also smooths the resampling's ringing). Specks read as tone marks and stray punctuation
 *    otherwise (σ 24 noise, 12 pt serif: 2.09% → 0.54%; the 150 dpi scanner variant: 1.43% → 0.68%).
 * Not done, because it did not help: a global contrast stretch for dark scans (Tesseract's Otsu already copes:
 * paper 150 / ink 55 reads like white paper) and a Gaussian blur against noise (no gain). Skew is the pipeline's:
 * a 2° page is straightened there (unstraightened, whole lines are lost).
 */
import sharp from 'sharp';
import { processPage } from '../../scanning/pipeline/process-page';
import { MAX_PAGE_PIXELS } from '../../scanning/pipeline/stages/decode';
import { inkPoints, profile } from '../../scanning/pipeline/stages/lines';
import { coreBands } from '../../scanning/pipeline/stages/orient';
import { histogram, otsu } from '../../scanning/pipeline/stages/raster';

export interface PreparedImage {
  /** Grayscale PNG, upright and deskewed. */
  image: Uint8Array;
  width: number;
  height: number;
  dpi: number;
}

export interface EnhancedImage extends PreparedImage {
  /** What was done, for logs and the benchmark: e.g. ['upscale 150→300 dpi', 'median 3×3 (noise σ 11.8)']. */
  steps: string[];
  /** Noise measured on the input, in gray levels (σ of a Gaussian that would give the same Laplacian spread). */
  noiseSigma: number;
  /** Height of the text lines' x-height band in the input, pixels; null when no lines were found. */
  textCorePx: number | null;
}

/** Resolution OCR reads best at (Tesseract's own recommendation, and what its training lines were). */
export const OCR_TARGET_DPI = 300;
/** Pages scanned under this are resampled to OCR_TARGET_DPI (a 250–300 dpi scan gains nothing measurable). */
export const UPSCALE_BELOW_DPI = 250;
/** Never enlarge more than this (a 72 dpi screen image would become a blurred giant). */
export const MAX_UPSCALE = 4;
/** Text whose x-height band (median over the lines, weighted by ink) is under this many pixels is enlarged... */
export const SMALL_TEXT_CORE_PX = 18;
/** ...to this (12 pt type at 300 dpi: 23–28 px; 10 pt serif 22). */
export const TARGET_TEXT_CORE_PX = 24;
/** Noise over this σ (gray levels) gets a median filter: clean scans measure 0–2, JPEG q 35 about 1–3, grain 8 and up. */
export const NOISE_SIGMA_MEDIAN = 5;
/** Tesseract refuses sides over 32,767 px. */
const MAX_SIDE = 32_000;

export async function prepareForOcr(input: { bytes: Uint8Array; dpi?: number }): Promise<EnhancedImage> {
  const out = await processPage({ bytes: input.bytes, dpi: input.dpi ?? 0, options: { color: 'gray', separators: false } }, { detectSeparator: null });
  return enhanceForOcr({ image: out.master.bytes, dpi: out.dpi });
}

/** A grayscale master (any format sharp reads; gray or not) made ready for the engine; see the file's header. */
export async function enhanceForOcr(input: { image: Uint8Array; dpi: number }): Promise<EnhancedImage> {
  const { data, info } = await sharp(input.image).toColourspace('b-w').extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const dpi = input.dpi > 0 ? input.dpi : OCR_TARGET_DPI;
  const noiseSigma = estimateNoise(data, width, height);
  const steps: string[] = [];

  const textCorePx = textCoreHeight(data, width, height);
  const byDpi = dpi < UPSCALE_BELOW_DPI ? OCR_TARGET_DPI / dpi : 1;
  const byText = textCorePx !== null && textCorePx < SMALL_TEXT_CORE_PX ? TARGET_TEXT_CORE_PX / textCorePx : 1;
  let factor = Math.min(MAX_UPSCALE, Math.max(byDpi, byText));
  factor = Math.min(factor, Math.sqrt(MAX_PAGE_PIXELS / (width * height)), MAX_SIDE / Math.max(width, height));
  const upscale = factor > 1.05;
  const outW = upscale ? Math.round(width * factor) : width;
  const outH = upscale ? Math.round(height * factor) : height;
  const outDpi = upscale ? Math.round(dpi * factor) : dpi;
  const median = upscale || noiseSigma > NOISE_SIGMA_MEDIAN;

  if (!upscale && !median) return { image: input.image, width, height, dpi, steps, noiseSigma, textCorePx };
  let s = sharp(data, { raw: { width, height, channels: 1 } });
  if (upscale) {
    s = s.resize(outW, outH, { kernel: 'lanczos3', fit: 'fill' });
    steps.push(`upscale ${dpi}→${outDpi} dpi${byText > byDpi ? ` (text core ${textCorePx} px)` : ''}`);
  }
  if (median) {
    s = s.median(3);
    steps.push(`median 3×3 (noise σ ${noiseSigma.toFixed(1)})`);
  }
  // A one-band raw input comes out as sRGB unless told; level 1: the engine decodes this once, right away.
  const image = await s.toColourspace('b-w').withDensity(outDpi).toColourspace('b-w').png({ compressionLevel: 1 }).toBuffer();
  return { image, width: outW, height: outH, dpi: outDpi, steps, noiseSigma, textCorePx };
}

/**
 * The x-height of the page's text in pixels: the dense core band of each line in the projection profile (the page is
 * upright and straight here), median over the lines weighted by their ink so that bands of tone marks and specks do
 * not count. Null with fewer than 3 lines (a word or two says nothing reliable).
 */
export function textCoreHeight(data: Uint8Array, width: number, height: number): number | null {
  const img = { data, width, height };
  const pts = inkPoints(img, otsu(histogram(img)));
  if (pts.length < 400) return null;
  const { bins } = profile(pts, 0);
  const cores = coreBands(bins);
  if (cores.length < 3) return null;
  const rated = cores.map(([a, b]) => {
    let ink = 0;
    for (let i = a; i <= b; i++) ink += bins[i]!;
    return { h: b - a + 1, ink };
  });
  rated.sort((x, y) => x.h - y.h);
  const half = rated.reduce((s, r) => s + r.ink, 0) / 2;
  let acc = 0;
  for (const r of rated) if ((acc += r.ink) >= half) return r.h;
  return rated[rated.length - 1]!.h;
}

/**
 * Noise level of a gray page, in gray levels: the median of |Laplacian| (the 3×3 kernel 1 −2 1 / −2 4 −2 / 1 −2 1,
 * which cancels smooth shading) over every 4th row, ÷ 4.05 (for Gaussian noise of σ, |L| has median 0.6745 · 6σ).
 * Most of a page is paper, so text edges do not move the median; a clean scan gives about 0.
 */
export function estimateNoise(data: Uint8Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  const hist = new Uint32Array(1024);
  let n = 0;
  for (let y = 1; y < height - 1; y += 4) {
    const r0 = (y - 1) * width;
    const r1 = y * width;
    const r2 = (y + 1) * width;
    for (let x = 1; x < width - 1; x++) {
      const l =
        data[r0 + x - 1]! - 2 * data[r0 + x]! + data[r0 + x + 1]! -
        2 * data[r1 + x - 1]! + 4 * data[r1 + x]! - 2 * data[r1 + x + 1]! +
        data[r2 + x - 1]! - 2 * data[r2 + x]! + data[r2 + x + 1]!;
      const a = l < 0 ? -l : l;
      hist[a > 1023 ? 1023 : a]! += 1;
      n++;
    }
  }
  let acc = 0;
  for (let i = 0; i < 1024; i++) if ((acc += hist[i]!) * 2 >= n) return i / 4.05;
  return 1023 / 4.05;
}
