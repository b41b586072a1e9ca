/**
 * 'sync.changed' on the push channel whenever sync moves (an item sent, rejected or retried, the central offline or
 * back, changes applied): the header's numbers without a call. Changes another process makes (`motcua sync` beside
 * the app) are told by the app's worker loop when it sees the outbox move.
 * Coalesced: at most one publication per interval (the first at once, the rest merged into one at the interval's
 * end: latest error, changes applied summed). Each one reads the whole status (counts over the outbox), so one per
 * item sent would make a backlog's drain quadratic.
 */
import type { SyncStatus } from '../../contract/sync';
import type { EventPublisher } from '../../rpc/event-publisher';

export const SYNC_EVENTS_INTERVAL_MS = 250;

type Change = { error?: { code: string; message: string } | null; changesApplied?: number };

export class SyncEvents {
  private lastAt = Number.NEGATIVE_INFINITY;
  private pending: { error: Change['error'] | undefined; changesApplied: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly d: { events: EventPublisher; status: () => SyncStatus; intervalMs?: number; now?: () => number }) {
    this.intervalMs = d.intervalMs ?? SYNC_EVENTS_INTERVAL_MS;
    this.now = d.now ?? (() => performance.now());
  }

  changed(e: Change = {}): void {
    const p = this.pending ?? { error: undefined, changesApplied: 0 };
    if (e.error !== undefined) p.error = e.error;
    p.changesApplied += e.changesApplied ?? 0;
    this.pending = p;
    const wait = this.lastAt + this.intervalMs - this.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        try {
          this.flush();
        } catch {
          // The store closed meanwhile (shutdown): nothing left to tell.
        }
      }, wait);
      this.timer.unref();
    }
  }

  /** Publishes what waits now (close: before the store goes). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    this.lastAt = this.now();
    const s = this.d.status();
    this.d.events.publish('sync.changed', {
      activity: s.activity,
      pendingDossiers: s.pendingDossiers,
      pendingBytes: s.pendingBytes,
      rejected: s.rejected,
      lastSuccessAt: s.lastSuccessAt,
      error: p.error ?? null,
      changesApplied: p.changesApplied,
    });
  }
}
