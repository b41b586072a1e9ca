/**
 * Render once, print anywhere (issue #16): a form or a ticket laid out by the forms engine, drawn straight to a 1-bit
 * raster at the printer's dots per line (thermal), or to PDF (A4 and document printers). The preview is the raster.
 * PLACEHOLDER (skeleton): the owner replaces the bodies; the signatures are what the queue codes against.
 */
import type { FormContext, FormLayout } from '../../../domain/forms/types';
import type { PrinterProfile, Raster, ThermalPiece, TicketData } from '../../../domain/printing/types';

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

export async function renderTicketThermal(ticket: TicketData, profile: PrinterProfile, resourcesDir: string): Promise<ThermalRender> {
  void ticket;
  void profile;
  void resourcesDir;
  throw new Error('renderTicketThermal: not built yet');
}

/** The ticket as a PDF (80 mm page) for a document printer. */
export async function renderTicketPdf(ticket: TicketData, resourcesDir: string): Promise<Uint8Array> {
  void ticket;
  void resourcesDir;
  throw new Error('renderTicketPdf: not built yet');
}

/** A dossier form on the roll: the 80 mm layout (or 58 mm) drawn at the profile's dots per line. */
export async function renderFormThermal(form: string, ctx: FormContext, profile: PrinterProfile, o: FormRenderOptions): Promise<ThermalRender> {
  void form;
  void ctx;
  void profile;
  void o;
  throw new Error('renderFormThermal: not built yet');
}

/** A dossier form as PDF (A4 or 80 mm), with the reprint mark when asked. */
export async function renderFormPdf(form: string, ctx: FormContext, layout: FormLayout, o: FormRenderOptions): Promise<Uint8Array> {
  void form;
  void ctx;
  void layout;
  void o;
  throw new Error('renderFormPdf: not built yet');
}

/** A printer's test page: Vietnamese text, a ruler of the dots per line, a QR, the profile's settings. */
export async function renderTestPage(profile: PrinterProfile, resourcesDir: string, printerUri: string): Promise<ThermalRender> {
  void profile;
  void resourcesDir;
  void printerUri;
  throw new Error('renderTestPage: not built yet');
}

export async function rasterToPng(raster: Raster): Promise<Buffer> {
  void raster;
  throw new Error('rasterToPng: not built yet');
}
