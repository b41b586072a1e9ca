/**
 * Render once, print anywhere (issue #16): a form or a ticket laid out by the forms engine, drawn straight to a 1-bit
 * raster at the printer's dots per line (thermal), or to PDF (A4 and document printers). The preview is the raster.
 *
 * Why this route: the forms engine's layout (pages of ops: text with font/size/x/y, lines, QR paths) is drawn
 * straight to an image — text as the glyph outlines of the same DejaVu fonts (@pdf-lib/fontkit, already a dependency),
 * lines and QR modules as SVG, rasterised by sharp (librsvg) at the printer's dots and thresholded to 1 bit. No new
 * dependency, no system fonts, the same metrics as the PDF (same line breaks on paper and on screen), and the ticket
 * path never waits on PDF generation. Weighed and left: receiptline has no Vietnamese code page and its image route
 * depends on the fonts installed on the machine; rasterising our PDFs with pdf.js needs a canvas binding and a PDF
 * made first (hundreds of ms per ticket).
 */
import type { FormContext, FormLayout } from '../../../domain/forms/types';
import { pageFrame } from '../../../domain/forms/layout';
import { fitToFonts, metricsOf, prepareForm } from '../../../domain/forms/prepare';
import { loadFonts, type FontSet } from '../../../domain/forms/resources';
import { layoutTicket } from '../../../domain/printing/ticket-layout';
import { layoutTestPage } from '../../../domain/printing/test-page-layout';
import type { PrinterProfile, Raster, ThermalPiece, TicketData } from '../../../domain/printing/types';
import { DOTS_PER_LINE } from '../../../domain/printing/types';
import { t } from '../../../i18n/translate';
import { drawRaster, rasterPng } from './raster';
import { cutAroundNative, type NativeCut } from './pieces';

export interface ThermalRender {
  /** What the printer gets, top to bottom. */
  pieces: ThermalPiece[];
  /** The same job drawn whole as the raster (native text and QR drawn too): the on-screen preview. */
  preview: Raster;
}

export interface FormRenderOptions {
  resourcesDir: string;
  templatesDir?: string;
  /** "BẢN IN LẠI" (reprint) with its time, across the top. */
  reprint?: { at: string };
}

/** What the printer's own font can draw: printable ASCII (the code page of the rest cannot be trusted). */
const PRINTER_TEXT = /^[\x20-\x7e]+$/;

/** The ticket's strings in NFC, with a stand-in for any character no shipped font has (never a blank). */
function fitTicket(ticket: TicketData, fonts: FontSet): TicketData {
  const nfc = (v: string | null): string | null => (v === null ? null : v.normalize('NFC'));
  const fit = fitToFonts(fonts);
  return fit({
    ...ticket,
    number: ticket.number.normalize('NFC'),
    service: nfc(ticket.service),
    place: nfc(ticket.place),
    issuedAt: ticket.issuedAt.normalize('NFC'),
    reprint: ticket.reprint ? { at: ticket.reprint.at.normalize('NFC') } : null,
  });
}

export async function renderTicketThermal(ticket: TicketData, profile: PrinterProfile, resourcesDir: string): Promise<ThermalRender> {
  const fonts = await loadFonts(resourcesDir);
  const fitted = fitTicket(ticket, fonts);
  const laid = layoutTicket(fitted, profile.paperWidthMm, metricsOf(fonts));
  const preview = await drawRaster(laid.doc, fonts, { left: laid.left, width: laid.width, dots: DOTS_PER_LINE[profile.paperWidthMm] });
  const cuts: NativeCut[] = [];
  if (profile.nativeText && PRINTER_TEXT.test(fitted.number)) {
    cuts.push({ ...laid.number, piece: { kind: 'text', text: fitted.number, magnify: laid.number.magnify } });
  }
  if (profile.nativeQr && laid.qr) cuts.push({ ...laid.qr, piece: { kind: 'qr', payload: laid.qr.payload, moduleDots: laid.qr.moduleDots } });
  return { pieces: cutAroundNative(preview, cuts, laid.dotsPerPoint), preview };
}

/** The ticket as a PDF (80 mm page) for a document printer. */
export async function renderTicketPdf(ticket: TicketData, resourcesDir: string): Promise<Uint8Array> {
  const fonts = await loadFonts(resourcesDir);
  const fitted = fitTicket(ticket, fonts);
  const laid = layoutTicket(fitted, 80, metricsOf(fonts));
  const { toPdf } = await import('../../../domain/forms/render');
  const pdf = await toPdf(laid.doc, fonts);
  pdf.setTitle(t('printing.render.ticket.title', { number: fitted.number }, 'vi'), { showInWindowTitleBar: true });
  pdf.setLanguage('vi');
  pdf.setCreator('MotCua Desk');
  pdf.setProducer('MotCua Desk (pdf-lib)');
  return pdf.save({ useObjectStreams: true });
}

/** A dossier form on the roll: the 80 mm layout (or 58 mm) drawn at the profile's dots per line. */
export async function renderFormThermal(form: string, ctx: FormContext, profile: PrinterProfile, o: FormRenderOptions): Promise<ThermalRender> {
  const layout: FormLayout = profile.paperWidthMm === 58 ? '58mm' : '80mm';
  const { laidOut, fonts } = await prepareForm(form, ctx, {
    layout,
    resourcesDir: o.resourcesDir,
    ...(o.templatesDir ? { templatesDir: o.templatesDir } : {}),
    ...(o.reprint ? { reprint: o.reprint } : {}),
  });
  const frame = pageFrame(layout);
  const raster = await drawRaster(laidOut, fonts, {
    left: frame.margin.left,
    width: frame.width - frame.margin.left - frame.margin.right,
    dots: DOTS_PER_LINE[profile.paperWidthMm],
  });
  // Forms are Vietnamese from top to bottom: all raster.
  return { pieces: [{ kind: 'raster', raster }], preview: raster };
}

/** A dossier form as PDF (A4 or 80 mm), with the reprint mark when asked. */
export async function renderFormPdf(form: string, ctx: FormContext, layout: FormLayout, o: FormRenderOptions): Promise<Uint8Array> {
  const { renderForm } = await import('../../../domain/forms/render');
  return renderForm(form, ctx, {
    layout,
    resourcesDir: o.resourcesDir,
    ...(o.templatesDir ? { templatesDir: o.templatesDir } : {}),
    ...(o.reprint ? { reprint: o.reprint } : {}),
  });
}

/** A printer's test page: Vietnamese text, a ruler of the dots per line, a QR, the profile's settings. */
export async function renderTestPage(profile: PrinterProfile, resourcesDir: string, printerUri: string): Promise<ThermalRender> {
  const fonts = await loadFonts(resourcesDir);
  const laid = layoutTestPage(profile, fitToFonts(fonts)(printerUri.normalize('NFC')), metricsOf(fonts));
  const preview = await drawRaster(laid.doc, fonts, { left: laid.left, width: laid.width, dots: DOTS_PER_LINE[profile.paperWidthMm] });
  const cuts: NativeCut[] = profile.nativeQr ? [{ ...laid.qr, piece: { kind: 'qr', payload: laid.qr.payload, moduleDots: laid.qr.moduleDots } }] : [];
  return { pieces: cutAroundNative(preview, cuts, laid.dotsPerPoint), preview };
}

export async function rasterToPng(raster: Raster): Promise<Buffer> {
  return rasterPng(raster);
}

/**
 * Loads the fonts, fontkit's glyph tables and sharp's SVG loader by drawing a throw-away ticket: call it when the
 * printing service starts, so the first ticket of the day is as fast as the rest (the first draw costs ~0.3–0.5 s).
 */
export async function warmUpRenderer(resourcesDir: string): Promise<void> {
  const profile = { paperWidthMm: 80, nativeText: false, nativeQr: false, processIdReply: false, statusQuery: false, codePage: null, cut: 'none', drawerKick: false } as const;
  await renderTicketThermal(
    { number: '0000', service: 'Tiếng Việt ắ ằ ẳ ẵ ặ', place: null, issuedAt: '00:00 01/01/2026', ahead: 0, waitMinutes: 0, qr: 'MOTCUA', reprint: null },
    profile,
    resourcesDir,
  );
}
