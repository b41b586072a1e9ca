/**
 * What the page pipeline takes and gives (shared by the pipeline, its worker threads and the scan service).
 * A page goes in as the device gave it; out come the stored image (CCITT G4 TIFF for text, JPEG for photos and
 * colour), the grayscale master OCR reads, a thumbnail, and what was measured. Nothing is dropped: a blank page is
 * flagged, a separator sheet is recognised, and a page that cannot be read is an error with a code.
 */
import type { ColorMode } from '../../../../native/scanners/scanner';

export interface PipelineOptions {
  /** What the clerk asked the scanner for; 'color' pages that are mostly text still become G4 unless keepColor. */
  color: ColorMode;
  /** Measure skew and straighten when over DESKEW_MIN_DEG. Default true. */
  deskew?: boolean;
  /** Turn pages lying on their side or upside down upright (0/90/180/270). Default true. */
  autoOrient?: boolean;
  /** Crop to the paper edge (the scanner's dark or white backing around it). Default true. */
  crop?: boolean;
  /** Keep colour pages in colour (JPEG) even when they look like text. Default: color === 'color'. */
  keepColor?: boolean;
  /** Look for separator barcodes (Patch-T, item sheets). Default false. */
  separators?: boolean;
  /** Extra quarter turns asked by the clerk (rotate), applied after auto-orientation. */
  quarterTurns?: number;
}

export interface PipelineInput {
  /** The image as received (PNG, JPEG, TIFF, PNM). */
  bytes: Uint8Array;
  /** The resolution the device reported; 0 when unknown (then read from the file, else 300). */
  dpi: number;
  options: PipelineOptions;
}

export interface EncodedImage {
  bytes: Uint8Array;
  mediaType: 'image/tiff' | 'image/jpeg' | 'image/png';
  ext: 'tif' | 'jpg' | 'png';
}

export interface SeparatorMark {
  /** 'patch-t': next document; 'item': the pages that follow belong to this checklist item. */
  kind: 'patch-t' | 'item';
  itemCode?: string;
  text: string;
}

export type PipelineStage = 'decode' | 'orient' | 'deskew' | 'crop' | 'blank' | 'separator' | 'encode' | 'master' | 'thumb';

export interface PipelineOutput {
  image: EncodedImage;
  /** Grayscale, upright and deskewed: what OCR reads. PNG. */
  master: EncodedImage;
  /** About 240 px wide, JPEG. */
  thumb: EncodedImage;
  widthPx: number;
  heightPx: number;
  dpi: number;
  /** Quarter turns applied (auto-orientation plus the clerk's), 0/90/180/270. */
  rotation: number;
  /** Skew measured, degrees (positive: counter-clockwise), and whether the page was straightened. */
  skewDeg: number;
  deskewed: boolean;
  /** The crop box in source pixels, or null when nothing was cropped. */
  crop: { left: number; top: number; width: number; height: number } | null;
  blank: boolean;
  /** Share of ink pixels after cleaning, 0..1 (what the blank decision rests on). */
  inkRatio: number;
  /** How the page was stored. */
  content: 'text' | 'photo';
  separator: SeparatorMark | null;
  /** Milliseconds per stage, for the benchmark and the logs. */
  timings: Partial<Record<PipelineStage, number>>;
}

/**
 * Failures of the pipeline carry these codes (core/i18n messages: errors.<CODE>). SCAN_PAGE_FAILED: the page's worker
 * died or hung (replaced; the next page goes on), or the pipeline was closed; params { reason, detail }.
 */
export const PIPELINE_ERROR_CODES = ['SCAN_PAGE_UNREADABLE', 'SCAN_PAGE_TOO_LARGE', 'SCAN_PAGE_EMPTY', 'SCAN_PAGE_FAILED'] as const;

/** The pool the scan service uses: pages are processed in worker threads, never on the core's event loop. */
export interface PagePipeline {
  process(input: PipelineInput): Promise<PipelineOutput>;
  close(): Promise<void>;
}
