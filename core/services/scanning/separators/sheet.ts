/**
 * The printable separator sheets (A4 PDF): a Patch-T page, and with a procedure one page per checklist item plus one
 * for "other documents". Barcodes are drawn as vectors (sharp on any printer) and large, centred on the page: the
 * reader in the page pipeline looks without "try harder", which scans the middle band of the page (both upright
 * and sideways), and a big module survives a 150 dpi scan of a photocopy.
 *
 * Formats (see core/domain/scanning/separators.ts): Patch-T is Code 39 "PATCHT", as NAPS2 and Paperless-ngx print
 * it, so their sheets work here and ours there. An item sheet is a QR code "MOTCUA-ITEM:<item code>": item codes
 * may hold lower case and '_' that Code 39 cannot carry, and QR's error correction (level Q, 25 %) keeps a
 * smudged or skewed copy readable.
 */
import fontkit from '@pdf-lib/fontkit';
import bwipjs from 'bwip-js/node';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { ChecklistItem, Procedure } from '../../../domain/catalogue/schema';
import { EXTRA_ITEM_CODE } from '../../../domain/dossier/checklist';
import { qrSvgPath, QUIET_ZONE } from '../../../domain/forms/qr';
import { defaultResourcesDir, loadFonts } from '../../../domain/forms/resources';
import { itemSheetText, PATCH_T_TEXT } from '../../../domain/scanning/separators';
import { t } from '../../../i18n/translate';
import type { Locale } from '../../../i18n/types';

export interface SeparatorSheetOptions {
  procedure?: Procedure;
  /** Where fonts/ is (packaged apps keep resources elsewhere); default: the repository's resources/. */
  resourcesDir?: string;
}

export interface SeparatorSheetFile {
  fileName: string;
  mediaType: 'application/pdf';
  dataBase64: string;
}

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const MARGIN = 18 * MM;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.3, 0.3, 0.3);

/** Code 39 module 1.2 mm (7 px at 150 dpi), wide bars 3×, bars 60 mm tall across the middle of the page. */
const CODE39_MODULE = 1.2 * MM;
const CODE39_HEIGHT = 60 * MM;
/** QR code side without its quiet zone: 75 mm, about 2 mm a module for a 40-character item code. */
const QR_SIDE = 75 * MM;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

const s = (key: string, locale: Locale, params: Record<string, unknown> = {}): string => t(`separators.sheet.${key}`, params, locale);

export async function separatorSheet(options: SeparatorSheetOptions = {}): Promise<SeparatorSheetFile> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const loaded = await loadFonts(options.resourcesDir ?? defaultResourcesDir());
  const fonts: Fonts = {
    regular: await pdf.embedFont(loaded.regular.bytes, { subset: true }),
    bold: await pdf.embedFont(loaded.bold.bytes, { subset: true }),
    italic: await pdf.embedFont(loaded.italic.bytes, { subset: true }),
  };
  pdf.setTitle(options.procedure ? `${s('itemTitle', 'vi')} — ${options.procedure.code}` : s('patchTitle', 'vi'));
  pdf.setProducer('MotCua Desk');
  pdf.setCreator('MotCua Desk');

  patchTPage(pdf.addPage([A4.width, A4.height]), fonts);
  const procedure = options.procedure;
  if (procedure) {
    const items = procedure.checklist;
    items.forEach((item, i) => itemPage(pdf.addPage([A4.width, A4.height]), fonts, procedure, item, i + 1, items.length));
    itemPage(pdf.addPage([A4.width, A4.height]), fonts, procedure, null, 0, items.length);
  }

  const bytes = await pdf.save();
  const base = s('fileName', 'vi');
  return {
    // Procedure codes are [A-Za-z0-9._-] (PROCEDURE_CODE_RE): safe in a file name as they are.
    fileName: procedure ? `${base}-${procedure.code}.pdf` : `${base}-patch-t.pdf`,
    mediaType: 'application/pdf',
    dataBase64: Buffer.from(bytes).toString('base64'),
  };
}

function patchTPage(page: PDFPage, fonts: Fonts): void {
  let y = A4.height - MARGIN;
  y = centred(page, s('patchTitle', 'vi'), fonts.bold, 30, y);
  y = centred(page, s('patchSubtitle', 'vi'), fonts.regular, 18, y - 4);
  centred(page, `${s('patchTitle', 'en')} · ${s('patchSubtitle', 'en')}`, fonts.italic, 13, y - 4, GREY);

  const mid = A4.height / 2;
  drawCode39(page, PATCH_T_TEXT, mid - CODE39_HEIGHT / 2);
  centred(page, PATCH_T_TEXT, fonts.bold, 16, mid - CODE39_HEIGHT / 2 - 8);

  bottomHelp(page, fonts, s('patchHelp', 'vi'), s('patchHelp', 'en'));
}

/** `item` null: the "other documents" sheet. */
function itemPage(page: PDFPage, fonts: Fonts, procedure: Procedure, item: ChecklistItem | null, n: number, total: number): void {
  const code = item?.code ?? EXTRA_ITEM_CODE;
  const qrTop = A4.height / 2 + QR_SIDE / 2;
  let y = A4.height - MARGIN;
  y = centred(page, s('itemTitle', 'vi'), fonts.bold, 22, y);
  y = centred(page, s('itemTitle', 'en'), fonts.italic, 12, y - 2, GREY);
  y = paragraph(page, s('procedure', 'vi', { code: procedure.code, name: procedure.name }), fonts.regular, 10, y - 8, 3);
  const heading = item ? s('itemHeading', 'vi', { n, total, code }) : s('otherHeading', 'vi', { code });
  y = paragraph(page, heading, fonts.regular, 13, y - 8, 1);
  // The item's name is what the clerk reads: as large as the space above the code allows.
  const name = item?.name ?? s('otherName', 'vi');
  const room = y - 10 - (qrTop + QUIET_ZONE * (QR_SIDE / 37) + 6);
  const size = fitSize(name, fonts.bold, room);
  paragraph(page, name, fonts.bold, size, y - 6, Math.max(1, Math.floor(room / (size * 1.25))));

  drawQr(page, itemSheetText(code), A4.height / 2);
  centred(page, itemSheetText(code), fonts.regular, 10, A4.height / 2 - QR_SIDE / 2 - 6, GREY);

  bottomHelp(page, fonts, s('itemHelp', 'vi'), s('itemHelp', 'en'));
}

/** Largest of a few sizes at which the text fits in `room` points of height. */
function fitSize(text: string, font: PDFFont, room: number): number {
  for (const size of [20, 18, 16, 14, 12]) {
    if (wrap(text, font, size, A4.width - 2 * MARGIN).length * size * 1.25 <= room) return size;
  }
  return 11;
}

function bottomHelp(page: PDFPage, fonts: Fonts, vi: string, en: string): void {
  const width = A4.width - 2 * MARGIN;
  const viLines = wrap(vi, fonts.regular, 10.5, width);
  const enLines = wrap(en, fonts.italic, 9.5, width);
  const footerY = MARGIN - 4;
  let y = footerY + 14 + enLines.length * 9.5 * 1.3 + 8 + viLines.length * 10.5 * 1.3;
  for (const line of viLines) {
    y -= 10.5 * 1.3;
    page.drawText(line, { x: MARGIN, y, size: 10.5, font: fonts.regular, color: BLACK });
  }
  y -= 8;
  for (const line of enLines) {
    y -= 9.5 * 1.3;
    page.drawText(line, { x: MARGIN, y, size: 9.5, font: fonts.italic, color: GREY });
  }
  centred(page, `${s('footer', 'vi')} / ${s('footer', 'en')}`, fonts.regular, 7.5, footerY + 7.5, GREY);
}

/** One centred line whose top is at `top`; returns the y below it. */
function centred(page: PDFPage, text: string, font: PDFFont, size: number, top: number, color = BLACK): number {
  const fitted = fitLine(text, font, size, A4.width - 2 * MARGIN);
  const width = font.widthOfTextAtSize(fitted, size);
  const baseline = top - size;
  page.drawText(fitted, { x: (A4.width - width) / 2, y: baseline, size, font, color });
  return baseline - size * 0.3;
}

/** Wrapped, centred lines (at most maxLines, the last one shortened with "…"); returns the y below them. */
function paragraph(page: PDFPage, text: string, font: PDFFont, size: number, top: number, maxLines: number): number {
  const width = A4.width - 2 * MARGIN;
  let lines = wrap(text, font, size, width);
  if (lines.length > maxLines) {
    lines = lines.slice(0, maxLines);
    lines[maxLines - 1] = fitLine(`${lines[maxLines - 1]}…`, font, size, width);
  }
  let y = top;
  for (const line of lines) y = centred(page, line, font, size, y);
  return y;
}

/** Cuts a line to the width, ending it with "…". */
function fitLine(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Greedy breaking at spaces (Vietnamese separates syllables with spaces); a word longer than a line is cut. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.normalize('NFC').split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Code 39 bars as rectangles, centred across the page; bwip-js encodes (bar/space widths in modules). */
function drawCode39(page: PDFPage, text: string, bottom: number): void {
  const [symbol] = bwipjs.raw({ bcid: 'code39', text });
  const widths = (symbol as { sbs: number[] } | undefined)?.sbs;
  if (!widths?.length) throw new Error(`bwip-js gave no Code 39 for ${text}`);
  const total = widths.reduce((a, b) => a + b, 0);
  let x = (A4.width - total * CODE39_MODULE) / 2;
  widths.forEach((w, i) => {
    // Even positions are bars, odd ones spaces (the sequence starts with the start character's first bar).
    if (i % 2 === 0) page.drawRectangle({ x, y: bottom, width: w * CODE39_MODULE, height: CODE39_HEIGHT, color: BLACK, borderWidth: 0 });
    x += w * CODE39_MODULE;
  });
}

/** A QR code (error correction Q) centred on the page around `middle`, drawn as one vector path. */
function drawQr(page: PDFPage, text: string, middle: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'Q' });
  const { size, data } = qr.modules;
  const path = qrSvgPath({ size, dark: (row, col) => data[row * size + col] === 1 });
  const module = QR_SIDE / size;
  const left = (A4.width - QR_SIDE) / 2 - QUIET_ZONE * module;
  const top = middle + QR_SIDE / 2 + QUIET_ZONE * module;
  page.drawSvgPath(path, { x: left, y: top, scale: module, color: BLACK, borderWidth: 0 });
}
