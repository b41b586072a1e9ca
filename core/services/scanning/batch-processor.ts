/**
 * The pipeline side of one batch: pages go in as they arrive (already durable as 'raw'), are processed a few at a
 * time in the worker pool, and their results are applied strictly in arrival order, so a separator sheet re-files
 * exactly the pages after it, and a later separator overrides an earlier one. The queue never makes the device
 * wait: adding is synchronous, and past QUEUE_BYTES_LIMIT pages only the page id is kept (the bytes are read back
 * from the store when their turn comes), so memory stays bounded whatever the scanner's speed.
 */
import type { Logger } from '../../platform/logger';
import { errorMessage } from '../../i18n/translate';
import { isAppError } from '../../contract/errors';
import type { Page } from '../../contract/scans';
import type { PageStoreApi } from '../documents/page-store-types';
import type { PagePipeline, PipelineOptions, PipelineOutput, SeparatorMark } from './pipeline/types';

/** Pages whose bytes stay in memory while they wait; beyond this the queue holds ids only. */
export const QUEUE_BYTES_LIMIT = 8;

/** Where the pages after a separator go (core/domain/scanning/separators.ts: itemAfterSeparator). */
export type SeparatorRule = (mark: SeparatorMark, currentItem: string, checklistItemCodes: readonly string[]) => string;

export interface QueuedPage {
  pageId: string;
  batchSeq: number;
  dpi: number;
  bytes: Uint8Array | null;
  /** Told when the page is through (processed, failed, or left raw for recovery). */
  onDone?: (page: Page | null) => void;
}

export interface BatchProcessorDeps {
  batchId: string;
  store: PageStoreApi;
  pipeline: PagePipeline;
  logger: Logger;
  options: PipelineOptions;
  /** Where pages arriving now go (the batch's item, or the one the last separator named). */
  currentItem: string;
  checklist: () => readonly string[];
  rule: SeparatorRule;
  /** Pages of this batch after a sequence number, by arrival (for re-filing after a separator). */
  pagesAfter: (batchSeq: number) => { id: string; itemCode: string; removed: boolean }[];
  concurrency: number;
  /** Both sides of each sheet arrive (ADF duplex): a separator sheet's blank back belongs to the sheet. */
  duplex?: boolean;
  /** The queue ran dry and nothing is in flight. */
  onIdle: () => void;
}

interface InFlight {
  entry: QueuedPage;
  result: Promise<{ ok: true; out: PipelineOutput } | { ok: false; error: { code: string; message: string } }>;
}

export class BatchProcessor {
  private readonly queue: QueuedPage[] = [];
  private readonly inflight: InFlight[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];
  /** The last separator applied: its arrival number, its mark, and the item it was filed in. */
  private lastSeparator: { seq: number; mark: SeparatorMark; itemCode: string } | null = null;
  currentItem: string;

  constructor(private readonly d: BatchProcessorDeps) {
    this.currentItem = d.currentItem;
  }

  get pending(): number {
    return this.queue.length + this.inflight.length;
  }

  /** Synchronous: the device stream never waits for the pipeline. */
  add(entry: QueuedPage): void {
    this.queue.push(this.queue.length >= QUEUE_BYTES_LIMIT ? { ...entry, bytes: null } : entry);
    this.fill();
    if (!this.running) {
      this.running = true;
      void this.loop();
    }
  }

  idle(): Promise<void> {
    if (!this.running && this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private fill(): void {
    while (this.inflight.length < this.d.concurrency && this.queue.length > 0) {
      const entry = this.queue.shift()!;
      this.inflight.push({ entry, result: this.process(entry) });
    }
  }

  private async process(entry: QueuedPage): Promise<{ ok: true; out: PipelineOutput } | { ok: false; error: { code: string; message: string } }> {
    try {
      const bytes = entry.bytes ?? this.d.store.readRaw(entry.pageId);
      const out = await this.d.pipeline.process({ bytes, dpi: entry.dpi, options: this.d.options });
      return { ok: true, out };
    } catch (e) {
      const code = isAppError(e) ? e.code : 'SCAN_PAGE_UNREADABLE';
      const params = isAppError(e) ? e.params : { detail: (e as Error)?.message ?? String(e) };
      return { ok: false, error: { code, message: errorMessage(code, params) } };
    }
  }

  private async loop(): Promise<void> {
    try {
      while (this.inflight.length > 0) {
        const head = this.inflight[0]!;
        const r = await head.result;
        this.inflight.shift();
        this.apply(head.entry, r);
        this.fill();
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters.splice(0);
      this.d.onIdle();
      for (const w of waiters) w();
    }
  }

  /** In arrival order: re-filing after a separator happens before the separator is recorded as processed, so a
   *  crash in between leaves the separator raw and recovery does the same again (setItem is idempotent). */
  private apply(entry: QueuedPage, r: { ok: true; out: PipelineOutput } | { ok: false; error: { code: string; message: string } }): void {
    let page: Page | null = null;
    try {
      if (r.ok) {
        let out = r.out;
        const mark = this.d.options.separators ? out.separator : null;
        const back = this.lastSeparator;
        if (mark) {
          this.lastSeparator = { seq: entry.batchSeq, mark, itemCode: this.currentItem };
          this.refileAfter(entry.batchSeq, mark);
        } else if (this.d.duplex && this.d.options.separators && out.blank && back && back.seq === entry.batchSeq - 1) {
          // The blank back of a separator sheet scanned in duplex: part of the sheet (kept with it, in its item, and
          // never re-applied), not a blank page at the head of the next document.
          this.d.store.setItem(entry.pageId, back.itemCode);
          out = { ...out, separator: back.mark };
        }
        page = this.d.store.completeProcessing(entry.pageId, this.d.options.separators ? out : { ...out, separator: null });
      } else {
        page = this.d.store.markFailed(entry.pageId, r.error);
      }
    } catch (e) {
      // The page stays 'raw' with its file: the next start puts it through again. Nothing is lost.
      this.d.logger.error('scan page not recorded after the pipeline', { batchId: this.d.batchId, pageId: entry.pageId, error: (e as Error)?.message });
    }
    entry.onDone?.(page);
  }

  private refileAfter(batchSeq: number, mark: SeparatorMark): void {
    const next = this.d.rule(mark, this.currentItem, this.d.checklist());
    this.currentItem = next;
    for (const p of this.d.pagesAfter(batchSeq)) {
      if (!p.removed && p.itemCode !== next) this.d.store.setItem(p.id, next);
    }
  }
}
