/**
 * One tesseract.js worker thread, driven over tesseract.js's own worker script (its message protocol: load,
 * loadLanguage, initialize, recognize) rather than through createWorker(), because createWorker gives no handle on the
 * thread until initialisation ends: a thread that dies or hangs while loading could then be neither seen nor stopped
 * (its 'error' event has no listener and would take the whole core down), and a failed loadLanguage/initialize leaves
 * createWorker's promise pending forever. Here the thread's error and exit are watched from the first instant, every
 * step has a time limit, and terminate() works at any point.
 *
 * Low priority: the thread starts in a few lines of JS that lower its own nice value (Linux: setpriority on its
 * thread id, from /proc/thread-self) before loading tesseract.js's worker script, so OCR takes only the CPU that
 * scanning, the database and the UI leave. Measured (test/bench/ocr-engine.bench.ts, 2 cores): a CPU-bound task on
 * the core's thread took 1.36× its time alone beside 2 OCR workers at nice 0, and 1.02× beside them at nice 19.
 * A thread-level nice, not the process's: the core's own thread (RPC, database) stays at normal priority. Windows
 * and macOS have no per-thread priority in Node; there the threads run at normal priority (the pool's size is the
 * limit). Commands a person waits for (motcua ocr) ask for normal priority.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** tesseract.js's Node worker script; inside a packaged app, the copy unpacked from the asar (threads cannot load from it). */
export function tesseractWorkerScript(): string {
  return require.resolve('tesseract.js/src/worker-script/node/index.js').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

export const TESSERACT_JS_VERSION: string = (require('tesseract.js/package.json') as { version: string }).version;

/** Test hooks, inside the thread: a band of this exact size makes the thread exit (a native crash) or throw. */
export interface WorkerTesting {
  crashOnSize?: { width: number; height: number; how: 'exit' | 'throw' };
}

export interface TessWorkerOptions {
  langs: string;
  langPath: string;
  /**
   * A folder holding the whole unpacked data (fillOcrCache), read but never written by the thread: tesseract.js
   * writes its cache in place, and a thread starting meanwhile read a torn file. null: no cache.
   */
  cachePath: string | null;
  /** Nice value for the thread (Linux), 0..19; null leaves it. */
  nice: number | null;
  initTimeoutMs: number;
  testing?: WorkerTesting;
}

/** Why a call failed: the engine said no, the thread died, it was too slow, or we stopped it. */
export class TessFailure extends Error {
  constructor(
    readonly kind: 'engine' | 'crash' | 'timeout' | 'stopped',
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

export interface RawRecognition {
  tsv: string;
  blocks: unknown[] | null;
  ms: number;
}

// Runs first in the thread (CommonJS, eval): lower the thread's priority, install the test hooks, then load
// tesseract.js's worker script, which takes the thread's messages from there on.
const ENTRY = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const os = require('node:os');
let nice = null;
let tid = null;
if (process.platform === 'linux') {
  try {
    tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (workerData.nice !== null) {
      os.setPriority(tid, workerData.nice);
      nice = os.getPriority(tid);
    }
  } catch (e) { nice = null; }
}
parentPort.postMessage({ motcua: 'started', nice, tid });
const crash = workerData.testing && workerData.testing.crashOnSize;
if (crash) {
  const marker = 'P5\\n' + crash.width + ' ' + crash.height + '\\n';
  const on = parentPort.on.bind(parentPort);
  parentPort.on = (event, handler) => on(event, event !== 'message' ? handler : (p) => {
    const hit = p.action === 'recognize' && Buffer.from(p.payload.image.subarray(0, marker.length)).toString('latin1') === marker;
    if (!hit) return handler(p);
    if (crash.how === 'exit') process.exit(70);
    setImmediate(() => { throw new Error('ocr worker: test crash'); });
  });
}
require(workerData.script);
`;

let nextWorkerId = 1;
/** Linux's USER_HZ for /proc times (100 on every mainstream architecture). */
const CLOCK_TICKS = 100;
/** However starved of CPU, a call is stopped after this many times its limit in wall time. */
export const WALL_LIMIT_FACTOR = 20;

export class TessWorker {
  readonly id = `ocr-${nextWorkerId++}`;
  /** Pages recognised by this thread (it is replaced after the pool's recycle count). */
  pages = 0;
  /** The nice value the thread gave itself; null when it could not (not Linux) or was not asked. */
  nice: number | null = null;
  private readonly worker: Worker;
  /** The thread's id (Linux), to read the CPU time it used from /proc. */
  private tid: number | null = null;
  private readonly pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: TessFailure) => void }>();
  private nextJob = 1;
  private failure: TessFailure | null = null;
  private stopping: TessFailure | null = null;
  private stderrTail = '';
  private lastError: unknown = null;
  private readonly exited: Promise<void>;

  private constructor(private readonly opts: TessWorkerOptions) {
    this.worker = new Worker(ENTRY, {
      eval: true,
      workerData: { script: tesseractWorkerScript(), nice: opts.nice, testing: opts.testing ?? null },
      // Tesseract writes warnings and Leptonica errors to stderr: kept (the last lines name a failure), never printed.
      stdout: true,
      stderr: true,
    });
    this.worker.stdout.on('data', () => undefined);
    this.worker.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-600);
    });
    this.worker.on('message', (m: { motcua?: string; nice?: number | null; tid?: number | null; jobId?: string; status?: string; data?: unknown }) => {
      if (m.motcua === 'started') {
        this.nice = m.nice ?? null;
        this.tid = m.tid ?? null;
        return;
      }
      if (m.status === 'progress' || !m.jobId) return;
      const p = this.pending.get(m.jobId);
      if (!p) return; // tesseract.js's initialize can answer twice (reject, then resolve): the first answer counts
      this.pending.delete(m.jobId);
      if (m.status === 'resolve') p.resolve(m.data);
      else p.reject(new TessFailure('engine', String(m.data).slice(0, 300)));
    });
    this.worker.on('error', (e) => {
      this.lastError = e;
    });
    this.exited = new Promise((resolve) => {
      this.worker.on('exit', (code) => {
        const why =
          this.stopping ??
          new TessFailure('crash', [this.lastError instanceof Error ? this.lastError.message : `exit ${code}`, this.stderrTail.trim().split('\n').slice(-2).join(' ')].filter(Boolean).join(' — ').slice(0, 300));
        this.failure = why;
        for (const p of this.pending.values()) p.reject(why);
        this.pending.clear();
        resolve();
      });
    });
  }

  /** A ready worker (languages loaded, API initialised), or a TessFailure; a worker that failed to start is gone. */
  static async start(opts: TessWorkerOptions): Promise<TessWorker> {
    const w = new TessWorker(opts);
    try {
      await w.call('load', { options: { lstmOnly: true, logging: false } }, opts.initTimeoutMs);
      await w.call(
        'loadLanguage',
        { langs: opts.langs, options: { langPath: opts.langPath, cachePath: opts.cachePath ?? undefined, cacheMethod: opts.cachePath ? 'readOnly' : 'none', gzip: true, lstmOnly: true } },
        opts.initTimeoutMs,
      );
      // OEM 1: LSTM only (the 4.0.0_best_int data has no legacy model).
      await w.call('initialize', { langs: opts.langs, oem: 1, config: {} }, opts.initTimeoutMs);
    } catch (e) {
      await w.terminate();
      throw e;
    }
    return w;
  }

  get alive(): boolean {
    return this.failure === null && this.stopping === null;
  }

  /** One band: PSM 3 (automatic layout, as the tesseract CLI), the band's resolution; TSV words + JSON blocks. */
  async recognize(pgm: Uint8Array, dpi: number, timeoutMs: number): Promise<RawRecognition> {
    const t0 = performance.now();
    const data = (await this.call(
      'recognize',
      { image: pgm, options: { tessedit_pageseg_mode: '3', user_defined_dpi: String(dpi) }, output: { text: false, blocks: true, tsv: true } },
      timeoutMs,
      [pgm.buffer as ArrayBuffer],
    )) as { tsv?: string | null; blocks?: unknown[] | null };
    return { tsv: data.tsv ?? '', blocks: data.blocks ?? null, ms: performance.now() - t0 };
  }

  /** Stops the thread; what it was doing fails with `why` (default: stopped). */
  async terminate(why: TessFailure = new TessFailure('stopped', 'terminated')): Promise<void> {
    if (!this.stopping && !this.failure) this.stopping = why;
    await this.worker.terminate().catch(() => undefined);
    await this.exited;
  }

  /** CPU time the thread has used (user + system), or null where it cannot be read. */
  cpuMs(): number | null {
    if (this.tid === null) return null;
    try {
      const stat = readFileSync(`/proc/self/task/${this.tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return null;
    }
  }

  ref(): void {
    this.worker.ref();
  }

  unref(): void {
    this.worker.unref();
  }

  private call(action: string, payload: unknown, timeoutMs: number, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.failure || this.stopping) return Promise.reject(this.failure ?? this.stopping);
    const jobId = `${action}-${this.nextJob++}`;
    return new Promise<unknown>((resolve, reject) => {
      // The limit is on the thread's CPU time where it can be read (Linux): at the lowest priority a page may wait
      // long for a busy CPU, which is not a hang; a hung thread spins and uses it. Wall time caps it all the same.
      const cpu0 = this.cpuMs();
      const t0 = Date.now();
      let timer: NodeJS.Timeout;
      const check = (): void => {
        const cpu = this.cpuMs();
        const used = cpu !== null && cpu0 !== null ? cpu - cpu0 : Date.now() - t0;
        if (used < timeoutMs && Date.now() - t0 < timeoutMs * WALL_LIMIT_FACTOR) {
          timer = setTimeout(check, Math.max(1, Math.min(timeoutMs - used, 5_000)));
          return;
        }
        void this.terminate(new TessFailure('timeout', `${action} took over ${timeoutMs} ms`));
      };
      timer = setTimeout(check, timeoutMs);
      const done = (): void => clearTimeout(timer);
      this.pending.set(jobId, {
        resolve: (v) => {
          done();
          resolve(v);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      });
      try {
        this.worker.postMessage({ workerId: this.id, jobId, action, payload }, transfer);
      } catch (e) {
        this.pending.delete(jobId);
        done();
        reject(new TessFailure('crash', e instanceof Error ? e.message : String(e)));
      }
    });
  }
}
