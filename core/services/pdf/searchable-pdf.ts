/**
 * SKELETON (issue #15): the PDF/A builder's entry point, implemented by the PDF work before the issue closes.
 */
import type { PdfDocumentInfo, PdfPageInput, SearchablePdf } from './types';

export async function buildSearchablePdf(pages: PdfPageInput[], info: PdfDocumentInfo): Promise<SearchablePdf> {
  void pages;
  void info;
  throw new Error('buildSearchablePdf: not built yet');
}
