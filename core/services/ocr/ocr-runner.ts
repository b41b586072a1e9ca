/**
 * Runs the OCR queue in a core that is allowed to (the app's: web server or Electron; not a short CLI command):
 * claims jobs as the engine has free workers, reads each page's grayscale master, stores what was read, and tells
 * the push channel. The engine (a pool of tesseract.js workers) is made on the first job, so a core with nothing to
 * read pays nothing. Other processes may queue pages (a CLI scan beside the app): the runner also looks every
 * pollMs. After each page it asks the PDF builder to look at stale documents.
 */
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isAppError } from '../../contract/errors';
import type { EventData } from '../../contract/events';
import { errorMessage } from '../../i18n/translate';
import type { Logger } from '../../platform/logger';
import type { EventPublisher } from '../../rpc/event-publisher';
import type { PageFiles } from '../documents/page-files';
import type { DocumentPdfs } from './document-pdfs';
import type { OcrEngine } from './engine/types';
import type { ClaimedJob, OcrQueue } from './ocr-queue';

/** At most one 'ocr.progress' for pages being queued per this many ms (a page's start and end always go out). */
export const PROGRESS_THROTTLE_MS = 1000;
export const DEFAULT_POLL_MS = 5000;
/** The engine's codes for an image no try can read (not an image, 1×1, too large): the page fails at once. */
const FINAL_CODES: ReadonlySet<string> = new Set(['OCR_IMAGE_UNREADABLE', 'OCR_IMAGE_TOO_SMALL', 'OCR_IMAGE_TOO_LARGE']);
/**
 * Codes that say the machine cannot read any page now (the language data is missing): the page goes back untouched
 * (no try counted, so no page fails for it) and the runner waits PAUSE_MS before it tries again.
 */
const MACHINE_CODES: ReadonlySet<string> = new Set(['OCR_DATA_MISSING']);
export const PAUSE_MS = 60_000;

export interface OcrRunnerDeps {
  queue: OcrQueue;
  files: PageFiles;
  /** Makes the engine on the first job. */
  engine: () => OcrEngine | Promise<OcrEngine>;
  pdfs: DocumentPdfs;
  events: EventPublisher;
  logger: Logger;
  pollMs?: number;
}

export class OcrRunner {
  private engine: OcrEngine | null = null;
  private making: Promise<OcrEngine> | null = null;
  /** Reads in flight, by claim mark. */
  private readonly inflight = new Map<string, { job: ClaimedJob; abort: AbortController; done: Promise<void> }>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private filling = false;
  private lastQueuedProgress = 0;
  private queuedProgressTimer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  private pausedUntil = 0;
  private pauseCode: string | null = null;

  constructor(private readonly d: OcrRunnerDeps) {}

  start(): void {
    const pollMs = this.d.pollMs ?? DEFAULT_POLL_MS;
    this.timer = setInterval(() => this.wake(), pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Something may have been queued (pages changed here, or a poll): fill free workers, look at stale PDFs. */
  wake(): void {
    if (this.closed) return;
    void this.fill();
    void this.d.pdfs.kick();
  }

  /** Pages were queued: tell the push channel, at most once per PROGRESS_THROTTLE_MS. */
  queued(): void {
    if (this.closed || this.queuedProgressTimer) return;
    const wait = Math.max(0, this.lastQueuedProgress + PROGRESS_THROTTLE_MS - Date.now());
    this.queuedProgressTimer = setTimeout(() => {
      this.queuedProgressTimer = null;
      this.lastQueuedProgress = Date.now();
      this.progress(null);
    }, wait);
    this.queuedProgressTimer.unref();
  }

  private workers(): number {
    return this.engine?.workers ?? 1;
  }

  private async fill(): Promise<void> {
    if (this.filling) return;
    this.filling = true;
    try {
      while (!this.closed && Date.now() >= this.pausedUntil && this.inflight.size < this.workers()) {
        let job: ClaimedJob | null;
        try {
          job = this.d.queue.claim();
        } catch (e) {
          this.d.logger.error('OCR job not claimed', { error: (e as Error)?.message });
          break;
        }
        if (!job) break;
        const abort = new AbortController();
        const entry = { job, abort, done: Promise.resolve() };
        // By claim, not page: a page turned while being read is claimed again before the first read ends.
        this.inflight.set(job.mark, entry);
        // Read on a later turn of the event loop, never in the caller's (createCore starts the runner): a page that
        // fails at once (its file gone) settles in microtasks only, and a chain of those would hold every request.
        entry.done = nextTurn()
          .then(() => (this.closed ? this.d.queue.release(job) : this.run(job, abort.signal)))
          .finally(() => {
            this.inflight.delete(job.mark);
            if (this.closed) return;
            void this.fill();
            void this.d.pdfs.kick();
          });
        void entry.done.then(() => {
          if (this.inflight.size === 0) for (const w of this.idleWaiters.splice(0)) w();
        });
        // The first job makes the engine; more are claimed once its workers are known.
        if (!this.engine) break;
      }
    } finally {
      this.filling = false;
    }
  }

  private async getEngine(): Promise<OcrEngine> {
    if (this.engine) return this.engine;
    this.making ??= Promise.resolve(this.d.engine()).then((e) => {
      this.engine = e;
      return e;
    });
    try {
      return await this.making;
    } catch (e) {
      this.making = null;
      throw e;
    }
  }

  private async run(job: ClaimedJob, signal: AbortSignal): Promise<void> {
    this.progress({ pageId: job.pageId, dossierId: job.dossierId, state: 'running' });
    let outcome: { state: 'done' | 'failed' | 'waiting'; dossierId: string | null; trayOwner: string | null } | null = null;
    try {
      const master = this.d.files.readVerified(job.masterPath);
      const sha = createHash('sha256').update(master).digest('hex');
      const engine = await this.getEngine();
      // Now that the workers are known, the others may start.
      if (this.inflight.size < engine.workers) queueMicrotask(() => void this.fill());
      // The same preparation as files given to `motcua ocr` (low-dpi or small text enlarged, noise filtered): the
      // boxes then refer to the prepared image, whose size the result carries (the PDF scales by it).
      const prepared = await prepareMaster(master, job.dpi ?? 0);
      const result = await engine.recognize(prepared, { signal });
      if (this.closed) return this.d.queue.release(job);
      outcome = this.d.queue.complete(job, result, sha);
    } catch (e) {
      if (this.closed) return this.d.queue.release(job);
      // Our codes only (their messages are in the catalogue); anything else is OCR_PAGE_FAILED with its detail.
      const code = isAppError(e) ? e.code : 'OCR_PAGE_FAILED';
      const params = isAppError(e) ? e.params : { detail: String((e as Error)?.message ?? e).slice(0, 300) };
      if (MACHINE_CODES.has(code)) {
        this.pausedUntil = Date.now() + PAUSE_MS;
        this.pauseCode = code;
        this.d.logger.error('OCR cannot run on this machine now; pages wait', { code, error: (e as Error)?.message });
        return this.d.queue.release(job);
      }
      const message = errorMessage(code, params);
      this.d.logger.warn('OCR of a page failed', { pageId: job.pageId, try: job.tries, code, error: (e as Error)?.message });
      try {
        outcome = this.d.queue.fail(job, { code, message }, { final: FINAL_CODES.has(code) });
      } catch (e2) {
        this.d.logger.error('OCR failure not recorded (the job is put back at the next start)', { pageId: job.pageId, error: (e2 as Error)?.message });
      }
    }
    if (outcome) {
      this.progress({ pageId: job.pageId, dossierId: outcome.dossierId, state: outcome.state });
      this.d.events.publish('pages.changed', outcome.dossierId !== null ? { dossierId: outcome.dossierId, trayOwner: null } : { dossierId: null, trayOwner: outcome.trayOwner });
    }
  }

  private progress(about: { pageId: string; dossierId: string | null; state: EventData<'ocr.progress'>['state'] } | null): void {
    try {
      const c = this.d.queue.liveCounts();
      this.d.events.publish('ocr.progress', {
        waiting: c.waiting,
        running: c.running,
        failed: c.failed,
        flagged: c.flagged,
        pagesPerMinute: c.pagesPerMinute,
        etaSeconds: c.etaSeconds,
        pageId: about?.pageId ?? null,
        dossierId: about?.dossierId ?? null,
        state: about?.state ?? null,
      });
    } catch (e) {
      this.d.logger.warn('OCR progress not published', { error: (e as Error)?.message });
    }
  }

  /** Whether the engine has been made (its worker count is then known). */
  get started(): boolean {
    return this.engine !== null;
  }

  /** The machine's problem (OCR_DATA_MISSING …) while the runner waits for it to be fixed; null when running. */
  get pausedFor(): string | null {
    return Date.now() < this.pausedUntil ? this.pauseCode : null;
  }

  get workerCount(): number {
    return this.workers();
  }

  /** Resolves when no page is being read (tests, and close). */
  idle(): Promise<void> {
    if (this.inflight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops claiming; pages being read are put back (their try not counted); the engine closes. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.queuedProgressTimer) clearTimeout(this.queuedProgressTimer);
    for (const e of this.inflight.values()) e.abort.abort();
    await Promise.allSettled([...this.inflight.values()].map((e) => e.done));
    await this.d.pdfs.idle();
    const engine = this.engine ?? (this.making ? await this.making.catch(() => null) : null);
    if (engine) await engine.close();
  }
}

/**
 * The master made ready for the engine (engine/prepare.ts, loaded on the first page so a core that never reads pays
 * nothing at start). An image the preparation cannot read goes to the engine as it is: its checks give the code.
 */
async function prepareMaster(master: Uint8Array, dpi: number): Promise<{ image: Uint8Array; dpi?: number }> {
  try {
    const { enhanceForOcr } = await import('./engine/prepare');
    const prepared = await enhanceForOcr({ image: master, dpi });
    return { image: prepared.image, dpi: prepared.dpi };
  } catch {
    return dpi > 0 ? { image: master, dpi } : { image: master };
  }
}
