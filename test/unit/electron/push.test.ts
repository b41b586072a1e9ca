/**
 * Electron's leg of the push channel without Electron: the core host posts a HostEvent for the connection that
 * subscribed, main's HostClient hands it on, and the forwarder sends it only to the
 * window whose key it is, on IPC_EVENT_CHANNEL, as { event, data }.
 */
import { describe, expect, it, vi } from 'vitest';
import type { EventData, EventMessage } from '../../../core/contract/events';
import type { HostMessage } from '../../../core/rpc/host-protocol';
import { HostClient, type HostProcessEvents } from '../../../electron/main/host-client';
import { createEventForwarder, type PushTarget } from '../../../electron/main/push';
import { IPC_EVENT_CHANNEL } from '../../../electron/shared/ipc';
import { createHostHandler, type HostCore } from '../../../electron/utility/host';
import type { Connection } from '../../../core/rpc/connection';
import { RestartPolicy } from '../../../core/platform/restart-policy';

const progress: EventData<'scans.progress'> = {
  jobId: 'j',
  batchId: 'b',
  dossierId: 'd',
  status: 'completed',
  received: 3,
  processed: 3,
  pageId: null,
  error: null,
};

describe('core host: events for a renderer go to main as HostEvent', () => {
  it("gives each window's connection a sink that posts HostEvent with its key", () => {
    const opened: Connection[] = [];
    const core: HostCore = {
      openConnection: (transport, peer) => {
        const c: Connection = { id: `c${opened.length + 1}`, transport, peer, sessionToken: null, deviceToken: null, system: null };
        opened.push(c);
        return c;
      },
      closeConnection: () => {},
      dispatch: async () => ({ ok: true, value: null }),
    };
    const posted: HostMessage[] = [];
    const handler = createHostHandler(core, (m) => void posted.push(m), {
      onWarn: () => {},
      internal: () => ({ ok: false, error: { code: 'INTERNAL', message: 'x', params: {} } }),
    });
    handler.handle({ type: 'call', id: 1, connectionKey: '7', method: 'events.subscribe', input: { names: ['scans.progress'] } });
    handler.handle({ type: 'call', id: 2, connectionKey: '8', method: 'auth.status', input: {} });
    expect(opened.map((c) => typeof c.sink)).toEqual(['function', 'function']);
    opened[0]!.sink!({ event: 'scans.progress', data: progress });
    expect(posted).toEqual([{ type: 'event', connectionKey: '7', event: 'scans.progress', data: progress }]);
  });
});

function fakeWindows(ids: number[]) {
  const sent = new Map<number, Array<[string, unknown]>>();
  const destroyed = new Set<number>();
  const targets = new Map<number, PushTarget>();
  for (const id of ids) {
    sent.set(id, []);
    targets.set(id, { isDestroyed: () => destroyed.has(id), send: (ch, p) => void sent.get(id)!.push([ch, p]) });
  }
  return { sent, destroyed, lookup: (id: number) => targets.get(id) };
}

describe('main: HostClient and the event forwarder', () => {
  it('hands a HostEvent to onEvent and ignores malformed ones', () => {
    const got: Array<[string, EventMessage]> = [];
    let events: HostProcessEvents | null = null;
    const client = new HostClient({
      spawn: (e) => {
        events = e;
        return { postMessage: () => {}, kill: () => {} };
      },
      log: () => {},
      makeError: (code) => ({ code, message: code, params: {} }),
      onEvent: (key, msg) => void got.push([key, msg]),
    });
    client.start();
    events!.message({ type: 'ready' });
    events!.message({ type: 'event', connectionKey: '3', event: 'scans.progress', data: progress });
    events!.message({ type: 'event', connectionKey: 3, event: 'scans.progress', data: progress });
    events!.message({ type: 'event', connectionKey: '3', data: progress });
    expect(got).toEqual([['3', { event: 'scans.progress', data: progress }]]);
  });

  it('sends an event only to the live window of our own whose key it is', () => {
    const w = fakeWindows([3, 4, 99]);
    const ours = new Set([3, 4]);
    const f = createEventForwarder({ ourWebContentsIds: ours, lookup: w.lookup, warn: () => {} });
    f.forward('3', { event: 'scans.progress', data: progress });
    f.forward('99', { event: 'scans.progress', data: progress }); // not one of our windows
    f.forward('3.0', { event: 'scans.progress', data: progress }); // not a key main hands out
    expect(w.sent.get(3)).toEqual([[IPC_EVENT_CHANNEL, { event: 'scans.progress', data: progress }]]);
    expect(w.sent.get(4)).toEqual([]);
    expect(w.sent.get(99)).toEqual([]);
    w.destroyed.add(3);
    f.forward('3', { event: 'scans.progress', data: progress });
    expect(w.sent.get(3)).toHaveLength(1);
  });

  it('after a core restart every window is told events were lost', () => {
    vi.useFakeTimers();
    try {
      const w = fakeWindows([3, 4]);
      const f = createEventForwarder({ ourWebContentsIds: new Set([3, 4]), lookup: w.lookup, warn: () => {} });
      const procs: HostProcessEvents[] = [];
      const client = new HostClient({
        spawn: (e) => {
          procs.push(e);
          return { postMessage: () => {}, kill: () => {} };
        },
        log: () => {},
        makeError: (code) => ({ code, message: code, params: {} }),
        restartPolicy: new RestartPolicy({ maxRestarts: 10, windowMs: 60_000, baseDelayMs: 100, maxDelayMs: 100 }),
        onRestarted: () => f.lostAll(),
      });
      client.start();
      procs[0]!.message({ type: 'ready' });
      expect(w.sent.get(3)).toEqual([]);
      procs[0]!.exit(1); // crash
      vi.advanceTimersByTime(100);
      procs[1]!.message({ type: 'ready' });
      for (const id of [3, 4]) expect(w.sent.get(id)).toEqual([[IPC_EVENT_CHANNEL, { event: 'events.lost', data: { reason: 'reconnect' } }]]);
    } finally {
      vi.useRealTimers();
    }
  });
});
