/**
 * Searchable PDF/A-1b of a checklist document (implemented in searchable-pdf.ts): the page images exactly as the
 * pipeline stored them (G4 TIFF as a CCITTFax image, JPEG passed through), an invisible text layer placed word by
 * word, and XMP metadata naming the dossier, the document and each page image's SHA-256.
 */
import type { OcrWord } from '../ocr/engine/types';

export interface PdfPageInput {
  /** The stored image: image/tiff (one-strip CCITT G4 from the pipeline, or any TIFF), image/jpeg, image/png. */
  image: Uint8Array;
  mediaType: 'image/tiff' | 'image/jpeg' | 'image/png';
  widthPx: number;
  heightPx: number;
  dpi: number;
  /** Words to lay invisibly over the image; boxes in the pixels of an image of textWidthPx × textHeightPx. */
  words?: OcrWord[];
  textWidthPx?: number;
  textHeightPx?: number;
}

export interface PdfDocumentInfo {
  title: string;
  /** Stored in XMP (a MotCua schema) and the Info dictionary where it has a field. */
  dossierCode?: string;
  procedure?: string;
  itemCode?: string;
  itemName?: string;
  agency?: string;
  createdAt?: Date;
}

export interface SearchablePdf {
  bytes: Uint8Array;
  pageCount: number;
  /** SHA-256 (hex) of each page image, in order, as written into XMP. */
  pageSha256: string[];
  /** Pages whose image could not go in as stored (e.g. a TIFF that is not one G4 strip) and was re-encoded once. */
  reencoded?: Array<{ page: number; reason: string }>;
}
