/**
 * Apply what was measured, at full resolution, in one pass: cut to the paper's box, turn by the quarter turns and the
 * skew (white fill), and say which region of the result is the page. sharp rotates about the centre and grows the
 * canvas to hold the turned image, so the page is the centred rectangle of the page's own size; when the page lay
 * skewed on a backing, its bounding box held backing corners, and the page proper is the smaller rectangle that
 * the box was drawn around (solved from the box and the angle).
 */
import sharp from 'sharp';
import type { RawImage } from './encode';
import type { Box } from './raster';

export interface GeometryPlan {
  /** Paper box in the decoded image, or null. */
  crop: Box | null;
  /** Whether the box was drawn around a page lying on a backing (then its corners are backing when skewed). */
  onBacking: boolean;
  quarter: 0 | 90 | 180 | 270;
  /** Skew of the page, degrees, counter-clockwise positive. */
  skewDeg: number;
  /** Whether to straighten the skew (else only the quarter turns are applied). */
  deskew: boolean;
}

const WHITE = { r: 255, g: 255, b: 255, alpha: 1 };

export async function straighten(img: RawImage, plan: GeometryPlan): Promise<{ image: RawImage; region: Box | null }> {
  let crop = plan.crop;
  const rad = (Math.abs(plan.skewDeg) * Math.PI) / 180;
  if (crop && plan.onBacking && !plan.deskew && rad > 0) {
    // Not straightened: keep clear of the backing wedges along each side of the box.
    const dy = Math.ceil(crop.width * Math.sin(rad));
    const dx = Math.ceil(crop.height * Math.sin(rad));
    if (crop.width > 4 * dx && crop.height > 4 * dy) crop = { left: crop.left + dx, top: crop.top + dy, width: crop.width - 2 * dx, height: crop.height - 2 * dy };
  }
  const angle = plan.quarter + (plan.deskew ? plan.skewDeg : 0);
  const isCrop = crop !== null && (crop.width !== img.width || crop.height !== img.height);
  if (!isCrop && angle === 0) return { image: img, region: null };
  let s = sharp(img.data, { raw: { width: img.width, height: img.height, channels: img.channels } });
  if (isCrop && crop) s = s.extract(crop);
  if (angle !== 0) s = s.rotate(angle, { background: WHITE });
  s = s.toColourspace(img.channels === 1 ? 'b-w' : 'srgb');
  const { data, info } = await s.raw().toBuffer({ resolveWithObject: true });
  const image: RawImage = { data, width: info.width, height: info.height, channels: info.channels === 1 ? 1 : 3 };
  if (!plan.deskew || plan.skewDeg === 0) return { image, region: null };
  const bw = crop?.width ?? img.width;
  const bh = crop?.height ?? img.height;
  let pw = bw;
  let ph = bh;
  if (crop && plan.onBacking) {
    // The box (bw × bh) around a page pw × ph turned by θ: bw = pw·cos + ph·sin, bh = pw·sin + ph·cos.
    const c = Math.cos(rad);
    const sn = Math.sin(rad);
    const det = c * c - sn * sn;
    pw = Math.floor((bw * c - bh * sn) / det);
    ph = Math.floor((bh * c - bw * sn) / det);
  }
  if (plan.quarter === 90 || plan.quarter === 270) [pw, ph] = [ph, pw];
  pw = Math.max(1, Math.min(pw, image.width));
  ph = Math.max(1, Math.min(ph, image.height));
  return { image, region: { left: Math.floor((image.width - pw) / 2), top: Math.floor((image.height - ph) / 2), width: pw, height: ph } };
}
