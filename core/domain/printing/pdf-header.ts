/**
 * The one rule for "this file starts as a PDF" (issue #16), for every adapter and the print queue alike: the
 * header %PDF- within the first 1 KiB. PDF 1.7 (ISO 32000-1, annex H) lets readers accept junk before it, and
 * pdf-lib, which loads the file next, looks for the header the same way.
 */
export const PDF_HEADER_WINDOW = 1024;
const HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Where the %PDF- header starts, or -1 when it is not within the first PDF_HEADER_WINDOW bytes. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  const last = Math.min(bytes.length, PDF_HEADER_WINDOW) - HEADER.length;
  for (let i = 0; i <= last; i++) if (HEADER.every((b, k) => bytes[i + k] === b)) return i;
  return -1;
}

export function hasPdfHeader(bytes: Uint8Array): boolean {
  return pdfHeaderOffset(bytes) >= 0;
}
