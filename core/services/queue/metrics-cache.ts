/**
 * Past queue days' metrics kept in memory (issue #19: a year's queue.metrics read 800,000 events each time).
 *
 * Entries are per ticket day (the metrics group tickets by the day they were issued), as mergeable accumulators
 * (core/domain/queue/metrics.ts). A past day is NOT closed for good: a ticket called yesterday (or last week) may still
 * be finished, sent back or transferred today, and another host may write to a shared PostgreSQL queue. So every read
 * first compares the events table's signature — its highest id and its row count — with the one the cache was built
 * on: the days of the events added since (id above the old highest) are dropped and read again; an event that does
 * not fit that picture (the count moved by more than the new ids: a transaction that committed a lower id late on
 * PostgreSQL, a deleted row, another database) empties the cache. Today and later days are never kept (they change
 * all day), so they are always read fresh. Bounded: the least recently used days go first.
 *
 * Concurrent reads (the PostgreSQL store runs them with awaits in between): a read only stores what it computed when
 * no other read stored or emptied the cache since it began (the generation), so a day read before an event is never
 * filed under a signature taken after it.
 */
import type { MetricsAcc } from '../../domain/queue/metrics';

export interface EventsSignature {
  /** Highest queue_events id (0 when empty). */
  maxId: number;
  /** Number of queue_events rows. */
  count: number;
}

export class QueueMetricsCache {
  private readonly days = new Map<string, MetricsAcc>();
  private signature: EventsSignature | null = null;
  private gen = 0;

  constructor(private readonly maxDays = 1500) {}

  /** Changes whenever a read stores its days or the cache is emptied. */
  get generation(): number {
    return this.gen;
  }

  /** The highest event id the kept days are known to include (null: nothing kept yet). */
  get sinceId(): number | null {
    return this.signature?.maxId ?? null;
  }

  /**
   * Checks the kept days against the table as read now (`newer`: rows with an id above sinceId). Returns true when the
   * days of the newer events must be dropped (dropDays), false when nothing is newer or the cache was emptied.
   */
  check(now: EventsSignature, newer: number): boolean {
    const s = this.signature;
    if (s === null) return false;
    if (now.maxId < s.maxId || now.count !== s.count + newer) {
      this.clear();
      return false;
    }
    return newer > 0;
  }

  dropDays(days: readonly string[]): void {
    for (const d of days) this.days.delete(d);
  }

  /** The kept figures of a day (marked recently used), or undefined. Kept figures are never changed. */
  get(day: string): MetricsAcc | undefined {
    const acc = this.days.get(day);
    if (acc) {
      this.days.delete(day);
      this.days.set(day, acc);
    }
    return acc;
  }

  /**
   * Files the days a read computed (all read after it took `signature`) unless another read stored or emptied the
   * cache since `generation`.
   */
  store(generation: number, signature: EventsSignature, computed: ReadonlyMap<string, MetricsAcc>): void {
    if (generation !== this.gen) return;
    this.gen++;
    this.signature = signature;
    for (const [day, acc] of computed) {
      this.days.delete(day);
      this.days.set(day, acc);
    }
    while (this.days.size > this.maxDays) this.days.delete(this.days.keys().next().value!);
  }

  clear(): void {
    this.gen++;
    this.days.clear();
    this.signature = null;
  }

  get size(): number {
    return this.days.size;
  }
}
