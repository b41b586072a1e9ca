/**
 * The durable print queue (print_jobs, migration 010): the database side only, every step one transaction.
 * A job is stored (with the bytes it sends) before anything is sent. One job at a time per printer, oldest first:
 * a claim takes the printer's oldest queued job only when no job of that printer is being sent, inside an
 * IMMEDIATE transaction, so the app and a CLI command never send at once to one printer. The claim names the
 * process (claim_mark, as the OCR queue's run_mark); writing_mark is recorded before the first byte, and decides
 * what a dead sender's job becomes: nothing written → queued again; maybe written → uncertain (the clerk answers).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ErrorParams } from '../../contract/errors';
import type { PrinterProfile, PrintJob, PrintJobState, PrintQueueCounts } from '../../contract/printing';
import { errorMessage, t } from '../../i18n/translate';
import type { Clock } from '../../platform/clock';
import { markAlive, parseProcessMark, processMark } from '../../platform/process-marks';
import { inTransaction, type Db } from '../../store/database';
import type { DeliveryError } from './delivery';
import type { JobSource } from './print-render';

/** This process's token in its claims (see ocr-queue.ts: an earlier process with the same pid is gone). */
const PROCESS_TOKEN = randomBytes(6).toString('hex');
/** Backoff of a printer that was unavailable: 2 s, doubling, at most 60 s. */
export const RETRY_FIRST_MS = 2_000;
export const RETRY_MAX_MS = 60_000;
/** The code of a job whose sender died after bytes may have reached the printer (delivery's own code for it). */
export const NOT_CONFIRMED = 'PRINTER_NOT_CONFIRMED';
/** The reason of a job left queued behind another process's job on its printer (a waiting caller's limit passed). */
export const WAITING_BEHIND = 'PRINT_WAITING_BEHIND';
export const WAITING_STATES: readonly PrintJobState[] = ['queued', 'sending', 'uncertain'];

export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempts - 1));
}

export interface NewJob {
  kind: PrintJob['kind'];
  title: string;
  form: string | null;
  dossierId: string | null;
  dossierCode: string | null;
  ticketNumber: string | null;
  printerUri: string;
  profile: PrinterProfile | null;
  source: JobSource;
  payloadKind: 'escpos' | 'pdf';
  payload: Uint8Array;
  copies: number;
  reprintOf: string | null;
}

/** A job taken by this process for sending. */
export interface Claim {
  id: string;
  seq: number;
  title: string;
  printerUri: string;
  profile: PrinterProfile | null;
  payloadKind: 'escpos' | 'pdf';
  payload: Uint8Array;
  copies: number;
  attempts: number;
  /** The claim's mark: only it may finish the job. */
  mark: string;
}

export type Settled =
  | { outcome: 'printed'; bytesWritten: number }
  | { outcome: 'unavailable'; error: DeliveryError }
  | { outcome: 'uncertain'; error: DeliveryError; bytesWritten: number }
  | { outcome: 'failed'; error: DeliveryError };

export interface JobRow {
  id: string;
  seq: number;
  kind: PrintJob['kind'];
  title: string;
  form: string | null;
  dossier_id: string | null;
  dossier_code: string | null;
  ticket_number: string | null;
  printer_uri: string;
  profile: string | null;
  source: string;
  payload_kind: 'escpos' | 'pdf';
  bytes: number;
  copies: number;
  reprint_of: string | null;
  state: PrintJobState;
  attempts: number;
  bytes_written: number;
  claim_mark: string | null;
  writing_mark: string | null;
  error_code: string | null;
  error_params: string | null;
  next_try_at: string | null;
  created_at: string;
  updated_at: string;
  printed_at: string | null;
  resolved_by: string | null;
}

/** Every column but the payload (lists never load the bytes). */
const COLUMNS = `id, seq, kind, title, form, dossier_id, dossier_code, ticket_number, printer_uri, profile, source, payload_kind,
  LENGTH(payload) AS bytes, copies, reprint_of, state, attempts, bytes_written, claim_mark, writing_mark, error_code, error_params,
  next_try_at, created_at, updated_at, printed_at, resolved_by`;

export function toPrintJob(r: JobRow): PrintJob {
  const params = r.error_params ? (JSON.parse(r.error_params) as ErrorParams) : {};
  return {
    id: r.id,
    seq: r.seq,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    kind: r.kind,
    title: r.title,
    form: r.form,
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    ticketNumber: r.ticket_number,
    printerUri: r.printer_uri,
    state: r.state,
    reprint: r.reprint_of !== null,
    reprintOf: r.reprint_of,
    attempts: r.attempts,
    bytes: r.bytes,
    error: r.error_code ? { code: r.error_code, message: errorMessage(r.error_code, params) } : null,
    nextTryAt: r.next_try_at,
    printedAt: r.printed_at,
  };
}

export class PrintQueue {
  private readonly processMark = processMark().trim();

  constructor(private readonly d: { db: Db; clock: Clock }) {}

  private now(): string {
    return this.d.clock.now().toISOString();
  }

  /** Stores a new job, queued. The printer's other queued jobs become due too: a new job is a reason to try the printer now. */
  insert(j: NewJob): JobRow {
    return inTransaction(this.d.db, () => {
      const id = randomUUID();
      const now = this.now();
      const seq = this.d.db.prepare<[], { s: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM print_jobs').get()!.s;
      const payload = Buffer.from(j.payload.buffer, j.payload.byteOffset, j.payload.byteLength);
      this.d.db
        .prepare(
          `INSERT INTO print_jobs (id, seq, kind, title, form, dossier_id, dossier_code, ticket_number, printer_uri, profile, source, payload_kind,
             payload, payload_sha256, copies, reprint_of, state, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)`,
        )
        .run(
          id,
          seq,
          j.kind,
          j.title,
          j.form,
          j.dossierId,
          j.dossierCode,
          j.ticketNumber,
          j.printerUri,
          j.profile ? JSON.stringify(j.profile) : null,
          JSON.stringify(j.source),
          j.payloadKind,
          payload,
          createHash('sha256').update(payload).digest('hex'),
          j.copies,
          j.reprintOf,
          now,
          now,
        );
      this.d.db.prepare(`UPDATE print_jobs SET next_try_at = NULL WHERE printer_uri = ? AND state = 'queued' AND next_try_at IS NOT NULL`).run(j.printerUri);
      return this.row(id)!;
    });
  }

  row(id: string): JobRow | undefined {
    return this.d.db.prepare<[string], JobRow>(`SELECT ${COLUMNS} FROM print_jobs WHERE id = ?`).get(id);
  }

  /** The stored bytes of a job (a reprint of a PDF sends them again). */
  payload(id: string): Uint8Array | null {
    const r = this.d.db.prepare<[string], { payload: Buffer }>('SELECT payload FROM print_jobs WHERE id = ?').get(id);
    return r ? new Uint8Array(r.payload) : null;
  }

  /**
   * The printer's oldest queued job, taken by this process; null when the printer is busy (a job of it is being
   * sent), has nothing queued, or its oldest job waits for its next try (unless `due` is ignored: a clerk's retry).
   */
  claimNext(printerUri: string): Claim | null {
    return inTransaction(this.d.db, () => {
      const busy = this.d.db.prepare(`SELECT 1 FROM print_jobs WHERE printer_uri = ? AND state = 'sending' LIMIT 1`).get(printerUri);
      if (busy) return null;
      const next = this.d.db
        .prepare<[string], { id: string; next_try_at: string | null }>(`SELECT id, next_try_at FROM print_jobs WHERE printer_uri = ? AND state = 'queued' ORDER BY seq LIMIT 1`)
        .get(printerUri);
      if (!next || (next.next_try_at !== null && next.next_try_at > this.now())) return null;
      const mark = `${this.processMark} ${PROCESS_TOKEN}.${randomBytes(6).toString('hex')}`;
      const r = this.d.db
        .prepare(`UPDATE print_jobs SET state = 'sending', claim_mark = ?, writing_mark = NULL, attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued'`)
        .run(mark, this.now(), next.id);
      if (r.changes !== 1) return null;
      const row = this.d.db
        .prepare<[string], { seq: number; title: string; printer_uri: string; profile: string | null; payload_kind: 'escpos' | 'pdf'; payload: Buffer; copies: number; attempts: number }>(
          'SELECT seq, title, printer_uri, profile, payload_kind, payload, copies, attempts FROM print_jobs WHERE id = ?',
        )
        .get(next.id)!;
      return {
        id: next.id,
        seq: row.seq,
        title: row.title,
        printerUri: row.printer_uri,
        profile: row.profile ? (JSON.parse(row.profile) as PrinterProfile) : null,
        payloadKind: row.payload_kind,
        payload: new Uint8Array(row.payload),
        copies: row.copies,
        attempts: row.attempts,
        mark,
      };
    });
  }

  /**
   * Bytes may reach the printer from now on: recorded (synchronously, durably) before the first byte is written,
   * so a crash from here on leaves the job uncertain, never resent.
   */
  markWriting(c: Claim): void {
    // updated_at stays: it is no state change, and other processes' push channels tell changes by updated_at.
    this.d.db.prepare(`UPDATE print_jobs SET writing_mark = claim_mark WHERE id = ? AND state = 'sending' AND claim_mark = ?`).run(c.id, c.mark);
  }

  /**
   * The try's end, by the claim that holds the job. Unavailable: the job and the rest of the printer's line wait,
   * with the reason and the next try (the printer is what is missing, not one job).
   */
  finish(c: Claim, s: Settled): JobRow | null {
    return inTransaction(this.d.db, () => {
      const held = this.d.db.prepare(`SELECT 1 FROM print_jobs WHERE id = ? AND state = 'sending' AND claim_mark = ?`).get(c.id, c.mark);
      if (!held) return null;
      const now = this.now();
      const set = (state: PrintJobState, extra: string, ...args: unknown[]) =>
        this.d.db.prepare(`UPDATE print_jobs SET state = '${state}', claim_mark = NULL, updated_at = ?${extra} WHERE id = ?`).run(now, ...args, c.id);
      switch (s.outcome) {
        case 'printed':
          set('printed', ', writing_mark = NULL, printed_at = ?, bytes_written = ?, error_code = NULL, error_params = NULL, next_try_at = NULL', now, s.bytesWritten);
          break;
        case 'unavailable': {
          const next = new Date(this.d.clock.now().getTime() + retryDelayMs(c.attempts)).toISOString();
          const params = JSON.stringify(s.error.params);
          set('queued', ', writing_mark = NULL, error_code = ?, error_params = ?, next_try_at = ?', s.error.code, params, next);
          this.d.db
            .prepare(`UPDATE print_jobs SET error_code = ?, error_params = ?, next_try_at = ?, updated_at = ? WHERE printer_uri = ? AND state = 'queued' AND id <> ?`)
            .run(s.error.code, params, next, now, c.printerUri, c.id);
          break;
        }
        case 'uncertain':
          set('uncertain', ', bytes_written = ?, error_code = ?, error_params = ?, next_try_at = NULL', s.bytesWritten, s.error.code, JSON.stringify(s.error.params));
          break;
        case 'failed':
          set('failed', ', writing_mark = NULL, error_code = ?, error_params = ?, next_try_at = NULL', s.error.code, JSON.stringify(s.error.params));
          break;
      }
      return this.row(c.id)!;
    });
  }

  /**
   * Jobs 'sending' under a process that is gone (kill -9, power cut): nothing written → queued again (due now);
   * maybe written → uncertain (PRINT_NOT_CONFIRMED), never resent until the clerk answers. Jobs of live processes
   * are theirs. Cheap: only 'sending' rows are read.
   */
  recoverDead(): JobRow[] {
    const sending = this.d.db.prepare<[], { id: string }>(`SELECT id FROM print_jobs WHERE state = 'sending'`).all();
    if (sending.length === 0) return [];
    return inTransaction(this.d.db, () => {
      const changed: JobRow[] = [];
      for (const { id } of sending) {
        const j = this.d.db
          .prepare<[string], { state: string; claim_mark: string | null; writing_mark: string | null; printer_uri: string; total: number }>(
            'SELECT state, claim_mark, writing_mark, printer_uri, LENGTH(payload) AS total FROM print_jobs WHERE id = ?',
          )
          .get(id);
        if (!j || j.state !== 'sending' || !j.claim_mark) continue;
        const mark = parseProcessMark(j.claim_mark);
        const earlierSelf = mark?.pid === process.pid && j.claim_mark.trim().split(/\s+/)[2]?.split('.')[0] !== PROCESS_TOKEN;
        if (mark && markAlive(mark) && !earlierSelf) continue;
        const now = this.now();
        if (j.writing_mark === null) {
          this.d.db.prepare(`UPDATE print_jobs SET state = 'queued', claim_mark = NULL, next_try_at = NULL, updated_at = ? WHERE id = ?`).run(now, id);
        } else {
          this.d.db
            .prepare(`UPDATE print_jobs SET state = 'uncertain', claim_mark = NULL, error_code = ?, error_params = ?, next_try_at = NULL, updated_at = ? WHERE id = ?`)
            .run(NOT_CONFIRMED, JSON.stringify({ printer: j.printer_uri, written: '?', total: j.total, reason: 'process_stopped', detail: t('printingReasons.process_stopped') }), now, id);
        }
        changed.push(this.row(id)!);
      }
      return changed;
    });
  }

  /** The job being sent on the printer now (by any process), if any. */
  sendingOn(printerUri: string): { id: string; seq: number } | undefined {
    return this.d.db.prepare<[string], { id: string; seq: number }>(`SELECT id, seq FROM print_jobs WHERE printer_uri = ? AND state = 'sending' ORDER BY seq LIMIT 1`).get(printerUri);
  }

  /** A queued job left waiting behind another job of its printer: the reason says so (it is sent when that one ends). */
  markWaitingBehind(id: string, ahead: number): JobRow | null {
    const r = this.d.db
      .prepare(`UPDATE print_jobs SET error_code = ?, error_params = ?, updated_at = ? WHERE id = ? AND state = 'queued' AND error_code IS NULL`)
      .run(WAITING_BEHIND, JSON.stringify({ ahead }), this.now(), id);
    return r.changes === 1 ? this.row(id)! : null;
  }

  /** Printers with a queued job due now and none being sent: what the runner sends next. */
  printersDue(): string[] {
    return this.d.db
      .prepare<[string], { printer_uri: string }>(
        `SELECT DISTINCT q.printer_uri FROM print_jobs q WHERE q.state = 'queued' AND (q.next_try_at IS NULL OR q.next_try_at <= ?)
           AND NOT EXISTS (SELECT 1 FROM print_jobs s WHERE s.printer_uri = q.printer_uri AND s.state = 'sending')`,
      )
      .all(this.now())
      .map((r) => r.printer_uri);
  }

  /** Jobs changed at or after `since` (ISO time), oldest change first: other processes' changes, for the push channel. */
  changedSince(since: string, limit = 500): JobRow[] {
    return this.d.db.prepare<[string, number], JobRow>(`SELECT ${COLUMNS} FROM print_jobs WHERE updated_at >= ? ORDER BY updated_at LIMIT ?`).all(since, limit);
  }

  list(o: { states?: readonly PrintJobState[] | undefined; dossierId?: string | undefined; limit: number }): JobRow[] {
    const where: string[] = [];
    const args: unknown[] = [];
    const states = o.states ?? (o.dossierId ? undefined : WAITING_STATES);
    if (states && states.length > 0) {
      where.push(`state IN (${states.map(() => '?').join(', ')})`);
      args.push(...states);
    }
    if (o.dossierId) {
      where.push('dossier_id = ?');
      args.push(o.dossierId);
    }
    const sql = `SELECT ${COLUMNS} FROM print_jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return this.d.db.prepare<unknown[], JobRow>(sql).all(...args, o.limit);
  }

  counts(): PrintQueueCounts {
    const by = new Map(
      this.d.db
        .prepare<[], { state: string; n: number }>(`SELECT state, COUNT(*) AS n FROM print_jobs WHERE state IN ('queued','sending','uncertain') GROUP BY state`)
        .all()
        .map((r) => [r.state, r.n]),
    );
    return { queued: by.get('queued') ?? 0, sending: by.get('sending') ?? 0, uncertain: by.get('uncertain') ?? 0 };
  }

  /** Inside the caller's transaction. False when the job is not in one of `from`. */
  setState(id: string, from: readonly PrintJobState[], to: 'queued' | 'printed' | 'cancelled', o: { resolvedBy?: string } = {}): boolean {
    const now = this.now();
    const extra =
      to === 'printed'
        ? ', printed_at = ?, error_code = NULL, error_params = NULL, writing_mark = NULL'
        : to === 'queued'
          ? ', next_try_at = NULL, error_code = NULL, error_params = NULL, writing_mark = NULL'
          : ', next_try_at = NULL, writing_mark = NULL';
    const args: unknown[] = [now];
    if (to === 'printed') args.push(now);
    const r = this.d.db
      .prepare(`UPDATE print_jobs SET state = '${to}', updated_at = ?${extra}, resolved_by = COALESCE(?, resolved_by) WHERE id = ? AND state IN (${from.map(() => '?').join(', ')})`)
      .run(...args, o.resolvedBy ?? null, id, ...from);
    return r.changes === 1;
  }

  /** retry: the job and the older ones of its printer are due now (they go first anyway). */
  dueNow(id: string): boolean {
    return inTransaction(this.d.db, () => {
      const j = this.row(id);
      if (!j || j.state !== 'queued') return false;
      this.d.db.prepare(`UPDATE print_jobs SET next_try_at = NULL, updated_at = ? WHERE printer_uri = ? AND state = 'queued' AND seq <= ?`).run(this.now(), j.printer_uri, j.seq);
      return true;
    });
  }
}
