/** Hardening #13 items 4 and 8 in web mode: message caps before login, login deadline, connection caps, static files, headers. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../core/adapters/web/server';
import { MAX_ANONYMOUS_MESSAGE_BYTES } from '../../../core/contract/limits';
import { startCore, stubRendererDir, type TestCore } from '../../helpers/core';
import { RpcClient } from '../../helpers/ws-client';

let t: TestCore;
let server: WebServer;
let rendererDir: string;
beforeAll(async () => {
  t = await startCore();
  rendererDir = stubRendererDir(t.dir);
  mkdirSync(path.join(t.dir, 'outside'));
  writeFileSync(path.join(t.dir, 'outside', 'secret.txt'), 'secret');
  symlinkSync(path.join(t.dir, 'outside', 'secret.txt'), path.join(rendererDir, 'assets', 'leak.txt'));
  symlinkSync(path.join(t.dir, 'outside'), path.join(rendererDir, 'linked'));
  server = await startWebServer(t.core, { port: 0, rendererDir, anonymousTimeoutMs: 400, maxConnectionsPerPeer: 4, maxConnections: 6 });
});
afterAll(async () => {
  await server.close();
  await t.close();
});

/** Resolves with the close code, or 'open' if the socket is still open after `ms`. */
function closedWithin(ws: WebSocket, ms: number): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('open'), ms);
    ws.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('item 4: what an anonymous connection can spend', () => {
  it('closes a pre-login connection whose frame announces 30 MiB, before the payload is sent', async () => {
    const port = server.port;
    const sock = net.connect(port, '127.0.0.1');
    const answer = await new Promise<string>((resolve, reject) => {
      let buf = '';
      sock.once('error', reject);
      sock.on('data', (d) => {
        buf += d.toString('latin1');
        if (buf.includes('\r\n\r\n')) resolve(buf);
      });
      sock.write(
        `GET /rpc HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
    });
    expect(answer).toMatch(/^HTTP\/1\.1 101/);
    const closed = new Promise<Buffer>((resolve) => {
      const got: Buffer[] = [];
      sock.removeAllListeners('data');
      sock.on('data', (d) => got.push(d));
      sock.once('close', () => resolve(Buffer.concat(got)));
    });
    // Text frame, FIN, masked, 64-bit length 30 MiB; then only 1 KiB of it.
    const header = Buffer.alloc(14);
    header[0] = 0x81;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(30 * 1024 * 1024), 2);
    sock.write(Buffer.concat([header, Buffer.alloc(1024, 0x20)]));
    const timeout = new Promise<'still open'>((r) => setTimeout(() => r('still open'), 5000).unref());
    const got = await Promise.race([closed, timeout]);
    sock.destroy();
    expect(got).not.toBe('still open');
    // The server's close frame carries 1009 (message too big).
    expect((got as Buffer).includes(Buffer.from([0x03, 0xf1]))).toBe(true);
  });

  it('closes a pre-login connection on a message over the anonymous cap, and allows it after login', async () => {
    const big = JSON.stringify({ id: 1, method: 'auth.status', input: {}, pad: 'x'.repeat(MAX_ANONYMOUS_MESSAGE_BYTES) });
    const anon = await RpcClient.open(server.url);
    anon.sendRaw(big);
    expect(await closedWithin(anon.ws, 5000)).toBe(1009);

    const admin = await RpcClient.open(server.url);
    expect((await admin.call('auth.setupAdmin', { username: 'admin', displayName: 'Quản trị', password: 'mat-khau-123' })).ok).toBe(true);
    admin.sendRaw(big);
    const [reply] = await admin.waitUnmatched(1);
    expect(reply).toMatchObject({ id: 1, ok: true }); // answered, not dropped
    expect(admin.ws.readyState).toBe(WebSocket.OPEN);
    admin.close();
  });

  it('closes connections that do not log in in time, but not logged-in ones', async () => {
    const anon = await RpcClient.open(server.url);
    const c = await RpcClient.open(server.url);
    expect((await c.call('auth.login', { username: 'admin', password: 'mat-khau-123' })).ok).toBe(true);
    expect(await closedWithin(anon.ws, 5000)).toBe(1008);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    expect((await c.call('auth.status', {})).ok).toBe(true);
    c.close();
  });

  it('refuses connections over the per-peer cap with 503, and takes new ones when others close', async () => {
    const open: RpcClient[] = [];
    for (let i = 0; i < 4; i++) open.push(await RpcClient.open(server.url));
    await expect(RpcClient.open(server.url)).rejects.toThrow(/503/);
    open.pop()!.close();
    await new Promise((r) => setTimeout(r, 100));
    open.push(await RpcClient.open(server.url));
    for (const c of open) c.close();
  });
});

describe('item 8: static files and headers', () => {
  it('refuses symlinks that lead out of the renderer folder', async () => {
    for (const p of ['/assets/leak.txt', '/linked/secret.txt']) {
      const r = await fetch(server.url + p);
      expect(r.status, p).toBe(403);
      expect(await r.text()).not.toBe('secret');
    }
  });

  it('sends the security headers on every response', async () => {
    const check = (res: Response, what: string) => {
      expect(res.headers.get('content-security-policy'), what).toMatch(/default-src 'self'/);
      expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), what).toBe('DENY');
    };
    check(await fetch(server.url + '/healthz'), 'healthz');
    check(await fetch(server.url + '/', { method: 'POST' }), '405');
    check(await fetch(server.url + '/assets/leak.txt'), '403 symlink');
    check(await fetch(server.url + '/assets/missing.js'), '404');
    check(await fetch(server.url + '/%E0%A4%A'), '400');
    const forbidden = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const req = http.request(server.url + '/', { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.headers);
      });
      req.on('error', reject);
      req.end();
    });
    expect(forbidden['content-security-policy']).toMatch(/default-src 'self'/);
  });
});
