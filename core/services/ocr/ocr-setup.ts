/**
 * OCR as createCore builds it: the queue (database side), the PDF builder, and — in a core that runs OCR (the app's:
 * CoreOptions.ocr.run true; not a short CLI command) — the runner with its engine, made on the first job.
 * At every start, jobs a dead process held are put back (cheap: only 'running' rows are looked at).
 */
import os from 'node:os';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { EventPublisher } from '../../rpc/event-publisher';
import type { Db } from '../../store/database';
import type { AuditLog } from '../audit/audit-log';
import type { PageStore } from '../documents/page-store';
import { PageIndex } from '../search/page-index';
import type { SettingsService } from '../settings/settings-service';
import { DocumentPdfs, type BuildPdf } from './document-pdfs';
import { ocrCacheDir } from './engine/ocr-data';
import type { OcrEngine } from './engine/types';
import { ocrHandlers, type OcrHandlers } from './ocr-handlers';
import { OcrQueue } from './ocr-queue';
import { OcrRunner } from './ocr-runner';
import { configuredWorkers, flagThreshold } from './ocr-settings';

export interface OcrOptions {
  /**
   * Whether this core reads pages (default false). The app's cores (web server, Electron's core host) pass true; a
   * short CLI command, a test or a script opening the core queues pages but never reads them.
   */
  run?: boolean;
  /** Makes the engine (default: the tesseract.js pool, engine/ocr-pool.ts). Called once, on the first job. */
  engine?: (o: { workers: number; cacheDir: string; resourcesDir: string }) => OcrEngine | Promise<OcrEngine>;
  /** Workers of the default engine (default: the 'ocr.workers' setting, else one per core). */
  workers?: number;
  /** How often the runner looks for work other processes queued, ms. */
  pollMs?: number;
  /** Tries before a page's OCR stops as failed. */
  maxTries?: number;
  /** The PDF/A builder (default buildSearchablePdf). */
  buildPdf?: BuildPdf;
}

export interface Ocr {
  queue: OcrQueue;
  pdfs: DocumentPdfs;
  runner: OcrRunner | null;
  handlers: OcrHandlers;
  /** Pages changed in this process: pages may be queued or documents stale. */
  pagesChanged(): void;
  close(): Promise<void>;
}

async function defaultEngine(o: { workers: number; cacheDir: string; resourcesDir: string }): Promise<OcrEngine> {
  // Loaded on first use: tesseract.js is not needed by a core that never reads a page.
  const { createOcrPool } = await import('./engine/ocr-pool');
  return createOcrPool({ workers: o.workers, cacheDir: o.cacheDir, resourcesDir: o.resourcesDir });
}

export function createOcr(d: {
  db: Db;
  dataRoot: string;
  resourcesDir: string;
  pages: PageStore;
  audit: AuditLog;
  settings: SettingsService;
  events: EventPublisher;
  logger: Logger;
  clock: Clock;
  options?: OcrOptions;
}): Ocr {
  const o = d.options ?? {};
  const logger = d.logger.child({ area: 'ocr' });
  const queue = new OcrQueue({ db: d.db, clock: d.clock, index: new PageIndex(d.db), threshold: () => flagThreshold(d.settings), ...(o.maxTries ? { maxTries: o.maxTries } : {}) });
  const recovered = queue.recoverDead();
  if (recovered.requeued || recovered.failed) logger.warn('OCR jobs of a process that is gone put back', recovered);
  const pdfs = new DocumentPdfs({ db: d.db, files: d.pages.files, clock: d.clock, events: d.events, logger, build: o.buildPdf ?? lazyPdfBuilder(d.resourcesDir) });
  const makeEngine = o.engine ?? defaultEngine;
  const workers = () => o.workers ?? configuredWorkers(d.settings) ?? Math.max(1, os.availableParallelism());
  const runner =
    o.run !== true
      ? null
      : new OcrRunner({
          queue,
          files: d.pages.files,
          pdfs,
          events: d.events,
          logger,
          ...(o.pollMs ? { pollMs: o.pollMs } : {}),
          engine: () =>
            makeEngine({
              workers: workers(),
              cacheDir: ocrCacheDir(d.dataRoot),
              resourcesDir: d.resourcesDir,
            }),
        });
  runner?.start();
  const handlers = ocrHandlers({ db: d.db, queue, pdfs, pages: d.pages, audit: d.audit, wake: () => runner?.wake(), workers: () => (runner ? (runner.started ? runner.workerCount : workers()) : 0) });
  return {
    queue,
    pdfs,
    runner,
    handlers,
    pagesChanged() {
      if (!runner) return;
      runner.queued();
      runner.wake();
    },
    async close() {
      // A backlog of stale documents is not built while closing (the next start takes it up).
      const stopping = pdfs.close();
      await runner?.close();
      await stopping;
    },
  };
}

/** The PDF/A builder with the core's resources (its font), loaded on the first build: pdf-lib is not paid for at start. */
function lazyPdfBuilder(resourcesDir: string): BuildPdf {
  return async (pages, info) => {
    const { buildSearchablePdf } = await import('../pdf/searchable-pdf');
    return buildSearchablePdf(pages, info, { resourcesDir });
  };
}
