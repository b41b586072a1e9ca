/**
 * One page through the pipeline: decode → crop to the paper → orientation and skew → straighten → blank and content →
 * separator → encode. Measurements run on one downscaled (~150 dpi) grayscale copy; only straightening and encoding
 * touch full-resolution pixels, and the page is decoded once. Runs inside a worker thread (worker.ts), and directly
 * in tests. Failures are AppErrors with the codes in PIPELINE_ERROR_CODES.
 */
import sharp from 'sharp';
import { AppError, isAppError } from '../../../contract/errors';
import { detectBlank } from './stages/blank';
import { classifyContent } from './stages/classify';
import { findPaper, whitenBacking } from './stages/crop';
import { type Decoded, decodePage } from './stages/decode';
import { encodeBilevel, encodeJpeg, encodeMaster, encodeThumb } from './stages/encode';
import { straighten } from './stages/geometry';
import { measureOrientation } from './stages/orient';
import { type Box, cropGray, type Gray, histogram, otsu, percentile } from './stages/raster';
import { type DetectSeparator, findSeparator, loadSeparatorDetector } from './stages/separator';
import type { PipelineInput, PipelineOutput, PipelineStage, SeparatorMark } from './types';

/** Skew under this is left alone (re-sampling a page costs sharpness for no visible gain). */
export const DESKEW_MIN_DEG = 0.3;
/** The paper's level: the bright end of the page (text, pictures and a photo's own whites are fewer or darker). */
const PAPER_PERCENTILE = 0.95;
/** Resolution of the measuring copy. */
export const MEASURE_DPI = 150;

export interface ProcessDeps {
  /** Separator detection; the default loads core/services/scanning/separators/detect.ts when it exists. */
  detectSeparator?: DetectSeparator | null;
}

export async function processPage(input: PipelineInput, deps: ProcessDeps = {}): Promise<PipelineOutput> {
  const timings: Partial<Record<PipelineStage, number>> = {};
  let t = performance.now();
  const lap = (stage: PipelineStage): void => {
    const now = performance.now();
    timings[stage] = (timings[stage] ?? 0) + (now - t);
    t = now;
  };
  const o = input.options;
  const keepColor = o.keepColor ?? o.color === 'color';

  const page = await decodePage(input.bytes, input.dpi, keepColor && o.color !== 'bw');
  const dpi = page.dpi;
  const factor = Math.max(1, Math.round(dpi / MEASURE_DPI));
  const measureDpi = dpi / factor;
  const full = await measuringCopy(page, factor);
  lap('decode');

  // Crop: the paper's box on the measuring copy, scaled back to the page.
  let work: Gray = full;
  let crop: Box | null = null;
  const edge = o.crop === false ? null : findPaper(full);
  let paperLevel = percentile(histogram(full), PAPER_PERCENTILE);
  if (edge) {
    work = cropGray(full, edge.box);
    paperLevel = percentile(histogram(work), PAPER_PERCENTILE);
    whitenBacking(work, edge, paperLevel);
    crop = scaleBox(edge.box, factor, page.width, page.height);
  }
  lap('crop');

  const hist = histogram(work);
  // Ink is what Otsu separates from paper, but never paper-coloured noise on a near-blank page.
  const inkThreshold = Math.max(1, Math.min(otsu(hist), paperLevel - 40));
  // Pictures are found first so that orientation and skew read the text lines only.
  const classified = classifyContent(work, measureDpi, paperLevel);
  const orient = measureOrientation(work, inkThreshold, { autoOrient: o.autoOrient !== false, mask: classified.mask });
  lap('orient');
  const quarterTurns = (((o.quarterTurns ?? 0) % 4) + 4) % 4;
  const quarter = ((orient.quarter + quarterTurns * 90) % 360) as 0 | 90 | 180 | 270;
  const deskew = o.deskew !== false && Math.abs(orient.skewDeg) > DESKEW_MIN_DEG;
  const straight = await straighten(
    { data: page.data, width: page.width, height: page.height, channels: page.channels },
    { crop, onBacking: edge !== null, quarter, skewDeg: orient.skewDeg, deskew },
  );
  lap('deskew');

  const blank = detectBlank(work, measureDpi, paperLevel);
  lap('blank');

  let separator: SeparatorMark | null = null;
  if (o.separators) {
    const detect = deps.detectSeparator !== undefined ? deps.detectSeparator : await loadSeparatorDetector();
    if (detect) separator = await findSeparator(detect, full);
    lap('separator');
  }

  // A bilevel scan has no mid-tones to keep: always G4.
  const colourPage = straight.image.channels === 3;
  const asJpeg = colourPage || (o.color !== 'bw' && classified.content === 'photo');
  const region = straight.region;
  const image = asJpeg ? await encodeJpeg(straight.image, region, dpi) : await encodeBilevel(straight.image, region, inkThreshold, dpi);
  lap('encode');
  const master = await encodeMaster(straight.image, region, dpi);
  lap('master');
  const thumb = await encodeThumb(straight.image, region);
  lap('thumb');

  return {
    image,
    master,
    thumb,
    widthPx: region?.width ?? straight.image.width,
    heightPx: region?.height ?? straight.image.height,
    dpi,
    rotation: quarter,
    skewDeg: orient.skewDeg,
    deskewed: deskew,
    crop,
    blank: blank.blank,
    inkRatio: blank.inkRatio,
    content: asJpeg ? 'photo' : 'text',
    separator,
    timings,
  };
}

/** The page shrunk by `factor` to gray, by libvips (about 3× faster than a JS loop on a 300 dpi page). */
async function measuringCopy(page: Decoded, factor: number): Promise<Gray> {
  if (factor === 1 && page.channels === 1) return { data: page.data, width: page.width, height: page.height };
  const width = Math.max(1, Math.floor(page.width / factor));
  const height = Math.max(1, Math.floor(page.height / factor));
  const data = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: page.channels } })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  return { data, width, height };
}

function scaleBox(box: Box, factor: number, width: number, height: number): Box {
  const left = Math.min(width - 1, box.left * factor);
  const top = Math.min(height - 1, box.top * factor);
  return { left, top, width: Math.min(width - left, box.width * factor), height: Math.min(height - top, box.height * factor) };
}

/** The error a worker reports for a failure that is not one of ours (a bug or a libvips failure mid-page). */
export function toPipelineError(e: unknown): AppError {
  if (isAppError(e)) return e;
  const detail = e instanceof Error ? e.message.split('\n')[0]!.slice(0, 200) : String(e);
  return new AppError('SCAN_PAGE_FAILED', { reason: 'error', detail });
}
