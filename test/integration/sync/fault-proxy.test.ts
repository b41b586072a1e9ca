/**
 * The fault proxy itself (test/helpers/fault-proxy.ts), against a tiny upstream that records what reached it: each
 * fault does what the sync acceptance tests rely on, and the link counts what crossed it.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy';

interface Seen {
  method: string;
  path: string;
  bytes: number;
  sha256: string;
  complete: boolean;
}

let upstream: http.Server;
let seen: Seen[] = [];
let proxy: FaultProxy;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const hash = createHash('sha256');
    let bytes = 0;
    const rec: Seen = { method: req.method!, path: req.url!, bytes: 0, sha256: '', complete: false };
    seen.push(rec);
    req.on('data', (c: Buffer) => {
      bytes += c.length;
      hash.update(c);
      rec.bytes = bytes;
    });
    req.on('end', () => {
      rec.complete = true;
      rec.sha256 = hash.digest('hex');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ n: seen.length, bytes }));
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  proxy = await startFaultProxy(`http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`);
});

afterAll(async () => {
  await proxy.close();
  upstream.closeAllConnections();
  await new Promise<void>((r) => upstream.close(() => r()));
});

type Result = { status: number; body: string } | { error: string };

function call(method: string, path: string, body?: Buffer): Promise<Result> {
  return new Promise((resolve) => {
    const req = http.request(`${proxy.url}${path}`, { method, agent: false, headers: body ? { 'content-length': body.length } : {} }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(parts).toString() }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.end(body);
  });
}

/** Waits (bounded, by polling the upstream's record) until the upstream has seen `n` requests. */
async function upstreamSaw(n: number): Promise<void> {
  for (let i = 0; i < 200 && (seen.length < n || seen.some((s) => !s.complete && s.bytes === 0)); i++) await new Promise((r) => setImmediate(r));
}

describe('fault proxy', () => {
  it('forwards bytes unchanged and counts the wire both ways, headers included', async () => {
    seen = [];
    proxy.resetWire();
    const body = randomBytes(300_000);
    const r = await call('PATCH', '/v1/blobs/x', body);
    expect(r).toMatchObject({ status: 200 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') });
    expect(proxy.wire().up).toBeGreaterThan(body.length);
    expect(proxy.wire().up).toBeLessThan(body.length + 1000);
    expect(proxy.wire().down).toBeGreaterThan(0);
  });

  it('cuts a request after N body bytes: the server gets exactly those, the counter an error', async () => {
    seen = [];
    proxy.plan({ match: 'PATCH /v1/blobs/', action: { kind: 'cutRequest', bytes: 70_000 } });
    const r = await call('PATCH', '/v1/blobs/y', randomBytes(200_000));
    expect(r).toHaveProperty('error');
    for (let i = 0; i < 500 && (seen[0]?.bytes ?? 0) < 70_000; i++) await new Promise((res) => setTimeout(res, 2));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ bytes: 70_000, complete: false });
    expect(proxy.log.at(-1)).toMatchObject({ action: 'cutRequest', requestBodyBytes: 70_000 });
  });

  it('answers without forwarding: a 500, or a lie', async () => {
    seen = [];
    proxy.plan({ match: /^PUT /, action: { kind: 'reply' } }, { match: /^PUT /, action: { kind: 'reply', status: 200, body: '{"seq":' } });
    expect(await call('PUT', '/v1/dossiers/a/events/1', Buffer.from('{}'))).toMatchObject({ status: 500 });
    expect(await call('PUT', '/v1/dossiers/a/events/1', Buffer.from('{}'))).toEqual({ status: 200, body: '{"seq":' });
    expect(seen).toHaveLength(0);
    expect(proxy.pending()).toBe(0);
  });

  it('drops the reply after the server answered (it committed, the counter never hears)', async () => {
    seen = [];
    proxy.plan({ action: { kind: 'dropReply' } });
    const r = await call('PUT', '/v1/dossiers/a/events/2', Buffer.from('{"a":1}'));
    expect(r).toHaveProperty('error');
    expect(seen).toMatchObject([{ path: '/v1/dossiers/a/events/2', complete: true }]);
    expect(proxy.log.at(-1)).toMatchObject({ action: 'dropReply', upstreamStatus: 200 });
  });

  it('forwards a request twice, one after the other or at once; the counter gets one reply', async () => {
    seen = [];
    proxy.plan({ action: { kind: 'duplicate' } }, { action: { kind: 'duplicate', concurrent: true } });
    expect(await call('PUT', '/v1/dossiers/b/events/1', Buffer.from('{"b":1}'))).toMatchObject({ status: 200 });
    expect(await call('PUT', '/v1/dossiers/b/events/2', Buffer.from('{"b":2}'))).toMatchObject({ status: 200 });
    expect(seen.map((s) => s.path)).toEqual(['/v1/dossiers/b/events/1', '/v1/dossiers/b/events/1', '/v1/dossiers/b/events/2', '/v1/dossiers/b/events/2']);
    expect(proxy.log.at(-1)).toMatchObject({ upstreamStatus: 200, laterStatuses: [200] });
  });

  it('holds a request and sends it after later ones (a late duplicate)', async () => {
    seen = [];
    proxy.plan({ match: 'PUT /v1/dossiers/c/events/1', action: { kind: 'hold' } });
    expect(await call('PUT', '/v1/dossiers/c/events/1', Buffer.from('{"c":1}'))).toHaveProperty('error');
    expect(proxy.heldCount()).toBe(1);
    expect(await call('PUT', '/v1/dossiers/c/events/1', Buffer.from('{"c":1}'))).toMatchObject({ status: 200 });
    expect(await call('PUT', '/v1/dossiers/c/events/2', Buffer.from('{"c":2}'))).toMatchObject({ status: 200 });
    expect(await proxy.releaseHeld()).toEqual([200]);
    expect(seen.map((s) => s.path)).toEqual(['/v1/dossiers/c/events/1', '/v1/dossiers/c/events/2', '/v1/dossiers/c/events/1']);
  });

  it('tells when a whole request has been handed to the server, before its reply', async () => {
    seen = [];
    let atForward: { seen: number; body: number } | null = null;
    proxy.plan({ action: { kind: 'forward', onForwarded: () => (atForward = { seen: seen.length, body: seen[0]?.bytes ?? 0 }) } });
    const r = await call('PUT', '/v1/dossiers/d/events/1', Buffer.from('{"d":1}'));
    expect(r).toMatchObject({ status: 200 });
    expect(atForward).not.toBe(null);
    expect(proxy.log.at(-1)).toMatchObject({ action: 'forward', upstreamStatus: 200 });
  });

  it('makes outages: connections reset, then refused; the link comes back on the same port', async () => {
    seen = [];
    await proxy.outage(true);
    expect(await call('GET', '/v1/health')).toHaveProperty('error');
    await proxy.outage(true, 'refuse');
    expect(await call('GET', '/v1/health')).toEqual({ error: 'ECONNREFUSED' });
    await proxy.outage(false);
    expect(await call('GET', '/v1/health')).toMatchObject({ status: 200 });
    expect(seen).toHaveLength(1);
  });

  it('a rate-limited link carries the bytes unchanged', async () => {
    seen = [];
    proxy.setRate(4 * 1024 * 1024);
    const body = randomBytes(200_000);
    expect(await call('PATCH', '/v1/blobs/z', body)).toMatchObject({ status: 200 });
    proxy.setRate(null);
    await upstreamSaw(1);
    expect(seen[0]).toMatchObject({ bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') });
  });
});
