/**
 * Past queue days' metrics kept in memory (issue #19: a year's queue.metrics read 800,000 events each time).
 *
 * Entries are per ticket day (the metrics group tickets by the day they were issued), as mergeable accumulators
 * (core/domain/queue/metrics.ts). A past day is NOT closed for good: a ticket called yesterday (or last week) may still
 * be finished, sent back or transferred today, and another host may write to a shared PostgreSQL queue. What makes
 * checking cheap: the queue only ever appends events (no code updates or deletes a queue_events row). So every read
 * first takes the table's signature — its highest id, and how many rows lie in the window of the last ids — and
 * compares it with the one the kept days were read under: the days of the events added since (id above the old
 * highest) are dropped and read again; rows that do not fit that picture (a PostgreSQL transaction that committed a
 * lower id after a higher one was read, a recent row deleted, another database) empty the cache. The window (the
 * last WINDOW_IDS ids, weeks of a busy centre) is far wider than any transaction in flight, and keeps the check an
 * index range count instead of a count of the whole table (~0.3 s on PostgreSQL for a year). Today and later days are
 * never kept (they change all day), so they are always read fresh. Bounded: the least recently used days go first.
 *
 * Concurrent reads (the PostgreSQL store runs them with awaits in between): a read only stores what it computed when
 * no other read stored or emptied the cache since it began (the generation), so a day read before an event is never
 * filed under a signature taken after it.
 */
import type { MetricsAcc } from '../../domain/queue/metrics';

/** How many of the latest event ids the signature counts. */
export const WINDOW_IDS = 50_000;

export interface EventsSignature {
  /** Highest queue_events id (0 when empty). */
  maxId: number;
  /** The rows with an id above floor (WINDOW_IDS below the highest id known before it was taken; ≤ maxId). */
  floor: number;
  count: number;
}

/** The table as a read finds it: its highest id, and its rows above the kept signature's floor. */
export interface EventsNow {
  maxId: number;
  countAboveFloor: number;
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

  /** The highest event id the kept days are known to include, and the floor of its count (null: nothing kept yet). */
  get since(): { maxId: number; floor: number } | null {
    return this.signature && { maxId: this.signature.maxId, floor: this.signature.floor };
  }

  /**
   * Checks the kept days against the table as read now (`newer`: rows with an id above since.maxId). Returns true when
   * the days of the newer events must be dropped (dropDays), false when nothing is newer or the cache was emptied.
   */
  check(now: EventsNow, newer: number): boolean {
    const s = this.signature;
    if (s === null) return false;
    if (now.maxId < s.maxId || now.countAboveFloor !== s.count + newer) {
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
