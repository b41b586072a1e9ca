/**
 * The OCR engine as the queue, the CLI and the PDF builder use it: tesseract.js workers (vie+eng, 4.0.0_best_int,
 * from resources/tessdata) in a pool off the core's event loop. Implemented in ocr-pool.ts.
 */

/** One word as read, its box in the pixels of the image given to the engine (top-left origin). */
export interface OcrWord {
  text: string;
  /** 0..100 */
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The line's baseline at the word: y in pixels (for placing the text layer); y1 when unknown. */
  baseline: number;
  /** Block, paragraph and line numbers (reading order). */
  block: number;
  par: number;
  line: number;
}

export interface OcrResult {
  /** The text in reading order, NFC, lines joined with \n, paragraphs with a blank line. */
  text: string;
  /** Mean word confidence 0..100; null when no word was found. */
  confidence: number | null;
  words: OcrWord[];
  /** Size and resolution of the image the boxes refer to. */
  width: number;
  height: number;
  dpi: number;
  /** Milliseconds in the engine (not waiting in the pool's queue). */
  ms: number;
  /** e.g. "tesseract.js 7.0.0 vie+eng 4.0.0_best_int". */
  engine: string;
}

export interface OcrInput {
  /** An image file's bytes (PNG, JPEG, TIFF, PNM). Grayscale, upright and deskewed is best (the page master). */
  image: Uint8Array;
  /** Resolution when the file does not say; default 300. */
  dpi?: number;
}

export interface OcrEngine {
  /** Read one image; rejects with an error carrying a stable code (OCR_*) and Vietnamese message params. */
  recognize(input: OcrInput, opts?: { signal?: AbortSignal }): Promise<OcrResult>;
  readonly workers: number;
  close(): Promise<void>;
}
