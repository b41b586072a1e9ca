/**
 * Sending one job to one printer, and knowing what happened (issue #16). The rule that keeps a receipt from printing
 * twice: resend on its own only when no byte reached the printer; once bytes were written, confirm with the printer
 * (GS ( H process-ID reply where the profile has it, DLE EOT status otherwise) and, still unsure, ask the clerk.
 *
 * ESC/POS, step by step:
 *  1. open the link; a failure is 'unavailable' (nothing was sent);
 *  2. on a two-way link with profile.statusQuery: DLE EOT 1, 2, 4, one at a time. Offline / cover open / paper out /
 *     error → 'unavailable' with the reason, nothing of the job sent. A reply that is not status bytes → 'unavailable'
 *     PRINTER_STATUS_GARBLED (not an ESC/POS printer, or the wrong port). No reply at all to the first query (nothing
 *     read) → a printer that does not answer status: go on as without status. A reply cut short → garbled;
 *  3. onWriting(), then the job (+ GS ( H with the job's process ID when profile.processIdReply);
 *     a link failure after a job byte left → 'uncertain' (PRINTER_NOT_CONFIRMED, bytes written / total);
 *  4. confirm: the process-ID reply → 'printed' by 'process_id'; without it, DLE EOT → the printer stopped
 *     (PRINTER_INTERRUPTED_*) or it is fine but never said it printed (PRINTER_NOT_CONFIRMED): 'uncertain' either way.
 *     Without processIdReply: DLE EOT after the write, fine → 'printed' by 'status'; a problem, no answer or the link
 *     gone → 'uncertain'. One-way links and printers that never answer status: all bytes written → 'printed' by 'written'.
 */
import { AppError } from '../../contract/errors';
import type { ErrorParams } from '../../contract/errors';
import { decodeStatus, hasProcessIdReply, processIdRequest, statusQuery } from '../../domain/printing/escpos';
import type { PrinterProfile, PrinterStatus } from '../../domain/printing/types';
import { formatPrinterUri } from '../../../native/printers/printer-uri';
import { PrinterLinkError } from '../../../native/printers/types';
import type { DocumentPrinter, EscposLink, EscposPrinter } from '../../../native/printers/types';

export interface DeliveryError {
  code: string;
  params: ErrorParams;
}

export type DeliveryOutcome =
  /** The printer took the job; how we know. */
  | { outcome: 'printed'; confirmedBy: 'process_id' | 'status' | 'written' | 'spooler' | 'folder'; bytesWritten: number; ref: string | null }
  /** Nothing reached the printer (could not connect, or its status said offline / no paper / cover open): safe to resend. */
  | { outcome: 'unavailable'; error: DeliveryError }
  /** Bytes may have reached the printer and it could not confirm that the job printed: the clerk is asked. */
  | { outcome: 'uncertain'; error: DeliveryError; bytesWritten: number };

export interface DeliveryTimeouts {
  connect: number;
  write: number;
  status: number;
  /** Waiting for the process-ID reply after the last byte. */
  confirm: number;
}

export const DEFAULT_DELIVERY_TIMEOUTS: DeliveryTimeouts = { connect: 3_000, write: 30_000, status: 1_500, confirm: 20_000 };

/** The codes a delivery can end with (texts in core/i18n/messages/printing-escpos.ts). */
export const DELIVERY_ERROR_CODES = [
  'PRINTER_UNREACHABLE',
  'PRINTER_OFFLINE',
  'PRINTER_COVER_OPEN',
  'PRINTER_PAPER_OUT',
  'PRINTER_ERROR',
  'PRINTER_STATUS_GARBLED',
  'PRINTER_NOT_CONFIRMED',
  'PRINTER_INTERRUPTED_OFFLINE',
  'PRINTER_INTERRUPTED_COVER_OPEN',
  'PRINTER_INTERRUPTED_PAPER_OUT',
  'PRINTER_INTERRUPTED_ERROR',
  'PRINTER_NOT_FOUND',
  'PRINTER_DISABLED',
] as const;

type Problem = 'OFFLINE' | 'COVER_OPEN' | 'PAPER_OUT' | 'ERROR';

/** The most specific thing the clerk can fix: cover and paper before the generic offline. */
function problemOf(s: PrinterStatus): Problem | null {
  if (s.coverOpen) return 'COVER_OPEN';
  if (s.paperOut) return 'PAPER_OUT';
  if (s.error) return 'ERROR';
  if (!s.online) return 'OFFLINE';
  return null;
}

type StatusReading =
  | { kind: 'status'; status: PrinterStatus }
  | { kind: 'garbled'; reply: string }
  /** Nothing at all came back: a printer that does not answer status (or a one-way device behind a two-way link). */
  | { kind: 'silent' }
  | { kind: 'gone'; message: string };

const hexOf = (b: Uint8Array): string =>
  [...b.subarray(0, 16)]
    .map((x) => x.toString(16).padStart(2, '0'))
    .join(' ') + (b.length > 16 ? ' …' : '');

/** DLE EOT 1, 2, 4, one query at a time, each reply read with timeoutMs. */
async function readStatus(link: EscposLink, timeoutMs: number): Promise<StatusReading> {
  const replies: Uint8Array[] = [];
  try {
    for (const n of [1, 2, 4] as const) {
      await link.write(statusQuery(n), timeoutMs);
      const reply = await link.read(1, timeoutMs);
      if (reply.length === 0) {
        // Nothing read at all: no status on this printer. Something read, then silence: not a status conversation.
        if (replies.length === 0) return { kind: 'silent' };
        break;
      }
      replies.push(reply);
    }
  } catch (e) {
    return { kind: 'gone', message: e instanceof Error ? e.message : String(e) };
  }
  const all = Buffer.concat(replies);
  const status = decodeStatus(all);
  return status === 'garbled' ? { kind: 'garbled', reply: hexOf(all) } : { kind: 'status', status };
}

function printerName(printer: { address: Parameters<typeof formatPrinterUri>[0] }): string {
  try {
    return formatPrinterUri(printer.address);
  } catch {
    return printer.address.kind;
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Whether `job` already ends with `tail` (a job encoded with its process ID: not sent twice). */
function endsWith(job: Uint8Array, tail: Uint8Array): boolean {
  if (job.length < tail.length) return false;
  for (let i = 0; i < tail.length; i++) if (job[job.length - tail.length + i] !== tail[i]) return false;
  return true;
}

/**
 * Sends a stored ESC/POS job. `onWriting` is called (synchronously) just before the first byte is written, so the
 * queue can record durably that bytes may reach the printer (a crash after it makes the job uncertain, not queued).
 * `processId` is the job's 4-byte ID (processIdFor); the GS ( H request is appended when the profile has
 * processIdReply and the job does not already end with it. 'unavailable' can follow onWriting: the link failed
 * before the first byte of the job left (PrinterLinkError with no job byte counted), so sending again is safe.
 * An Error thrown by onWriting is thrown on, with nothing of the job sent.
 */
export async function deliverEscpos(
  printer: EscposPrinter,
  job: Uint8Array,
  profile: PrinterProfile,
  o: { processId: Uint8Array; timeouts: DeliveryTimeouts; onWriting: () => void },
): Promise<DeliveryOutcome> {
  const name = printerName(printer);
  const t = o.timeouts;
  let link: EscposLink;
  try {
    link = await printer.open(t.connect);
  } catch (e) {
    return { outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE', params: { printer: name, detail: messageOf(e) } } };
  }
  let outcome: DeliveryOutcome | null = null;
  try {
    outcome = await sendOnLink(link, name, job, profile, o);
    return outcome;
  } finally {
    const closing = link.close().catch(() => undefined);
    // A printed job's link closes gracefully (its last bytes go out). A printer that stopped reading can hold a
    // graceful close for seconds: past the status timeout the outcome stands and the link finishes closing on its own.
    if (outcome?.outcome === 'printed') await closing;
    else await Promise.race([closing, new Promise<void>((r) => setTimeout(r, t.status).unref())]);
  }
}

async function sendOnLink(
  link: EscposLink,
  name: string,
  job: Uint8Array,
  profile: PrinterProfile,
  o: { processId: Uint8Array; timeouts: DeliveryTimeouts; onWriting: () => void },
): Promise<DeliveryOutcome> {
  const t = o.timeouts;
  // A printer that answers status; false once it showed it never does (then it is treated as one without status).
  let answersStatus = link.duplex && profile.statusQuery;
  if (answersStatus) {
    const before = await readStatus(link, t.status);
    switch (before.kind) {
      case 'gone':
        return { outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE', params: { printer: name, detail: before.message } } };
      case 'garbled':
        return { outcome: 'unavailable', error: { code: 'PRINTER_STATUS_GARBLED', params: { printer: name, reply: before.reply } } };
      case 'silent':
        answersStatus = false;
        break;
      case 'status': {
        const problem = problemOf(before.status);
        if (problem) return { outcome: 'unavailable', error: { code: `PRINTER_${problem}`, params: { printer: name } } };
        break;
      }
    }
  }

  const usePid = profile.processIdReply && link.duplex;
  const request = usePid ? processIdRequest(o.processId) : new Uint8Array(0);
  const data = usePid && !endsWith(job, request) ? Buffer.concat([job, request]) : job;
  const total = data.length;
  const start = link.bytesWritten;
  const jobBytes = (linkBytes: number) => Math.min(total, Math.max(0, linkBytes - start));
  const notConfirmed = (written: number, detail: string): DeliveryOutcome => ({
    outcome: 'uncertain',
    error: { code: 'PRINTER_NOT_CONFIRMED', params: { printer: name, written, total, detail } },
    bytesWritten: written,
  });

  o.onWriting();
  try {
    await link.write(data, t.write);
  } catch (e) {
    const written = jobBytes(e instanceof PrinterLinkError ? e.bytesWritten : link.bytesWritten);
    // Not one byte of the job left (the link's own count, in-flight bytes included): the printer cannot have printed
    // any of it, so it is safe to send again. Any other error leaves the count in doubt: uncertain.
    if (written === 0 && e instanceof PrinterLinkError) return { outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE', params: { printer: name, detail: messageOf(e) } } };
    return notConfirmed(written, messageOf(e));
  }
  const written = jobBytes(link.bytesWritten);
  if (!link.duplex) return { outcome: 'printed', confirmedBy: 'written', bytesWritten: written, ref: null };

  if (usePid) {
    const deadline = Date.now() + t.confirm;
    let received: Uint8Array = new Uint8Array(0);
    let gone: string | null = null;
    while (!hasProcessIdReply(received, o.processId)) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      try {
        const more = await link.read(1, left);
        if (more.length === 0) continue;
        received = Buffer.concat([received, more]);
      } catch (e) {
        gone = messageOf(e);
        break;
      }
    }
    if (hasProcessIdReply(received, o.processId)) return { outcome: 'printed', confirmedBy: 'process_id', bytesWritten: written, ref: null };
    if (gone !== null) return notConfirmed(written, gone);
    return afterWriteStatus(link, name, written, total, t.status, answersStatus, 'no process-ID reply');
  }

  if (!answersStatus) return { outcome: 'printed', confirmedBy: 'written', bytesWritten: written, ref: null };
  return afterWriteStatus(link, name, written, total, t.status, true, null);
}

/**
 * DLE EOT once the job was written. `unconfirmed` set: the printer already failed to confirm (no process-ID reply),
 * so the best this can give is a better reason for the clerk.
 */
async function afterWriteStatus(
  link: EscposLink,
  name: string,
  written: number,
  total: number,
  timeoutMs: number,
  answersStatus: boolean,
  unconfirmed: string | null,
): Promise<DeliveryOutcome> {
  const uncertain = (code: string, detail: string): DeliveryOutcome => ({
    outcome: 'uncertain',
    error: { code, params: { printer: name, written, total, detail } },
    bytesWritten: written,
  });
  if (!answersStatus) return uncertain('PRINTER_NOT_CONFIRMED', unconfirmed ?? 'no status');
  // Bytes still unread belong to nothing asked now (a late reply): drop them so the status read is the answer.
  await link.read(0, 0).catch(() => undefined);
  const after = await readStatus(link, timeoutMs);
  switch (after.kind) {
    case 'gone':
      return uncertain('PRINTER_NOT_CONFIRMED', after.message);
    case 'garbled':
      return uncertain('PRINTER_NOT_CONFIRMED', `status reply ${after.reply}`);
    case 'silent':
      return uncertain('PRINTER_NOT_CONFIRMED', unconfirmed ?? 'no status reply after the job');
    case 'status': {
      const problem = problemOf(after.status);
      if (problem) return uncertain(`PRINTER_INTERRUPTED_${problem}`, unconfirmed ?? 'status after the job');
      if (unconfirmed !== null) return uncertain('PRINTER_NOT_CONFIRMED', unconfirmed);
      return { outcome: 'printed', confirmedBy: 'status', bytesWritten: written, ref: null };
    }
  }
}

/**
 * Hands a PDF to a document printer (CUPS, spooler, folder). A printer that is not ready → 'unavailable'; a hand-over
 * that fails before anything was taken (PrinterLinkError with 0 bytes: no such queue, not reachable) → 'unavailable';
 * any other failure once onWriting was called → 'uncertain' (the spooler may have the job). A bad document
 * (AppError, e.g. PRINT_BAD_PDF) is thrown: resending cannot fix it.
 */
export async function deliverDocument(
  printer: DocumentPrinter,
  pdf: Uint8Array,
  o: { title: string; copies: number; jobKey: string; onWriting: () => void },
): Promise<DeliveryOutcome> {
  const name = printerName(printer);
  let state;
  try {
    state = await printer.state();
  } catch (e) {
    return { outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE', params: { printer: name, detail: messageOf(e) } } };
  }
  if (!state.ready) {
    const code = state.reason === 'not_found' ? 'PRINTER_NOT_FOUND' : state.reason === 'disabled' ? 'PRINTER_DISABLED' : 'PRINTER_UNREACHABLE';
    return { outcome: 'unavailable', error: { code, params: { printer: name, detail: state.detail ?? state.reason ?? 'not ready' } } };
  }
  o.onWriting();
  try {
    const { ref } = await printer.print(pdf, { title: o.title, copies: o.copies, jobKey: o.jobKey });
    return { outcome: 'printed', confirmedBy: printer.address.kind === 'pdf' ? 'folder' : 'spooler', bytesWritten: pdf.length, ref };
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (e instanceof PrinterLinkError && e.bytesWritten === 0 && (e.failure === 'unreachable' || e.failure === 'not_found' || e.failure === 'busy')) {
      const code = e.failure === 'not_found' ? 'PRINTER_NOT_FOUND' : 'PRINTER_UNREACHABLE';
      return { outcome: 'unavailable', error: { code, params: { printer: name, detail: e.message } } };
    }
    const written = e instanceof PrinterLinkError ? e.bytesWritten : 0;
    return {
      outcome: 'uncertain',
      error: { code: 'PRINTER_NOT_CONFIRMED', params: { printer: name, written, total: pdf.length, detail: messageOf(e) } },
      bytesWritten: written,
    };
  }
}
