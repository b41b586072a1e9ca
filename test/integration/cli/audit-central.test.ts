import { createServer } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../../central/server/index';
import { createEnrolToken } from '../../../central/store/devices';
import { compareWithCentral } from '../../../core/services/sync/audit-anchor-check';
import { motcua } from '../../helpers/cli';
import { call, startCore, withAdmin } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, TRAN_VAN_DUC, personInput } from '../../helpers/people';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';
import { tempDir } from '../../helpers/temp';

const WARD = '000.27.10.H12';
const MARITAL = '1.004873';

/** A loopback port with nothing listening (bound, then closed). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe.skipIf(!pgAvailable)('motcua audit verify --central', () => {
  let databaseUrl: string;
  let server: CentralServer;
  let pool: pg.Pool;
  const blobs = tempDir('motcua-central-blobs-');
  beforeAll(async () => {
    databaseUrl = await createTestDatabase('audit');
    server = await startCentralServer({ databaseUrl, blobDir: blobs.dir, port: 0, host: '127.0.0.1' });
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  });
  afterAll(async () => {
    await server?.close();
    await pool?.end();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    blobs.cleanup();
  });

  it('matches the head the central keeps; a log cut at its tail exits 1 with AUDIT_CENTRAL_TRUNCATED; not enrolled and unreachable say why', async () => {
    const data = tempDir();
    const t = await startCore({ dataDir: data.dir, sync: { run: false } });
    try {
      const admin = await withAdmin(t.core);
      // Not enrolled yet: the check cannot be made.
      const before = await t.core.dispatch(admin, 'audit.verify', { central: true });
      expect(before).toMatchObject({ ok: false, error: { code: 'SYNC_NOT_ENROLLED' } });

      await call(t.core, admin, 'sync.enrol', { central: server.url, token: await createEnrolToken(pool, 'Q07') });
      // Nothing anchored yet: the central has no head, the local chain alone decides.
      const none = await call(t.core, admin, 'audit.verify', { central: true });
      expect(none).toMatchObject({ ok: true, central: { lastId: null, code: null } });
      expect(none.central!.message).toMatch(/chưa nhận mốc/);

      await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(NGUYEN_THI_HUYNH) });
      await call(t.core, admin, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC) });
      await t.core.services.sync.runOnce();
      const head = t.core.db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
      const good = await call(t.core, admin, 'audit.verify', { central: true });
      expect(good.ok).toBe(true);
      expect(good.central).toMatchObject({ code: null, lastHash: expect.any(String) });
      expect(good.central!.lastId).toBeGreaterThan(1);
      expect(good.central!.lastId).toBeLessThanOrEqual(head.id);
      // Without --central nothing goes to the network and there is no finding.
      expect((await call(t.core, admin, 'audit.verify', {})).central).toBeNull();
    } finally {
      await t.core.close();
    }

    // Another URL with nothing listening (motcua sync --central's override): the check fails with its code.
    const off = await startCore({ dataDir: data.dir, sync: { run: false }, centralUrl: `http://127.0.0.1:${await closedPort()}` });
    try {
      const conn = off.core.openConnection('cli', 'test', { name: 'cli', role: 'admin' });
      const r = await off.core.dispatch(conn, 'audit.verify', { central: true });
      expect(r).toMatchObject({ ok: false, error: { code: 'SYNC_CENTRAL_UNREACHABLE' } });
    } finally {
      await off.core.close();
    }

    // The tail is cut (the last rows deleted, as someone hiding what they did would).
    const db = new Database(path.join(data.dir, 'motcua.sqlite'));
    const central = (await pool.query<{ last_id: string }>('SELECT last_id FROM audit_heads')).rows[0];
    const lastId = Number(central?.last_id ?? 0);
    expect(lastId).toBeGreaterThan(1);
    db.prepare('DELETE FROM audit_log WHERE id >= ?').run(lastId);
    db.close();

    const cut = await motcua(data.dir, ['audit', 'verify', '--central', '--json']);
    expect(cut.code).toBe(1);
    const report = JSON.parse(cut.stdout) as { ok: boolean; central: { code: string; message: string; lastId: number } };
    expect(report.ok).toBe(false);
    expect(report.central).toMatchObject({ code: 'AUDIT_CENTRAL_TRUNCATED', lastId });
    expect(report.central.message).toMatch(/bị cắt/);

    // The counter works on (its head is now past the kept one) and syncs: the cut is not papered over by a longer head.
    const after = await startCore({ dataDir: data.dir, sync: { run: false } });
    try {
      const conn = after.core.openConnection('cli', 'test', { name: 'cli', role: 'admin' });
      await call(after.core, conn, 'dossiers.receive', { agencyCode: WARD, procedureCode: MARITAL, applicant: personInput(TRAN_VAN_DUC) });
      await after.core.services.sync.runOnce();
      const kept = (await pool.query<{ last_id: string }>('SELECT last_id FROM audit_heads')).rows[0];
      expect(Number(kept?.last_id)).toBe(lastId);
      const st = await call(after.core, conn, 'sync.status', {});
      expect(st.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'AUDIT_CENTRAL_TRUNCATED', itemId: null })]));
    } finally {
      await after.close();
    }
    data.cleanup();
  });
});

describe('the central head against the local log', () => {
  it('a head whose row is there with another hash is a mismatch (cut and written again); one past the end is a cut', async () => {
    const t = await startCore();
    try {
      await withAdmin(t.core);
      const last = t.core.db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
      const at = '2026-12-07T00:00:00Z';
      expect(compareWithCentral(t.core.db, { lastId: last.id, lastHash: last.hash, at }).code).toBeNull();
      const other = compareWithCentral(t.core.db, { lastId: last.id, lastHash: 'f'.repeat(64), at });
      expect(other).toMatchObject({ code: 'AUDIT_CENTRAL_MISMATCH', lastId: last.id });
      expect(other.message).toMatch(/khác với bản hệ thống trung tâm/);
      expect(compareWithCentral(t.core.db, { lastId: last.id + 5, lastHash: 'f'.repeat(64), at })).toMatchObject({ code: 'AUDIT_CENTRAL_TRUNCATED' });
    } finally {
      await t.close();
    }
  });
});
