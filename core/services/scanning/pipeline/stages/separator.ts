/**
 * Separator sheets (Patch-T, checklist-item sheets) are recognised by core/services/scanning/separators/detect.ts,
 * written beside this pipeline. It is loaded on first use; until that module exists (or when it fails to load) a page
 * is simply not a separator, so scanning goes on.
 */
import type { SeparatorMark } from '../types';
import type { Gray } from './raster';

export type DetectSeparator = (gray: Gray) => Promise<SeparatorMark | null>;

// A variable specifier: the module may not exist yet, and neither tsc nor the bundler must require it.
const DETECT_MODULE = '../../separators/detect';
let loading: Promise<DetectSeparator | null> | undefined;

export function loadSeparatorDetector(): Promise<DetectSeparator | null> {
  loading ??= import(/* @vite-ignore */ DETECT_MODULE).then(
    (m: { detectSeparator?: DetectSeparator }) => (typeof m.detectSeparator === 'function' ? m.detectSeparator : null),
    () => null,
  );
  return loading;
}
