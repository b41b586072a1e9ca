/**
 * 'reports.changed' for the dashboards (issue #19): told when the figures behind them may have moved, whoever wrote —
 * this desk, the sync worker, the CLI or another process on this host's SQLite (SqliteChangeWatch, every ~1 s), or the
 * queue when it is held in PostgreSQL (its day's metrics, every ~2 s: other hosts call there and nothing here hears
 * it; the EventPublisher lets services publish, not listen to each other). At most one event per 2 s, naming every
 * source that moved since the last; nothing is read while nobody is subscribed (a desk with no supervisor watching
 * pays one Map lookup a second).
 */
import type { EventData } from '../../contract/events';
import { movedSources, SqliteChangeWatch, type ChangeSource, type Signature } from './change-signature';
import type { ReportsDeps } from './reports-deps';

export const POLL_INTERVAL_MS = 1000;
/** The contract's promise: at most one 'reports.changed' per this. */
export const MIN_GAP_MS = 2000;
/** The queue's store (PostgreSQL) is asked every this many polls. */
const QUEUE_EVERY = 2;
const ORDER: readonly ChangeSource[] = ['dossiers', 'pages', 'ocr', 'queue', 'sync'];

export interface ReportsEventsStats {
  /** Timer ticks, watched or not. */
  ticks: number;
  /** Statements run against SQLite and calls to the queue's store. */
  reads: number;
  published: number;
  /** Sources that moved and wait for the 2 s gap. */
  pending: ChangeSource[];
}

export class ReportsEvents {
  private readonly watch: SqliteChangeWatch;
  private readonly timer: NodeJS.Timeout;
  private flushTimer: NodeJS.Timeout | null = null;
  /** The gate and signatures at the last look; null before the first (that look is a baseline, nothing told). */
  private gate: string | null = null;
  private signature: Signature = {};
  private queueKey: string | null = null;
  /** Where the queue is held, once known: in this SQLite the watch sees it, in PostgreSQL it is asked. */
  private queueStore: 'sqlite' | 'postgres' | null = null;
  private queueLook: Promise<void> | null = null;
  private queueWarned = false;
  private sqliteWarned = false;
  private readonly pending = new Set<ChangeSource>();
  private lastPublishedAt = Number.NEGATIVE_INFINITY;
  private ticks = 0;
  private queueReads = 0;
  private published = 0;
  private closed = false;

  constructor(private readonly d: ReportsDeps) {
    this.watch = new SqliteChangeWatch(d.db);
    // Where things stand at start, so a change between a first subscription and the first look is not missed.
    this.lookAtSqlite();
    this.timer = setInterval(() => this.tick(), POLL_INTERVAL_MS);
    this.timer.unref();
  }

  private watched(): boolean {
    return this.d.events.hasSubscribers?.('reports.changed') ?? true;
  }

  stats(): ReportsEventsStats {
    return { ticks: this.ticks, reads: this.watch.reads + this.queueReads, published: this.published, pending: ORDER.filter((s) => this.pending.has(s)) };
  }

  /** One look (the timer's; a test may call it to step without waiting for the timer). */
  tick(): void {
    if (this.closed) return;
    this.ticks++;
    if (!this.watched()) {
      // Nobody to tell. Where we were is kept: the next watcher hears once of what moved meanwhile (it may have
      // read the dashboard before a write that came before our first look).
      this.pending.clear();
      return;
    }
    this.lookAtSqlite();
    if (this.ticks % QUEUE_EVERY === 0 && !this.queueLook) {
      this.queueLook = this.lookAtQueue().finally(() => (this.queueLook = null));
    }
  }

  private lookAtSqlite(): void {
    try {
      // The gate first: a write landing between it and the signatures moves the gate again, so the next look sees it.
      const gate = this.watch.gate();
      if (gate === this.gate) return;
      const signature = this.watch.signature();
      if (this.gate !== null) this.changed(movedSources(this.signature, signature));
      // Kept only once read whole: a look that failed half-way is tried again by the next.
      this.gate = gate;
      this.signature = signature;
      this.sqliteWarned = false;
    } catch (e) {
      if (!this.sqliteWarned) this.d.logger.warn('reports.changed: the database could not be read', { error: String(e) });
      this.sqliteWarned = true;
    }
  }

  /** The queue in PostgreSQL: its day's metrics compared; an unreachable store is "no change", warned once. */
  private async lookAtQueue(): Promise<void> {
    try {
      if (!this.queueStore) {
        this.queueReads++;
        this.queueStore = (await this.d.queue.config()).store;
      }
      if (this.queueStore === 'sqlite') return;
      const day = this.d.queue.day();
      this.queueReads++;
      const m = await this.d.queue.metrics(day, day);
      const key = `${day}|${JSON.stringify(m)}`;
      if (this.queueKey !== null && key !== this.queueKey && this.watched()) this.changed(['queue']);
      this.queueKey = key;
      this.queueWarned = false;
    } catch (e) {
      if (this.closed) return;
      if (!this.queueWarned) this.d.logger.warn('reports.changed: the queue store could not be read; its changes are not told until it can', { error: String(e) });
      this.queueWarned = true;
    }
  }

  /** Sources moved: told now if the last event is 2 s old, else once it is (with whatever moves meanwhile). */
  private changed(sources: readonly ChangeSource[]): void {
    if (this.closed || sources.length === 0) return;
    for (const s of sources) this.pending.add(s);
    if (this.flushTimer) return;
    const wait = this.lastPublishedAt + MIN_GAP_MS - performance.now();
    if (wait <= 0) return this.flush();
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, wait);
    this.flushTimer.unref();
  }

  private flush(): void {
    if (this.closed || this.pending.size === 0) return;
    const data: EventData<'reports.changed'> = { at: this.d.clock.now().toISOString(), sources: ORDER.filter((s) => this.pending.has(s)) };
    this.pending.clear();
    if (!this.watched()) return;
    this.lastPublishedAt = performance.now();
    this.published++;
    this.d.events.publish('reports.changed', data);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }
}
