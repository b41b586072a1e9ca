/**
 * The OCR engine: tesseract.js worker threads (tess-worker.ts) in a pool, one per core by default, reading vie+eng
 * with the LSTM engine from the app's own language data. Pages wait in the order given; each worker takes one page
 * at a time. Bad input never costs a worker: the image's header is checked when it is handed in, and it is decoded
 * with sharp (ocr-image.ts) when a worker is free for it, so pages waiting in the queue hold only their file's bytes.
 * A worker is replaced when it dies (OCR_WORKER_FAILED for its page), when a page takes too long (OCR_TIMEOUT) or is
 * cancelled (OCR_ABORTED), after an engine error, and every RECYCLE_AFTER_PAGES pages (WASM memory only grows); the
 * next page goes on either way. Idle workers are ended after a while, so an idle core gives their memory back.
 *
 * Threads, never processes: the core runs in Electron's utility process (or the CLI / web server), never in the
 * renderer or Electron's main process, and worker_threads keep the core's event loop free.
 */
import os from 'node:os';
import { AppError, isAppError } from '../../../contract/errors';
import { fillOcrCache, locateOcrData, OCR_DATA_VARIANT, OCR_LANGUAGES, type OcrData } from './ocr-data';
import { inspectImage, prepareImage } from './ocr-image';
import { meanConfidence, pageText, parseWords, type TessBlock } from './ocr-output';
import { TESSERACT_JS_VERSION, TessFailure, TessWorker, type WorkerTesting } from './tess-worker';
import type { OcrEngine, OcrInput, OcrResult, OcrWord } from './types';

/**
 * A page (an A4 at 300 dpi: 8.7 Mpx; larger bands get more in proportion) taking longer than this is taken as hung.
 * A page takes 2–8 s. On Linux the limit is on the worker thread's CPU time (tess-worker.ts): at the lowest priority a
 * page may wait minutes for CPU while scanning keeps the cores busy, which is not a hang; elsewhere it is wall time.
 */
export const PAGE_TIMEOUT_MS = 300_000;
const A4_PIXELS = 2480 * 3508;
/** Loading the core and the language data takes about a second; far longer means a stuck thread. */
export const INIT_TIMEOUT_MS = 60_000;
export const RECYCLE_AFTER_PAGES = 500;
export const IDLE_TIMEOUT_MS = 5 * 60_000;
/** Nice value of the OCR threads on Linux: the lowest priority, so scanning and the UI come first. */
export const OCR_NICE = 19;
export const OCR_LANGS = OCR_LANGUAGES.join('+');
export const ENGINE_NAME = `tesseract.js ${TESSERACT_JS_VERSION} ${OCR_LANGS} ${OCR_DATA_VARIANT}`;

/** The codes this engine rejects with. Input codes: retrying the same image cannot help. */
export const OCR_INPUT_ERROR_CODES = ['OCR_IMAGE_UNREADABLE', 'OCR_IMAGE_TOO_SMALL', 'OCR_IMAGE_TOO_LARGE'] as const;
export const OCR_ERROR_CODES = [...OCR_INPUT_ERROR_CODES, 'OCR_DATA_MISSING', 'OCR_TIMEOUT', 'OCR_WORKER_FAILED', 'OCR_ABORTED', 'OCR_CLOSED'] as const;

export interface OcrPoolOptions {
  /** Folder for tesseract.js's unpacked language data, inside the data directory (ocrCacheDir); null: no cache. */
  cacheDir: string | null;
  /** Worker threads; default one per core (os.availableParallelism()). */
  workers?: number;
  /** Where resources/ is (resolveResourcesDir's rules); the data is <resourcesDir>/tessdata/{vie,eng}.traineddata.gz. */
  resourcesDir?: string;
  pageTimeoutMs?: number;
  recycleAfterPages?: number;
  idleTimeoutMs?: number;
  /** Largest band handed to a worker at once (ocr-image.ts); default BAND_MAX_PIXELS. */
  bandMaxPixels?: number;
  /** Lower the threads' priority (Linux); default true. */
  lowPriority?: boolean;
  /** Tests only. */
  testing?: WorkerTesting;
}

export interface RecognizeOptions {
  signal?: AbortSignal;
  /** This page's time limit instead of the pool's. */
  timeoutMs?: number;
}

export interface OcrPoolStats {
  workers: number;
  /** Threads alive now, and started since the pool was made (replacements and recycling included). */
  alive: number;
  started: number;
  busy: number;
  waiting: number;
  pagesDone: number;
  /** Nice value of the live threads (null where the platform has none). */
  nice: Array<number | null>;
  /** CPU time each live thread has used, ms (what the page time limit counts on Linux); null where unreadable. */
  cpuMs: Array<number | null>;
}

interface Job {
  input: OcrInput;
  timeoutMs: number | undefined;
  signal: AbortSignal | undefined;
  resolve: (r: OcrResult) => void;
  reject: (e: AppError) => void;
  /** Set while a worker runs it: stops that worker. */
  cancel?: (why: TessFailure) => void;
}

interface Slot {
  worker: TessWorker | null;
  job: Job | null;
  idleTimer: NodeJS.Timeout | null;
}

export function defaultOcrWorkers(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

export function createOcrPool(opts: OcrPoolOptions): OcrPool {
  return new OcrPool(opts);
}

export class OcrPool implements OcrEngine {
  readonly workers: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  private started = 0;
  private pagesDone = 0;
  private data: OcrData | null = null;
  /** The language data unpacked into the cache folder (null inside: no cache, the threads unpack the .gz). */
  private cache: Promise<string | null> | null = null;

  constructor(private readonly opts: OcrPoolOptions) {
    this.workers = Math.max(1, Math.floor(opts.workers ?? defaultOcrWorkers()));
  }

  async recognize(input: OcrInput, opts: RecognizeOptions = {}): Promise<OcrResult> {
    if (this.closed) throw new AppError('OCR_CLOSED');
    if (opts.signal?.aborted) throw new AppError('OCR_ABORTED');
    // Checked before any image work: a missing install fails at once, the same way for every page.
    this.data ??= locateOcrData(this.opts.resourcesDir);
    await inspectImage(input.image);
    if (opts.signal?.aborted) throw new AppError('OCR_ABORTED');
    if (this.closed) throw new AppError('OCR_CLOSED');
    return new Promise<OcrResult>((resolve, reject) => {
      const job: Job = { input, timeoutMs: opts.timeoutMs, signal: opts.signal, resolve, reject };
      if (opts.signal) {
        const onAbort = (): void => {
          const i = this.queue.indexOf(job);
          if (i >= 0) {
            this.queue.splice(i, 1);
            reject(new AppError('OCR_ABORTED'));
          } else job.cancel?.(new TessFailure('stopped', 'aborted'));
        };
        opts.signal.addEventListener('abort', onAbort, { once: true });
        const settle = <T>(f: (v: T) => void) => (v: T): void => {
          opts.signal!.removeEventListener('abort', onAbort);
          f(v);
        };
        job.resolve = settle(resolve);
        job.reject = settle(reject);
      }
      this.queue.push(job);
      this.pump();
    });
  }

  stats(): OcrPoolStats {
    const live = this.slots.filter((s) => s.worker?.alive);
    return {
      workers: this.workers,
      alive: live.length,
      started: this.started,
      busy: this.slots.filter((s) => s.job).length,
      waiting: this.queue.length,
      pagesDone: this.pagesDone,
      nice: live.map((s) => s.worker!.nice),
      cpuMs: live.map((s) => s.worker!.cpuMs()),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new AppError('OCR_CLOSED'));
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.idleTimer) clearTimeout(s.idleTimer);
        s.job?.cancel?.(new TessFailure('stopped', 'closed'));
        await s.worker?.terminate();
      }),
    );
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot) {
        if (this.slots.length >= this.workers) return;
        slot = { worker: null, job: null, idleTimer: null };
        this.slots.push(slot);
      }
      const job = this.queue.shift()!;
      slot.job = job;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      void this.run(slot, job);
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    let stoppedBy: TessFailure | null = null;
    job.cancel = (why) => {
      stoppedBy = why;
      void slot.worker?.terminate(why);
    };
    let badInput = false;
    try {
      const image = await prepareImage(job.input, this.opts.bandMaxPixels).catch((e: unknown) => {
        badInput = true;
        throw e;
      });
      if (stoppedBy) throw stoppedBy;
      if (!slot.worker?.alive) slot.worker = await this.startWorker();
      if (stoppedBy) throw stoppedBy;
      const worker = slot.worker;
      worker.ref(); // a page in flight keeps the process alive until it is done
      const words: OcrWord[] = [];
      let ms = 0;
      let blockOffset = 0;
      for (const band of image.bands) {
        const limit = job.timeoutMs ?? Math.round((this.opts.pageTimeoutMs ?? PAGE_TIMEOUT_MS) * Math.max(1, (band.height * image.width) / A4_PIXELS));
        const raw = await worker.recognize(band.pgm, image.engineDpi, limit);
        ms += raw.ms;
        const bandWords = parseWords(raw.tsv, raw.blocks as TessBlock[] | null, { top: band.top / image.scale, scale: image.scale, blockOffset });
        blockOffset = bandWords.reduce((m, w) => Math.max(m, w.block), blockOffset);
        words.push(...bandWords);
      }
      worker.pages += 1;
      this.pagesDone += 1;
      job.resolve({
        text: pageText(words),
        confidence: meanConfidence(words),
        words,
        width: image.width,
        height: image.height,
        dpi: image.dpi,
        ms: Math.round(ms),
        engine: ENGINE_NAME,
      });
      if (worker.pages >= (this.opts.recycleAfterPages ?? RECYCLE_AFTER_PAGES)) await this.retire(slot);
    } catch (e) {
      job.reject(this.toError(stoppedBy ?? e));
      // A thread that failed a page is never trusted with the next one (a WASM abort leaves the module unusable);
      // an image refused before it reached the thread costs nothing.
      if (!badInput || stoppedBy) await this.retire(slot);
    } finally {
      slot.worker?.unref();
      slot.job = null;
      this.idleLater(slot);
      this.pump();
    }
  }

  private async startWorker(): Promise<TessWorker> {
    const data = locateOcrData(this.opts.resourcesDir);
    let cachePath: string | null = null;
    if (this.opts.cacheDir) {
      // Filled once per pool, whole files only (fillOcrCache); the threads only read it.
      this.cache ??= fillOcrCache(this.opts.cacheDir, data);
      cachePath = await this.cache;
      if (cachePath === null) this.cache = null; // tried again at the next start
    }
    this.started += 1;
    try {
      return await TessWorker.start({
        langs: OCR_LANGS,
        langPath: data.langPath,
        cachePath,
        nice: this.opts.lowPriority === false ? null : OCR_NICE,
        initTimeoutMs: INIT_TIMEOUT_MS,
        testing: this.opts.testing,
      });
    } catch (e) {
      // The engine refusing to start (unreadable or damaged language data) is the install's problem, not the page's.
      if (e instanceof TessFailure && e.kind === 'engine') throw new AppError('OCR_DATA_MISSING', { file: `${OCR_LANGS} (${e.detail})`, dir: data.langPath }, { cause: e });
      throw e;
    }
  }

  private async retire(slot: Slot): Promise<void> {
    const w = slot.worker;
    slot.worker = null;
    await w?.terminate();
  }

  private idleLater(slot: Slot): void {
    if (this.closed || !slot.worker) return;
    slot.idleTimer = setTimeout(() => {
      if (slot.job === null) void this.retire(slot);
    }, this.opts.idleTimeoutMs ?? IDLE_TIMEOUT_MS);
    slot.idleTimer.unref();
  }

  private toError(e: unknown): AppError {
    if (isAppError(e)) return e;
    if (e instanceof TessFailure) {
      if (e.kind === 'timeout') return new AppError('OCR_TIMEOUT', { detail: e.detail }, { cause: e });
      if (e.kind === 'stopped') return new AppError(this.closed ? 'OCR_CLOSED' : 'OCR_ABORTED', {}, { cause: e });
      if (/ENOENT|no such file/i.test(e.detail)) return new AppError('OCR_DATA_MISSING', { file: '', dir: this.data?.langPath ?? '' }, { cause: e });
      return new AppError('OCR_WORKER_FAILED', { reason: e.kind, detail: e.detail }, { cause: e });
    }
    return new AppError('OCR_WORKER_FAILED', { reason: 'error', detail: e instanceof Error ? e.message.slice(0, 200) : String(e) }, { cause: e });
  }
}
