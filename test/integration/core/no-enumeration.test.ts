import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../../core/contract/bridge';
import { ManualClock } from '../../../core/platform/clock';
import { call, conn, startCore, withAdmin, type TestCore } from '../../helpers/core';

let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock(new Date('2026-11-24T01:00:00Z'));
  t = await startCore({ clock });
});
afterEach(() => t.close());

const errorOf = (r: CallResult) => (r.ok ? { ok: true } : r.error);

describe('what a caller without a session learns', () => {
  it('gets RPC_UNAUTHENTICATED before any input-schema detail of a protected method', async () => {
    const c = conn(t.core);
    for (const [method, input] of [
      ['users.create', { role: 'nope', extra: 1 }],
      ['settings.set', { key: 42 }],
      ['dossiers.receive', 'not an object'],
    ] as const) {
      const r = errorOf(await t.core.dispatch(c, method, input));
      expect(r, method).toEqual({ code: 'RPC_UNAUTHENTICATED', message: expect.any(String), params: {} });
    }
    expect(errorOf(await t.core.dispatch(c, 'no.such', { x: 1 }))).toMatchObject({ code: 'RPC_UNKNOWN_METHOD' });
  });

  it('gets RPC_FORBIDDEN, not schema errors, for a method its role may not call', async () => {
    const admin = await withAdmin(t.core);
    await call(t.core, admin, 'users.create', { username: 'clerk1', displayName: 'Nguyễn Văn A', role: 'clerk', password: 'dung-mat-khau' });
    const c = conn(t.core);
    await call(t.core, c, 'auth.login', { username: 'clerk1', password: 'dung-mat-khau' });
    const r = errorOf(await t.core.dispatch(c, 'users.create', { username: 7 }));
    expect(r).toMatchObject({ code: 'RPC_FORBIDDEN' });
    expect(r).not.toHaveProperty('details');
    // The admin still gets the full schema errors.
    expect(errorOf(await t.core.dispatch(admin, 'users.create', { username: 7 }))).toMatchObject({ code: 'RPC_INVALID_INPUT', field: 'username' });
  });

  it('cannot tell a real username from an unknown one by wrong-password answers, up to the lock', async () => {
    const admin = await withAdmin(t.core);
    await call(t.core, admin, 'users.create', { username: 'clerk1', displayName: 'Nguyễn Văn A', role: 'clerk', password: 'dung-mat-khau' });
    await call(t.core, admin, 'users.create', { username: 'clerk2', displayName: 'Trần Thị B', role: 'clerk', password: 'dung-mat-khau' });
    t.core.db.prepare("UPDATE users SET disabled = 1 WHERE username = 'clerk2'").run();
    const c = conn(t.core);
    const answers = async (username: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) out.push(errorOf(await t.core.dispatch(c, 'auth.login', { username, password: 'sai-mat-khau' })));
      return out;
    };
    const real = await answers('clerk1');
    expect(real[0]).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: expect.any(String), params: {} });
    expect(real[4]).toMatchObject({ code: 'AUTH_LOCKED', params: { seconds: 30 } });
    expect(await answers('khong-ton-tai')).toEqual(real);
    expect(await answers('clerk2')).toEqual(real); // disabled: told only with the right password
    clock.advance(16 * 60_000);
    expect(errorOf(await t.core.dispatch(c, 'auth.login', { username: 'clerk2', password: 'dung-mat-khau' }))).toMatchObject({ code: 'AUTH_DISABLED' });
    // After the hold, the next wrong password holds longer: alike for the real and the unknown name.
    const realAgain = errorOf(await t.core.dispatch(c, 'auth.login', { username: 'clerk1', password: 'sai-mat-khau' }));
    expect(realAgain).toMatchObject({ code: 'AUTH_LOCKED', params: { seconds: 60 } });
    expect(errorOf(await t.core.dispatch(c, 'auth.login', { username: 'khong-ton-tai', password: 'sai-mat-khau' }))).toEqual(realAgain);
  });
});
