/**
 * What a job sends, rendered once when it is made (issue #16): a ticket, a dossier's form, a PDF or a test page,
 * for the job's printer — ESC/POS bytes from the thermal pieces for an ESC/POS printer, a PDF for a document
 * printer. The source (what was asked) is kept with the job so a reprint is rendered again from it, marked.
 */
import { AppError } from '../../contract/errors';
import type { FormLayout } from '../../domain/forms/types';
import { hasPdfHeader } from '../../domain/printing/pdf-header';
import type { PrinterProfile, Raster, TicketData } from '../../domain/printing/types';
import { t } from '../../i18n/translate';
import type { Actor } from '../actor';
import type { FormsService } from '../forms/forms-service';
import type { PrintingParts } from './print-parts';

export type FormName = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'bien-lai';
type Reprint = { at: string } | null;

/** What was asked, stored as JSON with the job (a reprint renders it again, with `reprint` set). */
export type JobSource =
  | { kind: 'ticket'; ticket: Omit<TicketData, 'reprint'>; reprint: Reprint }
  | { kind: 'form'; form: FormName; dossierId: string; layout: FormLayout | null; reprint: Reprint }
  | { kind: 'pdf'; title: string; reprint: Reprint }
  | { kind: 'test'; reprint: Reprint };

export interface Target {
  /** The URI as stored with the job (normalised). */
  uri: string;
  /** An ESC/POS printer (raster and native commands) rather than a document printer (PDF). */
  thermal: boolean;
  profile: PrinterProfile;
}

export interface Rendered {
  payloadKind: 'escpos' | 'pdf';
  payload: Uint8Array;
  /** The thermal raster as the paper shows it (null for a PDF). */
  raster: Raster | null;
}

/**
 * A PDF the queue accepts: the header (the shared rule, domain/printing/pdf-header.ts), and pdf-lib can load it
 * with at least one page. pdf-lib is told to throw on an object it cannot parse (rather than log in English and
 * go on); whatever it says, the reason given is one of ours, in Vietnamese.
 */
export async function checkPdf(bytes: Uint8Array): Promise<void> {
  const refuse = (key: string, cause?: unknown) => new AppError('PRINT_BAD_PDF', { detail: t(`printQueue.pdf.${key}`) }, { field: 'what.contentBase64', ...(cause ? { cause } : {}) });
  if (bytes.length === 0) throw refuse('empty');
  if (!hasPdfHeader(bytes)) throw refuse('noHeader');
  const { PDFDocument } = await import('pdf-lib');
  let pages: number;
  try {
    pages = (await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: true })).getPageCount();
  } catch (e) {
    // A cut-off or damaged file: pdf-lib's own words (English, its internals) stay in the cause, for the log.
    throw refuse('damaged', e);
  }
  if (pages === 0) throw refuse('noPages');
}

export class PrintRenderer {
  constructor(private readonly d: { forms: FormsService; parts: PrintingParts; resourcesDir: string }) {}

  private notFor(target: Target, what: string): AppError {
    return new AppError('PRINT_NOT_FOR_PRINTER', { uri: target.uri, detail: t(`printQueue.notFor.${what}`) }, { field: 'printer' });
  }

  /**
   * The bytes a job sends. `pdf`: the PDF of a pdf job (stored, or as handed in). Copies of a thermal job are
   * encoded one after another (each cut); a document printer is told the number of copies instead.
   */
  async render(source: JobSource, target: Target, actor: Actor, o: { copies: number; drawerKick: boolean; pdf?: Uint8Array }): Promise<Rendered> {
    const r = await this.d.parts.render();
    const renderOpts = () => {
      const templatesDir = this.d.forms.templateOverrides();
      return { resourcesDir: this.d.resourcesDir, ...(templatesDir ? { templatesDir } : {}), ...(source.reprint ? { reprint: source.reprint } : {}) };
    };
    let thermal: { pieces: Parameters<PrintingParts['encodeThermalJob']>[0]; preview: Raster } | null = null;
    let pdf: Uint8Array | null = null;
    switch (source.kind) {
      case 'ticket': {
        const ticket: TicketData = { ...source.ticket, reprint: source.reprint };
        if (target.thermal) thermal = await r.renderTicketThermal(ticket, target.profile, this.d.resourcesDir);
        else pdf = await r.renderTicketPdf(ticket, this.d.resourcesDir);
        break;
      }
      case 'form': {
        // The dossier as it is now (a reprint shows the same code and number), checked as forms.render checks it.
        const { ctx } = this.d.forms.prepare(actor, { id: source.dossierId }, source.form);
        if (target.thermal) {
          if (source.layout === 'a4') throw this.notFor(target, 'a4');
          thermal = await r.renderFormThermal(source.form, ctx, target.profile, renderOpts());
        } else pdf = await r.renderFormPdf(source.form, ctx, source.layout ?? 'a4', renderOpts());
        break;
      }
      case 'pdf':
        if (target.thermal) throw this.notFor(target, 'pdf');
        if (!o.pdf) throw new AppError('PRINT_BAD_PDF', { detail: t('printQueue.pdf.empty') });
        pdf = o.pdf;
        break;
      case 'test': {
        const page = await r.renderTestPage(target.profile, this.d.resourcesDir, target.uri);
        if (target.thermal) thermal = page;
        else pdf = await rasterPdf(await r.rasterToPng(page.preview), page.preview);
        break;
      }
    }
    if (thermal) {
      const copies = Array.from({ length: o.copies }, (_, i) =>
        this.d.parts.encodeThermalJob(thermal.pieces, target.profile, { drawerKick: o.drawerKick && i === 0 && target.profile.drawerKick }),
      );
      return { payloadKind: 'escpos', payload: Buffer.concat(copies), raster: thermal.preview };
    }
    return { payloadKind: 'pdf', payload: pdf!, raster: null };
  }
}

/** A test page for a document printer: the thermal test page's raster on a page of its own size (203 dpi). */
async function rasterPdf(png: Buffer, raster: Raster): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(png);
  const w = (raster.width / 203) * 72;
  const h = (raster.height / 203) * 72;
  doc.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
  return doc.save();
}
