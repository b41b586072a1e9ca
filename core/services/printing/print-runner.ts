/**
 * Sends the queue's jobs to their printers (issue #16): one job at a time per printer, oldest first, each try
 * through delivery.ts. What a try ends as:
 * - printed → 'printed'; unavailable (nothing reached the printer) → 'queued' with the reason and the next try
 *   (2 s doubling to 60 s), the printer's later jobs waiting behind it;
 * - uncertain (bytes may have reached it, no confirmation) → 'uncertain', never resent until the clerk answers;
 * - a throw before any byte → 'failed' (it cannot be printed: the printer's kind, a transport this machine lacks);
 *   after a byte → 'uncertain'.
 * In a core with options.run the runner also looks every pollMs for due jobs (other processes' too) and settles
 * the jobs of processes that died; any core sends the jobs it makes (printing.print) at once.
 */
import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../../contract/errors';
import type { Logger } from '../../platform/logger';
import { printerProfileSchema } from '../../contract/printing';
import { t } from '../../i18n/translate';
import type { DeliveryOutcome, DeliveryTimeouts } from './delivery';
import { checkPdfFolder } from './print-folder';
import type { PrintingParts } from './print-parts';
import type { Claim, JobRow, PrintQueue, Settled } from './print-queue';

export const DEFAULT_POLL_MS = 2_000;
/**
 * How long a waiting caller (printing.print with wait) waits for its printer's line while another process sends
 * on it: one slow job's whole try (connect 3 s, write 30 s, confirmation 20 s) with room for one more.
 */
export const DEFAULT_WAIT_BEHIND_MS = 90_000;
/** How often a waiting caller looks whether the printer's line is free. */
const WAIT_LOOK_MS = 100;

export interface PrintRunnerDeps {
  queue: PrintQueue;
  parts: PrintingParts;
  timeouts: DeliveryTimeouts;
  /** A job changed state: tell the push channel. */
  changed: (row: JobRow) => void;
  /** Each poll: tell the changes other processes made. */
  onPoll?: () => void;
  logger: Logger;
  pollMs?: number;
  /** See DEFAULT_WAIT_BEHIND_MS. */
  waitBehindMs?: number;
}

/** The GS ( H process ID of one try (4 printable bytes): a reply to an earlier try is never taken for this one's. */
export function processIdOf(c: Pick<Claim, 'id' | 'attempts'>): Uint8Array {
  const h = createHash('sha256').update(`${c.id}/${c.attempts}`).digest();
  return Uint8Array.from(h.subarray(0, 4), (b) => 0x30 + (b % 0x4a));
}

export class PrintRunner {
  /** The line being sent per printer in this process (one at a time; a later call runs after it). */
  private readonly lines = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly d: PrintRunnerDeps) {}

  /** Polls for due jobs (the app's cores). */
  start(): void {
    this.timer = setInterval(() => this.wake(), this.d.pollMs ?? DEFAULT_POLL_MS);
    this.timer.unref();
    this.wake();
  }

  /** Settles dead processes' jobs, then sends what is due on every printer. */
  wake(): void {
    if (this.closed) return;
    try {
      for (const row of this.d.queue.recoverDead()) this.d.changed(row);
      this.d.onPoll?.();
      for (const uri of this.d.queue.printersDue()) void this.send(uri);
    } catch (e) {
      this.d.logger.error('print queue not read', { error: (e as Error)?.message });
    }
  }

  /**
   * Sends the printer's due jobs in order until the printer is unavailable, the line is empty, or (with `until`)
   * that job has had its try. Resolves when this process's sending of that line is over.
   */
  send(printerUri: string, until?: string): Promise<void> {
    const prev = this.lines.get(printerUri) ?? Promise.resolve();
    const next = prev.then(() =>
      this.drain(printerUri, until).catch((e: unknown) => {
        // The database refused a step (busy, full disk): the job keeps its stored state; the next wake tries again.
        this.d.logger.error('print line stopped', { printer: printerUri, error: (e as Error)?.message });
      }),
    );
    this.lines.set(printerUri, next);
    void next.finally(() => {
      if (this.lines.get(printerUri) === next) this.lines.delete(printerUri);
    });
    return next;
  }

  /**
   * Sends the printer's line up to and including `jobId`, and waits until that job has its real outcome: while
   * another process sends on the printer (or has taken this very job), the job waits 'queued' behind it, and is
   * sent here once the line is free. A sender that died is settled while waiting (it never blocks). When the wait
   * limit passes, the job stays queued with the reason WAITING_BEHIND (the caller is told; the app sends it later).
   */
  async sendAndWait(printerUri: string, jobId: string): Promise<void> {
    const deadline = Date.now() + (this.d.waitBehindMs ?? DEFAULT_WAIT_BEHIND_MS);
    for (;;) {
      await this.send(printerUri, jobId);
      if (this.closed) return;
      let row = this.d.queue.row(jobId);
      // Printed, uncertain, failed, cancelled; or queued with a reason (the printer unavailable, its next try set).
      if (!row || (row.state !== 'queued' && row.state !== 'sending') || (row.state === 'queued' && row.error_code !== null)) return;
      for (const r of this.d.queue.recoverDead()) this.d.changed(r);
      row = this.d.queue.row(jobId)!;
      const ahead = this.d.queue.sendingOn(printerUri);
      if (Date.now() >= deadline) {
        const behind = row.state === 'queued' && ahead ? this.d.queue.markWaitingBehind(jobId, ahead.seq) : null;
        if (behind) this.d.changed(behind);
        return;
      }
      // The line is free: send at once; else look again shortly.
      if (row.state === 'queued' && !ahead) continue;
      await new Promise((r) => setTimeout(r, WAIT_LOOK_MS));
    }
  }

  private async drain(printerUri: string, until?: string): Promise<void> {
    while (!this.closed) {
      let claim: Claim | null;
      try {
        claim = this.d.queue.claimNext(printerUri);
      } catch (e) {
        this.d.logger.error('print job not claimed', { error: (e as Error)?.message });
        return;
      }
      if (!claim) return;
      const row = await this.sendOne(claim);
      // The printer unavailable: the rest of its line waits too. An uncertain or failed job is that job's own
      // matter: the next one is sent (delivery checks the printer's status before its first byte).
      if (!row || row.state === 'queued' || claim.id === until) return;
    }
  }

  private async sendOne(c: Claim): Promise<JobRow | null> {
    const sending = this.d.queue.row(c.id);
    if (sending) this.d.changed(sending);
    let writing = false;
    const onWriting = () => {
      if (writing) return;
      writing = true;
      this.d.queue.markWriting(c);
    };
    let settled: Settled;
    try {
      settled = toSettled(await this.deliver(c, onWriting));
    } catch (e) {
      const error = isAppError(e) ? { code: e.code, params: e.params } : { code: 'PRINT_SEND_FAILED', params: { detail: String((e as Error)?.message ?? e).slice(0, 300) } };
      this.d.logger.warn('print job not sent', { jobId: c.id, printer: c.printerUri, code: error.code, error: (e as Error)?.message });
      settled = writing ? { outcome: 'uncertain', error, bytesWritten: 0 } : { outcome: 'failed', error };
    }
    const row = this.d.queue.finish(c, settled);
    if (row) this.d.changed(row);
    return row;
  }

  private async deliver(c: Claim, onWriting: () => void): Promise<DeliveryOutcome> {
    const address = this.d.parts.parsePrinterUri(c.printerUri);
    // A stored job whose folder became a file or lost its parent: failed (a wrong address), not retried for ever.
    if (address.kind === 'pdf') checkPdfFolder(c.printerUri, address.dir);
    const printer = this.d.parts.openPrinter(address);
    if (c.payloadKind === 'escpos') {
      if (printer.kind !== 'escpos') throw new AppError('PRINT_NOT_FOR_PRINTER', { uri: c.printerUri, detail: t('printQueue.notFor.escpos') });
      const profile = printerProfileSchema.parse(c.profile ?? {});
      return this.d.parts.deliverEscpos(printer, c.payload, profile, { processId: processIdOf(c), timeouts: this.d.timeouts, onWriting });
    }
    if (printer.kind !== 'document') throw new AppError('PRINT_NOT_FOR_PRINTER', { uri: c.printerUri, detail: t('printQueue.notFor.pdf') });
    return this.d.parts.deliverDocument(printer, c.payload, { title: c.title, copies: c.copies, jobKey: c.id, onWriting, timeoutMs: this.d.timeouts.document });
  }

  /** Stops polling; the tries under way end (delivery's own time limits bound them) before the database closes. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.lines.values()]);
  }
}

function toSettled(o: DeliveryOutcome): Settled {
  switch (o.outcome) {
    case 'printed':
      return { outcome: 'printed', bytesWritten: o.bytesWritten };
    case 'unavailable':
      return { outcome: 'unavailable', error: o.error };
    case 'uncertain':
      return { outcome: 'uncertain', error: o.error, bytesWritten: o.bytesWritten };
  }
}
