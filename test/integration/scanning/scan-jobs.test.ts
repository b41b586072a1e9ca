/**
 * Scan jobs into a received dossier against real peers: the loopback eSCL server, the folder backend and (when
 * installed) scanimage with SANE's test backend. Each page is stored raw before the next is read, then processed;
 * device stops keep the pages received, a continued batch appends after them, none twice.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../core/contract/events';
import type { Actor } from '../../../core/services/actor';
import { batchPages } from '../../../core/services/scanning/batch-rows';
import { ScannerRegistry } from '../../../native/scanners/index';
import type { Connection } from '../../../core/rpc/connection';
import { call, startCore, type TestCore } from '../../helpers/core';
import { makePng, esclServersPerTest } from '../../helpers/escl-server';
import { tempDir } from '../../helpers/temp';
import { requireTools } from '../../helpers/tools';
import { personInput, TRAN_VAN_DUC } from '../../helpers/people';
import { buildScans, itemPages, MARITAL, receivedDossier, sharpPipeline, WARD } from './scan-harness';

const tools = requireTools('scanimage');
const clerk: Actor = { kind: 'system', name: 'test-clerk', role: 'clerk' };

let t: TestCore;
let dossierId: string;
let adminConn: Connection;
let clerkConn: Connection;
let sane: ReturnType<typeof tempDir>;
let saneConfig: string;
const serve = esclServersPerTest();
const events: EventMessage[] = [];

beforeAll(async () => {
  t = await startCore();
  const d = await receivedDossier(t);
  dossierId = d.id;
  adminConn = d.admin;
  clerkConn = d.clerk;
  const c = t.core.openConnection('web', 'events', { name: 'events', role: 'admin' });
  c.sink = (m) => events.push(m);
  await t.core.dispatch(c, 'events.subscribe', { names: ['scans.progress', 'pages.changed'] });
  sane = tempDir('motcua-scan-sane-');
  saneConfig = path.join(sane.dir, 'sane.d');
  mkdirSync(saneConfig);
  writeFileSync(path.join(saneConfig, 'dll.conf'), 'test\n');
});
afterAll(async () => {
  await t.close();
  sane.cleanup();
});

/** Pages told apart by their width: page n is 100+n pixels wide. */
const pagesOf = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => makePng(100 + from + i, 140, 150, ((from + i) % 5) + 1));
const widthsOf = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => 100 + from + i);

function scansWith(opts: { pipeline?: ReturnType<typeof sharpPipeline> } = {}) {
  const registry = new ScannerRegistry({ sane: { env: { ...process.env, SANE_CONFIG_DIR: saneConfig }, tempRoot: sane.dir, killGraceMs: 1_000 }, escl: { pageTimeoutMs: 5_000, requestTimeoutMs: 5_000 } });
  return buildScans(t, { pipeline: opts.pipeline ?? sharpPipeline(), scanner: registry });
}

function pagesOfBatch(batchId: string) {
  return batchPages(t.core.db, batchId);
}

describe('scan jobs into a dossier', () => {
  it('a 10-page eSCL ADF batch lands in TP1 in order, each page processed, progress on the push channel', async () => {
    const { scans, store } = scansWith();
    const s = await serve({ pages: pagesOf(1, 10) });
    events.length = 0;
    const job = scans.start(clerk, { device: `escl:${s.url}`, target: { dossierId, itemCode: 'TP2' }, settings: { source: 'adf', color: 'gray' }, separators: false });
    expect(job.status).toBe('scanning');
    const done = await scans.finished(job.jobId);
    expect(done).toMatchObject({ status: 'completed', received: 10, processed: 10, error: null });
    const pages = itemPages(store.list({ dossierId }), 'TP2');
    expect(pages.map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pages.map((p) => p.widthPx)).toEqual(widthsOf(1, 10));
    expect(pages.every((p) => p.state === 'ready' && p.batchId === job.batchId)).toBe(true);
    expect(pagesOfBatch(job.batchId).map((r) => r.batchSeq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const progress = events.filter((e) => e.event === 'scans.progress').map((e) => e.data as { jobId: string; status: string; received: number; processed: number; pageId: string | null });
    expect(progress.every((p) => p.jobId === job.jobId)).toBe(true);
    expect(Math.max(...progress.map((p) => p.received))).toBe(10);
    expect(progress.at(-1)).toMatchObject({ status: 'completed', received: 10, processed: 10 });
    expect(events.some((e) => e.event === 'pages.changed' && (e.data as { dossierId: string }).dossierId === dossierId)).toBe(true);
    expect(store.batch(job.batchId)?.status).toBe('completed');
  });

  it.skipIf(tools.skip)('SANE test backend: the ten pages of its ADF land in order (batch sequence = position)', async () => {
    const { scans, store } = scansWith();
    const job = scans.start(clerk, { device: 'sane:test:0', target: { dossierId, itemCode: 'TP3' }, settings: { source: 'adf', color: 'gray', dpi: 75 }, separators: false });
    const done = await scans.finished(job.jobId);
    expect(done, JSON.stringify(done.error)).toMatchObject({ status: 'completed', received: 10, processed: 10 });
    const pages = itemPages(store.list({ dossierId }), 'TP3');
    const bySeq = pagesOfBatch(job.batchId);
    expect(bySeq.map((r) => r.batchSeq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pages.map((p) => p.id)).toEqual(bySeq.map((r) => r.id));
    expect(pages.every((p) => p.state === 'ready')).toBe(true);
  });

  it('a jam after 3 pages keeps them; the continued batch appends pages 4..6 after them, none twice', async () => {
    const { scans, store } = scansWith();
    const jam = await serve({ pages: pagesOf(1, 6), jamAfter: 3 });
    const first = scans.start(clerk, { device: `escl:${jam.url}`, target: { dossierId, itemCode: 'TP4' }, settings: { source: 'adf', color: 'gray' }, separators: false });
    const stopped = await scans.finished(first.jobId);
    expect(stopped).toMatchObject({ status: 'jammed', received: 3, processed: 3, error: { code: 'SCAN_JAMMED' } });
    expect(stopped.error?.message).toMatch(/^Kẹt giấy/);
    expect(store.batch(first.batchId)?.status).toBe('jammed');
    expect(itemPages(store.list({ dossierId }), 'TP4').map((p) => p.widthPx)).toEqual(widthsOf(1, 3));

    // The clerk cleared the jam: the rest of the paper goes through (a fresh feeder: pages 4..6).
    const rest = await serve({ pages: pagesOf(4, 6) });
    // Continuing goes where the batch was going, whatever item the caller names.
    const next = scans.start(clerk, { device: `escl:${rest.url}`, target: { dossierId, itemCode: 'TP1' }, settings: { source: 'adf', color: 'gray' }, separators: false, continueBatchId: first.batchId });
    expect(next.batchId).toBe(first.batchId);
    expect(await scans.finished(next.jobId)).toMatchObject({ status: 'completed', received: 3 });
    const pages = itemPages(store.list({ dossierId }), 'TP4');
    expect(pages.map((p) => p.widthPx)).toEqual(widthsOf(1, 6));
    expect(pages.map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pagesOfBatch(first.batchId).map((r) => r.batchSeq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(pages.map((p) => p.id)).size).toBe(6);
  });

  it('insertAt puts a continued batch before that position', async () => {
    const { scans, store } = scansWith();
    const a = await serve({ pages: pagesOf(1, 3) });
    const first = scans.start(clerk, { device: `escl:${a.url}`, target: { dossierId, itemCode: 'KHAC' }, settings: { source: 'adf', color: 'gray' }, separators: false });
    await scans.finished(first.jobId);
    const b = await serve({ pages: pagesOf(7, 8) });
    const next = scans.start(clerk, { device: `escl:${b.url}`, target: { dossierId, itemCode: 'KHAC' }, settings: { source: 'adf', color: 'gray' }, separators: false, continueBatchId: first.batchId, insertAt: 2 });
    await scans.finished(next.jobId);
    expect(itemPages(store.list({ dossierId }), 'KHAC').map((p) => p.widthPx)).toEqual([101, 107, 108, 102, 103]);
  });

  it('a connection cut mid-page keeps the pages before it (status gone, SCAN_DEVICE_GONE)', async () => {
    const { scans, store } = scansWith();
    const cut = await serve({ pages: pagesOf(1, 5), cutPage: 3 });
    const job = scans.start(clerk, { device: `escl:${cut.url}`, target: { tray: true, itemCode: 'CUT' }, settings: { source: 'adf', color: 'gray' }, separators: false });
    const done = await scans.finished(job.jobId);
    expect(done).toMatchObject({ status: 'gone', received: 2, processed: 2, error: { code: 'SCAN_DEVICE_GONE' } });
    expect(done.error?.message).toMatch(/Mất kết nối/);
    const tray = store.list({ trayOwner: 'system:test-clerk' }).filter((p) => p.batchId === job.batchId);
    expect(tray.map((p) => [p.widthPx, p.state])).toEqual([
      [101, 'ready'],
      [102, 'ready'],
    ]);
  });

  it('a device that vanishes mid-batch keeps the pages received', async () => {
    const { scans, store } = scansWith();
    const s = await serve({ pages: pagesOf(1, 8), slowMs: 150 });
    const job = scans.start(clerk, { device: `escl:${s.url}`, target: { dossierId, itemCode: 'TP1' }, settings: { source: 'adf', color: 'gray' }, separators: false });
    const before = itemPages(store.list({ dossierId }), 'TP1').length;
    for (let i = 0; i < 400 && scans.job(clerk, job.jobId).received < 2; i++) await new Promise((r) => setTimeout(r, 25));
    await s.close();
    const done = await scans.finished(job.jobId);
    expect(['gone', 'failed']).toContain(done.status);
    expect(done.error?.code).toBe('SCAN_DEVICE_GONE');
    expect(done.received).toBeGreaterThanOrEqual(2);
    const pages = itemPages(store.list({ dossierId }), 'TP1').slice(before);
    expect(pages.map((p) => p.widthPx)).toEqual(widthsOf(1, done.received));
    expect(pages.every((p) => p.state === 'ready')).toBe(true);
  });

  it('folder backend: a corrupt page fails alone with a code, the others are processed; a zero-byte page stops the batch keeping the pages before it', async () => {
    const { scans, store } = scansWith();
    const dir = path.join(sane.dir, 'folder-src');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'p1.png'), makePng(201, 50, 200, 1));
    writeFileSync(path.join(dir, 'p2.png'), corruptPng(202, 50));
    writeFileSync(path.join(dir, 'p3.png'), makePng(203, 50, 200, 3));
    const job = scans.start(clerk, { device: `folder:${dir}`, target: { dossierId, itemCode: 'KHAC' }, settings: { source: 'adf', color: 'gray' }, separators: false });
    expect(await scans.finished(job.jobId)).toMatchObject({ status: 'completed', received: 3, processed: 3 });
    const pages = store.list({ dossierId }).filter((p) => p.batchId === job.batchId);
    expect(pages.map((p) => [p.position - pages[0]!.position + 1, p.state, p.error?.code ?? null])).toEqual([
      [1, 'ready', null],
      [2, 'failed', 'SCAN_PAGE_UNREADABLE'],
      [3, 'ready', null],
    ]);

    writeFileSync(path.join(dir, 'p4.png'), Buffer.alloc(0));
    writeFileSync(path.join(dir, 'p5.png'), makePng(205, 50, 200, 5));
    const again = scans.start(clerk, { device: `folder:${dir}`, target: { tray: true, itemCode: 'ZERO' }, settings: { source: 'adf', color: 'gray' }, separators: false });
    const stopped = await scans.finished(again.jobId);
    expect(stopped).toMatchObject({ status: 'failed', received: 3, error: { code: 'SCAN_FAILED' } });
    expect(stopped.error?.message).toMatch(/p4\.png/);
    expect(store.list({ trayOwner: 'system:test-clerk' }).filter((p) => p.batchId === again.batchId)).toHaveLength(3);
  });

  it('one job per device: a second start on a busy device is SCAN_BUSY; cancel stops the stream and keeps what arrived', async () => {
    const { scans, store } = scansWith();
    const s = await serve({ pages: pagesOf(1, 40), slowMs: 100 });
    const job = scans.start(clerk, { device: `escl:${s.url}`, target: { dossierId, itemCode: 'TP1' }, settings: { source: 'adf', color: 'gray' }, separators: false });
    expect(() => scans.start(clerk, { device: `escl:${s.url}`, target: { dossierId, itemCode: 'TP2' }, settings: { source: 'adf', color: 'gray' }, separators: false })).toThrow(
      expect.objectContaining({ code: 'SCAN_BUSY' }),
    );
    for (let i = 0; i < 400 && scans.job(clerk, job.jobId).received < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(scans.cancel(clerk, job.jobId).jobId).toBe(job.jobId);
    const done = await scans.finished(job.jobId);
    expect(done.status).toBe('cancelled');
    expect(done.received).toBeGreaterThanOrEqual(2);
    expect(done.received).toBeLessThan(40);
    expect(store.list({ dossierId }).filter((p) => p.batchId === job.batchId)).toHaveLength(done.received);
    expect(s.deletes).toBe(1);
    // The device is free again.
    const again = await serve({ pages: pagesOf(1, 1) });
    const next = scans.start(clerk, { device: `escl:${again.url}`, target: { dossierId, itemCode: 'TP2' }, settings: { source: 'adf', color: 'gray' }, separators: false });
    expect((await scans.finished(next.jobId)).status).toBe('completed');
  });

  it('refuses bad targets before any paper moves: unknown item, a dossier not in "received", another clerk\'s tray batch', async () => {
    const { scans } = scansWith();
    const s = await serve({ pages: pagesOf(1, 2) });
    const start = (over: Record<string, unknown>, actor: Actor = clerk) =>
      (() => {
        try {
          scans.start(actor, { device: `escl:${s.url}`, target: { dossierId, itemCode: 'TP1' }, settings: { source: 'adf', color: 'gray' }, separators: false, ...over } as never);
          return null;
        } catch (e) {
          return (e as { code: string }).code;
        }
      })();
    expect(start({ target: { dossierId, itemCode: 'NOPE' } })).toBe('DOSSIER_UNKNOWN_ITEM');
    expect(start({ device: 'nonsense' })).toBe('SCAN_BAD_DEVICE_URI');
    expect(start({ continueBatchId: 'no-such-batch' })).toBe('SCAN_BATCH_NOT_FOUND');
    const tray = scans.start(clerk, { device: `escl:${s.url}`, target: { tray: true, itemCode: 'A' }, settings: { source: 'adf', color: 'gray' }, separators: false });
    await scans.finished(tray.jobId);
    const other: Actor = { kind: 'system', name: 'other-clerk', role: 'clerk' };
    expect(start({ target: { tray: true, itemCode: 'A' }, continueBatchId: tray.batchId }, other)).toBe('SCAN_BATCH_NOT_FOUND');
    expect(() => scans.job(other, tray.jobId)).toThrow(expect.objectContaining({ code: 'SCAN_JOB_NOT_FOUND' }));
    expect(start({ continueBatchId: tray.batchId })).toBe('SCAN_BATCH_MISMATCH');
    const sent = await call(t.core, adminConn, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC) });
    await call(t.core, adminConn, 'dossiers.transition', { id: sent.id, to: 'sent_to_agency' });
    expect(start({ target: { dossierId: sent.id, itemCode: 'TP1' } })).toBe('SCAN_DOSSIER_NOT_RECEIVED');
  });
});

describe('scans.* through the dispatcher (the core\'s own service and worker pipeline)', () => {
  it('a clerk starts a job into a dossier item, follows it with scans.job, and lists the pages; a tray job is its owner\'s alone', async () => {
    const s = await serve({ pages: pagesOf(1, 3) });
    const job = await call(t.core, clerkConn, 'scans.start', { device: `escl:${s.url}`, target: { dossierId, itemCode: 'TP1' }, settings: { source: 'adf', color: 'gray' } });
    expect(job).toMatchObject({ dossierId, itemCode: 'TP1', status: 'scanning', received: 0, endedAt: null });
    let now = job;
    for (let i = 0; i < 2400 && now.endedAt === null; i++) {
      await new Promise((r) => setTimeout(r, 50));
      now = await call(t.core, clerkConn, 'scans.job', { jobId: job.jobId });
    }
    expect(now).toMatchObject({ status: 'completed', received: 3, processed: 3, error: null });
    const pages = (await call(t.core, clerkConn, 'pages.list', { dossierId })).filter((p) => p.batchId === job.batchId);
    expect(pages.map((p) => [p.itemCode, p.state])).toEqual([
      ['TP1', 'ready'],
      ['TP1', 'ready'],
      ['TP1', 'ready'],
    ]);

    const slow = await serve({ pages: pagesOf(1, 30), slowMs: 100 });
    const tray = await call(t.core, clerkConn, 'scans.start', { device: `escl:${slow.url}`, target: { tray: true, itemCode: 'TP1' } });
    const r = await t.core.dispatch(adminConn, 'scans.cancel', { jobId: tray.jobId });
    expect(r.ok ? null : r.error.code).toBe('SCAN_JOB_NOT_FOUND');
    const busy = await t.core.dispatch(adminConn, 'scans.start', { device: `escl:${slow.url}`, target: { dossierId, itemCode: 'TP1' } });
    expect(busy.ok ? null : busy.error).toMatchObject({ code: 'SCAN_BUSY', message: expect.stringMatching(/^Máy quét đang bận/) });
    const cancelled = await call(t.core, clerkConn, 'scans.cancel', { jobId: tray.jobId });
    expect(cancelled.jobId).toBe(tray.jobId);
    await t.core.services.scans.finished(tray.jobId);
    expect((await call(t.core, clerkConn, 'scans.job', { jobId: tray.jobId })).status).toBe('cancelled');
  });
});

describe('scanning at reception, into the tray', () => {
  it('pages still arriving when the clerk receives the dossier follow the tray into it, none left in the tray', async () => {
    const s = await serve({ pages: pagesOf(1, 8), slowMs: 150 });
    const job = await call(t.core, clerkConn, 'scans.start', { device: `escl:${s.url}`, target: { tray: true, itemCode: 'TP2' }, separators: false });
    for (let i = 0; i < 2400 && (await call(t.core, clerkConn, 'scans.job', { jobId: job.jobId })).received < 2; i++) await new Promise((r) => setTimeout(r, 25));
    const received = await call(t.core, clerkConn, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC), trayPages: true });
    const done = await t.core.services.scans.finished(job.jobId);
    expect(done).toMatchObject({ status: 'completed', received: 8, dossierId: received.id });
    const pages = itemPages(await call(t.core, clerkConn, 'pages.list', { dossierId: received.id }), 'TP2').filter((p) => p.batchId === job.batchId);
    expect(pages.map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await call(t.core, clerkConn, 'pages.list', { tray: true })).filter((p) => p.batchId === job.batchId)).toEqual([]);
  });
});

/** A PNG whose chunks are all there (headers pass) but whose image data is not a zlib stream. */
function corruptPng(width: number, height: number): Buffer {
  const good = makePng(width, height, 200, 2);
  const at = good.indexOf(Buffer.from('IDAT'));
  const len = good.readUInt32BE(at - 4);
  const bad = Buffer.from(good);
  bad.fill(0x5a, at + 4, at + 4 + len);
  return bad;
}
