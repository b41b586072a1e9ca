/**
 * The page pipeline's pool: pages are processed in worker threads, never on the core's event loop, a few at a time
 * (one per worker) and taken in the order they were handed in. Each process() call gets its own page's result.
 * A worker that dies mid-page (a crash in native code, an out-of-memory abort, a page taking far too long) fails
 * that page with SCAN_PAGE_FAILED and is replaced, so the next page goes on; close() ends the workers.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../contract/errors';
import type { PageReply, PageRequest, WorkerConfig } from './protocol';
import type { PagePipeline, PipelineInput, PipelineOutput } from './types';

/** A page that takes longer than this is taken as a hung worker (an A3 600 dpi colour page takes a few seconds). */
export const PAGE_TIMEOUT_MS = 120_000;

export interface PagePipelineOptions {
  /** Worker threads; default min(2, cores): two keep a 60 ppm duplex scanner fed and leave the UI its share. */
  workers?: number;
  /** Per-page limit before the worker is replaced and the page fails. */
  pageTimeoutMs?: number;
  /** Worker script; default: found beside this module (sources: worker-entry.mjs; Electron build: page-worker.js). */
  workerUrl?: URL;
  /** Tests only (see WorkerConfig). */
  testing?: WorkerConfig;
}

interface Job {
  id: number;
  input: PipelineInput;
  resolve: (out: PipelineOutput) => void;
  reject: (e: AppError) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Why the worker is being stopped by us (timeout), to tell the page. */
  stopping: string | null;
}

export function defaultWorkerCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(2, cores));
}

/** Where the worker script is: next to this module when running from sources, or the bundle's own entry. */
export function resolveWorkerUrl(here: string = import.meta.url): URL {
  if (/\.[cm]?ts$/.test(new URL(here).pathname)) return new URL('./worker-entry.mjs', here);
  // Bundled by electron-vite: out/main/page-worker.js, beside core-host.js, or one folder up from a shared chunk.
  for (const rel of ['./page-worker.js', '../page-worker.js']) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error(`page-pipeline: worker script not found beside ${here}`);
}

export function createPagePipeline(opts: PagePipelineOptions = {}): PagePipeline {
  const size = Math.max(1, Math.floor(opts.workers ?? defaultWorkerCount()));
  const timeoutMs = opts.pageTimeoutMs ?? PAGE_TIMEOUT_MS;
  const workerUrl = opts.workerUrl ?? resolveWorkerUrl();
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(workerUrl, { workerData: opts.testing ?? {} });
    const slot: Slot = { worker, job: null, timer: null, stopping: null };
    let lastError: unknown = null;
    worker.on('message', (reply: PageReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      finish(slot);
      if (reply.ok) job.resolve(reply.output);
      else job.reject(new AppError(reply.code, reply.params));
      pump();
    });
    worker.on('error', (e) => {
      lastError = e;
    });
    worker.on('exit', (code) => {
      const job = slot.job;
      finish(slot);
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      if (job) {
        const reason = slot.stopping ?? (lastError ? 'crash' : `exit ${code}`);
        const detail = lastError instanceof Error ? lastError.message.slice(0, 200) : '';
        job.reject(new AppError('SCAN_PAGE_FAILED', { reason, detail }, lastError ? { cause: lastError } : {}));
      }
      pump(); // a replacement is spawned for waiting pages
    });
    worker.unref();
    slots.push(slot);
    return slot;
  };

  const finish = (slot: Slot): void => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref(); // an idle pool must not keep the CLI's process alive
  };

  const pump = (): void => {
    while (!closed && queue.length > 0) {
      let slot = slots.find((s) => s.job === null && s.stopping === null);
      if (!slot) {
        if (slots.length >= size) return;
        slot = spawn();
      }
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref(); // a page in flight keeps the process alive until it is done
      const s = slot;
      slot.timer = setTimeout(() => {
        s.stopping = 'timeout';
        void s.worker.terminate();
      }, timeoutMs);
      const req: PageRequest = { id: job.id, bytes: job.input.bytes, dpi: job.input.dpi, options: job.input.options };
      try {
        slot.worker.postMessage(req);
      } catch (e) {
        finish(slot);
        job.reject(new AppError('SCAN_PAGE_FAILED', { reason: 'post', detail: e instanceof Error ? e.message : String(e) }));
      }
    }
  };

  return {
    // The page's bytes are copied to the worker (structured clone), never taken: the caller keeps its raw page.
    process(input: PipelineInput): Promise<PipelineOutput> {
      if (closed) return Promise.reject(new AppError('SCAN_PAGE_FAILED', { reason: 'closed', detail: '' }));
      return new Promise<PipelineOutput>((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        pump();
      });
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) job.reject(new AppError('SCAN_PAGE_FAILED', { reason: 'closed', detail: '' }));
      await Promise.all(
        slots.slice().map((s) => {
          s.stopping = 'closed';
          return s.worker.terminate();
        }),
      );
    },
  };
}
