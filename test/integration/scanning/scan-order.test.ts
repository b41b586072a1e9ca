/**
 * The rules of the job loop, observed on real peers (the loopback eSCL server, the real PageStore, a sharp
 * pipeline): a page is durable before the next one is asked of the device; a pipeline that does not answer never
 * holds the device back; separator sheets re-file the pages after them in arrival order, and a continued batch goes
 * on into the item the last separator named; crash recovery stops batches left scanning and processes raw pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/services/actor';
import { batchPages } from '../../../core/services/scanning/batch-rows';
import type { PagePipeline, PipelineInput } from '../../../core/services/scanning/pipeline/types';
import type { PageSource } from '../../../core/services/scanning/scan-service';
import { ScannerRegistry, type ScannedPage, type ScanSettings } from '../../../native/scanners/index';
import { startCore, type TestCore } from '../../helpers/core';
import { makePng, esclServersPerTest } from '../../helpers/escl-server';
import { buildScans, itemPages, receivedDossier, sharpPipeline, until } from './scan-harness';
import { trayOwnerOf } from '../../../core/services/documents/page-store';

const clerk: Actor = { kind: 'system', name: 'test-clerk', role: 'clerk' };
let t: TestCore;
let dossierId: string;
const serve = esclServersPerTest();
const registry = new ScannerRegistry({ escl: { pageTimeoutMs: 5_000, requestTimeoutMs: 5_000 } });

beforeAll(async () => {
  t = await startCore();
  dossierId = (await receivedDossier(t)).id;
});
afterAll(() => t.close());

const pagesOf = (widths: number[]) => widths.map((w, i) => makePng(w, 140, 150, (i % 5) + 1));
const start = (scans: ReturnType<typeof buildScans>['scans'], url: string, itemCode: string, over: Record<string, unknown> = {}) =>
  scans.start(clerk, { device: `escl:${url}`, target: { dossierId, itemCode }, settings: { source: 'adf', color: 'gray' }, separators: true, ...over });

/** A pipeline whose answers wait until the test opens the gate (a slow or stuck worker pool). */
function gated(inner: PagePipeline): PagePipeline & { open(): void; asked: number } {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const p = {
    asked: 0,
    open: () => release(),
    async process(input: PipelineInput) {
      p.asked += 1;
      await gate;
      return inner.process(input);
    },
    close: () => inner.close(),
  };
  return p;
}

describe('the job loop', () => {

  it('asks the device for page n+1 only once page n is stored (raw, with its row)', async () => {
    const seenBeforeNext: number[] = [];
    let batchId = '';
    // The real registry, watched: each time the loop asks for the next page, count this batch's stored rows.
    const watched: PageSource = {
      scan: (uri: string, settings: ScanSettings, signal: AbortSignal) => ({
        [Symbol.asyncIterator]() {
          const it = registry.scan(uri, settings, signal)[Symbol.asyncIterator]();
          let asked = 0;
          return {
            next: async (): Promise<IteratorResult<ScannedPage>> => {
              if (asked > 0) seenBeforeNext.push(batchPages(t.core.db, batchId).length);
              asked += 1;
              return it.next();
            },
            return: async () => (it.return ? it.return() : { done: true as const, value: undefined }),
          };
        },
      }),
    };
    const pipeline = gated(sharpPipeline());
    const { scans } = buildScans(t, { pipeline, scanner: watched });
    const s = await serve({ pages: pagesOf([101, 102, 103, 104, 105]) });
    const job = start(scans, s.url, 'TP1', { separators: false });
    batchId = job.batchId;
    // The gate stays shut: processing never answers, and the device still delivers every page.
    for (let i = 0; i < 400 && scans.job(clerk, job.jobId).status === 'scanning'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(scans.job(clerk, job.jobId)).toMatchObject({ status: 'completed', received: 5, processed: 0 });
    expect(seenBeforeNext).toEqual([1, 2, 3, 4, 5]);
    expect(batchPages(t.core.db, batchId).map((r) => r.state)).toEqual(['raw', 'raw', 'raw', 'raw', 'raw']);
    pipeline.open();
    await scans.idle();
  });

  it('a pipeline that does not answer never holds the device back; when it answers, every page is processed', async () => {
    const pipeline = gated(sharpPipeline());
    const { scans, store } = buildScans(t, { pipeline, scanner: registry });
    const s = await serve({ pages: pagesOf([111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122]) });
    const job = start(scans, s.url, 'TP2', { separators: false });
    for (let i = 0; i < 400 && scans.job(clerk, job.jobId).status === 'scanning'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(scans.job(clerk, job.jobId)).toMatchObject({ status: 'completed', received: 12, processed: 0, endedAt: null });
    // Bounded: at most the batch's share of workers is handed to the pipeline at once; the rest wait as ids.
    expect(pipeline.asked).toBe(2);
    pipeline.open();
    expect(await scans.finished(job.jobId)).toMatchObject({ received: 12, processed: 12 });
    expect(itemPages(store.list({ dossierId }), 'TP2').map((p) => [p.widthPx, p.state])).toEqual([111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122].map((w) => [w, 'ready']));
  });

  it('separator sheets re-file the pages after them, in arrival order; a continued batch goes on into the last one\'s item', async () => {
    // Width 90 is a Patch-T sheet (next checklist item), width 91 an item sheet for TP4.
    const marks = new Map([
      [90, { kind: 'patch-t' as const, text: 'PATCHT' }],
      [91, { kind: 'item' as const, itemCode: 'TP4', text: 'MOTCUA-ITEM:TP4' }],
    ]);
    const { scans, store } = buildScans(t, { pipeline: sharpPipeline({ separatorWidth: marks }), scanner: registry, concurrency: 2 });
    const before = new Map(['TP1', 'TP2', 'TP3', 'TP4'].map((c) => [c, itemPages(store.list({ dossierId }), c).length]));
    const s = await serve({ pages: pagesOf([131, 132, 90, 133, 134, 91, 135]) });
    const job = start(scans, s.url, 'TP1');
    expect(await scans.finished(job.jobId)).toMatchObject({ status: 'completed', received: 7, processed: 7 });
    const ours = (code: string) => itemPages(store.list({ dossierId }), code).slice(before.get(code)).map((p) => [p.widthPx, p.kind]);
    expect(ours('TP1')).toEqual([
      [131, 'page'],
      [132, 'page'],
      // The sheet stays where it was scanned, kept (nothing dropped) as a separator.
      [90, 'separator'],
    ]);
    expect(ours('TP2')).toEqual([
      [133, 'page'],
      [134, 'page'],
      [91, 'separator'],
    ]);
    expect(ours('TP4')).toEqual([[135, 'page']]);

    const more = await serve({ pages: pagesOf([136, 137]) });
    const next = start(scans, more.url, 'TP1', { continueBatchId: job.batchId });
    expect(next.itemCode).toBe('TP4');
    await scans.finished(next.jobId);
    expect(ours('TP4')).toEqual([
      [135, 'page'],
      [136, 'page'],
      [137, 'page'],
    ]);
  });

  it('after a crash: a batch left scanning is stopped with SCAN_INTERRUPTED, raw pages are processed by recovery, none twice', async () => {
    // The "crashed" process: its pipeline never answers (3 pages left raw) and a second device hangs mid-job.
    const stuck = gated(sharpPipeline());
    const first = buildScans(t, { pipeline: stuck, scanner: registry });
    const s = await serve({ pages: pagesOf([141, 142, 143]) });
    const slow = await serve({ pages: pagesOf([151, 152, 153, 154]), slowMs: 60_000 });
    const done = start(first.scans, s.url, 'TP3', { separators: false });
    const hanging = start(first.scans, slow.url, 'KHAC', { separators: false });
    for (let i = 0; i < 400 && first.scans.job(clerk, done.jobId).received < 3; i++) await new Promise((r) => setTimeout(r, 25));
    expect(first.store.batch(hanging.batchId)?.status).toBe('scanning');

    // The next start on the same data: recovery runs before anything else.
    const again = buildScans(t, { pipeline: sharpPipeline(), scanner: registry });
    expect(again.recovery.interrupted).toContain(hanging.batchId);
    expect(again.recovery.requeued).toBeGreaterThanOrEqual(3);
    const stopped = again.store.batch(hanging.batchId)!;
    expect(stopped.status).toBe('failed');
    const row = t.core.db.prepare<[string], { error_code: string; error_message: string }>('SELECT error_code, error_message FROM scan_batches WHERE id = ?').get(hanging.batchId)!;
    expect(row.error_code).toBe('SCAN_INTERRUPTED');
    expect(row.error_message).toMatch(/vẫn được giữ/);
    await again.scans.idle();
    const pages = itemPages(again.store.list({ dossierId }), 'TP3').filter((p) => p.batchId === done.batchId);
    expect(pages.map((p) => [p.widthPx, p.state])).toEqual([
      [141, 'ready'],
      [142, 'ready'],
      [143, 'ready'],
    ]);
    expect(again.store.pendingRaw().filter((p) => p.batchId === done.batchId)).toEqual([]);
    first.scans.cancel(clerk, hanging.jobId);
    stuck.open();
    await first.scans.close();
    expect(batchPages(t.core.db, done.batchId)).toHaveLength(3);
  });

  it('in ADF duplex, a separator sheet\'s blank back stays with the sheet instead of opening the next document', async () => {
    const marks = new Map([[90, { kind: 'patch-t' as const, text: 'PATCHT' }]]);
    // Fronts and backs: 141/142, the sheet 90 with its blank back 89, then 143/144 (144 blank: a real blank page).
    const { scans, store } = buildScans(t, { pipeline: sharpPipeline({ separatorWidth: marks, blankWidths: new Set([89, 144]) }), scanner: registry, concurrency: 2 });
    const before = new Map(['TP1', 'TP2'].map((c) => [c, itemPages(store.list({ dossierId }), c).length]));
    const s = await serve({ pages: pagesOf([141, 142, 90, 89, 143, 144]) });
    const job = start(scans, s.url, 'TP1', { settings: { source: 'adf-duplex', color: 'gray' } });
    expect(await scans.finished(job.jobId)).toMatchObject({ status: 'completed', received: 6, processed: 6 });
    const ours = (code: string) => itemPages(store.list({ dossierId }), code).slice(before.get(code)).map((p) => [p.widthPx, p.kind, p.blank]);
    expect(ours('TP1')).toEqual([
      [141, 'page', false],
      [142, 'page', false],
      [90, 'separator', false],
      [89, 'separator', true],
    ]);
    // A blank page that does not follow a sheet is the document's, flagged for review.
    expect(ours('TP2')).toEqual([
      [143, 'page', false],
      [144, 'page', true],
    ]);
    // Continuing the batch goes on into the item the sheet opened, not one further.
    const more = await serve({ pages: pagesOf([145, 146]) });
    const next = start(scans, more.url, 'TP1', { continueBatchId: job.batchId, settings: { source: 'adf-duplex', color: 'gray' } });
    expect(next.itemCode).toBe('TP2');
    await scans.finished(next.jobId);
  });

  it('continuing a batch a dead process left with raw pages processes those pages too (not only at the next start)', async () => {
    const { scans, store } = buildScans(t, { pipeline: sharpPipeline(), scanner: registry });
    // A process that died mid-scan: its batch is stopped, two pages stored raw and never processed.
    const batch = store.createBatch({ id: 'dead-cli-batch', owner: { dossierId }, itemCode: 'TP1', device: 'escl:x', settings: JSON.stringify({ source: 'adf', color: 'gray', separators: false }), actor: clerk });
    const raw = [151, 152].map((w, i) => store.addRaw({ owner: { dossierId }, itemCode: 'TP1', batchId: batch.id, batchSeq: i + 1, bytes: makePng(w, 140, 150, 1), mediaType: 'image/png', widthPx: w, heightPx: 140, dpi: 150, actor: clerk }));
    store.setBatchStatus(batch.id, 'failed', { code: 'SCAN_INTERRUPTED', message: 'x' });
    const s = await serve({ pages: pagesOf([153]) });
    const job = start(scans, s.url, 'TP1', { continueBatchId: batch.id, separators: false });
    await scans.finished(job.jobId);
    await until(() => raw.every((p) => store.get(p.id)?.state === 'ready'));
    expect(batchPages(t.core.db, batch.id).map((p) => [p.batchSeq, p.state])).toEqual([
      [1, 'ready'],
      [2, 'ready'],
      [3, 'ready'],
    ]);
  });

  it('starting over stops the clerk\'s tray scan; pages the device still delivers are set aside, never left in the tray', async () => {
    const { scans, store } = buildScans(t, { pipeline: sharpPipeline(), scanner: registry });
    const trayClerk: Actor = { kind: 'system', name: 'tray-clerk', role: 'clerk' };
    const slow = await serve({ pages: pagesOf([161, 162, 163, 164, 165, 166]), slowMs: 150 });
    const job = scans.start(trayClerk, { device: `escl:${slow.url}`, target: { tray: true, itemCode: 'TP1' }, settings: { source: 'adf', color: 'gray' }, separators: false });
    const tray = { trayOwner: trayOwnerOf(trayClerk) };
    await until(() => store.list(tray).length >= 1);
    // What reception.discardDraft does.
    scans.stopTrayJobs(trayClerk);
    store.discardTray(trayClerk);
    await scans.finished(job.jobId);
    expect(store.list(tray)).toEqual([]);
    const rows = batchPages(t.core.db, job.batchId);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((p) => p.removed)).toBe(true);
  });
});
