/**
 * Scan jobs: pages stream from a device into a dossier's checklist item (or the clerk's reception tray), durably,
 * one page at a time. Each page the device yields is stored raw through the page store (file and folder fsynced,
 * then its row, idempotent on batchId+batchSeq) BEFORE the next page is read from the device, then queued to the
 * pipeline, which never holds the device back. A device stop (jam, empty feeder, open cover, busy, gone) or a cancel
 * ends the job with its status and keeps every page received; `continueBatchId` carries the same batch on into the
 * same place after the clerk has cleared the jam. One job per device at a time.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { AppError, isAppError } from '../../contract/errors';
import type { scansContract } from '../../contract/scans';
import type { DossierState } from '../../domain/dossier/states';
import { EXTRA_ITEM_CODE } from '../../domain/dossier/checklist';
import { itemAfterSeparator } from '../../domain/scanning/separators';
import { errorMessage } from '../../i18n/translate';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { EventPublisher } from '../../rpc/event-publisher';
import type { Db } from '../../store/database';
import { parseDeviceUri } from '../../../native/scanners/device-uri';
import { isScanError, type ScannedPage, type ScanSettings } from '../../../native/scanners/scanner';
import { actorLabel, type Actor } from '../actor';
import type { PageOwner, PageStoreApi, ScanBatch } from '../documents/page-store-types';
import type { BatchLocks } from './batch-locks';
import { BatchProcessor, type SeparatorRule } from './batch-processor';
import { batchPages } from './batch-rows';
import type { PagePipeline } from './pipeline/types';
import { jobView, parseBatchSettings, sameOwner, statusOfCode, type BatchSettings, type ScanJobState, type ScanJobView } from './scan-job';

/** Ended jobs answered by scans.job before they are forgotten. */
const KEPT_JOBS = 200;

export type ScanStartInput = z.output<(typeof scansContract)['start']['input']> & {
  /** Device options for tests and support (SANE test backend); never on the contract. */
  backendOptions?: string[];
};

/** What the service needs of a scanner: the stream of pages (native/scanners' registry). */
export interface PageSource {
  scan(uri: string, settings: ScanSettings, signal: AbortSignal): AsyncIterable<ScannedPage>;
}

/** What the service needs of a dossier: its state and checklist. */
export interface DossierTargets {
  get(ref: { id: string }): { id: string; code: string | null; state: DossierState; checklist: { itemCode: string }[] };
}

export interface ScanServiceDeps {
  db: Db;
  store: PageStoreApi;
  pipeline: PagePipeline;
  scanner: PageSource | (() => PageSource);
  events: EventPublisher;
  dossiers: DossierTargets;
  logger: Logger;
  clock: Clock;
  locks: BatchLocks;
  /** Whose tray a caller scans into (the page store's rule). */
  trayOwnerOf: (actor: Actor) => string;
  rule?: SeparatorRule;
  /** Pages in the pipeline at once per batch (results are still applied in arrival order). Default 2. */
  concurrency?: number;
}

interface BatchWork {
  processor: BatchProcessor;
  owner: PageOwner;
  /** The job streaming into this batch now, if any. */
  streaming: ScanJobState | null;
}

export class ScanService {
  private readonly jobs = new Map<string, ScanJobState>();
  /** Running device streams by canonical device URI. */
  private readonly devices = new Map<string, ScanJobState>();
  private readonly batches = new Map<string, BatchWork>();
  private readonly rule: SeparatorRule;
  private closed = false;

  constructor(private readonly d: ScanServiceDeps) {
    this.rule = d.rule ?? itemAfterSeparator;
  }

  private scanner(): PageSource {
    return typeof this.d.scanner === 'function' ? this.d.scanner() : this.d.scanner;
  }

  private now(): string {
    return this.d.clock.now().toISOString();
  }

  // ---------- where pages go ----------

  /** A dossier's item codes (its checklist and 'KHAC'), after checking pages may be scanned into it now. */
  private dossierItems(dossierId: string): string[] {
    const d = this.d.dossiers.get({ id: dossierId });
    if (d.state !== 'received') throw new AppError('SCAN_DOSSIER_NOT_RECEIVED', { code: d.code ?? d.id, state: d.state }, { field: 'target.dossierId' });
    return [...new Set([...d.checklist.map((c) => c.itemCode), EXTRA_ITEM_CODE])];
  }

  private checklistOf(owner: PageOwner): readonly string[] {
    if (!('dossierId' in owner)) return [];
    try {
      const d = this.d.dossiers.get({ id: owner.dossierId });
      return [...new Set([...d.checklist.map((c) => c.itemCode), EXTRA_ITEM_CODE])];
    } catch {
      return [EXTRA_ITEM_CODE];
    }
  }

  /** The tray has no checklist yet: an item sheet names its own item, Patch-T goes to 'other documents'. */
  private trayRule: SeparatorRule = (mark, current, _codes) => this.rule(mark, current, mark.itemCode ? [current, mark.itemCode] : [current]);

  /** Where the next page of a batch goes: after the batch's last separator, the item that separator names. */
  private currentItemOf(batch: ScanBatch): string {
    const rows = batchPages(this.d.db, batch.id);
    const last = rows[rows.length - 1];
    if (!last) return batch.itemCode;
    if (last.kind === 'separator' && last.separator) return this.ruleFor(batch.owner)(last.separator, last.itemCode, this.checklistOf(batch.owner));
    return last.itemCode;
  }

  private ruleFor(owner: PageOwner): SeparatorRule {
    return 'dossierId' in owner ? this.rule : this.trayRule;
  }

  /** The batch's pipeline queue, made on first use (a new job, a continued batch, recovery). */
  work(batch: ScanBatch, settings: BatchSettings): BatchWork {
    let w = this.batches.get(batch.id);
    if (w) return w;
    this.d.locks.take(batch.id);
    const processor: BatchProcessor = new BatchProcessor({
      batchId: batch.id,
      store: this.d.store,
      pipeline: this.d.pipeline,
      logger: this.d.logger,
      options: { color: settings.color, separators: settings.separators },
      currentItem: this.currentItemOf(batch),
      // Read through `w`: a tray batch becomes the dossier's when the dossier is received (claimTray).
      checklist: () => this.checklistOf(w!.owner),
      rule: (mark, current, codes) => this.ruleFor(w!.owner)(mark, current, codes),
      pagesAfter: (seq) => batchPages(this.d.db, batch.id).filter((p) => p.batchSeq > seq),
      concurrency: this.d.concurrency ?? 2,
      duplex: settings.source === 'adf-duplex',
      onIdle: () => this.settle(batch.id),
    });
    w = { processor, owner: batch.owner, streaming: null };
    this.batches.set(batch.id, w);
    // Pages a process that is gone left raw in this batch (killed mid-scan, then recovered at a start or continued
    // here): processed first, in arrival order, bytes read back from the store.
    for (const p of batchPages(this.d.db, batch.id)) {
      if (p.state === 'raw') processor.add({ pageId: p.id, batchSeq: p.batchSeq, dpi: p.dpi, bytes: null });
    }
    return w;
  }

  /** Nothing streaming and nothing left to process: the batch is let go (its lock too). */
  private settle(batchId: string): void {
    const w = this.batches.get(batchId);
    if (!w || w.streaming || w.processor.pending > 0) return;
    this.batches.delete(batchId);
    this.d.locks.release(batchId);
  }

  // ---------- scans.start / cancel / job ----------

  start(actor: Actor, input: ScanStartInput): ScanJobView {
    if (this.closed) throw new AppError('SCAN_FAILED', { detail: 'closing' });
    // A URI no backend takes is refused before anything is recorded.
    const parsed = parseDeviceUri(input.device);
    const deviceKey = `${parsed.kind}:${parsed.id}`;

    const owner: PageOwner = 'dossierId' in input.target ? { dossierId: input.target.dossierId } : { trayOwner: this.d.trayOwnerOf(actor) };
    const items = 'dossierId' in owner ? this.dossierItems(owner.dossierId) : null;

    let batch: ScanBatch;
    let settings: BatchSettings;
    if (input.continueBatchId) {
      const found = this.d.store.batch(input.continueBatchId);
      // Another clerk's tray batch is not named to this caller at all.
      if (!found || ('trayOwner' in found.owner && 'trayOwner' in owner && !sameOwner(found.owner, owner))) {
        throw new AppError('SCAN_BATCH_NOT_FOUND', { batchId: input.continueBatchId }, { field: 'continueBatchId' });
      }
      if (!sameOwner(found.owner, owner)) throw new AppError('SCAN_BATCH_MISMATCH', { batchId: found.id }, { field: 'continueBatchId' });
      if (this.batches.get(found.id)?.streaming || this.d.locks.heldElsewhere(found.id)) {
        throw new AppError('SCAN_BATCH_RUNNING', { batchId: found.id }, { field: 'continueBatchId' });
      }
      batch = found;
      settings = parseBatchSettings(found.settings);
    } else {
      if (items && !items.includes(input.target.itemCode)) {
        throw new AppError('DOSSIER_UNKNOWN_ITEM', { itemCode: input.target.itemCode }, { field: 'target.itemCode' });
      }
      settings = {
        source: input.settings.source,
        color: input.settings.color,
        separators: input.separators,
        ...(input.settings.dpi !== undefined ? { dpi: input.settings.dpi } : {}),
        ...(input.settings.pageSize !== undefined ? { pageSize: input.settings.pageSize } : {}),
        ...(input.backendOptions?.length ? { backendOptions: input.backendOptions } : {}),
      };
      batch = { id: randomUUID(), owner, itemCode: input.target.itemCode, device: input.device, settings: JSON.stringify(settings), status: 'scanning', lastSeq: 0 };
    }

    const busy = this.devices.get(deviceKey);
    if (busy) throw new AppError('SCAN_BUSY', { detail: `đang quét lượt ${busy.jobId} / job ${busy.jobId} is running` });

    if (input.continueBatchId) this.d.store.setBatchStatus(batch.id, 'scanning');
    else batch = this.d.store.createBatch({ id: batch.id, owner, itemCode: batch.itemCode, device: input.device, settings: batch.settings, actor });
    const work = this.work(batch, settings);

    let endJob!: () => void;
    const job: ScanJobState = {
      jobId: randomUUID(),
      batchId: batch.id,
      owner,
      startedBy: actorLabel(actor),
      itemCode: work.processor.currentItem,
      device: input.device,
      status: 'scanning',
      received: 0,
      processed: 0,
      error: null,
      startedAt: this.now(),
      endedAt: null,
      abort: new AbortController(),
      done: new Promise<void>((resolve) => (endJob = resolve)),
    };
    this.forgetOldJobs();
    this.jobs.set(job.jobId, job);
    this.enders.set(job.jobId, endJob);
    this.devices.set(deviceKey, job);
    work.streaming = job;
    this.d.logger.info('scan job started', { jobId: job.jobId, batchId: batch.id, device: input.device, continued: Boolean(input.continueBatchId) });
    this.progress(job, null);

    const scanSettings: ScanSettings = {
      source: settings.source,
      color: settings.color,
      ...(settings.dpi !== undefined ? { dpi: settings.dpi } : {}),
      ...(settings.pageSize !== undefined ? { pageSize: settings.pageSize } : {}),
      ...(settings.backendOptions ? { backendOptions: settings.backendOptions } : {}),
    };
    void this.stream(job, work, batch, scanSettings, input.insertAt, actor).then(
      () => undefined,
      (e: unknown) => this.d.logger.error('scan job crashed', { jobId: job.jobId, error: (e as Error)?.message }),
    ).finally(() => {
      if (this.devices.get(deviceKey) === job) this.devices.delete(deviceKey);
      if (work.streaming === job) work.streaming = null;
      this.maybeEnd(job);
      this.settle(batch.id);
    });
    return jobView(job);
  }

  /** The device loop: store each page before asking for the next; the pipeline runs beside it. */
  private async stream(job: ScanJobState, work: BatchWork, batch: ScanBatch, settings: ScanSettings, insertAt: number | undefined, actor: Actor): Promise<void> {
    let seq = batch.lastSeq;
    let error: { code: string; message: string } | null = null;
    try {
      for await (const p of this.scanner().scan(job.device, settings, job.abort.signal)) {
        const bytes = p.bytes ?? (await readFile(p.file ?? ''));
        seq += 1;
        this.followClaim(job, work);
        const page = this.d.store.addRaw({
          owner: job.owner,
          itemCode: work.processor.currentItem,
          batchId: batch.id,
          batchSeq: seq,
          ...(insertAt !== undefined ? { insertAt: insertAt + job.received } : {}),
          bytes,
          mediaType: p.mime,
          widthPx: p.widthPx,
          heightPx: p.heightPx,
          dpi: p.dpi,
          actor,
        });
        job.received += 1;
        work.processor.add({
          pageId: page.id,
          batchSeq: seq,
          dpi: p.dpi,
          bytes,
          onDone: (done) => {
            job.processed += 1;
            this.progress(job, page.id, done?.state === 'failed' ? done.error : null);
            this.maybeEnd(job);
          },
        });
        this.progress(job, page.id);
      }
    } catch (e) {
      const code = isAppError(e) ? e.code : 'SCAN_FAILED';
      const params = isAppError(e) ? e.params : { detail: (e as Error)?.message ?? String(e) };
      error = { code, message: errorMessage(code, params) };
      if (!isScanError(e)) this.d.logger.error('scan job stopped by an error', { jobId: job.jobId, code, error: (e as Error)?.message });
    }
    // A cancel the backend reported some other way (or not at all) is still a cancel.
    if (job.abort.signal.aborted && (!error || !isDeviceStop(error.code))) error = { code: 'SCAN_CANCELLED', message: errorMessage('SCAN_CANCELLED') };
    job.status = statusOfCode(error?.code ?? null);
    job.error = error;
    try {
      this.d.store.setBatchStatus(batch.id, job.status, error);
    } catch (e) {
      this.d.logger.error('scan batch status not recorded', { batchId: batch.id, error: (e as Error)?.message });
    }
    this.d.logger.info('scan job stopped', { jobId: job.jobId, batchId: batch.id, status: job.status, received: job.received, code: error?.code ?? null });
    this.progress(job, null);
  }

  private readonly enders = new Map<string, () => void>();

  /**
   * Scanning into the tray while the clerk receives the dossier: `dossiers.receive` takes the tray's pages and its
   * batches, so the pages still to come follow them into the dossier (to 'KHAC' when the item is not on its
   * checklist, as the claim does), never into the tray where the next dossier would take them.
   */
  private followClaim(job: ScanJobState, work: BatchWork): void {
    if (!('trayOwner' in job.owner)) return;
    const now = this.d.store.batch(job.batchId)?.owner;
    if (!now || !('dossierId' in now)) return;
    job.owner = now;
    work.owner = now;
    if (!this.checklistOf(now).includes(work.processor.currentItem)) work.processor.currentItem = EXTRA_ITEM_CODE;
    job.itemCode = work.processor.currentItem;
  }

  /** The job ends once its device stopped and each of its pages has come back from the pipeline. */
  private maybeEnd(job: ScanJobState): void {
    if (job.status === 'scanning' || job.processed < job.received || job.endedAt) return;
    job.endedAt = this.now();
    this.progress(job, null);
    this.enders.get(job.jobId)?.();
    this.enders.delete(job.jobId);
  }

  private progress(job: ScanJobState, pageId: string | null, pageError: { code: string; message: string } | null = null): void {
    this.d.events.publish('scans.progress', {
      jobId: job.jobId,
      batchId: job.batchId,
      dossierId: 'dossierId' in job.owner ? job.owner.dossierId : null,
      status: job.status,
      received: job.received,
      processed: job.processed,
      pageId,
      error: pageError ?? (pageId === null ? job.error : null),
    });
  }

  /** Ended jobs are kept for scans.job a while (the pages themselves are in the store): the last KEPT_JOBS. */
  private forgetOldJobs(): void {
    const ended = [...this.jobs.values()].filter((j) => j.endedAt !== null);
    for (const j of ended.slice(0, Math.max(0, ended.length - KEPT_JOBS))) this.jobs.delete(j.jobId);
  }

  /** A job the caller may see: any dossier job; a tray job only by whoever started it. */
  private visible(actor: Actor, jobId: string): ScanJobState {
    const j = this.jobs.get(jobId);
    if (!j || ('trayOwner' in j.owner && j.startedBy !== actorLabel(actor))) throw new AppError('SCAN_JOB_NOT_FOUND', { jobId }, { field: 'jobId' });
    return j;
  }

  cancel(actor: Actor, jobId: string): ScanJobView {
    const j = this.visible(actor, jobId);
    if (j.status === 'scanning') j.abort.abort();
    return jobView(j);
  }

  /**
   * The clerk starts over (reception.discardDraft): their tray scans still running are stopped first, so no page
   * arrives in the tray after it was set aside. Returns the jobs stopped.
   */
  stopTrayJobs(actor: Actor): number {
    const tray = this.d.trayOwnerOf(actor);
    let stopped = 0;
    for (const j of this.jobs.values()) {
      if (j.status === 'scanning' && 'trayOwner' in j.owner && j.owner.trayOwner === tray) {
        j.abort.abort();
        stopped += 1;
      }
    }
    return stopped;
  }

  job(actor: Actor, jobId: string): ScanJobView {
    return jobView(this.visible(actor, jobId));
  }

  /** Resolves when the job has ended: device stopped, its pages processed (for the CLI and tests). */
  async finished(jobId: string): Promise<ScanJobView> {
    const j = this.jobs.get(jobId);
    if (!j) throw new AppError('SCAN_JOB_NOT_FOUND', { jobId });
    await j.done;
    return jobView(j);
  }

  /** Every batch's pipeline work done (recovery included). */
  async idle(): Promise<void> {
    for (;;) {
      const work = [...this.batches.values()];
      if (work.length === 0) return;
      await Promise.all(work.map((w) => (w.streaming ? w.streaming.done : w.processor.idle())));
      // Let the jobs' own endings (settle) run before looking again.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Stops every device stream (pages kept) and waits for the pipeline to finish what arrived. */
  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.jobs.values()) if (j.status === 'scanning') j.abort.abort();
    await this.idle();
  }

  /** For recovery: the pipeline queue of a batch a crash left with raw pages. */
  resume(batch: ScanBatch): BatchProcessor {
    return this.work(batch, parseBatchSettings(batch.settings)).processor;
  }
}

function isDeviceStop(code: string): boolean {
  return code === 'SCAN_JAMMED' || code === 'SCAN_FEEDER_EMPTY' || code === 'SCAN_COVER_OPEN' || code === 'SCAN_BUSY' || code === 'SCAN_DEVICE_GONE';
}
