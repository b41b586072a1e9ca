/** Hardening #13 items 1-3: login throttling counted before the check, per account and per peer, alike for unknown names. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/app';
import type { CallResult } from '../../../core/contract/bridge';
import { ManualClock } from '../../../core/platform/clock';
import { call, startCore, TEST_HASH_COST, withAdmin, type TestCore } from '../../helpers/core';

let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock(new Date('2026-11-24T01:00:00Z'));
  t = await startCore({ clock });
});
afterEach(() => t.close());

const errorOf = (r: CallResult) => (r.ok ? { ok: true } : r.error);
const codeOf = (r: CallResult) => (r.ok ? 'ok' : r.error.code);
const fromPeer = (peer: string) => t.core.openConnection('web', peer);
const login = (peer: string, username: string, password: string) => t.core.dispatch(fromPeer(peer), 'auth.login', { username, password });
/** Passwords actually checked for a real account: each checked wrong one is audited. */
const checkedWrong = (userId: number) =>
  (t.core.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('auth.login_failed','auth.locked') AND entity_id = ?").get(String(userId)) as { n: number }).n;

async function clerk(admin: Awaited<ReturnType<typeof withAdmin>>, username = 'clerk1') {
  return call(t.core, admin, 'users.create', { username, displayName: 'Nguyễn Văn A', role: 'clerk', password: 'dung-mat-khau' });
}

describe('item 1: attempts are counted before the password is checked', () => {
  it('40 wrong passwords and the right one at once check only the allowance, and the right one does not get in', async () => {
    const u = await clerk(await withAdmin(t.core));
    const c = fromPeer('10.0.0.9');
    const calls = [...Array.from({ length: 40 }, () => t.core.dispatch(c, 'auth.login', { username: 'clerk1', password: 'sai-mat-khau' }))];
    calls.push(t.core.dispatch(c, 'auth.login', { username: 'clerk1', password: 'dung-mat-khau' }));
    const codes = (await Promise.all(calls)).map(codeOf);
    expect(codes.at(-1)).toBe('AUTH_LOCKED');
    expect(codes.filter((x) => x === 'AUTH_INVALID_CREDENTIALS').length).toBe(4);
    expect(checkedWrong(u.id)).toBe(5);
  });

  it('waves of 25 concurrent guesses check 5, then one more per growing hold', async () => {
    const u = await clerk(await withAdmin(t.core));
    for (let wave = 0; wave < 4; wave++) {
      await Promise.all(Array.from({ length: 25 }, () => login('10.0.0.9', 'clerk1', 'sai-mat-khau')));
    }
    expect(checkedWrong(u.id)).toBe(5);
    const holds: unknown[] = [];
    for (let round = 0; round < 7; round++) {
      clock.advance(15 * 60_000 + 1000); // past the longest hold
      const answers = await Promise.all(Array.from({ length: 25 }, () => login('10.0.0.9', 'clerk1', 'sai-mat-khau')));
      const locked = answers.find((a) => !a.ok && a.error.code === 'AUTH_LOCKED');
      holds.push(locked && !locked.ok ? locked.error.params : null);
    }
    // Rounds 1-3: one each. Round 4 is past the 60-minute window that began with the first failure: a new window
    // allows 5 again (checked at once, still no more), then one per hold.
    expect(checkedWrong(u.id)).toBe(5 + 3 + 5 + 3);
    // Holds double from 30 s (capped at 15 min) and start again with the new window.
    expect(holds.map((p) => (p as { seconds: number }).seconds)).toEqual([60, 120, 240, 30, 60, 120, 240]);
  });

  it('a second process on the same data folder sees the same counters', async () => {
    await clerk(await withAdmin(t.core));
    for (let i = 0; i < 5; i++) await login('10.0.0.9', 'clerk1', 'sai-mat-khau');
    const other = await createCore({ dataDir: t.dir, logLevel: 'warn', clock, authPolicy: { hashCost: TEST_HASH_COST } });
    try {
      const r = await other.dispatch(other.openConnection('cli', '10.0.0.9'), 'auth.login', { username: 'clerk1', password: 'dung-mat-khau' });
      expect(codeOf(r)).toBe('AUTH_LOCKED');
    } finally {
      await other.close();
    }
  });
});

describe('item 2: a stranger cannot keep an account closed; admins unlock, disable, change roles', () => {
  it('a stranger\'s wrong passwords hold back only that stranger; the owner logs in from another machine', async () => {
    await withAdmin(t.core);
    for (let i = 0; i < 10; i++) await login('10.0.0.66', 'admin', 'sai-mat-khau');
    expect(codeOf(await login('10.0.0.66', 'admin', 'mat-khau-123'))).toBe('AUTH_LOCKED');
    expect(codeOf(await login('10.0.0.1', 'admin', 'mat-khau-123'))).toBe('ok');
  });

  it('an account attacked from many machines is held for everyone until an admin unlocks it (audited)', async () => {
    const admin = await withAdmin(t.core);
    const u = await clerk(admin);
    for (const peer of ['10.0.0.61', '10.0.0.62', '10.0.0.63']) for (let i = 0; i < 5; i++) await login(peer, 'clerk1', 'sai-mat-khau');
    expect(codeOf(await login('10.0.0.1', 'clerk1', 'dung-mat-khau'))).toBe('AUTH_LOCKED');
    const listed = (await call(t.core, admin, 'users.list', {})).find((x) => x.id === u.id)!;
    expect(listed.lockedUntil).not.toBeNull();
    const after = await call(t.core, admin, 'users.unlock', { userId: u.id });
    expect(after.lockedUntil).toBeNull();
    expect(codeOf(await login('10.0.0.1', 'clerk1', 'dung-mat-khau'))).toBe('ok');
    const audit = await call(t.core, admin, 'audit.list', { limit: 100 });
    expect(audit.find((a) => a.action === 'user.unlock')?.actor).toMatch(/^user:admin#/);
  });

  it('disables (ending sessions) and changes roles, audited, but never leaves no active admin', async () => {
    const admin = await withAdmin(t.core);
    const u = await clerk(admin);
    const c = fromPeer('10.0.0.2');
    await call(t.core, c, 'auth.login', { username: 'clerk1', password: 'dung-mat-khau' });
    expect((await call(t.core, admin, 'users.setDisabled', { userId: u.id, disabled: true })).disabled).toBe(true);
    expect(codeOf(await t.core.dispatch(c, 'dossiers.list', {}))).toBe('RPC_UNAUTHENTICATED');
    expect(codeOf(await login('10.0.0.2', 'clerk1', 'dung-mat-khau'))).toBe('AUTH_DISABLED');
    await call(t.core, admin, 'users.setDisabled', { userId: u.id, disabled: false });
    expect((await call(t.core, admin, 'users.setRole', { userId: u.id, role: 'supervisor' })).role).toBe('supervisor');
    const adminId = (await call(t.core, admin, 'auth.status', {})).user!.id;
    expect(errorOf(await t.core.dispatch(admin, 'users.setRole', { userId: adminId, role: 'clerk' }))).toMatchObject({ code: 'AUTH_LAST_ADMIN' });
    expect(errorOf(await t.core.dispatch(admin, 'users.setDisabled', { userId: adminId, disabled: true }))).toMatchObject({ code: 'AUTH_LAST_ADMIN' });
    const actions = (await call(t.core, admin, 'audit.list', { limit: 100 })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable', 'user.set_role']));
  });
});

describe('item 3: a real name and an unknown one answer alike', () => {
  const variants = (name: string) => [name, name.toUpperCase(), name[0]!.toUpperCase() + name.slice(1), name, name.toUpperCase(), name, name];

  it('case variants of a name share one counter, real or unknown', async () => {
    await clerk(await withAdmin(t.core));
    const answers = async (peer: string, name: string) => {
      const out: unknown[] = [];
      for (const v of variants(name)) out.push(errorOf(await login(peer, v, 'sai-mat-khau')));
      return out;
    };
    const real = await answers('10.0.0.7', 'clerk1');
    expect(real.map((e) => (e as { code: string }).code)).toEqual([
      ...Array(4).fill('AUTH_INVALID_CREDENTIALS'),
      'AUTH_LOCKED',
      'AUTH_LOCKED',
      'AUTH_LOCKED',
    ]);
    expect(await answers('10.0.0.8', 'ghost1')).toEqual(real);
  });

  it('10 concurrent wrong passwords give the same answers for a real and an unknown name', async () => {
    await clerk(await withAdmin(t.core));
    const burst = async (peer: string, name: string) =>
      (await Promise.all(variants(name).concat(variants(name)).slice(0, 10).map((v) => login(peer, v, 'sai-mat-khau'))))
        .map((r) => JSON.stringify(errorOf(r)))
        .sort();
    const real = await burst('10.0.0.7', 'clerk1');
    expect(await burst('10.0.0.8', 'ghost1')).toEqual(real);
    expect(real.filter((s) => s.includes('AUTH_LOCKED')).length).toBe(6);
  });

  it('a peer spraying names is held back (AUTH_THROTTLED) without slowing other peers', async () => {
    await clerk(await withAdmin(t.core));
    const codes: string[] = [];
    for (let i = 0; i < 26; i++) codes.push(codeOf(await login('10.0.0.99', `name${i}`, 'sai-mat-khau')));
    expect(codes.slice(0, 24).every((x) => x === 'AUTH_INVALID_CREDENTIALS')).toBe(true);
    expect(codes.slice(24)).toEqual(['AUTH_THROTTLED', 'AUTH_THROTTLED']);
    expect(codeOf(await login('10.0.0.1', 'clerk1', 'dung-mat-khau'))).toBe('ok');
  });
});
