/**
 * Sending one job to one printer, and knowing what happened (issue #16). The rule that keeps a receipt from printing
 * twice: resend on its own only when no byte reached the printer; once bytes were written, confirm with the printer
 * (GS ( H process-ID reply where the profile has it, DLE EOT status otherwise) and, still unsure, ask the clerk.
 *
 * ESC/POS, step by step:
 *  1. open the link; a failure is 'unavailable' (nothing was sent);
 *  2. on a two-way link with profile.statusQuery: DLE EOT 1, 2, 4, one at a time. Offline / cover open / paper out /
 *     error → 'unavailable' with the reason, nothing of the job sent. A reply that is not status bytes → 'unavailable'
 *     PRINTER_STATUS_GARBLED (not an ESC/POS printer, or the wrong port). No reply → 'unavailable'
 *     PRINTER_NO_STATUS_REPLY, nothing sent: we cannot know the printer is there and ready (a busy single-connection
 *     printer, a port that takes bytes and never reads them, not ESC/POS). A printer model without status is run
 *     with profile.statusQuery off. Before each query, bytes already waiting (late replies, ASB blocks) are dropped
 *     and exactly one byte is taken as the answer;
 *  3. onWriting(), then the job (+ GS ( H with the job's process ID when profile.processIdReply);
 *     a link failure after a job byte left → 'uncertain' (PRINTER_NOT_CONFIRMED, bytes written / total);
 *  4. confirm: the process-ID reply → 'printed' by 'process_id'; without it, DLE EOT → the printer stopped
 *     (PRINTER_INTERRUPTED_*) or it is fine but never said it printed (PRINTER_NOT_CONFIRMED): 'uncertain' either way.
 *     Without processIdReply: DLE EOT after the write, fine → 'printed' by 'status'; a problem, no answer or the link
 *     gone → 'uncertain'. Only a one-way link or a profile with statusQuery off: all bytes written → 'printed' by 'written'.
 * Error params are data, not prose: `reason` is a key the message turns into Vietnamese (printingReasons.*), `detail`
 * the raw technical part (hex bytes, an OS error) shown after a Vietnamese lead-in.
 */
import { AppError } from '../../contract/errors';
import type { ErrorParams } from '../../contract/errors';
import { decodeStatus, hasProcessIdReply, processIdRequest, statusAnswer, statusQuery } from '../../domain/printing/escpos';
import type { PrinterProfile, PrinterStatus } from '../../domain/printing/types';
import { formatPrinterUri } from '../../../native/printers/printer-uri';
import { PrinterLinkError } from '../../../native/printers/types';
import type { DocumentPrinter, EscposLink, EscposPrinter } from '../../../native/printers/types';
import { withTimeout } from '../../../native/printers/with-timeout';

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
  /** A whole hand-over to a document printer (state, then print): a folder or spooler that hangs cannot block its line. */
  document?: number;
}

export const DEFAULT_DELIVERY_TIMEOUTS: Required<DeliveryTimeouts> = { connect: 3_000, write: 30_000, status: 1_500, confirm: 20_000, document: 120_000 };

/** The codes a delivery can end with (texts in core/i18n/messages/printing-escpos.ts). */
export const DELIVERY_ERROR_CODES = [
  'PRINTER_UNREACHABLE',
  'PRINTER_OFFLINE',
  'PRINTER_COVER_OPEN',
  'PRINTER_PAPER_OUT',
  'PRINTER_ERROR',
  'PRINTER_STATUS_GARBLED',
  'PRINTER_NO_STATUS_REPLY',
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
  /** No answer to a query within the timeout. */
  | { kind: 'silent' }
  | { kind: 'gone'; error: unknown };

const hexOf = (b: Uint8Array): string =>
  [...b.subarray(0, 16)]
    .map((x) => x.toString(16).padStart(2, '0'))
    .join(' ') + (b.length > 16 ? ' …' : '');

/** How long the link must stay quiet before a status query after the job (late replies have stopped coming). */
const quietMsFor = (statusTimeoutMs: number): number => Math.max(5, Math.min(50, Math.floor(statusTimeoutMs / 10)));

/**
 * Drops what the printer sent that nobody asked for now: replies to DLE EOT sequences inside raster data (a printer
 * answers those in the data stream), ASB blocks, late answers. quietMs 0: only what is already waiting (a fresh link,
 * where nothing of ours was sent yet). Bounded by maxMs: a printer that never stops talking is no status partner.
 */
async function drain(link: EscposLink, quietMs: number, maxMs: number): Promise<boolean> {
  await link.read(0, 0);
  if (quietMs <= 0) return true;
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    const more = await link.read(1, Math.min(quietMs, Math.max(1, until - Date.now())));
    if (more.length === 0) return true;
  }
  return false;
}

/**
 * DLE EOT 1, 2, 4, one query at a time, each answered by exactly one byte read with timeoutMs; what was waiting
 * before a query is dropped first (quietMs: see drain). ASB blocks read with the answer are skipped (statusAnswer);
 * bytes after the answer are not it: the next query's drain drops them.
 */
async function readStatus(link: EscposLink, timeoutMs: number, quietMs: number): Promise<StatusReading> {
  const replies: number[] = [];
  // Everything read, for the message when the answers are not status bytes.
  const seen: Uint8Array[] = [];
  try {
    for (const n of [1, 2, 4] as const) {
      if (!(await drain(link, quietMs, timeoutMs))) return { kind: 'garbled', reply: hexOf(await link.read(0, 0)) };
      await link.write(statusQuery(n), timeoutMs);
      const deadline = Date.now() + timeoutMs;
      let reply: Uint8Array = await link.read(1, timeoutMs);
      // ASB blocks are not the answer: read on past them until the answer byte comes.
      while (reply.length > 0 && statusAnswer(reply) === 'more' && deadline > Date.now()) {
        const more = await link.read(1, deadline - Date.now());
        if (more.length === 0) break;
        reply = Buffer.concat([reply, more]);
      }
      const answer = statusAnswer(reply);
      if (answer === 'more') {
        // An answer, then silence: not a status conversation. No answer at all: no status.
        if (replies.length === 0) return { kind: 'silent' };
        return { kind: 'garbled', reply: hexOf(Buffer.concat(seen)) };
      }
      seen.push(reply);
      replies.push(answer);
    }
  } catch (e) {
    return { kind: 'gone', error: e };
  }
  const all = Uint8Array.from(replies);
  const status = decodeStatus(all);
  return status === 'garbled' ? { kind: 'garbled', reply: hexOf(Buffer.concat(seen)) } : { kind: 'status', status };
}

function printerName(printer: { address: Parameters<typeof formatPrinterUri>[0] }): string {
  try {
    return formatPrinterUri(printer.address);
  } catch {
    return printer.address.kind;
  }
}

/**
 * A link or hand-over failure as params: `reason` a key of printingReasons (the words in Vietnamese or English), and
 * `detail` the system's own error code (ECONNREFUSED, EACCES …) when there is one. The English message stays in logs.
 */
export function failureParams(e: unknown): { reason: string; detail: string } {
  const codeOf = (x: unknown): string | undefined => {
    const c = (x as { code?: unknown } | null)?.code;
    return typeof c === 'string' && /^[A-Z0-9_]+$/.test(c) ? c : undefined;
  };
  const detail = codeOf(e) ?? codeOf((e as { cause?: unknown } | null)?.cause) ?? '';
  const failure = e instanceof PrinterLinkError ? e.failure : 'io';
  return { reason: detail === '' ? `link_${failure}` : `link_${failure}_code`, detail };
}

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
    return { outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE', params: { printer: name, ...failureParams(e) } } };
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
  // Only a one-way link or a profile without status queries may count 'written' as printed.
  const answersStatus = link.duplex && profile.statusQuery;
  if (answersStatus) {
    // A fresh link: nothing of ours was sent, so only what is already waiting is dropped (no wait on the ticket path).
    const before = await readStatus(link, t.status, 0);
    switch (before.kind) {
      case 'gone':
        return { outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE', params: { printer: name, ...failureParams(before.error) } } };
      case 'garbled':
        return { outcome: 'unavailable', error: { code: 'PRINTER_STATUS_GARBLED', params: { printer: name, reply: before.reply } } };
      case 'silent':
        // Nothing sent: whether the printer is there and ready is unknown (busy with another connection, deaf port).
        return { outcome: 'unavailable', error: { code: 'PRINTER_NO_STATUS_REPLY', params: { printer: name } } };
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
  const notConfirmed = (written: number, why: { reason: string; detail?: string }): DeliveryOutcome => ({
    outcome: 'uncertain',
    error: { code: 'PRINTER_NOT_CONFIRMED', params: { printer: name, written, total, detail: '', ...why } },
    bytesWritten: written,
  });

  o.onWriting();
  try {
    await link.write(data, t.write);
  } catch (e) {
    const written = jobBytes(e instanceof PrinterLinkError ? e.bytesWritten : link.bytesWritten);
    // Not one byte of the job left (the link's own count, in-flight bytes included): the printer cannot have printed
    // any of it, so it is safe to send again. Any other error leaves the count in doubt: uncertain.
    if (written === 0 && e instanceof PrinterLinkError) return { outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE', params: { printer: name, ...failureParams(e) } } };
    return notConfirmed(written, failureParams(e));
  }
  const written = jobBytes(link.bytesWritten);
  if (!link.duplex) return { outcome: 'printed', confirmedBy: 'written', bytesWritten: written, ref: null };

  if (usePid) {
    const deadline = Date.now() + t.confirm;
    let received: Uint8Array = new Uint8Array(0);
    let gone: unknown = null;
    while (!hasProcessIdReply(received, o.processId)) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      try {
        const more = await link.read(1, left);
        if (more.length === 0) continue;
        received = Buffer.concat([received, more]);
      } catch (e) {
        gone = e;
        break;
      }
    }
    if (hasProcessIdReply(received, o.processId)) return { outcome: 'printed', confirmedBy: 'process_id', bytesWritten: written, ref: null };
    if (gone !== null) return notConfirmed(written, failureParams(gone));
    return afterWriteStatus(link, name, written, total, t.status, answersStatus, 'no_process_id');
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
  const uncertain = (code: string, why: { reason: string; detail?: string }): DeliveryOutcome => ({
    outcome: 'uncertain',
    error: { code, params: { printer: name, written, total, detail: '', ...why } },
    bytesWritten: written,
  });
  if (!answersStatus) return uncertain('PRINTER_NOT_CONFIRMED', { reason: unconfirmed ?? 'no_status' });
  // Bytes still coming belong to nothing asked now (replies to DLE EOT inside the job's data, ASB blocks, a late
  // process-ID reply): each query first waits for the link to go quiet and drops them.
  const after = await readStatus(link, timeoutMs, quietMsFor(timeoutMs));
  switch (after.kind) {
    case 'gone':
      return uncertain('PRINTER_NOT_CONFIRMED', failureParams(after.error));
    case 'garbled':
      return uncertain('PRINTER_NOT_CONFIRMED', { reason: 'status_garbled', detail: after.reply });
    case 'silent':
      return uncertain('PRINTER_NOT_CONFIRMED', { reason: unconfirmed ?? 'no_status_after' });
    case 'status': {
      const problem = problemOf(after.status);
      if (problem) return uncertain(`PRINTER_INTERRUPTED_${problem}`, { reason: unconfirmed ?? 'status_after' });
      if (unconfirmed !== null) return uncertain('PRINTER_NOT_CONFIRMED', { reason: unconfirmed });
      return { outcome: 'printed', confirmedBy: 'status', bytesWritten: written, ref: null };
    }
  }
}

/** A document printer's not-ready detail is a reason key (pdf-dir, system/); anything else is not shown as words. */
const DOCUMENT_REASONS = new Set([
  'folder_missing',
  'parent_missing',
  'not_a_folder',
  'not_writable',
  'no_queue',
  'paused',
  'rejecting',
  'paused_rejecting',
  'lpstat_missing',
  'lpstat_timeout',
  'scheduler_down',
  'windows_unlisted',
  'no_windows_printer',
]);

class HandOverTimeout extends Error {}

/**
 * Hands a PDF to a document printer (CUPS, spooler, folder). A printer that is not ready → 'unavailable'; a hand-over
 * that fails before anything was taken (PrinterLinkError with 0 bytes: no such queue, not reachable) → 'unavailable';
 * any other failure once onWriting was called → 'uncertain' (the spooler may have the job). A bad document
 * (AppError, e.g. PRINT_BAD_PDF) is thrown: resending cannot fix it. The whole hand-over is bounded by
 * `timeoutMs` (DeliveryTimeouts.document): past it, 'unavailable' when nothing was handed over (the state check
 * hung, or a folder write, which is all or nothing and overwrites its own file when sent again) and 'uncertain'
 * otherwise (a spooler may hold the job).
 */
export async function deliverDocument(
  printer: DocumentPrinter,
  pdf: Uint8Array,
  o: { title: string; copies: number; jobKey: string; onWriting: () => void; timeoutMs?: number },
): Promise<DeliveryOutcome> {
  const name = printerName(printer);
  const deadline = Date.now() + (o.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUTS.document);
  const bounded = <T>(p: Promise<T>): Promise<T> => withTimeout(p, deadline - Date.now(), () => new HandOverTimeout());
  const timedOut = { outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE', params: { printer: name, reason: 'hand_over_timeout', detail: '' } } } as const;
  let state;
  try {
    state = await bounded(printer.state());
  } catch (e) {
    if (e instanceof HandOverTimeout) return timedOut;
    return { outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE', params: { printer: name, ...failureParams(e) } } };
  }
  if (!state.ready) {
    const code = state.reason === 'not_found' ? 'PRINTER_NOT_FOUND' : state.reason === 'disabled' ? 'PRINTER_DISABLED' : 'PRINTER_UNREACHABLE';
    const reason = state.detail !== null && DOCUMENT_REASONS.has(state.detail) ? state.detail : `state_${state.reason ?? 'unreachable'}`;
    return { outcome: 'unavailable', error: { code, params: { printer: name, reason, detail: '' } } };
  }
  o.onWriting();
  try {
    const { ref } = await bounded(printer.print(pdf, { title: o.title, copies: o.copies, jobKey: o.jobKey }));
    return { outcome: 'printed', confirmedBy: printer.address.kind === 'pdf' ? 'folder' : 'spooler', bytesWritten: pdf.length, ref };
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (e instanceof HandOverTimeout) {
      if (printer.address.kind === 'pdf') return timedOut;
      return {
        outcome: 'uncertain',
        error: { code: 'PRINTER_NOT_CONFIRMED', params: { printer: name, written: 0, total: pdf.length, reason: 'hand_over_timeout', detail: '' } },
        bytesWritten: 0,
      };
    }
    if (e instanceof PrinterLinkError && e.bytesWritten === 0 && (e.failure === 'unreachable' || e.failure === 'not_found' || e.failure === 'busy')) {
      const code = e.failure === 'not_found' ? 'PRINTER_NOT_FOUND' : 'PRINTER_UNREACHABLE';
      // pdf: makes only the last folder, so a folder not found on writing is one whose parent is missing.
      const why = printer.address.kind === 'pdf' && e.failure === 'not_found' ? { reason: 'parent_missing', detail: '' } : failureParams(e);
      return { outcome: 'unavailable', error: { code, params: { printer: name, ...why } } };
    }
    const written = e instanceof PrinterLinkError ? e.bytesWritten : 0;
    return {
      outcome: 'uncertain',
      error: { code: 'PRINTER_NOT_CONFIRMED', params: { printer: name, written, total: pdf.length, ...failureParams(e) } },
      bytesWritten: written,
    };
  }
}
