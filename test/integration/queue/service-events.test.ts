/**
 * The queue's events (issue #18), on fake timers: 'queue.changed' coalesced to at most one per 100 ms however many
 * tickets move; other processes' calls told once each, in order; nothing polled while nobody is subscribed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../core/contract/events';
import type { Logger } from '../../../core/platform/logger';
import type { EventPublisher } from '../../../core/rpc/event-publisher';
import { QueueEvents } from '../../../core/services/queue/queue-events';
import type { StoredCall } from '../../../core/services/queue/queue-store';

const logger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => logger };

function setup() {
  const published: Array<{ name: EventName; data: unknown }> = [];
  const subscribed = new Set<EventName>(['queue.called', 'queue.changed']);
  const publisher: EventPublisher = { publish: (name, data) => void published.push({ name, data }), hasSubscribers: (name) => subscribed.has(name) };
  const calls: StoredCall[] = [];
  let waiting = 0;
  let lastCallsAsked = 0;
  const events = new QueueEvents(
    publisher,
    {
      day: () => '2026-12-07',
      lastCalls: async (_day, limit) => {
        lastCallsAsked++;
        return [...calls].reverse().slice(0, limit);
      },
      boardCall: async (c) => ({ ...c, counterName: null, clips: ['moi'] }),
      counts: async () => ({ day: '2026-12-07', services: [{ code: 'A', waiting, estimatedWaitMinutes: null }] }),
      waiting: async () => [{ service: 'A', waiting }],
    },
    logger,
  );
  const call = (seq: number): StoredCall => ({ seq, ticketNumber: `A${String(seq).padStart(3, '0')}`, counter: 1, service: 'A', at: '2026-12-07T02:00:00Z', recall: false });
  return { events, published, subscribed, calls, call, setWaiting: (n: number) => (waiting = n), asked: () => lastCallsAsked };
}

describe('queue events', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces changes: many at once give one queue.changed, the next waits for the interval', async () => {
    const s = setup();
    for (let i = 0; i < 20; i++) s.events.changed();
    await vi.advanceTimersByTimeAsync(5);
    expect(s.published.filter((p) => p.name === 'queue.changed')).toHaveLength(1);
    s.setWaiting(3);
    s.events.changed();
    s.events.changed();
    await vi.advanceTimersByTimeAsync(50);
    expect(s.published.filter((p) => p.name === 'queue.changed')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60);
    const changed = s.published.filter((p) => p.name === 'queue.changed');
    expect(changed).toHaveLength(2);
    expect(changed[1]!.data).toMatchObject({ services: [{ code: 'A', waiting: 3 }] });
    await s.events.close();
  });

  it("tells other processes' calls once each, in order, after the ones already made; its own are not told twice", async () => {
    const s = setup();
    s.calls.push(s.call(1));
    await vi.advanceTimersByTimeAsync(500); // the first look: call 1 is history
    s.calls.push(s.call(2));
    await s.events.called(s.call(2)); // this host's own call
    // Another counter's call, then this host's: the newest is known, the one before it is not.
    s.calls.push(s.call(3), s.call(4));
    await s.events.called(s.call(4));
    s.calls.push(s.call(5));
    await vi.advanceTimersByTimeAsync(500);
    await vi.advanceTimersByTimeAsync(500);
    const seqs = s.published.filter((p) => p.name === 'queue.called').map((p) => (p.data as StoredCall).seq);
    expect(seqs).toEqual([2, 4, 3, 5]);
    await s.events.close();
  });

  it("another process's tickets: new waiting counts found by the poll are told once", async () => {
    const s = setup();
    await vi.advanceTimersByTimeAsync(500);
    const before = s.published.filter((p) => p.name === 'queue.changed').length;
    s.setWaiting(2);
    await vi.advanceTimersByTimeAsync(1_500);
    const changed = s.published.filter((p) => p.name === 'queue.changed');
    expect(changed).toHaveLength(before + 1);
    expect(changed.at(-1)!.data).toMatchObject({ services: [{ code: 'A', waiting: 2 }] });
    await s.events.close();
  });

  it('does not poll the store while nobody is subscribed', async () => {
    const s = setup();
    s.subscribed.clear();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(s.asked()).toBe(0);
    s.events.changed();
    await vi.advanceTimersByTimeAsync(200);
    expect(s.published).toEqual([]);
    await s.events.close();
  });
});
