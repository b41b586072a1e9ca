import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashAuditRow } from '../../../core/services/audit/audit-log';
import { call, startCore, withAdmin, type TestCore } from '../../helpers/core';

let t: TestCore;
beforeEach(async () => {
  t = await startCore();
  const admin = await withAdmin(t.core);
  for (let i = 0; i < 5; i++) await call(t.core, admin, 'settings.set', { key: 'forms.place', value: `Hà Nội ${i}` });
});
afterEach(() => t.close());

const verify = () => t.core.services.audit.verify();

describe('audit hash chain', () => {
  it('verifies an untouched log', () => {
    expect(verify()).toMatchObject({ ok: true });
  });
  it('names the first edited row', () => {
    t.core.db.prepare("UPDATE audit_log SET data = '{\"value\":\"forged\"}' WHERE id = 4").run();
    expect(verify()).toMatchObject({ ok: false, firstBadId: 4, reason: 'hash_mismatch' });
  });
  it('notices a row deleted in the middle', () => {
    t.core.db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    expect(verify()).toMatchObject({ ok: false, firstBadId: 3 });
  });
  it('notices rows deleted from the end', () => {
    t.core.db.prepare('DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)').run();
    expect(verify()).toMatchObject({ ok: false, reason: 'truncated' });
  });
  it('notices a re-hashed edit: without the key the row hash cannot be re-made', () => {
    // An attacker recomputes row 2's hash the unkeyed way; the keyed chain refuses it at row 2 itself.
    const row = t.core.db.prepare('SELECT * FROM audit_log WHERE id = 2').get() as Record<string, unknown>;
    const { hash: _old, ...rest } = row;
    const forged = { ...rest, actor: 'user:someone-else#9' };
    t.core.db.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE id = 2').run(forged.actor, hashAuditRow(forged as never));
    expect(verify()).toMatchObject({ ok: false, firstBadId: 2, reason: 'hash_mismatch' });
  });
});
