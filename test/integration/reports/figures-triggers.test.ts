/**
 * Migration 014's triggers kept true by the app's own writes (issue #19): a dossier received, apologised for and
 * resolved through the dossier service, a supplement completed in the minute of the request, pages scanned and
 * removed through the page store; and what the report then says through reports.period / reports.drill (the same
 * dispatcher as IPC, web and CLI), with the filter errors.
 */
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/platform/clock';
import type { Connection } from '../../../core/rpc/connection';
import type { Actor } from '../../../core/services/actor';
import { PageEdits } from '../../../core/services/documents/page-edits';
import { PageStore } from '../../../core/services/documents/page-store';
import type { PageOwner } from '../../../core/services/documents/page-store-types';
import type { PipelineOutput } from '../../../core/services/scanning/pipeline/types';
import { call, conn, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, TRAN_VAN_DUC, personInput } from '../../helpers/people';

const WARD = '000.27.10.H12';
const MARITAL = '1.004873'; // 3 working days; checklist TP1 (required) .. TP4
/** TP1 and TP2 handed in. */
const TWO_DOCUMENTS = [
  { itemCode: 'TP1', mark: 3 as const, copies: 1, check: 1 as const },
  { itemCode: 'TP2', mark: 3 as const, copies: 1, check: 1 as const },
];
const actor: Actor = { kind: 'system', name: 'test', role: 'admin' };

let t: TestCore;
let clock: ManualClock;
let admin: Connection;
beforeEach(async () => {
  // Tuesday 24/11/2026 09:30 in Vietnam.
  clock = new ManualClock(new Date('2026-11-24T02:30:00Z'));
  t = await startCore({ clock });
  admin = await withAdmin(t.core);
});
afterEach(() => t.close());

/** Moves the clock, and logs in again (days pass: the session would have expired). */
async function at(local: string): Promise<void> {
  clock.set(new Date(Date.parse(`${local}:00+07:00`)));
  admin = conn(t.core);
  await call(t.core, admin, 'auth.login', { username: 'admin', password: 'mat-khau-123' });
}
const dossierRow = (id: string) =>
  t.core.db.prepare('SELECT received_at, due_at, promised_due_at, resolved_at, withdrawn_at FROM dossiers WHERE id = ?').get(id) as Record<string, string | null>;
const items = (id: string) => t.core.db.prepare('SELECT item_code, pages FROM dossier_items WHERE dossier_id = ? ORDER BY item_code').all(id);

async function processed(): Promise<PipelineOutput> {
  const base = sharp({ create: { width: 40, height: 20, channels: 3, background: '#ffffff' } });
  return {
    image: { bytes: await base.clone().jpeg().toBuffer(), mediaType: 'image/jpeg', ext: 'jpg' },
    master: { bytes: await base.clone().png().toBuffer(), mediaType: 'image/png', ext: 'png' },
    thumb: { bytes: await base.clone().jpeg().toBuffer(), mediaType: 'image/jpeg', ext: 'jpg' },
    widthPx: 40, heightPx: 20, dpi: 300, rotation: 0, skewDeg: 0, deskewed: false, crop: null, blank: false, inkRatio: 0.1, content: 'text', separator: null, timings: {},
  };
}

describe("migration 014's columns follow the app's writes", () => {
  it('receipt, apology and a late result: the promise stays, the report counts it late', async () => {
    const v = await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH), checklist: TWO_DOCUMENTS });
    expect(dossierRow(v.id)).toMatchObject({ received_at: '2026-11-24T09:30', promised_due_at: '2026-11-27T09:30', resolved_at: null });
    expect(items(v.id)).toEqual([
      { item_code: 'TP1', pages: 0 },
      { item_code: 'TP2', pages: 0 },
    ]);
    await at('2026-11-26T10:00');
    await call(t.core, admin, 'dossiers.transition', { id: v.id, to: 'sent_to_agency' });
    await call(t.core, admin, 'dossiers.apologise', { id: v.id, reason: 'Cần xác minh thêm', newDue: '2026-12-02T16:00' });
    expect(dossierRow(v.id)).toMatchObject({ due_at: '2026-12-02T16:00', promised_due_at: '2026-11-27T09:30' });
    // Ready on the due day after the promised time, well before the apology's appointment: late.
    await at('2026-11-27T10:15');
    await call(t.core, admin, 'dossiers.transition', { id: v.id, to: 'result_ready' });
    expect(dossierRow(v.id)).toMatchObject({ resolved_at: '2026-11-27T10:15' });
    const report = await call(t.core, admin, 'reports.period', { from: '2026-11-01', to: '2026-11-30' });
    expect(report).toMatchObject({ received: 1, newlyReceived: 1, resolved: 1, resolvedLate: 1, resolvedOnTime: 0, pending: 0, onTimeRate: 0, documentsReceived: 2, documentsDigitised: 0 });
    const late = await call(t.core, admin, 'reports.drill', { figure: 'resolvedLate', filter: { from: '2026-11-01', to: '2026-11-30' } });
    expect(late).toMatchObject({ kind: 'dossiers', total: 1, rows: [{ id: v.id, procedure: MARITAL, applicant: 'Huỳnh Thị Ngọc Ánh', resolvedAt: '2026-11-27T10:15' }] });
    // Returned later: resolved_at keeps the first result.
    await at('2026-11-30T09:00');
    await call(t.core, admin, 'dossiers.returnResult', { id: v.id, receiverName: 'Huỳnh Thị Ngọc Ánh', method: 'counter' });
    expect(dossierRow(v.id)).toMatchObject({ resolved_at: '2026-11-27T10:15' });
    // A period that ended before the result: pending, overdue at its end? The promise (27/11) is after 26/11's end: within.
    expect(await call(t.core, admin, 'reports.period', { from: '2026-11-24', to: '2026-11-26' })).toMatchObject({ received: 1, pendingWithin: 1, resolved: 0 });
  });

  it('a supplement completed in the minute it was requested: the promise is set by the re-receipt', async () => {
    const v = await call(t.core, admin, 'dossiers.requestSupplement', {
      agencyCode: WARD,
      procedureCode: MARITAL,
      applicant: personInput(TRAN_VAN_DUC),
      items: [{ itemCode: 'TP2', reason: 'Thiếu giấy tờ' }],
    });
    expect(dossierRow(v.id)).toMatchObject({ received_at: '2026-11-24T09:30', promised_due_at: null });
    // Not received yet: not in the report.
    expect(await call(t.core, admin, 'reports.period', { from: '2026-11-24', to: '2026-11-24' })).toMatchObject({ received: 0 });
    await call(t.core, admin, 'dossiers.completeSupplement', { id: v.id, checklist: TWO_DOCUMENTS });
    expect(dossierRow(v.id)).toMatchObject({ received_at: '2026-11-24T09:30', promised_due_at: '2026-11-27T09:30' });
    expect(await call(t.core, admin, 'reports.period', { from: '2026-11-24', to: '2026-11-24' })).toMatchObject({ received: 1, pendingWithin: 1 });
    // Withdrawn later: withdrawn_at, and the report of that day counts it withdrawn.
    await at('2026-11-25T14:05');
    await call(t.core, admin, 'dossiers.transition', { id: v.id, to: 'withdrawn' });
    expect(dossierRow(v.id)).toMatchObject({ withdrawn_at: '2026-11-25T14:05' });
    expect(await call(t.core, admin, 'reports.period', { from: '2026-11-25', to: '2026-11-25' })).toMatchObject({ received: 1, carriedOver: 1, withdrawn: 1 });
  });

  it('pages scanned and removed: dossier_items counts the ready ones, the report the digitised documents', async () => {
    const v = await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH), checklist: TWO_DOCUMENTS });
    const store = new PageStore({ db: t.core.db, filesDir: `${t.dir}/files`, audit: t.core.services.audit, clock, events: { publish: () => undefined } });
    const owner: PageOwner = { dossierId: v.id };
    store.createBatch({ id: 'b1', owner, itemCode: 'TP1', device: 'folder:test', settings: '{}', actor });
    const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const add = async (seq: number) => {
      const raw = await store.addRaw({ owner, itemCode: 'TP1', batchId: 'b1', batchSeq: seq, bytes: png, mediaType: 'image/png', widthPx: 40, heightPx: 20, dpi: 300, actor });
      return store.completeProcessing(raw.id, await processed());
    };
    const first = await add(1);
    expect(items(v.id)).toEqual([
      { item_code: 'TP1', pages: 1 },
      { item_code: 'TP2', pages: 0 },
    ]);
    await add(2);
    // A raw page (not processed yet) is not counted.
    await store.addRaw({ owner, itemCode: 'TP1', batchId: 'b1', batchSeq: 3, bytes: png, mediaType: 'image/png', widthPx: 40, heightPx: 20, dpi: 300, actor });
    expect(items(v.id)[0]).toEqual({ item_code: 'TP1', pages: 2 });
    new PageEdits(store, { db: t.core.db, audit: t.core.services.audit }).remove(actor, { pageId: first.id });
    expect(items(v.id)[0]).toEqual({ item_code: 'TP1', pages: 1 });
    const report = await call(t.core, admin, 'reports.period', { from: '2026-11-24', to: '2026-11-24' });
    expect(report).toMatchObject({ documentsReceived: 2, documentsDigitised: 1, digitisedRate: 0.5, pagesDigitised: 1, dossiersDigitised: 1 });
    const notDigitised = await call(t.core, admin, 'reports.drill', { figure: 'documentsNotDigitised', filter: { from: '2026-11-24', to: '2026-11-24' } });
    expect(notDigitised).toMatchObject({ total: 1, rows: [{ id: v.id }] });
    // The other document scanned two days later: that day's share moves, the closed day's report does not.
    await at('2026-11-26T09:00');
    store.createBatch({ id: 'b2', owner, itemCode: 'TP2', device: 'folder:test', settings: '{}', actor });
    const late = await store.addRaw({ owner, itemCode: 'TP2', batchId: 'b2', batchSeq: 1, bytes: png, mediaType: 'image/png', widthPx: 40, heightPx: 20, dpi: 300, actor });
    await store.completeProcessing(late.id, await processed());
    expect(await call(t.core, admin, 'reports.period', { from: '2026-11-24', to: '2026-11-24' })).toMatchObject({ documentsDigitised: 1 });
    expect(await call(t.core, admin, 'reports.period', { from: '2026-11-24', to: '2026-11-26' })).toMatchObject({ documentsDigitised: 2, digitisedRate: 1 });
    expect(await call(t.core, admin, 'reports.drill', { figure: 'documentsNotDigitised', filter: { from: '2026-11-24', to: '2026-11-24' } })).toMatchObject({ total: 1 });
  });
});

describe('the filter is checked', () => {
  const code = async (input: Record<string, unknown>, method: 'reports.period' | 'reports.dashboard' = 'reports.period') => {
    const r = await t.core.dispatch(admin, method, input as never);
    return r.ok ? null : { code: r.error.code, message: r.error.message };
  };
  it('refuses an unknown agency, a day that does not exist, a reversed or too long period, in Vietnamese', async () => {
    expect(await code({ from: '2026-01-01', to: '2026-01-31', agency: 'KHONG.CO' })).toMatchObject({ code: 'REPORT_UNKNOWN_AGENCY', message: expect.stringContaining('Không có cơ quan') });
    expect(await code({ from: '2026-02-30', to: '2026-03-31' })).toMatchObject({ code: 'REPORT_BAD_DAY', message: expect.stringContaining('2026-02-30') });
    expect(await code({ from: '2026-03-02', to: '2026-03-01' }, 'reports.dashboard')).toMatchObject({ code: 'REPORT_BAD_PERIOD' });
    expect(await code({ from: '2025-01-01', to: '2026-01-02' })).toMatchObject({ code: 'REPORT_PERIOD_TOO_LONG', message: expect.stringContaining('367') });
    expect(await code({ from: '2024-01-01', to: '2024-12-31' })).toBeNull();
    // A counter or clerk typed wrong is refused rather than shown as a report of zeros.
    expect(await code({ from: '2026-01-01', to: '2026-01-31', counter: 'quay-khong-co' }, 'reports.dashboard')).toMatchObject({ code: 'REPORT_UNKNOWN_COUNTER', message: expect.stringContaining('quay-khong-co') });
    expect(await code({ from: '2026-01-01', to: '2026-01-31', clerk: 'khongco' }, 'reports.dashboard')).toMatchObject({ code: 'REPORT_UNKNOWN_CLERK', message: expect.stringContaining('khongco') });
    // A known agency with nothing yet: a valid report of zeros.
    expect(await call(t.core, admin, 'reports.period', { from: '2026-01-01', to: '2026-01-31', agency: WARD })).toMatchObject({ received: 0, onTimeRate: null, perAgency: [{ agency: WARD, received: 0 }] });
  });

  it('the dashboard shows the queue unavailable, not an error, when its store cannot be reached', async () => {
    const queue = t.core.services.queue.service;
    const original = queue.metrics.bind(queue);
    queue.metrics = async () => {
      const { AppError } = await import('../../../core/contract/errors');
      throw new AppError('QUEUE_STORE_UNAVAILABLE');
    };
    try {
      const dash = await call(t.core, admin, 'reports.dashboard', { from: '2026-11-24', to: '2026-11-24' });
      expect(dash.queue).toEqual({ available: false, issued: 0, served: 0, noShow: 0, meanWaitSeconds: null, maxWaitSeconds: null, meanServiceSeconds: null, perHour: [], perCounter: [] });
      expect(dash.perDay).toEqual([{ day: '2026-11-24', dossiers: 0, pages: 0 }]);
    } finally {
      queue.metrics = original;
    }
    const dash = await call(t.core, admin, 'reports.dashboard', { from: '2026-11-24', to: '2026-11-24' });
    expect(dash.queue.available).toBe(true);
  });
});
