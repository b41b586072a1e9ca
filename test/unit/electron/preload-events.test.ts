/**
 * window.motcua.subscribe in Electron, with the IPC injected: one events.subscribe per name whatever the number of
 * handlers, fan-out of each payload main sends on the event channel, malformed payloads dropped, unsubscribe when
 * the last handler goes, subscriptions made again after a login (a restarted core or a new session has none).
 */
import { describe, expect, it } from 'vitest';
import type { EventData } from '../../../core/contract/events';
import { createBridge, type Invoke } from '../../../electron/preload/bridge';
import { IPC_EVENT_CHANNEL } from '../../../electron/shared/ipc';

const progress: EventData<'scans.progress'> = {
  jobId: 'j',
  batchId: 'b',
  dossierId: null,
  status: 'scanning',
  received: 1,
  processed: 0,
  pageId: null,
  error: null,
};

function fakeIpc(reply: (method: string, input: unknown) => unknown = () => ({ ok: true, value: { subscribed: [] } })) {
  const calls: Array<[string, unknown]> = [];
  const invoke: Invoke = async (method, input) => {
    calls.push([method, input]);
    return reply(method, input);
  };
  let deliver: ((payload: unknown) => void) | null = null;
  const bridge = createBridge(invoke, (d) => {
    deliver = d;
  });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { bridge, calls, send: (payload: unknown) => deliver!(payload), flush };
}

describe('window.motcua.subscribe (Electron preload)', () => {
  it('uses a namespaced event channel apart from the call channel', () => {
    expect(IPC_EVENT_CHANNEL).toBe('motcua:event');
  });

  it('subscribes once per name and fans each event out to every handler of that name only', async () => {
    const { bridge, calls, send, flush } = fakeIpc();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const other: unknown[] = [];
    bridge.subscribe('scans.progress', (d) => void a.push(d));
    bridge.subscribe('scans.progress', (d) => void b.push(d));
    bridge.subscribe('pages.changed', (d) => void other.push(d));
    await flush();
    expect(calls).toEqual([
      ['events.subscribe', { names: ['scans.progress'] }],
      ['events.subscribe', { names: ['pages.changed'] }],
    ]);
    send({ event: 'scans.progress', data: progress });
    expect(a).toEqual([progress]);
    expect(b).toEqual([progress]);
    expect(other).toEqual([]);
  });

  it('drops payloads that are not {event, data} with a well-formed name', () => {
    const { bridge, send } = fakeIpc();
    const got: unknown[] = [];
    bridge.subscribe('scans.progress', (d) => void got.push(d));
    for (const p of [
      null,
      'scans.progress',
      ['scans.progress', progress],
      { event: 'scans.progress' },
      { event: 42, data: progress },
      { event: 'scans.progress', data: progress, id: 1 },
      { event: '__proto__', data: progress },
      { type: 'event', connectionKey: '1', event: 'scans.progress', data: progress },
    ]) {
      send(p);
    }
    expect(got).toEqual([]);
  });

  it('unsubscribes when the last handler of a name goes, and delivers nothing to removed handlers', async () => {
    const { bridge, calls, send, flush } = fakeIpc();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bridge.subscribe('scans.progress', (d) => void a.push(d));
    const offB = bridge.subscribe('scans.progress', (d) => void b.push(d));
    offA();
    offA(); // twice is harmless
    await flush();
    expect(calls.filter(([m]) => m === 'events.unsubscribe')).toEqual([]);
    send({ event: 'scans.progress', data: progress });
    expect(a).toEqual([]);
    expect(b).toEqual([progress]);
    offB();
    await flush();
    expect(calls.at(-1)).toEqual(['events.unsubscribe', { names: ['scans.progress'] }]);
    send({ event: 'scans.progress', data: progress });
    expect(b).toEqual([progress]);
  });

  it('subscribes again after a successful login, not after a failed one', async () => {
    let loginOk = false;
    const { bridge, calls, flush } = fakeIpc((method) =>
      method === 'auth.login'
        ? loginOk
          ? { ok: true, value: {} }
          : { ok: false, error: { code: 'AUTH_INVALID_CREDENTIALS', message: 'x', params: {} } }
        : { ok: true, value: { subscribed: [] } },
    );
    bridge.subscribe('scans.progress', () => {});
    bridge.subscribe('pages.changed', () => {});
    await flush();
    calls.length = 0;
    await bridge.call('auth.login', { username: 'a', password: 'b' });
    await flush();
    expect(calls).toEqual([['auth.login', { username: 'a', password: 'b' }]]);
    loginOk = true;
    calls.length = 0;
    await bridge.call('auth.login', { username: 'a', password: 'c' });
    await flush();
    expect(calls.slice(1).sort()).toEqual([
      ['events.subscribe', { names: ['pages.changed'] }],
      ['events.subscribe', { names: ['scans.progress'] }],
    ]);
  });

  it("'events.lost' is local: no call to the core, and main's notice reaches its handlers", async () => {
    const { bridge, calls, send, flush } = fakeIpc();
    const lost: unknown[] = [];
    const off = bridge.subscribe('events.lost', (d) => void lost.push(d));
    await flush();
    expect(calls).toEqual([]);
    send({ event: 'events.lost', data: { reason: 'reconnect' } });
    expect(lost).toEqual([{ reason: 'reconnect' }]);
    off();
    await flush();
    expect(calls).toEqual([]);
  });

  it('one throwing handler does not keep the event from the others', () => {
    const { bridge, send } = fakeIpc();
    const got: unknown[] = [];
    const errors: unknown[] = [];
    const onError = (e: unknown) => void errors.push(e);
    process.on('uncaughtException', onError);
    bridge.subscribe('scans.progress', () => {
      throw new Error('screen bug');
    });
    bridge.subscribe('scans.progress', (d) => void got.push(d));
    send({ event: 'scans.progress', data: progress });
    expect(got).toEqual([progress]);
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        process.off('uncaughtException', onError);
        expect(errors).toHaveLength(1);
        resolve();
      }, 5),
    );
  });
});
