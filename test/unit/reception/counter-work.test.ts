/**
 * The core side of the counter work (#13 items 10, 12, 13): the reception draft kept per clerk, the audited
 * correction of a recorded result return, and the working-hours check — through the real dispatcher and SQLite.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/platform/clock';
import type { Connection } from '../../../core/rpc/connection';
import { call, conn, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';

const WARD = '000.27.10.H12';
const PARENTAGE = '1.001695';

async function failure(p: Promise<unknown>): Promise<{ code: string; field?: string }> {
  try {
    await p;
  } catch (e) {
    return (e as { wire: { code: string; field?: string } }).wire;
  }
  throw new Error('expected a failure');
}

describe('reception drafts, return corrections, working time', () => {
  let t: TestCore;
  let admin: Connection;
  // Sunday 6 Dec 2026, 20:38 in Hà Nội.
  const clock = new ManualClock(new Date('2026-12-06T13:38:00Z'));

  beforeEach(async () => {
    clock.set(new Date('2026-12-06T13:38:00Z'));
    t = await startCore({ clock });
    admin = await withAdmin(t.core);
    await call(t.core, admin, 'users.create', { username: 'canbo', displayName: 'Cán bộ Một', role: 'clerk', password: 'mat-khau-canbo-1' });
  });
  afterEach(async () => {
    await t.close();
  });

  it('keeps one draft per clerk until it is discarded; another clerk never sees it', async () => {
    const clerk = conn(t.core);
    await call(t.core, clerk, 'auth.login', { username: 'canbo', password: 'mat-khau-canbo-1' });
    expect(await call(t.core, clerk, 'reception.getDraft', {})).toBeNull();
    await call(t.core, clerk, 'reception.saveDraft', { data: JSON.stringify({ v: 1, step: 'applicant', draft: { ticket: 'A1' } }) });
    await call(t.core, clerk, 'reception.saveDraft', { data: JSON.stringify({ v: 1, step: 'review', draft: { ticket: 'A2' } }) });
    // A second browser of the same clerk gets it back.
    const again = conn(t.core);
    await call(t.core, again, 'auth.login', { username: 'canbo', password: 'mat-khau-canbo-1' });
    const saved = await call(t.core, again, 'reception.getDraft', {});
    expect(JSON.parse(saved!.data)).toEqual({ v: 1, step: 'review', draft: { ticket: 'A2' } });
    expect(await call(t.core, admin, 'reception.getDraft', {})).toBeNull();
    expect(await failure(call(t.core, clerk, 'reception.saveDraft', { data: '[1,2]' }))).toMatchObject({ code: 'RECEPTION_DRAFT_INVALID', field: 'data' });
    expect(await call(t.core, again, 'reception.discardDraft', {})).toEqual({ discarded: true });
    expect(await call(t.core, clerk, 'reception.getDraft', {})).toBeNull();
  });

  it('corrects who received a result, keeping the old values, the reason and who did it in history and audit', async () => {
    const d = await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: PARENTAGE, applicant: personInput(NGUYEN_THI_HUYNH) });
    expect(await failure(call(t.core, admin, 'dossiers.correctReturn', { id: d.id, receiverName: 'X', reason: 'nhầm' }))).toMatchObject({ code: 'DOSSIER_NOT_RETURNED' });
    await call(t.core, admin, 'dossiers.transition', { id: d.id, to: 'result_ready' });
    const wrong = 'Trần Thị Bích Ngọc001185004321||Trần Thị Bích Ngọc|03081985|Nữ|Số 5';
    await call(t.core, admin, 'dossiers.returnResult', { id: d.id, receiverName: wrong, method: 'counter' });
    const clerk = conn(t.core);
    await call(t.core, clerk, 'auth.login', { username: 'canbo', password: 'mat-khau-canbo-1' });
    const fixed = await call(t.core, clerk, 'dossiers.correctReturn', {
      id: d.id,
      receiverName: 'Trần Thị Bích Ngọc',
      receiverIdNumber: '001185004321',
      reason: 'Mã QR thẻ CCCD bị quét vào ô họ tên',
    });
    expect(fixed.state).toBe('result_returned');
    expect(fixed.result).toMatchObject({ receiverName: 'Trần Thị Bích Ngọc', receiverIdNumber: '001185004321' });
    const last = fixed.history.at(-1)!;
    expect(last).toMatchObject({ from: 'result_returned', to: 'result_returned' });
    expect(last.actor).toContain('canbo');
    expect(last.data).toEqual({
      returnCorrection: {
        before: { receiverName: wrong, receiverIdNumber: null },
        after: { receiverName: 'Trần Thị Bích Ngọc', receiverIdNumber: '001185004321' },
        reason: 'Mã QR thẻ CCCD bị quét vào ô họ tên',
      },
    });
    const audit = t.core.db.prepare<[], { actor: string; data: string }>("SELECT actor, data FROM audit_log WHERE action = 'dossier.return_corrected'").all();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toContain(wrong);
    // The same values again change nothing and say so; a reason is required.
    expect(await failure(call(t.core, clerk, 'dossiers.correctReturn', { id: d.id, receiverName: 'Trần Thị Bích Ngọc', receiverIdNumber: '001185004321', reason: 'lần nữa' }))).toMatchObject({
      code: 'DOSSIER_RETURN_UNCHANGED',
    });
    expect((await failure(call(t.core, clerk, 'dossiers.correctReturn', { id: d.id, receiverName: 'Ai đó', reason: '' }))).code).toBe('RPC_INVALID_INPUT');
  });

  it('says whether now is inside the agency\'s working hours (Sunday 20:38 is not; Monday 09:00 is)', async () => {
    expect(await call(t.core, admin, 'reception.workingTime', { agencyCode: WARD })).toEqual({ now: '2026-12-06T20:38', working: false });
    clock.set(new Date('2026-12-07T02:00:00Z'));
    const monday = conn(t.core); // the evening's session has expired overnight
    await call(t.core, monday, 'auth.login', { username: 'canbo', password: 'mat-khau-canbo-1' });
    expect(await call(t.core, monday, 'reception.workingTime', { agencyCode: WARD })).toEqual({ now: '2026-12-07T09:00', working: true });
  });
});
