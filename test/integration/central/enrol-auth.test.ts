import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolToken } from '../../../central/store/devices';
import { pgAvailable } from '../../helpers/postgres';
import { startTestCentral, type TestCentral } from './central-fixture';

describe.skipIf(!pgAvailable)('central server: enrolment and device auth', () => {
  let c: TestCentral;
  beforeAll(async () => {
    // Short slow-client limits (every other call here is quick): a stalled request is cut off within the test.
    c = await startTestCentral({ headersTimeoutMs: 2_000, requestTimeoutMs: 3_000, idleTimeoutMs: 4_000 });
  });
  afterAll(async () => c?.close());

  const enrolWith = (token: string) => c.call('POST', '/v1/enrol', { body: { token, deviceName: 'pc-1', appVersion: '0.1.0' } });

  it('answers health without auth', async () => {
    const r = await c.call('GET', '/v1/health');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, apiVersion: 'v1' });
    expect(r.json.serverId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('enrols once per token, keeps only the hash, and refuses a used, expired or unknown token', async () => {
    const token = await createEnrolToken(c.db, 'Q03');
    const first = await enrolWith(token);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ counterId: 'Q03' });
    const deviceToken = first.json.deviceToken as string;
    const stored = await c.db.query('SELECT token_hash FROM devices');
    expect(JSON.stringify(stored.rows)).not.toContain(deviceToken);
    expect(JSON.stringify((await c.db.query('SELECT * FROM enrol_tokens')).rows)).not.toContain(token);

    const again = await enrolWith(token);
    expect(again.status).toBe(401);
    expect(again.json.code).toBe('ENROL_TOKEN_USED');
    expect(again.json.message).toMatch(/một lần/);

    const old = await createEnrolToken(c.db, 'Q04');
    await c.db.query("UPDATE enrol_tokens SET expires_at = now() - interval '1 second' WHERE counter_id = 'Q04'");
    expect((await enrolWith(old)).json.code).toBe('ENROL_TOKEN_EXPIRED');
    expect((await enrolWith('not-a-token-at-all')).json.code).toBe('ENROL_TOKEN_INVALID');
    expect((await enrolWith('short')).status).toBe(400);

    // Tokens last 7 days by default; counter ids are checked like the counter's own (letters and digits, a letter first).
    const week = await c.db.query("SELECT expires_at - created_at = interval '168 hours' AS week FROM enrol_tokens WHERE counter_id = 'Q03'");
    expect(week.rows).toEqual([{ week: true }]);
    for (const bad of ['3Q', 'Q-03', '', 'Q 3']) await expect(createEnrolToken(c.db, bad)).rejects.toMatchObject({ code: 'CENTRAL_COUNTER_ID_INVALID' });
  });

  it('refuses calls without a token, with an unknown one, and from a device replaced by a new enrolment', async () => {
    const noAuth = await c.call('GET', '/v1/audit-head');
    expect([noAuth.status, noAuth.json.code]).toEqual([401, 'AUTH_REQUIRED']);
    const bad = await c.call('GET', '/v1/audit-head', { token: 'nope' });
    expect([bad.status, bad.json.code]).toEqual([401, 'AUTH_INVALID']);

    const firstDevice = await c.enrolCounter('Q07');
    expect((await c.call('GET', '/v1/changes', { token: firstDevice })).status).toBe(200);
    const secondDevice = await c.enrolCounter('Q07');
    const revoked = await c.call('GET', '/v1/changes', { token: firstDevice });
    expect([revoked.status, revoked.json.code]).toEqual([401, 'AUTH_REVOKED']);
    expect((await c.call('GET', '/v1/changes', { token: secondDevice })).status).toBe(200);
  });

  it('validates bodies and routes: 400 with the reason, 404 unknown route, 405 wrong method, 413 oversized JSON', async () => {
    const token = await c.enrolCounter('Q08');
    const bad = await c.call('POST', '/v1/sequence-blocks', { token, body: { requestId: 'r-12345678', agencyCode: 'A', day: '261207', size: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('BAD_REQUEST');
    expect(bad.json.message).toContain('size');
    const notJson = await c.call('PUT', '/v1/audit-head', { token, body: '{oops' });
    expect([notJson.status, notJson.json.code]).toEqual([400, 'BAD_REQUEST']);
    expect((await c.call('GET', '/v1/nothing')).status).toBe(404);
    const wrong = await c.call('DELETE', '/v1/health');
    expect([wrong.status, wrong.json.code]).toEqual([405, 'METHOD_NOT_ALLOWED']);
    const huge = await c.call('PUT', '/v1/audit-head', { token, body: JSON.stringify({ lastId: 1, lastHash: 'x'.repeat(3 * 1024 * 1024) }) });
    expect([huge.status, huge.json.code]).toEqual([413, 'BODY_TOO_LARGE']);
  });

  it('closes the connection of a client that stalls in the middle of a request', async () => {
    const token = await c.enrolCounter('Q09');
    const { port } = new URL(c.url);
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (d: Buffer) => (received += d.toString()));
    // Headers promise 100 bytes of body; 3 arrive, then nothing.
    socket.write(`PUT /v1/audit-head HTTP/1.1\r\nHost: central\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"l`);
    const closed = await new Promise<boolean>((resolve) => {
      const bound = setTimeout(() => resolve(false), 30_000);
      socket.once('close', () => {
        clearTimeout(bound);
        resolve(true);
      });
    });
    socket.destroy();
    expect(closed).toBe(true);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });
});
