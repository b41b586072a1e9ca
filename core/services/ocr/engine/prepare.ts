/**
 * Image preparation before OCR for files that did not come through the scan pipeline (the `motcua ocr` and
 * `motcua pdf --ocr` commands): the same cleaning the pipeline gives a scanned page (decode, upright, deskew, crop)
 * and its grayscale master is what the engine reads. Scanned pages already have their master and skip this.
 */
import { processPage } from '../../scanning/pipeline/process-page';

export interface PreparedImage {
  /** Grayscale PNG, upright and deskewed. */
  image: Uint8Array;
  width: number;
  height: number;
  dpi: number;
}

export async function prepareForOcr(input: { bytes: Uint8Array; dpi?: number }): Promise<PreparedImage> {
  const out = await processPage({ bytes: input.bytes, dpi: input.dpi ?? 0, options: { color: 'gray', separators: false } }, { detectSeparator: null });
  return { image: out.master.bytes, width: out.widthPx, height: out.heightPx, dpi: out.dpi };
}
