import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/platform/clock';
import { call, conn, startCore, withAdmin, type TestCore } from '../../helpers/core';

let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock(new Date('2026-11-24T01:00:00Z'));
  t = await startCore({ clock });
});
afterEach(() => t.close());

describe('first run and login', () => {
  it('asks for an admin first, then refuses a second setup', async () => {
    const c = conn(t.core);
    expect(await call(t.core, c, 'auth.status', {})).toEqual({ needsSetup: true, user: null });
    const s = await call(t.core, c, 'auth.setupAdmin', { username: 'admin', displayName: 'Quản trị', password: 'mat-khau-123' });
    expect(s.user.role).toBe('admin');
    expect((await call(t.core, c, 'auth.status', {})).user?.username).toBe('admin');
    const other = conn(t.core);
    const r = await t.core.dispatch(other, 'auth.setupAdmin', { username: 'evil', displayName: 'x', password: 'mat-khau-123' });
    expect(r.ok ? null : r.error.code).toBe('AUTH_SETUP_DONE');
  });

  it('locks the account after 5 wrong passwords, even against the right one, until the lock expires', async () => {
    const admin = await withAdmin(t.core);
    await call(t.core, admin, 'users.create', { username: 'clerk1', displayName: 'Nguyễn Văn A', role: 'clerk', password: 'dung-mat-khau' });
    const c = conn(t.core);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.core.dispatch(c, 'auth.login', { username: 'clerk1', password: 'sai-mat-khau' });
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual(['AUTH_INVALID_CREDENTIALS', 'AUTH_INVALID_CREDENTIALS', 'AUTH_INVALID_CREDENTIALS', 'AUTH_INVALID_CREDENTIALS', 'AUTH_LOCKED']);
    const locked = await t.core.dispatch(c, 'auth.login', { username: 'clerk1', password: 'dung-mat-khau' });
    expect(locked.ok ? null : locked.error.code).toBe('AUTH_LOCKED');
    expect(locked.ok ? '' : locked.error.message).toMatch(/khoá/);
    clock.advance(16 * 60_000);
    const s = await call(t.core, c, 'auth.login', { username: 'clerk1', password: 'dung-mat-khau' });
    expect(s.user.username).toBe('clerk1');
  });

  it('expires idle sessions and ends them on logout', async () => {
    const admin = await withAdmin(t.core);
    expect((await call(t.core, admin, 'users.list', {})).length).toBe(1);
    clock.advance(3 * 3_600_000);
    const r = await t.core.dispatch(admin, 'users.list', {});
    expect(r.ok ? null : r.error.code).toBe('RPC_UNAUTHENTICATED');

    const c = conn(t.core);
    const s = await call(t.core, c, 'auth.login', { username: 'admin', password: 'mat-khau-123' });
    await call(t.core, c, 'auth.logout', {});
    const again = conn(t.core);
    const resumed = await t.core.dispatch(again, 'auth.resume', { token: s.token });
    expect(resumed.ok ? null : resumed.error.code).toBe('AUTH_SESSION_INVALID');
  });

  it('enforces roles and records the actor of every write', async () => {
    const admin = await withAdmin(t.core);
    await call(t.core, admin, 'users.create', { username: 'clerk2', displayName: 'Trần Thị B', role: 'clerk', password: 'dung-mat-khau' });
    const c = conn(t.core);
    await call(t.core, c, 'auth.login', { username: 'clerk2', password: 'dung-mat-khau' });
    const r = await t.core.dispatch(c, 'users.create', { username: 'x123', displayName: 'x', role: 'admin', password: 'dung-mat-khau' });
    expect(r.ok ? null : r.error.code).toBe('RPC_FORBIDDEN');
    const row = t.core.db.prepare("SELECT created_by FROM users WHERE username = 'clerk2'").get() as { created_by: string };
    expect(row.created_by).toMatch(/^user:admin#\d+$/);
    const audit = await call(t.core, admin, 'audit.list', { limit: 50 });
    expect(audit.map((a) => a.action)).toContain('user.create');
    expect(audit.find((a) => a.action === 'user.create')?.actor).toMatch(/^user:admin#/);
  });
});

describe('dispatcher', () => {
  it('answers unknown methods, malformed input and missing sessions with typed errors', async () => {
    const c = conn(t.core);
    const unknown = await t.core.dispatch(c, 'nope.nothing', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'RPC_UNKNOWN_METHOD' } });
    const bad = await t.core.dispatch(c, 'auth.login', { username: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'RPC_INVALID_INPUT', field: 'username' } });
    const extra = await t.core.dispatch(c, 'auth.login', { username: 'a', password: 'b', admin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'RPC_INVALID_INPUT' } });
    const anon = await t.core.dispatch(c, 'users.list', {});
    expect(anon).toMatchObject({ ok: false, error: { code: 'RPC_UNAUTHENTICATED' } });
  });
});
