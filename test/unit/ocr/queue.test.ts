/**
 * The OCR queue's database side on a real core (SQLite, migration 009's triggers, the real PageStore), with no OCR
 * run (ocr.run false): pages queued in the transaction that makes them readable, the claim order (focus first),
 * claims by two processes, failures and their tries, jobs of a dead process after a restart, a turned page read
 * again, a removed page out of the index, documents marked stale by page changes, the rate and time left.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../core/rpc/connection';
import { createCore } from '../../../core/app';
import type { OcrResult } from '../../../core/services/ocr/engine/types';
import { OcrQueue, type ClaimedJob } from '../../../core/services/ocr/ocr-queue';
import { PageIndex } from '../../../core/services/search/page-index';
import { bootMinute } from '../../../core/platform/process-marks';
import { systemClock, type Clock } from '../../../core/platform/clock';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';
import { call, startCore, TEST_HASH_COST, type TestCore } from '../../helpers/core';
import { job, jobs, plainPng, receiveDossier, storePages, TEST_ACTOR } from '../../integration/ocr/queue-harness';

let t: TestCore;
let admin: Connection;
let dossier: { id: string; code: string };

beforeEach(async () => {
  t = await startCore({ ocr: { run: false } });
  admin = t.core.openConnection('cli', 'test', { name: 'test', role: 'admin' });
  dossier = await receiveDossier(t.core);
});
afterEach(() => t.close());

const queueOf = (opts: { clock?: Clock; maxTries?: number } = {}) =>
  new OcrQueue({ db: t.core.db, clock: opts.clock ?? systemClock, index: new PageIndex(t.core.db), threshold: () => 60, ...(opts.maxTries ? { maxTries: opts.maxTries } : {}) });

const result = (text: string, confidence = 91): OcrResult => ({
  text,
  confidence,
  words: text.split(/\s+/).map((w, i) => ({ text: w, confidence, x0: i * 50, y0: 10, x1: i * 50 + 40, y1: 30, baseline: 28, block: 1, par: 1, line: 1 })),
  width: 300,
  height: 60,
  dpi: 200,
  ms: 12,
  engine: 'test',
});

const docState = (itemCode: string) =>
  t.core.db.prepare<[string, string], { state: string }>('SELECT state FROM document_pdfs WHERE dossier_id = ? AND item_code = ?').get(dossier.id, itemCode)?.state;
const ftsHits = (word: string) => t.core.db.prepare<[string], { rowid: number }>('SELECT rowid FROM page_text_fts WHERE page_text_fts MATCH ?').all(word).length;

describe('OCR queue (database side)', () => {
  it('a page is queued when processing makes it ready (not while raw), with the scan as its focus', async () => {
    const store = t.core.services.pages;
    const owner = { dossierId: dossier.id };
    const batch = store.createBatch({ id: 'b-raw', owner, itemCode: 'TP1', device: 'test', settings: '{}', actor: TEST_ACTOR });
    const png = await plainPng(300);
    const raw = store.addRaw({ owner, itemCode: 'TP1', batchId: batch.id, batchSeq: 1, bytes: png, mediaType: 'image/png', widthPx: 300, heightPx: 60, dpi: 200, actor: TEST_ACTOR });
    expect(job(t.core, raw.id)).toBeUndefined();
    const [ready] = await storePages(t.core, owner, 'TP2', [png]);
    const j = job(t.core, ready!.id)!;
    expect(j).toMatchObject({ state: 'waiting', tries: 0 });
    // Scanned at the counter now: its batch's start is its focus.
    expect(j.focus_at).not.toBeNull();
    expect((await call(t.core, admin, 'ocr.status', {})).waiting).toBe(1);
  });

  it('claims the focused dossier first, then the oldest; two claimers never take the same job', async () => {
    const other = await receiveDossier(t.core);
    const a = await storePages(t.core, { dossierId: dossier.id }, 'TP1', [await plainPng(301), await plainPng(302)]);
    const b = await storePages(t.core, { dossierId: other.id }, 'TP1', [await plainPng(303)]);
    t.core.db.prepare('UPDATE ocr_jobs SET focus_at = NULL').run();
    expect((await call(t.core, admin, 'ocr.focus', { dossierId: other.id })).prioritised).toBe(1);
    const q1 = queueOf();
    const q2 = queueOf();
    const first = q1.claim()!;
    expect(first.pageId).toBe(b[0]!.id);
    // Another process: the next one (oldest of the rest), never the same.
    const second = q2.claim()!;
    const third = q1.claim()!;
    expect([second.pageId, third.pageId]).toEqual([a[0]!.id, a[1]!.id]);
    expect(q2.claim()).toBeNull();
    expect(jobs(t.core).map((j) => j.state)).toEqual(['running', 'running', 'running']);
    expect(jobs(t.core).map((j) => j.tries)).toEqual([1, 1, 1]);
  });

  it('a failing page goes behind the others and stops after its last try with the reason kept', async () => {
    const [bad, good] = await storePages(t.core, { dossierId: dossier.id }, 'TP1', [await plainPng(304), await plainPng(305)]);
    const q = queueOf({ maxTries: 3 });
    const claimBad = (): ClaimedJob => {
      for (;;) {
        const c = q.claim()!;
        if (c.pageId === bad!.id) return c;
        q.complete(c, result('xin chào'), 'x');
      }
    };
    const err = { code: 'OCR_WORKER_FAILED', message: 'hỏng' };
    expect(q.fail(claimBad(), err)?.state).toBe('waiting');
    // The queue goes on: the other page is next.
    expect(q.claim()?.pageId).toBe(good!.id);
    expect(q.fail(claimBad(), err)?.state).toBe('waiting');
    expect(q.fail(claimBad(), err)?.state).toBe('failed');
    expect(job(t.core, bad!.id)).toMatchObject({ state: 'failed', tries: 3, error_code: 'OCR_WORKER_FAILED', error_message: 'hỏng' });
    expect(q.claim()).toBeNull();
    const page = await call(t.core, admin, 'ocr.page', { pageId: bad!.id });
    expect(page).toMatchObject({ state: 'failed', tries: 3, error: { code: 'OCR_WORKER_FAILED' } });
    // The clerk puts it back: first try again.
    await call(t.core, admin, 'ocr.retry', { pageId: bad!.id });
    expect(job(t.core, bad!.id)).toMatchObject({ state: 'waiting', tries: 0, error_code: null });
  });

  it('at start, jobs of a process that is gone go back (or fail after the last try); a live process keeps its own', async () => {
    const pages = await storePages(t.core, { dossierId: dossier.id }, 'TP1', [await plainPng(306), await plainPng(307), await plainPng(308)]);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const set = t.core.db.prepare(`UPDATE ocr_jobs SET state = 'running', run_mark = ?, tries = ? WHERE page_id = ?`);
    set.run(`${dead} ${bootMinute()} aa`, 1, pages[0]!.id);
    set.run(`${dead} ${bootMinute()} bb`, 3, pages[1]!.id);
    // Another live process (this one's parent): its job stays its own.
    set.run(`${process.ppid} ${bootMinute()} cc`, 1, pages[2]!.id);
    await t.core.close();
    const again = await createCore({ dataDir: t.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST }, ocr: { run: false } });
    t.core = again;
    expect(job(again, pages[0]!.id)).toMatchObject({ state: 'waiting', tries: 1 });
    expect(job(again, pages[1]!.id)).toMatchObject({ state: 'failed', tries: 3, error_code: 'OCR_INTERRUPTED' });
    expect(job(again, pages[1]!.id)!.error_message).toMatch(/bị ngắt 3 lần/);
    expect(job(again, pages[2]!.id)).toMatchObject({ state: 'running' });
  });

  it('stores the text and its index row with the job in one step; a turned page is read again; a removed page leaves the index', async () => {
    const [p] = await storePages(t.core, { dossierId: dossier.id }, 'TP1', [await plainPng(309, 80)]);
    const q = queueOf();
    const c = q.claim()!;
    expect(q.complete(c, result('Ủy ban nhân dân phường Đông Hòa'), 'sha')?.state).toBe('done');
    expect(ftsHits('dong')).toBe(1);
    expect(job(t.core, p!.id)).toMatchObject({ state: 'done' });
    await call(t.core, admin, 'pages.rotate', { pageId: p!.id, quarterTurns: 1 });
    expect(job(t.core, p!.id)).toMatchObject({ state: 'waiting', tries: 0 });
    // A result for the master before the turn, finished after it, is not kept.
    expect(q.complete(c, result('cũ'), 'old')).toBeNull();
    await call(t.core, admin, 'pages.remove', { pageId: p!.id });
    expect(q.claim()).toBeNull();
    expect(ftsHits('dong')).toBe(0);
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM page_text').get()).toEqual({ n: 0 });
    expect(job(t.core, p!.id)).toBeUndefined();
  });

  it('flags a page read with low confidence until the clerk reviews it (audited)', async () => {
    const [p] = await storePages(t.core, { dossierId: dossier.id }, 'TP1', [await plainPng(310)]);
    const q = queueOf();
    q.complete(q.claim()!, result('mờ quá', 41), 'sha');
    expect((await call(t.core, admin, 'ocr.status', {})).flagged).toBe(1);
    expect((await call(t.core, admin, 'ocr.page', { pageId: p!.id })).flagged).toBe(true);
    const reviewed = await call(t.core, admin, 'ocr.review', { pageId: p!.id, decision: 'accept' });
    expect(reviewed).toMatchObject({ flagged: false, review: 'accepted' });
    expect((await call(t.core, admin, 'ocr.status', {})).flagged).toBe(0);
    expect(t.core.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'ocr.page_reviewed'`).get()).toEqual({ n: 1 });
  });

  it('marks documents stale when pages are added, read, moved (both items) or removed', async () => {
    const [p1, p2] = await storePages(t.core, { dossierId: dossier.id }, 'TP1', [await plainPng(311), await plainPng(312)]);
    expect(docState('TP1')).toBe('stale');
    const ready = () => t.core.db.prepare(`UPDATE document_pdfs SET state = 'ready', stale_since = NULL`).run();
    ready();
    await call(t.core, admin, 'pages.move', { pageId: p1!.id, itemCode: 'TP3', position: 1 });
    expect([docState('TP1'), docState('TP3')]).toEqual(['stale', 'stale']);
    ready();
    await call(t.core, admin, 'pages.remove', { pageId: p2!.id });
    expect(docState('TP1')).toBe('stale');
    ready();
    const q = queueOf();
    q.complete(q.claim()!, result('chữ'), 'sha');
    expect(docState('TP3')).toBe('stale');
  });

  it("tray pages taken by dossiers.receive make their documents stale; the clerk's focus on the tray puts them first", async () => {
    const tray = { trayOwner: 'system:setup' };
    const [p] = await storePages(t.core, tray, 'TP2', [await plainPng(317)]);
    await storePages(t.core, { dossierId: dossier.id }, 'TP1', [await plainPng(318)]);
    t.core.db.prepare('UPDATE ocr_jobs SET focus_at = NULL').run();
    const setup = t.core.openConnection('cli', 'setup', { name: 'setup', role: 'admin' });
    expect((await call(t.core, setup, 'ocr.focus', { tray: true })).prioritised).toBe(1);
    expect(queueOf().claim()?.pageId).toBe(p!.id);
    const v = await call(t.core, setup, 'dossiers.receive', { agencyCode: '000.27.10.H12', procedureCode: '1.004873', applicant: personInput(NGUYEN_THI_HUYNH), trayPages: true });
    expect(t.core.db.prepare<[string], { state: string; item_code: string }>('SELECT state, item_code FROM document_pdfs WHERE dossier_id = ?').all(v.id)).toEqual([{ state: 'stale', item_code: 'TP2' }]);
  });

  it("at start a PDF file no row names (a build a crash cut short) is quarantined; the document's current PDF is kept", async () => {
    const files = t.core.services.pages.files;
    const named = files.write(`pdf/${dossier.id}/TP1-aaaa.pdf`, Buffer.from('%PDF-1.4 kept'));
    const orphan = files.write(`pdf/${dossier.id}/TP1-bbbb.pdf`, Buffer.from('%PDF-1.4 orphan'));
    t.core.db
      .prepare(`INSERT INTO document_pdfs (dossier_id, item_code, state, page_count, path, bytes, sha256) VALUES (?, 'TP1', 'ready', 1, ?, ?, ?)`)
      .run(dossier.id, named.rel, named.bytes, named.sha256);
    // Another process recorded the folder and died (kill -9): its record is what the sweep at start reads.
    t.core.db.prepare('INSERT OR REPLACE INTO files_dirty_folders (folder, pid, since) VALUES (?, ?, ?)').run(`pdf/${dossier.id}`, spawnSync(process.execPath, ['-e', '']).pid!, new Date().toISOString());
    await t.core.close();
    t.core = await createCore({ dataDir: t.dir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST }, ocr: { run: false } });
    expect(files.exists(named.rel)).toBe(true);
    expect(files.exists(orphan.rel)).toBe(false);
  });

  it('pages per minute over the minutes actually worked in the last 10, and the time left', async () => {
    const pages = await storePages(t.core, { dossierId: dossier.id }, 'TP1', [await plainPng(313), await plainPng(314), await plainPng(315), await plainPng(316)]);
    const now = Date.parse('2026-03-02T08:00:00.000Z');
    const clock = { now: () => new Date(now) } as Clock;
    const at = (msAgo: number) => new Date(now - msAgo).toISOString();
    const done = t.core.db.prepare(`UPDATE ocr_jobs SET state = 'done', started_at = ?, finished_at = ? WHERE page_id = ?`);
    // Two pages of 30 s each, an hour-long pause between them inside the window does not count; one page 20 min ago is outside.
    done.run(at(300_000), at(270_000), pages[0]!.id);
    done.run(at(60_000), at(30_000), pages[1]!.id);
    done.run(at(1_230_000), at(1_200_000), pages[2]!.id);
    const q = queueOf({ clock });
    const c = q.counts();
    expect(c.pagesPerMinute).toBe(2);
    expect(c.waiting).toBe(1);
    expect(c.etaSeconds).toBe(30);
    t.core.db.prepare(`UPDATE ocr_jobs SET finished_at = ? WHERE state = 'done'`).run(at(1_200_000));
    expect(q.counts()).toMatchObject({ pagesPerMinute: 0, etaSeconds: null });
  });
});
