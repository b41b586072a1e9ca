/**
 * Issue #13 item 9: the audit chain is keyed (HMAC, key outside the database), so whoever can write motcua.sqlite
 * but lacks the key cannot edit, renumber, wipe or cut the log, and `audit verify` also checks every dossier's
 * state and code against its audited history.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/app';
import { ManualClock } from '../../../core/platform/clock';
import { openDatabase } from '../../../core/store/database';
import { AuditLog, hashAuditRow, type AuditRow } from '../../../core/services/audit/audit-log';
import { inTransaction } from '../../../core/store/database';
import { call, withAdmin } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, personInput } from '../../helpers/people';
import { tempDir } from '../../helpers/temp';
import { motcua } from '../../helpers/cli';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A data folder and its own key folder (outside it), both temporary. */
function folders(): { dataDir: string; keyDir: string } {
  const data = tempDir();
  const keys = tempDir('motcua-keys-');
  cleanups.push(data.cleanup, keys.cleanup);
  return { dataDir: data.dir, keyDir: path.join(keys.dir, 'keys') };
}

async function open(f: { dataDir: string; keyDir: string }, clock?: ManualClock): Promise<Core> {
  const core = await createCore({ dataDir: f.dataDir, logLevel: 'warn', auditKey: { dir: f.keyDir }, seedSampleCatalogue: true, ...(clock ? { clock } : {}) });
  cleanups.push(() => (core.db.open ? core.close() : undefined));
  return core;
}

async function withWrites(f: { dataDir: string; keyDir: string }, n = 6): Promise<Core> {
  const core = await open(f);
  const admin = await withAdmin(core);
  for (let i = 0; i < n; i++) await call(core, admin, 'settings.set', { key: 'forms.place', value: `Hà Nội ${i}` });
  await new Promise((r) => setImmediate(r)); // the head record follows the commit
  return core;
}

const rows = (core: Core) => core.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];

/** What an attacker without the key can do: recompute every hash from `from` on, the unkeyed way. */
function rehashFrom(core: Core, from: number): void {
  let prev = rows(core).find((r) => r.id === from - 1)?.hash ?? '0'.repeat(64);
  for (const r of rows(core).filter((x) => x.id >= from)) {
    const { hash: _h, ...rest } = r;
    const next = { ...rest, prev_hash: prev };
    const hash = hashAuditRow(next);
    core.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
    prev = hash;
  }
}

async function startError(f: { dataDir: string; keyDir: string }): Promise<string> {
  try {
    await open(f);
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'started';
}

describe('keyed audit chain', () => {
  it('keys a new database, with the key outside the data folder and owner-only', async () => {
    const f = folders();
    const core = await withWrites(f);
    const v = core.services.audit.verify();
    expect(v).toMatchObject({ ok: true, keyed: true });
    const files = readdirSync(f.keyDir);
    expect(files.some((n) => n.endsWith('.key'))).toBe(true);
    expect(files.some((n) => n.endsWith('.head'))).toBe(true);
    expect(readdirSync(f.dataDir).some((n) => n.endsWith('.key'))).toBe(false);
    expect(rows(core).find((r) => r.action === 'audit.keyed')).toBeTruthy();
  });

  it('detects an edited row whose hash and every later hash were recomputed without the key', async () => {
    const core = await withWrites(folders());
    core.db.prepare("UPDATE audit_log SET data = '{\"value\":\"forged\"}' WHERE id = 5").run();
    rehashFrom(core, 5);
    expect(core.services.audit.verify()).toMatchObject({ ok: false, firstBadId: 5, reason: 'hash_mismatch' });
  });

  it('detects a row deleted and the rest renumbered and re-chained', async () => {
    const core = await withWrites(folders());
    const last = rows(core).length;
    core.db.prepare('DELETE FROM audit_log WHERE id = 4').run();
    for (let id = 5; id <= last; id++) core.db.prepare('UPDATE audit_log SET id = ? WHERE id = ?').run(id - 1, id);
    core.db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'").run(last - 1);
    rehashFrom(core, 4);
    expect(core.services.audit.verify()).toMatchObject({ ok: false, firstBadId: 4 });
  });

  it('detects a wiped log', async () => {
    const core = await withWrites(folders());
    core.db.prepare('DELETE FROM audit_log').run();
    core.db.prepare("DELETE FROM sqlite_sequence WHERE name = 'audit_log'").run();
    expect(core.services.audit.verify()).toMatchObject({ ok: false, reason: 'wiped' });
  });

  it('detects rows cut off the end even when sqlite_sequence is lowered to match (head record beside the key)', async () => {
    const core = await withWrites(folders());
    const last = rows(core).length;
    core.db.prepare('DELETE FROM audit_log WHERE id > ?').run(last - 2);
    core.db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'").run(last - 2);
    expect(core.services.audit.verify()).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it('reports a dossier whose state or code was edited in SQL, naming the field, expected and actual', async () => {
    const clock = new ManualClock(new Date('2026-11-24T02:30:00Z'));
    const core = await open(folders(), clock);
    const admin = await withAdmin(core);
    const d = await call(core, admin, 'dossiers.receive', { agencyCode: '000.27.10.H12', procedureCode: '1.004873', applicant: personInput(NGUYEN_THI_HUYNH) });
    expect((await call(core, admin, 'audit.verify', {})).ok).toBe(true);
    core.db.prepare("UPDATE dossiers SET state = 'result_returned', code = 'GIA-MAO-1' WHERE id = ?").run(d.id);
    const v = await call(core, admin, 'audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.reason).toBeNull(); // the chain itself is intact
    expect(v.mismatches).toEqual(
      expect.arrayContaining([
        { dossierId: d.id, code: 'GIA-MAO-1', field: 'state', expected: 'received', actual: 'result_returned' },
        { dossierId: d.id, code: 'GIA-MAO-1', field: 'code', expected: d.code, actual: 'GIA-MAO-1' },
      ]),
    );
  });

  it('follows a dossier through its transitions and return, and reports a dossier row deleted behind the log', async () => {
    const clock = new ManualClock(new Date('2026-11-24T02:30:00Z'));
    const core = await open(folders(), clock);
    const admin = await withAdmin(core);
    const d = await call(core, admin, 'dossiers.receive', { agencyCode: '000.27.10.H12', procedureCode: '1.004873', applicant: personInput(NGUYEN_THI_HUYNH) });
    await call(core, admin, 'dossiers.transition', { id: d.id, to: 'sent_to_agency' });
    await call(core, admin, 'dossiers.transition', { id: d.id, to: 'result_ready' });
    await call(core, admin, 'dossiers.returnResult', { id: d.id, receiverName: 'Huỳnh Thị Ngọc Ánh' });
    expect(await call(core, admin, 'audit.verify', {})).toMatchObject({ ok: true, mismatchCount: 0 });
    core.db.pragma('foreign_keys = OFF');
    core.db.prepare('DELETE FROM dossiers WHERE id = ?').run(d.id);
    const v = await call(core, admin, 'audit.verify', {});
    expect(v.mismatches).toEqual([{ dossierId: d.id, code: d.code, field: 'dossier', expected: 'result_returned', actual: null }]);
  });

  it('refuses to start when the key is missing, and never makes a new one', async () => {
    const f = folders();
    const core = await withWrites(f);
    await core.close();
    renameSync(f.keyDir, f.keyDir + '-elsewhere');
    expect(await startError(f)).toBe('AUDIT_KEY_MISSING');
    expect(existsSync(f.keyDir) ? readdirSync(f.keyDir).filter((n) => n.endsWith('.key')) : []).toEqual([]);
  });

  it('refuses a swapped key file', async () => {
    const f = folders();
    const core = await withWrites(f);
    await core.close();
    const keyFile = readdirSync(f.keyDir).find((n) => n.endsWith('.key'))!;
    const record = JSON.parse((await import('node:fs')).readFileSync(path.join(f.keyDir, keyFile), 'utf8')) as { key: string };
    record.key = Buffer.alloc(32, 7).toString('base64');
    writeFileSync(path.join(f.keyDir, keyFile), JSON.stringify(record), { mode: 0o600 });
    expect(await startError(f)).toBe('AUDIT_KEY_WRONG');
  });

  it('refuses a data folder whose database no longer names its key (the key id was removed to re-key)', async () => {
    const f = folders();
    const core = await withWrites(f);
    core.db.prepare("DELETE FROM settings WHERE key = 'audit.keyId'").run();
    await core.close();
    expect(await startError(f)).toBe('AUDIT_KEY_ORPHANED');
  });

  it.skipIf(process.platform === 'win32')('refuses a key file or folder others can read', async () => {
    const f = folders();
    const core = await withWrites(f);
    await core.close();
    const keyFile = path.join(f.keyDir, readdirSync(f.keyDir).find((n) => n.endsWith('.key'))!);
    chmodSync(keyFile, 0o644);
    expect(await startError(f)).toBe('AUDIT_KEY_PERMISSIONS');
    chmodSync(keyFile, 0o600);
    chmodSync(f.keyDir, 0o755);
    expect(await startError(f)).toBe('AUDIT_KEY_PERMISSIONS');
  });

  it('refuses a key folder inside the data folder', async () => {
    const f = folders();
    const inside = { dataDir: f.dataDir, keyDir: path.join(f.dataDir, 'keys') };
    expect(await startError(inside)).toBe('AUDIT_KEY_DIR_IN_DATA');
  });

  it.skipIf(process.platform === 'win32')('refuses a key folder it cannot create, with its own code', async () => {
    const f = folders();
    const blocker = path.join(path.dirname(f.keyDir), 'a-file');
    writeFileSync(blocker, 'not a folder');
    expect(await startError({ dataDir: f.dataDir, keyDir: path.join(blocker, 'keys') })).toBe('AUDIT_KEY_DIR_UNAVAILABLE');
  });

  it('keeps finding the key when the data folder is moved', async () => {
    const f = folders();
    const core = await withWrites(f);
    await core.close();
    const moved = { dataDir: f.dataDir + '-moved', keyDir: f.keyDir };
    renameSync(f.dataDir, moved.dataDir);
    cleanups.push(() => renameSync(moved.dataDir, f.dataDir));
    const again = await open(moved);
    expect(again.services.audit.verify()).toMatchObject({ ok: true, keyed: true });
    await again.close();
  });

  it('old unkeyed data still verifies, and is sealed by the first keyed row', async () => {
    const f = folders();
    mkdirSync(f.dataDir, { recursive: true });
    // A database as the previous release wrote it: migrated, rows hashed with plain SHA-256, no key.
    const { db } = openDatabase(path.join(f.dataDir, 'motcua.sqlite'));
    const legacy = new AuditLog(db, () => new Date('2026-01-01T00:00:00Z'), null);
    for (let i = 0; i < 4; i++) {
      inTransaction(db, () => legacy.append({ kind: 'system', name: 'old-release', role: 'admin' }, { action: 'settings.set', entity: 'setting', entityId: 'forms.place', data: { value: i } }));
    }
    db.close();

    const core = await open(f);
    const admin = await withAdmin(core);
    await call(core, admin, 'settings.set', { key: 'forms.place', value: 'Hà Nội' });
    expect(core.services.audit.verify()).toMatchObject({ ok: true, keyed: true });
    const marker = rows(core).find((r) => r.action === 'audit.keyed')!;
    expect(marker.id).toBe(5);
    expect(JSON.parse(marker.data)).toEqual({ legacyUntil: 4 });

    // Re-making the legacy rows the unkeyed way breaks the link into the keyed marker.
    core.db.prepare("UPDATE audit_log SET data = '{\"value\":\"forged\"}' WHERE id = 2").run();
    const legacyRows = rows(core).filter((r) => r.id <= 4);
    let prev = legacyRows[0]!.hash;
    for (const r of legacyRows.slice(1)) {
      const { hash: _h, ...rest } = r;
      const next = { ...rest, prev_hash: prev };
      prev = hashAuditRow(next);
      core.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(next.prev_hash, prev, r.id);
    }
    expect(core.services.audit.verify()).toMatchObject({ ok: false, firstBadId: 5, reason: 'chain_broken' });
  });

  it('`motcua audit verify` names each dossier that disagrees with its history and exits 1', async () => {
    const f = folders();
    const core = await open(f, new ManualClock(new Date('2026-11-24T02:30:00Z')));
    const admin = await withAdmin(core);
    const d = await call(core, admin, 'dossiers.receive', { agencyCode: '000.27.10.H12', procedureCode: '1.004873', applicant: personInput(NGUYEN_THI_HUYNH) });
    await core.close();
    const env = { MOTCUA_KEY_DIR: f.keyDir };
    const ok = await motcua(f.dataDir, ['audit', 'verify'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/hợp lệ.*có khoá/);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(path.join(f.dataDir, 'motcua.sqlite'));
    raw.prepare("UPDATE dossiers SET state = 'withdrawn' WHERE id = ?").run(d.id);
    raw.close();
    const bad = await motcua(f.dataDir, ['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`Hồ sơ ${d.code!}`);
    expect(bad.stderr).toMatch(/trạng thái là "withdrawn" nhưng theo nhật ký phải là "received"/);
    const json = await motcua(f.dataDir, ['audit', 'verify', '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, reason: null, mismatchCount: 1, mismatches: [{ field: 'state', expected: 'received', actual: 'withdrawn' }] });
    // Without its key the CLI refuses, with the code and the Vietnamese message.
    const nokey = await motcua(f.dataDir, ['audit', 'verify'], { MOTCUA_KEY_DIR: f.keyDir + '-empty' });
    expect(nokey.code).toBe(1);
    expect(nokey.stderr).toMatch(/^Lỗi \[AUDIT_KEY_MISSING\]: Không tìm thấy khoá/m);
  }, 60_000);
});
