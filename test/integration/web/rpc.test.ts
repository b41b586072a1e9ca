import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../core/adapters/web/server';
import { startCore, stubRendererDir, type TestCore } from '../../helpers/core';
import { RpcClient } from '../../helpers/ws-client';

let t: TestCore;
let server: WebServer;
beforeAll(async () => {
  t = await startCore();
  const rendererDir = stubRendererDir(t.dir);
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(t.dir, 'secret.txt'), 'secret');
  server = await startWebServer(t.core, { port: 0, rendererDir });
});
afterAll(async () => {
  await server.close();
  await t.close();
});

describe('web mode transport', () => {
  it('binds to 127.0.0.1 by default and serves the renderer with a CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(server.url + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const spa = await fetch(server.url + '/reception');
    expect(await spa.text()).toMatch(/MotCua/);
    const js = await fetch(server.url + '/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(server.url + '/assets/missing.js')).status).toBe(404);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const r = await fetch(server.url + p);
      expect(await r.text()).not.toBe('secret');
    }
  });

  it('answers typed errors and keeps serving other clients', async () => {
    const a = await RpcClient.open(server.url);
    const b = await RpcClient.open(server.url);
    expect(await a.call('users.list', {})).toMatchObject({ ok: false, error: { code: 'RPC_UNAUTHENTICATED' } });
    expect(await a.call('no.such', {})).toMatchObject({ ok: false, error: { code: 'RPC_UNKNOWN_METHOD' } });
    expect(await a.call('auth.login', { username: ['x'] })).toMatchObject({ ok: false, error: { code: 'RPC_INVALID_INPUT' } });
    a.sendRaw('{not json');
    a.sendRaw(JSON.stringify({ id: 7 }));
    a.sendRaw(JSON.stringify([1, 2, 3]));
    const junk = await a.waitUnmatched(2);
    expect(junk.map((r) => r.error?.code)).toEqual(['RPC_MALFORMED', 'RPC_MALFORMED']);
    // The id-7 request without a method is answered under its id.
    expect(await b.call('auth.status', {})).toMatchObject({ ok: true, value: { needsSetup: true } });
    const setup = await b.call('auth.setupAdmin', { username: 'admin', displayName: 'Quản trị', password: 'mat-khau-123' });
    expect(setup.ok).toBe(true);
    expect(await b.call('users.list', {})).toMatchObject({ ok: true });
    // The session is bound to b's connection, not a's.
    expect(await a.call('users.list', {})).toMatchObject({ ok: false, error: { code: 'RPC_UNAUTHENTICATED' } });
    // Resuming with the token on a new connection works (page reloads).
    const c = await RpcClient.open(server.url);
    const token = (setup.value as { token: string }).token;
    expect(await c.call('auth.resume', { token })).toMatchObject({ ok: true });
    expect(await c.call('users.list', {})).toMatchObject({ ok: true });
    a.close();
    b.close();
    c.close();
  });

  it('refuses WebSocket upgrades from another origin', async () => {
    await expect(RpcClient.open(server.url, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });
});
