/**
 * The clerk's print actions (issue #16): print (render, store, then send), reprint (a new job from the stored
 * source, marked "BẢN IN LẠI", same number), resolve an uncertain job, cancel, retry, preview. A job is in the
 * database, with the bytes it sends, before its first byte leaves; what happens to it next is the runner's.
 * Reprints, the clerk's answers and cancels are audited with the state change, in one transaction.
 */
import { AppError } from '../../contract/errors';
import { MAX_PRINT_PDF_BYTES, printerProfileSchema, type PrinterProfile, type PrintJob, type PrintWhat, type TicketInput } from '../../contract/printing';
import { vietnamLocal, pad } from '../../domain/time/vietnam';
import { t } from '../../i18n/translate';
import type { Clock } from '../../platform/clock';
import { inTransaction, type Db } from '../../store/database';
import { actorLabel, type Actor } from '../actor';
import type { AuditLog } from '../audit/audit-log';
import type { DossierService } from '../dossiers/dossier-service';
import type { SettingsService } from '../settings/settings-service';
import { checkPdfFolder } from './print-folder';
import type { PrintingParts } from './print-parts';
import { checkPdf, type JobSource, type PrintRenderer, type Rendered, type Target } from './print-render';
import { toPrintJob, type JobRow, type PrintQueue } from './print-queue';
import type { PrintRunner } from './print-runner';
import type { PrintingSettingsStore } from './printing-settings';

export interface PrintJobsDeps {
  db: Db;
  clock: Clock;
  queue: PrintQueue;
  runner: PrintRunner;
  renderer: PrintRenderer;
  printers: PrintingSettingsStore;
  parts: PrintingParts;
  dossiers: DossierService;
  settings: SettingsService;
  audit: AuditLog;
  changed: (row: JobRow) => void;
}

export interface PrintRequest {
  what: PrintWhat;
  printer?: string | undefined;
  profile?: PrinterProfile | undefined;
  /** Absent: the counter's receipt copies for a receipt (the citizen's and the counter's), else 1. */
  copies?: number | undefined;
  wait: boolean;
}

const localTime = (d: Date) => {
  const l = vietnamLocal(d);
  return `${pad(l.hh)}:${pad(l.mm)} ${pad(l.d)}/${pad(l.m)}/${l.y}`;
};

export class PrintJobs {
  constructor(private readonly d: PrintJobsDeps) {}

  /** The job's printer, its URI in normal form (PRINT_BAD_URI for one that is not), and whether it is thermal. */
  private target(what: { kind: PrintWhat['kind']; form?: string }, printer: string | undefined, profile: PrinterProfile | undefined): Target {
    const given = printer === undefined ? undefined : this.normalise(printer);
    const chosen = this.d.printers.printerFor(what, { uri: given, profile });
    const address = this.d.parts.parsePrinterUri(chosen.uri);
    // A folder address with a typo is refused now, before a job is stored (it would wait for ever).
    if (address.kind === 'pdf') checkPdfFolder(chosen.uri, address.dir);
    return { uri: chosen.uri, thermal: address.kind === 'escpos', profile: printerProfileSchema.parse(chosen.profile) };
  }

  private normalise(uri: string): string {
    try {
      return this.d.parts.formatPrinterUri(this.d.parts.parsePrinterUri(uri));
    } catch (e) {
      if (e instanceof AppError) throw new AppError(e.code, e.params, { field: 'printer', cause: e });
      throw e;
    }
  }

  /** What was asked as a stored source, with the dossier (DOSSIER_NOT_FOUND for one that does not exist) and title. */
  private async source(what: PrintWhat): Promise<{ source: JobSource; title: string; dossier: { id: string; code: string | null } | null; ticket: string | null; pdf?: Uint8Array }> {
    switch (what.kind) {
      case 'ticket':
        return { source: { kind: 'ticket', ticket: this.ticketData(what.ticket), reprint: null }, title: t('printQueue.titles.ticket', { number: what.ticket.number }), dossier: null, ticket: what.ticket.number };
      case 'form': {
        const v = this.d.dossiers.get({ id: what.dossierId, code: what.dossierCode });
        const code = v.code ?? null;
        return {
          source: { kind: 'form', form: what.form, dossierId: v.id, layout: what.layout ?? null, reprint: null },
          title: t('printQueue.titles.form', { form: t(`forms.names.${what.form}`), code: code ?? v.id }),
          dossier: { id: v.id, code },
          ticket: null,
        };
      }
      case 'pdf': {
        const pdf = decodeBase64(what.contentBase64);
        if (pdf.length > MAX_PRINT_PDF_BYTES) throw new AppError('PRINT_BAD_PDF', { detail: t('printQueue.pdf.tooLarge', { maxMb: MAX_PRINT_PDF_BYTES / 1024 / 1024 }) }, { field: 'what.contentBase64' });
        await checkPdf(pdf);
        return { source: { kind: 'pdf', title: what.title, reprint: null }, title: what.title, dossier: null, ticket: null, pdf };
      }
      case 'test':
        return { source: { kind: 'test', reprint: null }, title: t('printQueue.titles.test'), dossier: null, ticket: null };
    }
  }

  private ticketData(ticket: TicketInput): Extract<JobSource, { kind: 'ticket' }>['ticket'] {
    return {
      number: ticket.number,
      service: ticket.service ?? null,
      place: this.d.settings.get<string>('forms.place'),
      issuedAt: localTime(this.d.clock.now()),
      ahead: ticket.ahead ?? null,
      waitMinutes: ticket.waitMinutes ?? null,
      qr: ticket.qr ?? null,
    };
  }

  async print(actor: Actor, req: PrintRequest): Promise<PrintJob> {
    const s = await this.source(req.what);
    const target = this.target({ kind: req.what.kind, ...(req.what.kind === 'form' ? { form: req.what.form } : {}) }, req.printer, req.profile);
    // Copies asked are copies printed (1 is an answer too); only none asked takes the counter's receipt copies.
    const copies = req.copies ?? (req.what.kind === 'form' && req.what.form === 'receipt' ? this.d.printers.get().receiptCopies : 1);
    const rendered = await this.d.renderer.render(s.source, target, actor, { copies, drawerKick: req.what.kind === 'form' && req.what.form === 'bien-lai', ...(s.pdf ? { pdf: s.pdf } : {}) });
    const row = this.store(s, target, rendered, copies, null);
    return this.sent(row, req.wait);
  }

  private store(
    s: { source: JobSource; title: string; dossier: { id: string; code: string | null } | null; ticket: string | null },
    target: Target,
    rendered: Rendered,
    copies: number,
    reprintOf: string | null,
    audit?: (row: JobRow) => void,
  ): JobRow {
    return inTransaction(this.d.db, () => {
      const row = this.d.queue.insert({
        kind: s.source.kind,
        title: s.title,
        form: s.source.kind === 'form' ? s.source.form : null,
        dossierId: s.dossier?.id ?? null,
        dossierCode: s.dossier?.code ?? null,
        ticketNumber: s.ticket,
        printerUri: target.uri,
        profile: target.thermal ? target.profile : null,
        source: s.source,
        payloadKind: rendered.payloadKind,
        payload: rendered.payload,
        // A thermal job carries its copies in its bytes.
        copies: rendered.payloadKind === 'pdf' ? copies : 1,
        reprintOf,
      });
      audit?.(row);
      return row;
    });
  }

  /** Told to the push channel, then sent: awaited (the first try) or in the background. */
  private async sent(row: JobRow, wait: boolean): Promise<PrintJob> {
    this.d.changed(row);
    // Waiting: this call answers with the job's real outcome, also when another process holds its printer.
    if (wait) await this.d.runner.sendAndWait(row.printer_uri, row.id);
    else void this.d.runner.send(row.printer_uri, row.id);
    return toPrintJob(this.d.queue.row(row.id)!);
  }

  private job(jobId: string): JobRow {
    const row = this.d.queue.row(jobId);
    if (!row) throw new AppError('PRINT_JOB_NOT_FOUND', { jobId: jobId.slice(0, 100) }, { field: 'jobId' });
    return row;
  }

  private stateError(row: JobRow): AppError {
    return new AppError('PRINT_JOB_STATE', { state: t(`printQueue.states.${row.state}`), jobId: row.id }, { field: 'jobId' });
  }

  /** A new job from the stored source, marked as a reprint (same ticket number, same dossier form), sent. */
  async reprint(actor: Actor, jobId: string, printer: string | undefined): Promise<PrintJob> {
    const orig = this.job(jobId);
    const source = { ...(JSON.parse(orig.source) as JobSource), reprint: { at: localTime(this.d.clock.now()) } };
    const origProfile = orig.profile ? printerProfileSchema.parse(JSON.parse(orig.profile)) : undefined;
    const target = this.target({ kind: orig.kind, ...(orig.form ? { form: orig.form } : {}) }, printer ?? orig.printer_uri, printer === undefined ? origProfile : undefined);
    const pdf = orig.kind === 'pdf' ? (this.d.queue.payload(orig.id) ?? undefined) : undefined;
    const rendered = await this.d.renderer.render(source, target, actor, { copies: 1, drawerKick: false, ...(pdf ? { pdf } : {}) });
    const s = { source, title: orig.title, dossier: orig.dossier_id ? { id: orig.dossier_id, code: orig.dossier_code } : null, ticket: orig.ticket_number };
    const row = this.store(s, target, rendered, 1, orig.reprint_of ?? orig.id, (r) =>
      this.d.audit.append(actor, { action: 'printing.reprinted', entity: 'print_job', entityId: r.id, data: { of: orig.id, seq: r.seq, title: orig.title, dossierId: orig.dossier_id, printer: target.uri } }),
    );
    return this.sent(row, false);
  }

  /** The clerk's answer for an uncertain job: it printed (closed), or it did not (queued again and sent). */
  resolve(actor: Actor, jobId: string, outcome: 'printed' | 'not_printed'): PrintJob {
    const row = inTransaction(this.d.db, () => {
      const j = this.job(jobId);
      if (j.state !== 'uncertain') throw this.stateError(j);
      this.d.queue.setState(jobId, ['uncertain'], outcome === 'printed' ? 'printed' : 'queued', { resolvedBy: actorLabel(actor) });
      this.d.audit.append(actor, { action: 'printing.resolved', entity: 'print_job', entityId: jobId, data: { outcome, seq: j.seq, title: j.title, dossierId: j.dossier_id } });
      return this.d.queue.row(jobId)!;
    });
    this.d.changed(row);
    if (outcome === 'not_printed') void this.d.runner.send(row.printer_uri);
    return toPrintJob(row);
  }

  cancel(actor: Actor, jobId: string): PrintJob {
    const row = inTransaction(this.d.db, () => {
      const j = this.job(jobId);
      if (!this.d.queue.setState(jobId, ['queued', 'uncertain'], 'cancelled', { resolvedBy: actorLabel(actor) })) throw this.stateError(j);
      this.d.audit.append(actor, { action: 'printing.cancelled', entity: 'print_job', entityId: jobId, data: { from: j.state, seq: j.seq, title: j.title, dossierId: j.dossier_id } });
      return this.d.queue.row(jobId)!;
    });
    this.d.changed(row);
    return toPrintJob(row);
  }

  /** A queued job tried now (with the older ones of its printer, which go first); a failed one queued again. */
  async retry(jobId: string): Promise<PrintJob> {
    const j = this.job(jobId);
    if (j.state === 'failed') {
      if (!this.d.queue.setState(jobId, ['failed'], 'queued')) throw this.stateError(this.job(jobId));
      this.d.changed(this.d.queue.row(jobId)!);
    } else if (!this.d.queue.dueNow(jobId)) throw this.stateError(this.job(jobId));
    void this.d.runner.send(j.printer_uri, jobId);
    return toPrintJob(this.d.queue.row(jobId)!);
  }

  /** What a job (stored, or asked) puts on paper: the raster as PNG for a thermal printer, else the PDF. */
  async preview(
    actor: Actor,
    input: { jobId?: string | undefined; what?: PrintWhat | undefined; printer?: string | undefined; profile?: PrinterProfile | undefined },
    rasterToPng: (r: NonNullable<Rendered['raster']>) => Promise<Buffer>,
  ): Promise<{ mimeType: 'image/png' | 'application/pdf'; contentBase64: string; width: number | null; height: number | null }> {
    let rendered: Rendered;
    if (input.jobId !== undefined) {
      const j = this.job(input.jobId);
      if (j.payload_kind === 'pdf') return { mimeType: 'application/pdf', contentBase64: Buffer.from(this.d.queue.payload(j.id)!).toString('base64'), width: null, height: null };
      const profile = printerProfileSchema.parse(j.profile ? JSON.parse(j.profile) : {});
      rendered = await this.d.renderer.render(JSON.parse(j.source) as JobSource, { uri: j.printer_uri, thermal: true, profile }, actor, { copies: 1, drawerKick: false });
    } else {
      const what = input.what!;
      const s = await this.source(what);
      const target = this.target({ kind: what.kind, ...(what.kind === 'form' ? { form: what.form } : {}) }, input.printer, input.profile);
      rendered = await this.d.renderer.render(s.source, target, actor, { copies: 1, drawerKick: false, ...(s.pdf ? { pdf: s.pdf } : {}) });
    }
    if (rendered.raster) {
      const png = await rasterToPng(rendered.raster);
      return { mimeType: 'image/png', contentBase64: png.toString('base64'), width: rendered.raster.width, height: rendered.raster.height };
    }
    return { mimeType: 'application/pdf', contentBase64: Buffer.from(rendered.payload).toString('base64'), width: null, height: null };
  }
}

/** Strict base64 (a typo is a bad PDF, not silently dropped characters). */
function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new AppError('PRINT_BAD_PDF', { detail: t('printQueue.pdf.notBase64') }, { field: 'what.contentBase64' });
  return new Uint8Array(Buffer.from(clean, 'base64'));
}
