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
  /** The waiting count per service only (one cheap read): polled to find other processes' tickets. */
  waiting(day: string): Promise<Array<{ service: string; waiting: number }>>;
}

/** Waiting counts as one comparable string (services with none left out, so 0 and absent compare equal). */
function waitingKey(day: string, list: ReadonlyArray<{ service?: string; code?: string; waiting: number }>): string {
  return `${day}|${list
    .filter((x) => x.waiting > 0)
    .map((x) => `${x.service ?? x.code}:${x.waiting}`)
    .sort()
    .join(',')}`;
}

/** Per day: the calls told (this host's and those found), where watching began, the newest seq looked at. */
interface Told {
  day: string;
  seqs: Set<number>;
  floor: number;
  checked: number;
}

export class QueueEvents {
  private changeTimer: NodeJS.Timeout | null = null;
  private lastChangeAt = 0;
  private lastCounts = '';
  private pollTimer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private flushing: Promise<void> | null = null;
  /** Calls told to the boards, per day (this host's and those found by polling); null until the first poll. */
  private told: Told | null = null;
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

  private toldFor(day: string): Told {
    if (!this.told || this.told.day !== day) this.told = { day, seqs: new Set(), floor: this.told ? 0 : Number.NaN, checked: 0 };
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
      this.flushing = this.flushChanged().finally(() => (this.flushing = null));
    }, wait);
    this.changeTimer.unref();
  }

  private async flushChanged(): Promise<void> {
    if (!this.subscribed('queue.changed')) return;
    try {
      const data = await this.source.counts();
      this.lastCounts = waitingKey(data.day, data.services);
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
      // The newest call's seq first: most polls end here. Past the last one looked at, the latest calls are read (this
      // host's own included: another counter's call may lie between two of them).
      const newest = (await this.source.lastCalls(day, 1))[0]?.seq ?? 0;
      const calls = newest > told.checked || fresh ? await this.source.lastCalls(day, POLL_CALLS) : [];
      told.checked = Math.max(told.checked, calls[0]?.seq ?? newest);
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
    if (this.subscribed('queue.changed') && !this.changeTimer) {
      const day = this.source.day();
      if (waitingKey(day, await this.source.waiting(day)) !== this.lastCounts) await this.flushChanged();
    }
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
