/**
 * The invisible text layer: OCR words drawn in text rendering mode 3 exactly over the words in the image, so a
 * viewer's search highlights the right spot and copy-paste and pdftotext give the text back in reading order.
 * Per line: one font size (poppler's reading order keeps words of one size together); per word: a text matrix at
 * its left end on its baseline and a horizontal scaling (Tz) that makes its advance equal its box width; a space
 * after every word but a line's last, so word breaks survive extraction.
 */
import { beginText, endText, PDFOperator, PDFOperatorNames as Ops, PDFNumber, type PDFName, setFontAndSize, setTextMatrix, setTextRenderingMode, showText, TextRenderingMode, type PDFFont } from '@cantoo/pdf-lib';
import type { OcrWord } from '../ocr/engine/types';

/** How the word boxes map onto the page: boxes in pixels of a sourceWidth × sourceHeight image, page in points. */
export interface TextPlacement {
  sourceWidth: number;
  sourceHeight: number;
  pageWidth: number;
  pageHeight: number;
}

/** One word ready to draw, in points with the origin at the page's bottom left. */
export interface PlacedWord {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Followed by a space (all but the line's last word). */
  space: boolean;
}

export interface PlacedLine {
  fontSize: number;
  words: PlacedWord[];
}

/** Smallest and largest font size written (a degenerate box must not yield 0 pt or a page-sized glyph). */
const MIN_FONT_PT = 1;
const MAX_FONT_PT = 500;

/**
 * Groups words into lines (block, paragraph, line as the engine numbered them, in the order they first appear),
 * sorts each line left to right, scales to points, and drops words with no text or an empty box.
 */
export function placeWords(words: readonly OcrWord[], p: TextPlacement): PlacedLine[] {
  const sx = p.pageWidth / p.sourceWidth;
  const sy = p.pageHeight / p.sourceHeight;
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) {
    const text = w.text.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (text === '' || !(w.x1 > w.x0) || !(w.y1 > w.y0)) continue;
    const key = `${w.block}/${w.par}/${w.line}`;
    const line = lines.get(key) ?? [];
    line.push({ ...w, text });
    lines.set(key, line);
  }
  const out: PlacedLine[] = [];
  for (const line of lines.values()) {
    line.sort((a, b) => a.x0 - b.x0);
    // The tallest box of the line spans its diacritics and descenders: the em a reader's highlight should cover.
    const heightPx = Math.max(...line.map((w) => w.y1 - w.y0));
    const fontSize = clamp(heightPx * sy, MIN_FONT_PT, MAX_FONT_PT);
    out.push({
      fontSize,
      words: line.map((w, i) => ({
        text: w.text,
        x: w.x0 * sx,
        y: p.pageHeight - (Number.isFinite(w.baseline) ? w.baseline : w.y1) * sy,
        width: (w.x1 - w.x0) * sx,
        space: i < line.length - 1,
      })),
    });
  }
  return out;
}

/** The operators of one BT…ET block drawing `lines` invisibly with `font` registered on the page as `fontKey`. */
export function textLayerOperators(lines: readonly PlacedLine[], font: PDFFont, fontKey: PDFName | string): PDFOperator[] {
  if (lines.length === 0) return [];
  const ops: PDFOperator[] = [beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  for (const line of lines) {
    ops.push(setFontAndSize(fontKey, round(line.fontSize)));
    for (const w of line.words) {
      const natural = font.widthOfTextAtSize(w.text, line.fontSize);
      if (!(natural > 0)) continue;
      const scale = clamp((100 * w.width) / natural, 1, 10_000);
      ops.push(PDFOperator.of(Ops.SetTextHorizontalScaling, [PDFNumber.of(round(scale))]));
      ops.push(setTextMatrix(1, 0, 0, 1, round(w.x), round(w.y)));
      ops.push(showText(font.encodeText(w.space ? `${w.text} ` : w.text)));
    }
  }
  ops.push(endText());
  return ops;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Three decimals: a thousandth of a point, far below what a viewer or pdftotext can tell, keeps streams short. */
function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
