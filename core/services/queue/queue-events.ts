/**
 * What the queue tells the push channel (issue #18): 'queue.called' for every call and recall — this host's at once,
 * those of other processes sharing the store (the CLI, other hosts on PostgreSQL) found by polling the store's latest
 * call every ~500 ms while a board or clerk is subscribed — and 'queue.changed', the waiting counts, at most once per
 * 100 ms however many tickets move (a busy morning must not flood the boards).
 */
import type { BoardCall } from '../../contract/queue';
import type { EventData } from '../../contract/events';
import type { Logger } from '../../platform/logger';
import type { EventPublisher } from '../../rpc/event-publisher';
import type { StoredCall } from './queue-store';

export const CHANGED_INTERVAL_MS = 100;
export const POLL_INTERVAL_MS = 500;
/** Calls of other processes looked at per poll (more between two polls is a board that asks queue.board). */
const POLL_CALLS = 50;

export interface QueueEventSource {
  day(): string;
  /** The newest calls of the day, newest first. */
  lastCalls(day: string, limit: number): Promise<StoredCall[]>;
  /** A stored call as the boards get it (counter name, voice clips). */
  boardCall(call: StoredCall): Promise<BoardCall>;
  counts(): Promise<EventData<'queue.changed'>>;
}

export class QueueEvents {
  private changeTimer: NodeJS.Timeout | null = null;
  private lastChangeAt = 0;
  private lastCounts = '';
  private pollTimer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private flushing: Promise<void> | null = null;
  /** Calls told to the boards, per day (this host's and those found by polling); null until the first poll. */
  private told: { day: string; seqs: Set<number>; floor: number } | null = null;
  private closed = false;

  constructor(
    private readonly events: EventPublisher,
    private readonly source: QueueEventSource,
    private readonly logger: Logger,
  ) {
    this.pollTimer = setInterval(() => this.poll(), POLL_INTERVAL_MS);
    this.pollTimer.unref();
  }

  private subscribed(name: 'queue.called' | 'queue.changed'): boolean {
    return this.events.hasSubscribers?.(name) ?? true;
  }

  /** A call this host made: told at once, and remembered so polling does not tell it again. */
  async called(call: StoredCall): Promise<void> {
    const told = this.toldFor(this.source.day());
    if (told.seqs.has(call.seq)) return;
    told.seqs.add(call.seq);
    this.trim(told);
    this.events.publish('queue.called', await this.source.boardCall(call));
  }

  private toldFor(day: string): { day: string; seqs: Set<number>; floor: number } {
    if (!this.told || this.told.day !== day) this.told = { day, seqs: new Set(), floor: this.told ? 0 : Number.NaN };
    return this.told;
  }

  private trim(told: { seqs: Set<number> }): void {
    if (told.seqs.size <= POLL_CALLS * 4) return;
    const keep = [...told.seqs].sort((a, b) => b - a).slice(0, POLL_CALLS * 2);
    told.seqs = new Set(keep);
  }

  /** The queue moved: waiting counts are published once the interval since the last allows. */
  changed(): void {
    if (this.closed || this.changeTimer) return;
    const wait = Math.max(0, this.lastChangeAt + CHANGED_INTERVAL_MS - Date.now());
    this.changeTimer = setTimeout(() => {
      this.changeTimer = null;
      this.lastChangeAt = Date.now();
      this.flushing = this.flushChanged(true).finally(() => (this.flushing = null));
    }, wait);
    this.changeTimer.unref();
  }

  private async flushChanged(force: boolean): Promise<void> {
    if (!this.subscribed('queue.changed')) return;
    try {
      const data = await this.source.counts();
      const key = JSON.stringify(data);
      if (!force && key === this.lastCounts) return;
      this.lastCounts = key;
      this.events.publish('queue.changed', data);
    } catch (e) {
      this.logger.warn('queue.changed not published', { error: String(e) });
    }
  }

  private poll(): void {
    if (this.closed || this.polling) return;
    this.polling = this.pollOnce()
      .catch((e: unknown) => this.logger.debug('queue poll failed', { error: String(e) }))
      .finally(() => (this.polling = null));
  }

  /** Other processes' calls, and their tickets issued or ended (waiting counts that differ from the last told). */
  async pollOnce(): Promise<void> {
    if (this.subscribed('queue.called')) {
      const day = this.source.day();
      const fresh = !this.told || Number.isNaN(this.told.floor);
      const told = this.toldFor(day);
      const calls = await this.source.lastCalls(day, POLL_CALLS);
      // The first look sets where we are: calls made before anyone watched are history (queue.board has them); when
      // this host has told calls since, those after its last one are news.
      if (fresh) told.floor = told.seqs.size ? Math.max(...told.seqs) : (calls[0]?.seq ?? 0);
      for (const call of [...calls].reverse()) {
        if (call.seq <= told.floor || told.seqs.has(call.seq)) continue;
        told.seqs.add(call.seq);
        this.events.publish('queue.called', await this.source.boardCall(call));
      }
      this.trim(told);
    } else {
      // Nobody watching: the next watcher starts from the newest call.
      this.told = null;
    }
    if (this.subscribed('queue.changed')) await this.flushChanged(false);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = null;
    await this.polling;
    await this.flushing;
  }
}
