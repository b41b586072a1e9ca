/**
 * sync.changed is coalesced (each publication reads the whole outbox's counts): many changes in one interval make
 * one publication at once and one at the interval's end, carrying the latest error and every change applied.
 */
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../core/contract/sync';
import type { EventPublisher } from '../../../core/rpc/event-publisher';
import { SyncEvents } from '../../../core/services/sync/sync-events';

describe('SyncEvents', () => {
  it('publishes at most once per interval, merging what came meanwhile; flush publishes at once', () => {
    const published: Array<Record<string, unknown>> = [];
    let statusReads = 0;
    let t = 1_000;
    const events = {
      publish: (_name: string, data: Record<string, unknown>) => published.push(data),
    } as unknown as EventPublisher;
    const status = (): SyncStatus => {
      statusReads += 1;
      return { activity: 'sending', pendingDossiers: 7, pendingBytes: 0, rejected: 0, lastSuccessAt: null } as unknown as SyncStatus;
    };
    const e = new SyncEvents({ events, status, intervalMs: 250, now: () => t });
    for (let i = 0; i < 500; i++) e.changed({});
    e.changed({ changesApplied: 2 });
    e.changed({ error: { code: 'SYNC_NETWORK', message: 'x' } });
    e.changed({ changesApplied: 3 });
    expect(published).toHaveLength(1);
    expect(statusReads).toBe(1);
    t += 300;
    e.flush();
    expect(published).toHaveLength(2);
    expect(published[1]).toMatchObject({ changesApplied: 5, error: { code: 'SYNC_NETWORK' }, pendingDossiers: 7 });
    e.flush();
    expect(published).toHaveLength(2);
    // An interval later, the next change goes out at once.
    t += 300;
    e.changed({});
    expect(published).toHaveLength(3);
  });
});
