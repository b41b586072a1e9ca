import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallResult } from '../../../core/contract/bridge';
import { HostClient, type HostProcessEvents } from '../../../electron/main/host-client';
import type { MainToHost } from '../../../electron/shared/host-control';
import { RestartPolicy } from '../../../core/platform/restart-policy';

interface FakeProc {
  events: HostProcessEvents;
  sent: MainToHost[];
  killed: boolean;
}

/** A policy that always restarts after the same delay, for tests about what happens around a restart. */
const fixedDelay = (ms: number) => new RestartPolicy({ maxRestarts: 1_000, windowMs: 60_000, baseDelayMs: ms, maxDelayMs: ms });

function setup(opts: { restartPolicy?: RestartPolicy } = {}) {
  const procs: FakeProc[] = [];
  const logs: Array<[string, string]> = [];
  const client = new HostClient({
    spawn: (events) => {
      const p: FakeProc = { events, sent: [], killed: false };
      procs.push(p);
      return {
        postMessage: (m) => void p.sent.push(m),
        kill: () => {
          p.killed = true;
        },
      };
    },
    log: (level, msg) => void logs.push([level, msg]),
    makeError: (code) => ({ code, message: `msg ${code}`, params: {} }),
    restartPolicy: opts.restartPolicy ?? fixedDelay(100),
    shutdownTimeoutMs: 1000,
  });
  return { client, procs, logs };
}

const value = (v: unknown): CallResult => ({ ok: true, value: v });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('HostClient', () => {
  it('holds calls until the host is ready, then forwards them with the connection key', async () => {
    const { client, procs } = setup();
    client.start();
    const p = client.call('7', 'auth.login', { u: 1 });
    expect(procs[0]!.sent).toEqual([]);
    procs[0]!.events.message({ type: 'ready' });
    expect(procs[0]!.sent).toEqual([{ type: 'call', id: 1, connectionKey: '7', method: 'auth.login', input: { u: 1 } }]);
    procs[0]!.events.message({ type: 'reply', id: 1, result: value('ok') });
    await expect(p).resolves.toEqual(value('ok'));
  });

  it('matches replies to calls by id, in any order', async () => {
    const { client, procs } = setup();
    client.start();
    procs[0]!.events.message({ type: 'ready' });
    const a = client.call('1', 'x.a', null);
    const b = client.call('2', 'x.b', null);
    procs[0]!.events.message({ type: 'reply', id: 2, result: value('B') });
    procs[0]!.events.message({ type: 'reply', id: 1, result: value('A') });
    await expect(a).resolves.toEqual(value('A'));
    await expect(b).resolves.toEqual(value('B'));
  });

  it('fails in-flight and queued calls with INTERNAL when the host dies, logs it and restarts', async () => {
    const { client, procs, logs } = setup();
    client.start();
    procs[0]!.events.message({ type: 'ready' });
    const inFlight = client.call('1', 'x.slow', null);
    procs[0]!.events.exit(139);
    const r = await inFlight;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INTERNAL');
    expect(logs.some(([level, msg]) => level === 'error' && msg.includes('died'))).toBe(true);
    expect(procs).toHaveLength(1);
    const queued = client.call('1', 'x.next', null);
    vi.advanceTimersByTime(100);
    expect(procs).toHaveLength(2);
    procs[1]!.events.message({ type: 'ready' });
    expect(procs[1]!.sent).toMatchObject([{ type: 'call', method: 'x.next' }]);
    procs[1]!.events.message({ type: 'reply', id: (procs[1]!.sent[0] as { id: number }).id, result: value(2) });
    await expect(queued).resolves.toEqual(value(2));
  });

  it('ignores late messages from a dead host', async () => {
    const { client, procs } = setup();
    client.start();
    procs[0]!.events.message({ type: 'ready' });
    const first = client.call('1', 'x.a', null);
    procs[0]!.events.exit(1);
    await first;
    vi.advanceTimersByTime(100);
    procs[1]!.events.message({ type: 'ready' });
    const second = client.call('1', 'x.b', null);
    const secondId = (procs[1]!.sent[0] as { id: number }).id;
    procs[0]!.events.message({ type: 'reply', id: secondId, result: value('stale') });
    procs[1]!.events.message({ type: 'reply', id: secondId, result: value('fresh') });
    await expect(second).resolves.toEqual(value('fresh'));
  });

  it("waits the restart policy's delay: growing with the crashes in its window, capped, and back to the base after it", () => {
    let now = 0;
    const policy = new RestartPolicy({ maxRestarts: 10, windowMs: 60_000, baseDelayMs: 1000, maxDelayMs: 3000 }, () => now);
    const { client, procs } = setup({ restartPolicy: policy });
    const crashAndWait = (i: number, delayMs: number) => {
      procs[i]!.events.exit(1);
      vi.advanceTimersByTime(delayMs - 1);
      now += delayMs - 1;
      expect(procs).toHaveLength(i + 1);
      vi.advanceTimersByTime(1);
      now += 1;
      expect(procs).toHaveLength(i + 2);
    };
    client.start();
    crashAndWait(0, 1000);
    crashAndWait(1, 2000);
    // Having been ready does not forget the crashes in the window: a core that dies soon after each start backs off.
    procs[2]!.events.message({ type: 'ready' });
    crashAndWait(2, 3000); // 4000, capped
    now += 60_000; // the window has passed
    crashAndWait(3, 1000);
  });

  it('forwards disconnects and drops malformed host messages', () => {
    const { client, procs, logs } = setup();
    client.start();
    procs[0]!.events.message({ type: 'ready' });
    client.disconnect('7');
    expect(procs[0]!.sent).toEqual([{ type: 'disconnect', connectionKey: '7' }]);
    procs[0]!.events.message({ type: 'reply', id: 'x' });
    procs[0]!.events.message(null);
    expect(logs.filter(([l]) => l === 'warn')).toHaveLength(2);
  });

  it('stop() asks for a clean shutdown, does not restart, and kills a host that hangs', async () => {
    const { client, procs } = setup();
    client.start();
    procs[0]!.events.message({ type: 'ready' });
    const stopped = client.stop();
    expect(procs[0]!.sent).toEqual([{ type: 'shutdown' }]);
    procs[0]!.events.exit(0);
    await stopped;
    vi.advanceTimersByTime(60_000);
    expect(procs).toHaveLength(1);
    const after = await client.call('1', 'x.a', null);
    expect(after.ok).toBe(false);

    const second = setup();
    second.client.start();
    second.procs[0]!.events.message({ type: 'ready' });
    const hang = second.client.stop();
    vi.advanceTimersByTime(1000);
    await hang;
    expect(second.procs[0]!.killed).toBe(true);
  });

  it('fails calls when the host cannot even be spawned, then retries', async () => {
    let attempts = 0;
    const client = new HostClient({
      spawn: () => {
        attempts += 1;
        throw new Error('spawn failed');
      },
      log: () => undefined,
      makeError: (code) => ({ code, message: code, params: {} }),
      restartPolicy: fixedDelay(10),
    });
    const r = await client.call('1', 'x.a', null);
    expect(r.ok).toBe(false);
    expect(attempts).toBe(1);
    vi.advanceTimersByTime(10);
    expect(attempts).toBe(2);
    await client.stop();
  });
});

describe('HostClient restart limit', () => {
  it('logs each crash, and stops restarting a core that crashes too often, answering INTERNAL instead', async () => {
    const procs: HostProcessEvents[] = [];
    const logs: Array<[string, string, Record<string, unknown> | undefined]> = [];
    const client = new HostClient({
      spawn: (events) => {
        procs.push(events);
        return { postMessage: () => undefined, kill: () => undefined };
      },
      log: (level, msg, fields) => void logs.push([level, msg, fields]),
      makeError: (code) => ({ code, message: code, params: {} }),
      restartPolicy: new RestartPolicy({ maxRestarts: 2, windowMs: 60_000, baseDelayMs: 10, maxDelayMs: 10 }),
    });
    client.start();
    for (let i = 0; i < 3; i++) {
      procs[i]!.message({ type: 'ready' });
      procs[i]!.exit(134);
      vi.advanceTimersByTime(10);
    }
    expect(procs).toHaveLength(3);
    expect(logs.filter(([, m]) => m === 'core host died; restarting').map(([, , f]) => f?.code)).toEqual([134, 134]);
    expect(logs.at(-1)?.[1]).toBe('core host keeps crashing; not restarting');
    await expect(client.call('1', 'system.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    vi.advanceTimersByTime(60_000);
    expect(procs).toHaveLength(3);
  });
});

describe('RestartPolicy', () => {
  it('grows the delay, caps it, and gives up past the limit within the window only', () => {
    let now = 0;
    const p = new RestartPolicy({ maxRestarts: 3, windowMs: 1000, baseDelayMs: 100, maxDelayMs: 250 }, () => now);
    expect([p.onCrash(), p.onCrash(), p.onCrash()]).toEqual([
      { restart: true, attempt: 1, delayMs: 100 },
      { restart: true, attempt: 2, delayMs: 200 },
      { restart: true, attempt: 3, delayMs: 250 },
    ]);
    expect(p.onCrash()).toEqual({ restart: false, crashes: 4 });
    now = 5000; // crashes long ago no longer count
    expect(p.onCrash()).toEqual({ restart: true, attempt: 1, delayMs: 100 });
  });
});
