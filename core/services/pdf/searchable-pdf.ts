/**
 * A checklist document's searchable PDF/A-1b: one page per stored image at its real size (points = px·72/dpi, within PDF's page limits),
 * the image as stored (page-image.ts), an invisible word-by-word text layer from the OCR words (text-layer.ts),
 * and XMP naming the dossier, the document and each page image's SHA-256 (xmp.ts), mirrored in the Info dict.
 *
 * Font of the text layer: DejaVu Serif Condensed (resources/fonts, already shipped for the forms), embedded as a
 * subset through fontkit (fontkit-adapter.ts). A real font, not a glyphless one as Tesseract writes: pdf-lib builds the subset and its
 * ToUnicode CMap itself (every glyph maps back to its Unicode text, so search and copy work), it covers all of
 * Vietnamese, and it is the recipe validated with PDFBox (reference §5.2 A). The subset costs a few KB per
 * document, not per page, and Tz stretches each word to its box whatever the font's own widths.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { concatTransformationMatrix, drawObject, PDFDocument, type PDFFont, popGraphicsState, pushGraphicsState } from '@cantoo/pdf-lib';
import { defaultResourcesDir, FONT_FILES } from '../../domain/forms/resources';
import { appVersion } from '../../platform/version';
import { streamingFontkit } from './fontkit-adapter';
import { embedPageImage } from './page-image';
import { placeWords, textLayerOperators } from './text-layer';
import type { PdfDocumentInfo, PdfPageInput, SearchablePdf } from './types';
import { motcuaXmpExtensions } from './xmp';

export interface BuildOptions {
  /** Folder holding fonts/ (default: the app's resources). */
  resourcesDir?: string;
}

let fontCache: { file: string; bytes: Uint8Array } | null = null;

async function textFont(resourcesDir: string): Promise<Uint8Array> {
  const file = path.join(resourcesDir, FONT_FILES.regular);
  if (fontCache?.file !== file) fontCache = { file, bytes: new Uint8Array(await readFile(file)) };
  return fontCache.bytes;
}

/** PDF 1.4's page size limits (ISO 32000 Annex C; PDF/A-1 keeps them): 3 to 14,400 units a side. */
export const MIN_PAGE_PT = 3;
export const MAX_PAGE_PT = 14_400;

/**
 * The page size in points, px·72/dpi, scaled as a whole (the image keeps its shape) when a side would pass the
 * limits: a long strip scanned at low resolution, a tiny image. Each side is then clamped, for a strip so thin that
 * fitting its length leaves it under the minimum.
 */
export function pageSizePt(widthPx: number, heightPx: number, dpi: number): [number, number] {
  let w = (widthPx * 72) / dpi;
  let h = (heightPx * 72) / dpi;
  const down = Math.min(1, MAX_PAGE_PT / Math.max(w, h));
  const up = Math.max(1, MIN_PAGE_PT / Math.min(w, h));
  const k = down < 1 ? down : up;
  w = Math.min(MAX_PAGE_PT, Math.max(MIN_PAGE_PT, w * k));
  h = Math.min(MAX_PAGE_PT, Math.max(MIN_PAGE_PT, h * k));
  return [w, h];
}

export async function buildSearchablePdf(pages: PdfPageInput[], info: PdfDocumentInfo, opts: BuildOptions = {}): Promise<SearchablePdf> {
  if (pages.length === 0) throw new Error('buildSearchablePdf: a PDF needs at least one page');
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(streamingFontkit);
  let font: PDFFont | null = null;
  const pageSha256: string[] = [];
  const reencoded: NonNullable<SearchablePdf['reencoded']> = [];

  for (const [i, input] of pages.entries()) {
    if (!(input.dpi > 0)) throw new Error(`buildSearchablePdf: page ${i + 1} has no resolution`);
    pageSha256.push(createHash('sha256').update(input.image).digest('hex'));
    const image = await embedPageImage(doc, input);
    if (image.reencoded) reencoded.push({ page: i + 1, reason: image.reencoded });
    // The stored image's own pixels decide the page size: a caller's widthPx/heightPx are only a fallback.
    const widthPx = image.width || input.widthPx;
    const heightPx = image.height || input.heightPx;
    const [w, h] = pageSizePt(widthPx, heightPx, input.dpi);
    const page = doc.addPage([w, h]);
    const imageKey = page.node.newXObject('Im', image.ref);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(w, 0, 0, h, 0, 0), drawObject(imageKey), popGraphicsState());

    const words = input.words ?? [];
    if (words.length > 0) {
      const lines = placeWords(words, {
        sourceWidth: input.textWidthPx ?? widthPx,
        sourceHeight: input.textHeightPx ?? heightPx,
        pageWidth: w,
        pageHeight: h,
      });
      if (lines.length > 0) {
        font ??= await doc.embedFont(await textFont(opts.resourcesDir ?? defaultResourcesDir()), { subset: true });
        const fontKey = page.node.newFontDictionary(font.name, font.ref);
        page.pushOperators(...textLayerOperators(lines, font, fontKey));
      }
    }
  }

  const now = info.createdAt ?? new Date();
  const producer = `MotCua Desk ${appVersion()}`;
  doc.setTitle(info.title.normalize('NFC'));
  const subject = [info.procedure, info.itemName].filter((s): s is string => !!s && s.trim() !== '').join(' — ');
  if (subject) doc.setSubject(subject.normalize('NFC'));
  const keywords = [info.dossierCode, info.itemCode].filter((s): s is string => !!s && s.trim() !== '');
  if (keywords.length > 0) doc.setKeywords(keywords);
  if (info.agency) doc.setAuthor(info.agency.normalize('NFC'));
  doc.setProducer(producer);
  doc.setCreator(producer);
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  doc.convertToPDFA({
    conformance: '1B',
    extensions: motcuaXmpExtensions({
      ...(info.dossierCode ? { dossierCode: info.dossierCode } : {}),
      ...(info.procedure ? { procedure: info.procedure } : {}),
      ...(info.itemCode ? { itemCode: info.itemCode } : {}),
      ...(info.itemName ? { itemName: info.itemName } : {}),
      ...(info.agency ? { agency: info.agency } : {}),
      pageCount: pages.length,
      pageSha256,
    }),
  });
  // PDF/A-1 is PDF 1.4: no object or cross-reference streams.
  const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return { bytes, pageCount: pages.length, pageSha256, ...(reencoded.length > 0 ? { reencoded } : {}) };
}
