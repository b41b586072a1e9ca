import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../core/contract/central-api';
import { ManualClock } from '../../../core/platform/clock';
import type { Connection } from '../../../core/rpc/connection';
import { createChangeApplier, type ChangeApplier } from '../../../core/services/sync/apply-changes';
import { call, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, TRAN_VAN_DUC, personInput } from '../../helpers/people';

const WARD = '000.27.10.H12';
const MARITAL = '1.004873';
const AT = '2026-11-25T03:00:00.000Z';

let t: TestCore;
let admin: Connection;
let applier: ChangeApplier;
beforeEach(async () => {
  const clock = new ManualClock(new Date('2026-11-24T02:30:00Z'));
  t = await startCore({ clock });
  admin = await withAdmin(t.core);
  const s = t.core.services;
  applier = createChangeApplier({ db: t.core.db, audit: s.audit, dossiers: s.dossiers, catalogue: s.catalogue, calendar: s.calendar, logger: t.core.logger, clock });
});
afterEach(() => t.close());

const receive = (p = NGUYEN_THI_HUYNH) => call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(p) });
const count = (sql: string, ...args: unknown[]) => (t.core.db.prepare(sql).get(...args) as { n: number }).n;

describe('changes pulled from the central system', () => {
  it('result ready: the dossier moves through the state machine as the central system, once per cursor, audited', async () => {
    const v = await receive();
    const change: Change = { cursor: 'c1', at: AT, kind: 'result_ready', dossierId: v.id, dossierCode: v.code!, data: { note: 'Đã ký' } };
    const first = applier.apply(change);
    expect(first).toMatchObject({ cursor: 'c1', outcome: 'applied', dossierId: v.id, error: null });
    expect(first.diff[0]).toContain('Có kết quả');
    const after = await call(t.core, admin, 'dossiers.get', { id: v.id });
    expect(after.state).toBe('result_ready');
    expect(after.history.at(-1)).toMatchObject({ from: 'received', to: 'result_ready', actor: 'system:central' });
    // It is among the dossiers whose result waits at the counter.
    expect((await call(t.core, admin, 'dossiers.list', { state: 'result_ready', limit: 10 })).map((d) => d.id)).toEqual([v.id]);
    const audited = count("SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ? AND action = 'dossier.result_ready' AND actor = 'system:central'", v.id);
    expect(audited).toBe(1);
    // The same cursor again: the stored outcome, nothing applied twice.
    expect(applier.apply(change)).toEqual(first);
    expect(count('SELECT COUNT(*) AS n FROM dossier_transitions WHERE dossier_id = ?', v.id)).toBe(2);
    // A new cursor for a dossier already there: skipped with the reason.
    const again = applier.apply({ ...change, cursor: 'c2' });
    expect(again).toMatchObject({ outcome: 'skipped', error: { code: 'SYNC_CHANGE_ALREADY' } });
    expect(again.error!.message).toContain('Có kết quả');
    // The chain holds and the dossier's state equals its audited history.
    expect(await call(t.core, admin, 'audit.verify', {})).toMatchObject({ ok: true, mismatchCount: 0 });
  });

  it('supplement requested by the agency reaches the counter with its reason and items; bad moves fail without blocking', async () => {
    const v = await receive();
    await call(t.core, admin, 'dossiers.transition', { id: v.id, to: 'sent_to_agency' });
    const r = applier.apply({ cursor: 's1', at: AT, kind: 'supplement_requested', dossierId: v.id, dossierCode: v.code!, data: { reason: 'Thiếu bản sao giấy khai sinh', items: ['Giấy khai sinh'] } });
    expect(r.outcome).toBe('applied');
    expect(r.diff.join('\n')).toMatch(/Yêu cầu bổ sung.*Thiếu bản sao giấy khai sinh[\s\S]*Giấy khai sinh/);
    const after = await call(t.core, admin, 'dossiers.get', { id: v.id });
    expect(after.state).toBe('supplement_requested');
    expect(after.history.at(-1)).toMatchObject({ from: 'sent_to_agency', to: 'supplement_requested', data: { reason: 'Thiếu bản sao giấy khai sinh', items: [{ name: 'Giấy khai sinh' }] } });

    // A refused dossier cannot get a result: failed with a Vietnamese reason, and the next change still applies.
    const refused = await call(t.core, admin, 'dossiers.refuse', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC), reason: 'Không thuộc thẩm quyền' });
    const bad = applier.apply({ cursor: 's2', at: AT, kind: 'result_ready', dossierId: refused.id, dossierCode: refused.code!, data: {} });
    expect(bad).toMatchObject({ outcome: 'failed', error: { code: 'DOSSIER_BAD_TRANSITION' } });
    expect(bad.error!.message).toMatch(/Từ chối tiếp nhận/);
    expect((await call(t.core, admin, 'dossiers.get', { id: refused.id })).state).toBe('refused');
    // Unknown dossier: skipped. A change the protocol cannot read: failed, recorded under its cursor.
    const unknown = applier.apply({ cursor: 's3', at: AT, kind: 'result_ready', dossierId: '00000000-0000-4000-8000-000000000000', dossierCode: 'X-1', data: {} });
    expect(unknown).toMatchObject({ outcome: 'skipped', error: { code: 'SYNC_CHANGE_DOSSIER_UNKNOWN' } });
    expect(unknown.error!.message).toContain('X-1');
    const garbled = applier.apply({ cursor: 's4', at: AT, kind: 'supplement_requested', dossierId: v.id } as unknown as Change);
    expect(garbled).toMatchObject({ outcome: 'failed', error: { code: 'SYNC_CHANGE_INVALID' } });
    const next = await receive(TRAN_VAN_DUC);
    expect(applier.apply({ cursor: 's5', at: AT, kind: 'result_ready', dossierId: next.id, dossierCode: next.code!, data: {} }).outcome).toBe('applied');
    expect(await call(t.core, admin, 'audit.verify', {})).toMatchObject({ ok: true, mismatchCount: 0 });
    expect(applier.list(10).map((c) => [c.cursor, c.outcome])).toEqual([['s5', 'applied'], ['s4', 'failed'], ['s3', 'skipped'], ['s2', 'failed'], ['s1', 'applied']]);
  });

  it('catalogue: imported through the catalogue path with the procedures added, changed and removed; a bad file changes nothing', async () => {
    const snap = t.core.services.catalogue.snapshot();
    const [changed, removed] = snap.procedures.filter((p) => p.agencyCode === WARD);
    const added = { ...changed!, code: '9.000001', name: 'Thủ tục thử nghiệm mới' };
    const procedures = [...snap.procedures.filter((p) => p !== changed && p !== removed), { ...changed!, name: `${changed!.name} (sửa đổi)` }, added];
    const r = applier.apply({ cursor: 'k1', at: AT, kind: 'catalogue', data: { version: 1, agencies: snap.agencies, procedures } as Record<string, unknown> });
    expect(r.outcome).toBe('applied');
    expect(r.diff).toEqual(
      expect.arrayContaining([
        `Thêm thủ tục 9.000001 – Thủ tục thử nghiệm mới (${WARD})`,
        `Sửa thủ tục ${changed!.code} – ${changed!.name} (sửa đổi) (${WARD})`,
        `Bỏ thủ tục ${removed!.code} – ${removed!.name} (${WARD})`,
      ]),
    );
    expect(r.diff).toHaveLength(3);
    expect(t.core.services.catalogue.procedure(WARD, '9.000001').name).toBe('Thủ tục thử nghiệm mới');
    expect(() => t.core.services.catalogue.procedure(WARD, removed!.code)).toThrow();

    const before = t.core.services.catalogue.snapshot();
    const bad = applier.apply({ cursor: 'k2', at: AT, kind: 'catalogue', data: { version: 1, agencies: snap.agencies, procedures: [{ code: '' }] } });
    expect(bad).toMatchObject({ outcome: 'failed', error: { code: 'SYNC_CHANGE_CATALOGUE_REJECTED' } });
    expect(bad.error!.message).toMatch(/không nhập dòng nào.*Lỗi đầu tiên \(Procedures, dòng 1\)/);
    expect(t.core.services.catalogue.snapshot()).toEqual(before);
  });

  it('calendar: loaded as the official calendar with the days off and make-up days added or removed', () => {
    const first = applier.apply({ cursor: 'h1', at: AT, kind: 'calendar', data: { years: { '2027': { holidays: ['2027-02-05', '2027-02-08'], workdays: ['2027-02-20'] } } } });
    expect(first).toMatchObject({ outcome: 'applied', diff: ['Ngày nghỉ 2027-02-05: thêm', 'Ngày nghỉ 2027-02-08: thêm', 'Ngày làm bù 2027-02-20: thêm'] });
    expect(t.core.services.calendar.config().official).toEqual({ years: { '2027': { holidays: ['2027-02-05', '2027-02-08'], workdays: ['2027-02-20'] } } });
    const second = applier.apply({ cursor: 'h2', at: AT, kind: 'calendar', data: { years: { '2027': { holidays: ['2027-02-05', '2027-02-09'], workdays: [] } } } });
    expect(second.diff).toEqual(['Ngày nghỉ 2027-02-08: bỏ (thành ngày làm việc bình thường)', 'Ngày nghỉ 2027-02-09: thêm', 'Ngày làm bù 2027-02-20: bỏ']);
    const bad = applier.apply({ cursor: 'h3', at: AT, kind: 'calendar', data: { years: { '2027': { holidays: ['2026-13-01'] } } } });
    expect(bad).toMatchObject({ outcome: 'failed', error: { code: 'CALENDAR_FILE_INVALID' } });
    expect((t.core.services.calendar.config().official as { years: Record<string, { holidays: string[] }> }).years['2027']?.holidays).toEqual(['2027-02-05', '2027-02-09']);
  });
});
