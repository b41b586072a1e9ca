/**
 * The renderer's web-mode bridge with a scripted socket: push messages ({event, data}, no id) go to subscribers,
 * replies still go to their callers, and after the socket drops and reopens the bridge resumes the session,
 * subscribes again on the new connection and raises 'events.lost' so screens re-read.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventData } from '../../../core/contract/events';
import { WebBridge } from '../../../renderer/src/bridge/web-bridge';
import { FakeSocket, SOCKET_OPEN } from '../../helpers/fake-web-socket';


const progress: EventData<'scans.progress'> = {
  jobId: 'j',
  batchId: 'b',
  dossierId: null,
  status: 'scanning',
  received: 2,
  processed: 1,
  pageId: null,
  error: null,
};
const flush = () => new Promise((r) => setTimeout(r, 0));

let sockets: FakeSocket[];
beforeEach(() => {
  sockets = [];
  vi.stubGlobal('WebSocket', { OPEN: SOCKET_OPEN });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function bridge(token: string | null = 'tok') {
  return new WebBridge({
    url: 'ws://test/rpc',
    getToken: () => token,
    initialDelayMs: 1,
    maxDelayMs: 1,
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s as unknown as WebSocket;
    },
  });
}

describe('web bridge push channel', () => {
  it('subscribes once per name, fans events out, and keeps replies apart from events', async () => {
    const b = bridge();
    const got: unknown[] = [];
    const got2: unknown[] = [];
    b.subscribe('scans.progress', (d) => void got.push(d));
    b.subscribe('scans.progress', (d) => void got2.push(d));
    const s = sockets[0]!;
    s.open();
    await flush();
    expect(s.sent.map((m) => [m.method, m.input])).toEqual([['events.subscribe', { names: ['scans.progress'] }]]);
    s.answerAll();
    const pending = b.call('auth.status', {});
    s.push({ event: 'scans.progress', data: progress });
    s.push({ event: 'pages.changed', data: { dossierId: null, trayOwner: null } });
    s.answerAll({ needsSetup: false });
    expect(await pending).toEqual({ ok: true, value: { needsSetup: false } });
    expect(got).toEqual([progress]);
    expect(got2).toEqual([progress]);
  });

  it('after a reconnect: resumes, subscribes again on the new connection, then raises events.lost', async () => {
    const b = bridge();
    const lost: unknown[] = [];
    const got: unknown[] = [];
    b.subscribe('scans.progress', (d) => void got.push(d));
    b.subscribe('events.lost', (d) => void lost.push(d));
    sockets[0]!.open();
    await flush();
    sockets[0]!.answerAll();
    sockets[0]!.drop();
    await new Promise((r) => setTimeout(r, 20)); // the reconnect delay is 1 ms
    const s2 = sockets[1]!;
    s2.open();
    await flush();
    expect(s2.sent.map((m) => m.method)).toEqual(['auth.resume']);
    s2.answerAll({});
    await flush();
    expect(s2.sent.map((m) => [m.method, m.input])).toEqual([['events.subscribe', { names: ['scans.progress'] }]]);
    expect(lost).toEqual([]); // not before the subscription is back
    s2.answerAll();
    await flush();
    expect(lost).toEqual([{ reason: 'reconnect' }]);
    s2.push({ event: 'scans.progress', data: progress });
    expect(got).toEqual([progress]);
    // The server's own lost notice (backpressure) reaches the same handlers.
    s2.push({ event: 'events.lost', data: { reason: 'backpressure' } });
    expect(lost).toEqual([{ reason: 'reconnect' }, { reason: 'backpressure' }]);
  });

  it('a subscription refused for want of a session is made again after login', async () => {
    const b = bridge(null);
    b.subscribe('pages.changed', () => {});
    const s = sockets[0]!;
    s.open();
    await flush();
    const first = s.sent.splice(0);
    expect(first.map((m) => m.method)).toEqual(['events.subscribe']);
    s.push({ id: first[0]!.id, ok: false, error: { code: 'RPC_UNAUTHENTICATED', message: 'x', params: {} } });
    const login = b.call('auth.login', { username: 'a', password: 'b' });
    await flush();
    s.answerAll({ token: 't' });
    await login;
    await flush();
    expect(s.sent.map((m) => [m.method, m.input])).toEqual([['events.subscribe', { names: ['pages.changed'] }]]);
  });
});
