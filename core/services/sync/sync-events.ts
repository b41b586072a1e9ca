/**
 * 'sync.changed' on the push channel whenever sync moves (an item sent, rejected or retried, the central offline or
 * back, changes applied): the header's numbers without a call. Changes another process makes (`motcua sync` beside
 * the app) are told by the app's worker loop when it sees the outbox move.
 */
import type { SyncStatus } from '../../contract/sync';
import type { EventPublisher } from '../../rpc/event-publisher';

export class SyncEvents {
  constructor(private readonly d: { events: EventPublisher; status: () => SyncStatus }) {}

  changed(e: { error?: { code: string; message: string } | null; changesApplied?: number } = {}): void {
    const s = this.d.status();
    this.d.events.publish('sync.changed', {
      activity: s.activity,
      pendingDossiers: s.pendingDossiers,
      pendingBytes: s.pendingBytes,
      rejected: s.rejected,
      lastSuccessAt: s.lastSuccessAt,
      error: e.error ?? null,
      changesApplied: e.changesApplied ?? 0,
    });
  }
}
