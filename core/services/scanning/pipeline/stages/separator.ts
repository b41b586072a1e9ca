/**
 * Separator sheets (Patch-T, checklist-item sheets) are recognised by core/services/scanning/separators/detect.ts on
 * the page's ~150 dpi grayscale copy. Loaded on first use, once per worker thread (it instantiates zxing-wasm).
 * Barcode reading never costs a page: if the reader cannot load or fails on a page, that page is not a separator.
 */
import type { SeparatorMark } from '../types';
import type { Gray } from './raster';

export type DetectSeparator = (gray: Gray) => Promise<SeparatorMark | null>;

let loading: Promise<DetectSeparator | null> | undefined;

export function loadSeparatorDetector(): Promise<DetectSeparator | null> {
  loading ??= import('../../separators/detect').then(
    (m) => m.detectSeparator,
    () => null,
  );
  return loading;
}

export async function findSeparator(detect: DetectSeparator, gray: Gray): Promise<SeparatorMark | null> {
  try {
    return await detect(gray);
  } catch {
    return null;
  }
}
