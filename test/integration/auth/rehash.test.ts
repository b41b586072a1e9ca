/** Hardening #13 item 4: OWASP scrypt parameters, older hashes upgraded at the next login, dummy hash at the current cost. */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../core/app';
import { DEFAULT_AUTH_POLICY } from '../../../core/services/auth/auth-service';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from '../../../core/services/auth/password';
import { call, withAdmin } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';

const hashOf = (core: Awaited<ReturnType<typeof createCore>>, username: string) =>
  (core.db.prepare('SELECT password_hash FROM users WHERE username = ?').get(username) as { password_hash: string }).password_hash;

describe('password hashes', () => {
  it('default to N = 2^17, r = 8, p = 1, and so does the dummy compared for unknown names', async () => {
    expect(DEFAULT_AUTH_POLICY.hashCost).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(dummyHash().startsWith('scrypt$131072$8$1$')).toBe(true);
    const h = await hashPassword('mat-khau-123');
    expect(h.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await verifyPassword('mat-khau-123', h)).toBe(true);
    expect(needsRehash(h)).toBe(false);
  });

  it('are upgraded to the current parameters at the next successful login, not at a failed one', async () => {
    const dir = tempDir('motcua-rehash-');
    try {
      const old = await createCore({ dataDir: dir.dir, logLevel: 'warn', authPolicy: { hashCost: { N: 1024, r: 8, p: 1 } } });
      const admin = await withAdmin(old);
      await call(old, admin, 'users.create', { username: 'clerk1', displayName: 'Nguyễn Văn A', role: 'clerk', password: 'dung-mat-khau' });
      expect(hashOf(old, 'clerk1')).toMatch(/^scrypt\$1024\$/);
      await old.close();

      const now = await createCore({ dataDir: dir.dir, logLevel: 'warn', authPolicy: { hashCost: { N: 4096, r: 8, p: 1 } } });
      try {
        const c = now.openConnection('web', '10.0.0.1');
        expect((await now.dispatch(c, 'auth.login', { username: 'clerk1', password: 'sai-mat-khau' })).ok).toBe(false);
        expect(hashOf(now, 'clerk1')).toMatch(/^scrypt\$1024\$/);
        expect((await now.dispatch(c, 'auth.login', { username: 'clerk1', password: 'dung-mat-khau' })).ok).toBe(true);
        expect(hashOf(now, 'clerk1')).toMatch(/^scrypt\$4096\$8\$1\$/);
        expect((await now.dispatch(now.openConnection('web', '10.0.0.1'), 'auth.login', { username: 'clerk1', password: 'dung-mat-khau' })).ok).toBe(true);
      } finally {
        await now.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
