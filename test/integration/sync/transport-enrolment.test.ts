/**
 * Enrolment and central code blocks: against the real reference central server (PostgreSQL) when the run has one,
 * and against small lying peers for what the real one never does (a lost reply).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInputError } from '../../../core/contract/errors';
import { systemClock } from '../../../core/platform/clock';
import { createCentralClient } from '../../../core/services/sync/central-client';
import { CentralLink } from '../../../core/services/sync/central-link';
import { blockRequestKey, EnrolledSequenceAuthority } from '../../../core/services/sync/central-sequence-authority';
import { enrolCounter, validateCentralUrl } from '../../../core/services/sync/enrolment';
import { startCentralServer, type CentralServer } from '../../../central/server/index';
import { createPool } from '../../../central/store/db';
import { createEnrolToken } from '../../../central/store/devices';
import { startCore, type TestCore } from '../../helpers/core';
import { createTestDatabase, dropTestDatabase, pgAvailable } from '../../helpers/postgres';
import { tempDir } from '../../helpers/temp';

const DAY = '2026-12-07';

function enrolWith(tc: TestCore, link: CentralLink, central: string, token: string) {
  return enrolCounter({ link, central, token, counter: tc.core.services.counter, db: tc.core.db, logger: tc.core.logger, clock: systemClock, timeoutMs: 3_000 });
}
function stateValue(tc: TestCore, key: string): string | undefined {
  return tc.core.db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?').get(key)?.value;
}

describe.skipIf(!pgAvailable)('against the reference central server', () => {
  let central: CentralServer;
  let dbUrl: string;
  let pool: ReturnType<typeof createPool>;
  let tc: TestCore;
  const blobs = tempDir('motcua-central-blobs-');

  beforeAll(async () => {
    dbUrl = await createTestDatabase('transport');
    central = await startCentralServer({ databaseUrl: dbUrl, blobDir: blobs.dir, port: 0 });
    pool = createPool(dbUrl, 2);
    tc = await startCore();
  });
  afterAll(async () => {
    await tc?.close();
    await pool?.end();
    await central?.close();
    if (dbUrl) await dropTestDatabase(dbUrl);
    blobs.cleanup();
  });

  it('enrols: credentials saved, the counter takes the central id (audited), unused local blocks dropped; codes then come from central blocks', async () => {
    const db = tc.core.db;
    const put = db.prepare("INSERT INTO code_blocks (agency_code, day, start, next, end, source, reserved_at) VALUES ('H01', ?, ?, ?, ?, ?, '2026-12-07T00:00:00Z')");
    put.run(DAY, 1, 3, 21, 'local');
    put.run(DAY, 500, 500, 520, 'central');
    const link = new CentralLink({ dataRoot: tc.dir, logger: tc.core.logger });
    const token = await createEnrolToken(pool, 'Q07');

    const creds = await enrolWith(tc, link, `${central.url}/`, token);
    expect(creds).toMatchObject({ central: central.url, counterId: 'Q07' });
    expect(link.credentials()).toEqual(creds);
    expect(tc.core.services.counter.id()).toBe('Q07');
    expect(db.prepare("SELECT updated_by AS by FROM settings WHERE key = 'counter.id'").get()).toEqual({ by: 'system:sync-enrolment' });
    expect(db.prepare('SELECT start, source FROM code_blocks ORDER BY start').all()).toEqual([{ start: 500, source: 'central' }]);

    // The core's own allocator (same data folder) now reserves from the central and records the source.
    db.prepare('DELETE FROM code_blocks').run();
    await tc.core.services.allocator.prepare('H02', DAY, new Date());
    const blocks = db.prepare<[], { start: number; end: number; source: string }>("SELECT start, end, source FROM code_blocks WHERE agency_code = 'H02'").all();
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.source).toBe('central');
    expect(stateValue(tc, blockRequestKey('H02', DAY, blocks[0]!.end - blocks[0]!.start))).toBeUndefined();

    // A second counter enrolled on the same central gets a block that does not overlap.
    const other = new EnrolledSequenceAuthority({ db, link });
    const next = await other.reserveBlock('H02', DAY, 10);
    expect(next.start).toBeGreaterThanOrEqual(blocks[0]!.end);
    expect(other.kind).toBe('central');
  });

  it('the client speaks the real central: resumable upload (409 from a wrong offset), blob status, unknown dossier and audit head', async () => {
    const link = new CentralLink({ dataRoot: tc.dir, logger: tc.core.logger });
    const creds = link.credentials()!;
    const c = createCentralClient({ baseUrl: creds.central, deviceToken: creds.deviceToken, chunkBytes: 64 * 1024, timeoutMs: 5_000 });
    try {
      const bytes = Buffer.alloc(200 * 1024, 7);
      bytes.write('MotCua', 1000);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const file = path.join(blobs.dir, 'upload.bin');
      writeFileSync(file, bytes);
      expect(await c.blobStatus(sha)).toEqual({ ok: true, value: null });
      const first = await c.uploadBlob({ path: file, sha256: sha, length: bytes.length }, 0, (o) => {
        if (o === 64 * 1024) throw new Error('stop after the first chunk');
      }).catch(() => null);
      expect(first).toBeNull();
      expect(await c.blobStatus(sha)).toMatchObject({ ok: true, value: { offset: 64 * 1024, complete: false } });
      // From a stale offset (0): the server says 409 with its offset, the client goes on from there.
      expect(await c.uploadBlob({ path: file, sha256: sha, length: bytes.length }, 0)).toMatchObject({ ok: true, value: { complete: true, offset: bytes.length } });
      expect(await c.lookupDossier('00000000-0000-4000-8000-000000000000')).toEqual({ ok: true, value: null });
      expect(await c.getAuditHead()).toEqual({ ok: true, value: null });
      expect(await createCentralClient({ baseUrl: creds.central, deviceToken: 'wrong-token-xyz' }).getAuditHead()).toMatchObject({ ok: false, kind: 'rejected', status: 401 });
    } finally {
      c.close();
    }
  });

  it('a used, wrong or spent token is an input error with its own code; nothing is saved', async () => {
    const t2 = await startCore();
    try {
      const link = new CentralLink({ dataRoot: t2.dir, logger: t2.core.logger });
      const token = await createEnrolToken(pool, 'Q08');
      await enrolWith(t2, link, central.url, token);
      const link3 = new CentralLink({ dataRoot: t2.dir + '-none', logger: t2.core.logger });
      const used = enrolWith(t2, link3, central.url, token);
      await expect(used).rejects.toMatchObject({ code: 'SYNC_ENROL_TOKEN_USED' });
      await expect(enrolWith(t2, link3, central.url, 'not-a-real-token-000')).rejects.toMatchObject({ code: 'SYNC_ENROL_TOKEN_INVALID' });
      expect(link3.credentials()).toBeNull();
      for (const code of ['SYNC_ENROL_TOKEN_USED', 'SYNC_ENROL_TOKEN_INVALID', 'SYNC_ENROL_TOKEN_EXPIRED', 'SYNC_CENTRAL_BAD_URL']) expect(isInputError(code)).toBe(true);
    } finally {
      await t2.close();
    }
  });
});

describe('against lying peers', () => {
  let tc: TestCore;
  let server: http.Server;
  let url: string;
  let handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

  beforeAll(async () => {
    tc = await startCore();
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => handler(req, res, body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await tc.close();
  });

  it('validates the central URL before any call', () => {
    const reason = (u: string) => {
      try {
        validateCentralUrl(u);
        return null;
      } catch (e) {
        return [(e as { code: string }).code, (e as { params: { reason: string } }).params.reason];
      }
    };
    expect(reason('ftp://central.example/x')).toEqual(['SYNC_CENTRAL_BAD_URL', 'scheme']);
    expect(reason('http://admin:secret@central.example')).toEqual(['SYNC_CENTRAL_BAD_URL', 'credentials']);
    expect(reason('central.example')).toEqual(['SYNC_CENTRAL_BAD_URL', 'malformed']);
    expect(reason('https://central.example/api?x=1')).toEqual(['SYNC_CENTRAL_BAD_URL', 'extra']);
    expect(validateCentralUrl(' https://central.example/api/ ')).toBe('https://central.example/api');
  });

  it('an unreachable central is SYNC_CENTRAL_UNREACHABLE (not an input error); nothing saved, the counter id unchanged', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const link = new CentralLink({ dataRoot: tc.dir, logger: tc.core.logger });
    const before = tc.core.services.counter.id();
    await expect(enrolWith(tc, link, `http://127.0.0.1:${port}`, 'token-0123456789')).rejects.toMatchObject({ code: 'SYNC_CENTRAL_UNREACHABLE' });
    expect(isInputError('SYNC_CENTRAL_UNREACHABLE')).toBe(false);
    expect(link.credentials()).toBeNull();
    expect(tc.core.services.counter.id()).toBe(before);
  });

  it('a counter id the central should never assign is refused before anything is saved', async () => {
    handler = (_q, res) => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ counterId: '7-bad', deviceId: 'd', deviceToken: 't', serverId: 's' }));
    const link = new CentralLink({ dataRoot: tc.dir, logger: tc.core.logger });
    await expect(enrolWith(tc, link, url, 'token-0123456789')).rejects.toMatchObject({ code: 'SYNC_ENROL_BAD_COUNTER_ID' });
    expect(link.credentials()).toBeNull();
  });

  it('code blocks: a lost reply keeps the request id, so the retry gets the same block; answered, the id is cleared', async () => {
    const ids: string[] = [];
    let lose = true;
    handler = (req, res, body) => {
      if (req.url === '/v1/enrol') return res.writeHead(201).end(JSON.stringify({ counterId: 'Q11', deviceId: 'd', deviceToken: 'tok', serverId: 's' }));
      expect(req.headers.authorization).toBe('Bearer tok');
      const { requestId } = JSON.parse(body) as { requestId: string };
      ids.push(requestId);
      if (lose) {
        lose = false;
        req.socket.destroy(); // the central made the block; its reply is lost
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ start: 41, end: 61 }));
    };
    const link = new CentralLink({ dataRoot: tc.dir, logger: tc.core.logger });
    const authority = new EnrolledSequenceAuthority({ db: tc.core.db, link });
    expect(authority.kind).toBe('local');
    await enrolWith(tc, link, url, 'token-0123456789');
    expect(authority.kind).toBe('central');

    await expect(authority.reserveBlock('H05', DAY, 20)).rejects.toMatchObject({ code: 'SEQUENCE_AUTHORITY_UNREACHABLE' });
    const key = blockRequestKey('H05', DAY, 20);
    expect(stateValue(tc, key)).toBe(ids[0]);
    // Another instance (a restarted process) sends the same id.
    const restarted = new EnrolledSequenceAuthority({ db: tc.core.db, link });
    expect(await restarted.reserveBlock('H05', DAY, 20)).toEqual({ start: 41, end: 61 });
    expect(ids).toEqual([ids[0], ids[0]]);
    expect(stateValue(tc, key)).toBeUndefined();
    await restarted.reserveBlock('H05', DAY, 20);
    expect(ids[2]).not.toBe(ids[0]);

    // A 4xx is the server's code, and the request id is not kept.
    handler = (_q, res) => res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'AUTH_REVOKED', message: 'thu hồi' }));
    await expect(restarted.reserveBlock('H06', DAY, 20)).rejects.toMatchObject({ code: 'AUTH_REVOKED' });
    expect(stateValue(tc, blockRequestKey('H06', DAY, 20))).toBeUndefined();
    // 5xx: unreachable, kept for the retry.
    handler = (_q, res) => res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'BUSY', message: 'bận' }));
    await expect(restarted.reserveBlock('H07', DAY, 20)).rejects.toMatchObject({ code: 'SEQUENCE_AUTHORITY_UNREACHABLE' });
    expect(stateValue(tc, blockRequestKey('H07', DAY, 20))).toBeDefined();
  });
});
