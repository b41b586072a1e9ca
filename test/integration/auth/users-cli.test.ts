/** Hardening #13 item 2 on the CLI: `motcua user list/unlock/disable/enable/role/add`, each with --json. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserView } from '../../../core/contract/auth';
import { motcua } from '../../helpers/cli';
import { call, startCore, withAdmin, type TestCore } from '../../helpers/core';

let t: TestCore;
beforeAll(async () => {
  t = await startCore();
  const admin = await withAdmin(t.core);
  await call(t.core, admin, 'users.create', { username: 'clerk1', displayName: 'Nguyễn Văn A', role: 'clerk', password: 'dung-mat-khau' });
  const stranger = t.core.openConnection('web', '10.0.0.66');
  for (let i = 0; i < 5; i++) await t.core.dispatch(stranger, 'auth.login', { username: 'clerk1', password: 'sai-mat-khau' });
  // The CLI runs as another process on the same data folder: it must see these holds.
});
afterAll(() => t.close());

const json = <T>(stdout: string) => JSON.parse(stdout) as T;

describe('motcua user', () => {
  it('lists the lock an attack left and unlocks the account by name (any case), audited', async () => {
    const list = await motcua(t.dir, ['user', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(json<UserView[]>(list.stdout).find((u) => u.username === 'clerk1')?.lockedUntil).toEqual(expect.any(String));
    const unlocked = await motcua(t.dir, ['user', 'unlock', 'CLERK1', '--json']);
    expect(unlocked.code).toBe(0);
    expect(json<UserView>(unlocked.stdout)).toMatchObject({ username: 'clerk1', lockedUntil: null });
    const verify = await motcua(t.dir, ['audit', 'verify', '--json']);
    expect(verify.code).toBe(0);
  });

  it('disables, enables and changes the role, each with --json; an unknown name exits 2', async () => {
    const off = await motcua(t.dir, ['user', 'disable', 'clerk1', '--json']);
    expect(off.code).toBe(0);
    expect(json<UserView>(off.stdout).disabled).toBe(true);
    expect(json<UserView>((await motcua(t.dir, ['user', 'enable', 'clerk1', '--json'])).stdout).disabled).toBe(false);
    expect(json<UserView>((await motcua(t.dir, ['user', 'role', 'clerk1', 'supervisor', '--json'])).stdout).role).toBe('supervisor');
    const bad = await motcua(t.dir, ['user', 'role', 'clerk1', 'boss']);
    expect(bad.code).toBe(2);
    const unknown = await motcua(t.dir, ['user', 'unlock', 'khong-ai']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/CLI_UNKNOWN_USER.*khong-ai/);
    const lastAdmin = await motcua(t.dir, ['user', 'disable', 'admin']);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toMatch(/AUTH_LAST_ADMIN/);
  });
});
