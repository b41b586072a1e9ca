/**
 * The full-text index of page text (implemented in page-index.ts), written by the OCR queue in the same
 * transaction as page_text, read by search.pages.
 */
export interface PageIndexWriter {
  /** Insert or replace the FTS row of page_text row `textRowId` with the folded text. */
  put(textRowId: number, text: string): void;
  /** Remove it (the page was removed, or is being read again). */
  remove(textRowId: number): void;
}
