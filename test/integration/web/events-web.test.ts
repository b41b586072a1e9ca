/**
 * The push channel over web mode's real WebSocket server: events the connection subscribed to arrive as
 * {event, data} messages beside the replies; nobody else gets them; logout and close end them; a client that falls
 * behind has events dropped and is told once with events.lost. Negative checks are ordered, not timed: the server
 * writes in order, so an event published before a call would arrive before that call's reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../core/adapters/web/server';
import type { EventData } from '../../../core/contract/events';
import { call, startCore, stubRendererDir, type TestCore } from '../../helpers/core';
import { RpcClient } from '../../helpers/ws-client';

let t: TestCore;
let server: WebServer;
/** A small bound, so the backpressure test overflows it with a few MB instead of the default 4 MiB. */
const BACKLOG = 64 * 1024;

const progress = (received: number, jobId = 'job-1'): EventData<'scans.progress'> => ({
  jobId,
  batchId: 'batch-1',
  dossierId: null,
  status: 'scanning',
  received,
  processed: 0,
  pageId: null,
  error: null,
});

async function loggedIn(username: string): Promise<RpcClient> {
  const c = await RpcClient.open(server.url);
  const r = await c.call('auth.login', { username, password: 'mat-khau-123' });
  expect(r.ok).toBe(true);
  return c;
}

/** A round trip: everything the server sent this client before now has arrived. */
async function sync(c: RpcClient): Promise<void> {
  expect((await c.call('auth.status', {})).ok).toBe(true);
}

beforeAll(async () => {
  t = await startCore();
  server = await startWebServer(t.core, { port: 0, rendererDir: stubRendererDir(t.dir), maxEventBacklog: BACKLOG });
  const admin = t.core.openConnection('web', 'test');
  await call(t.core, admin, 'auth.setupAdmin', { username: 'admin', displayName: 'Quản trị', password: 'mat-khau-123' });
  await call(t.core, admin, 'users.create', { username: 'clerk1', displayName: 'Nguyễn Văn A', role: 'clerk', password: 'mat-khau-123' });
  t.core.closeConnection(admin);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

describe('push channel in web mode', () => {
  it('delivers a subscribed event as {event, data}; a connection not subscribed gets nothing', async () => {
    const a = await loggedIn('clerk1');
    const b = await loggedIn('admin');
    expect(await a.call('events.subscribe', { names: ['scans.progress'] })).toMatchObject({ ok: true, value: { subscribed: ['scans.progress'] } });
    t.core.events.publish('scans.progress', progress(1));
    const [msg] = await a.waitUnmatched(1);
    expect(msg).toEqual({ event: 'scans.progress', data: progress(1) });
    await sync(b);
    expect(b.unmatched).toEqual([]);
    a.close();
    b.close();
  });

  it('refuses unknown names with EVENT_UNKNOWN (Vietnamese message) and needs a session', async () => {
    const a = await loggedIn('clerk1');
    const r = await a.call('events.subscribe', { names: ['scans.nope'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'EVENT_UNKNOWN' } });
    expect(r.error?.message).toContain('scans.nope');
    const anon = await RpcClient.open(server.url);
    expect(await anon.call('events.subscribe', { names: ['scans.progress'] })).toMatchObject({ ok: false, error: { code: 'RPC_UNAUTHENTICATED' } });
    a.close();
    anon.close();
  });

  it('sends nothing after logout, and nothing to a closed connection', async () => {
    const a = await loggedIn('clerk1');
    const b = await loggedIn('clerk1');
    await a.call('events.subscribe', { names: ['scans.progress'] });
    await b.call('events.subscribe', { names: ['scans.progress'] });
    expect((await a.call('auth.logout', {})).ok).toBe(true);
    b.close();
    await new Promise<void>((r) => b.ws.once('close', () => r()));
    t.core.events.publish('scans.progress', progress(2));
    // a is still connected: a round trip shows nothing came before it.
    expect((await a.call('auth.status', {})).ok).toBe(true);
    expect(a.unmatched).toEqual([]);
    a.close();
  });

  it('unsubscribe stops the events', async () => {
    const a = await loggedIn('clerk1');
    await a.call('events.subscribe', { names: ['scans.progress', 'pages.changed'] });
    expect(await a.call('events.unsubscribe', { names: ['scans.progress'] })).toMatchObject({ ok: true, value: { subscribed: ['pages.changed'] } });
    t.core.events.publish('scans.progress', progress(3));
    t.core.events.publish('pages.changed', { dossierId: 'd1', trayOwner: null });
    const [msg] = await a.waitUnmatched(1);
    expect(msg).toEqual({ event: 'pages.changed', data: { dossierId: 'd1', trayOwner: null } });
    a.close();
  });

  it('drops events for a client that fell behind, then sends one events.lost once it caught up', async () => {
    const a = await loggedIn('clerk1');
    await a.call('events.subscribe', { names: ['scans.progress'] });
    // In one tick (the client, in this process, cannot read meanwhile): far more than the kernel's socket buffers
    // and the bound hold, so the server's own buffer passes BACKLOG and later events are dropped.
    // Long job ids make each event ~4 KB, so a few thousand of them are enough (about 16 MB).
    const total = 4_000;
    const longId = 'j'.repeat(4_000);
    for (let i = 1; i <= total; i++) t.core.events.publish('scans.progress', progress(i, longId));
    // Caught up: the lost notice, then events flow again.
    const until = Date.now() + 20_000;
    const lostAt = () => a.unmatched.findIndex((m) => (m as { event?: string }).event === 'events.lost');
    while (lostAt() < 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const i = lostAt();
    expect(i).toBeGreaterThan(0);
    expect(a.unmatched[i]).toEqual({ event: 'events.lost', data: { reason: 'backpressure' } });
    expect(a.unmatched.filter((m) => (m as { event?: string }).event === 'events.lost')).toHaveLength(1);
    // The events before the notice are a gapless prefix; the rest were dropped, none sent after the notice.
    const before = a.unmatched.slice(0, i) as unknown as Array<{ data: { received: number; jobId: string } }>;
    expect(before.every((m) => m.data.jobId === longId)).toBe(true);
    expect(before.length).toBeLessThan(total);
    expect(before.map((m) => m.data.received)).toEqual(before.map((_, k) => k + 1));
    expect(a.unmatched).toHaveLength(i + 1);
    t.core.events.publish('scans.progress', progress(total + 1));
    await a.waitUnmatched(i + 2);
    expect(a.unmatched[i + 1]).toEqual({ event: 'scans.progress', data: progress(total + 1) });
    a.close();
  });
});
