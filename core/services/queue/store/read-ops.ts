/** What the queue reads (issue #18): tickets, counts, the board's calls, service times, metrics; for both stores. */
import type { Ticket, TicketState } from '../../../contract/queue';
import {
  accumulateMetrics,
  emptyMetricsAcc,
  mergeMetricsAcc,
  metricsOf,
  queueMetrics,
  type Metrics,
  type MetricsAcc,
  type QueueEvent,
  type QueueEventKind,
} from '../../../domain/queue/metrics';
import { WINDOW_IDS, type QueueMetricsCache } from '../metrics-cache';
import { aheadCount } from '../../../domain/queue/selection';
import type { StoredCall, TicketKey, WaitingCount } from '../queue-store';
import { placeholders, row, rows, type Sql } from './sql';
import { CALL_COLUMNS, toCall, toTicket, type CallRow, type TicketRow } from './ticket-row';

export function* ticketRow(id: string): Sql<TicketRow | undefined> {
  return yield* row<TicketRow>('SELECT * FROM queue_tickets WHERE id = ?', id);
}

export function* aheadOfRow(t: TicketRow): Sql<number> {
  if (t.state !== 'waiting') return 0;
  const waiting = yield* rows<{ id: string; priority: string | null; ord: number }>(
    `SELECT id, priority, ord FROM queue_tickets WHERE day = ? AND service = ? AND state = 'waiting' AND ord <> ?`,
    t.day, t.service, t.ord,
  );
  return aheadCount(
    { id: t.id, priority: t.priority !== null, order: t.ord },
    waiting.map((w) => ({ id: w.id, priority: w.priority !== null, order: w.ord })),
  );
}

export function* aheadOf(ticketId: string): Sql<number> {
  const t = yield* ticketRow(ticketId);
  return t ? yield* aheadOfRow(t) : 0;
}

export function* byTracking(trackingId: string): Sql<Ticket | null> {
  const t = yield* row<TicketRow>('SELECT * FROM queue_tickets WHERE tracking_id = ?', trackingId);
  return t ? toTicket(t) : null;
}

export function* current(day: string, counter: number): Sql<Ticket | null> {
  const t = yield* row<TicketRow>(
    `SELECT * FROM queue_tickets WHERE day = ? AND counter = ? AND state IN ('called', 'serving') ORDER BY called_at DESC, ord DESC LIMIT 1`,
    day, counter,
  );
  return t ? toTicket(t) : null;
}

export function* tickets(o: { day: string; states: readonly TicketState[] | null; limit: number }): Sql<Ticket[]> {
  if (o.states !== null && o.states.length === 0) return [];
  const byState = o.states === null ? '' : ` AND state IN (${placeholders(o.states.length)})`;
  const found = yield* rows<TicketRow>(`SELECT * FROM queue_tickets WHERE day = ?${byState} ORDER BY ord LIMIT ?`, o.day, ...(o.states ?? []), o.limit);
  return found.map(toTicket);
}

export function* waitingCounts(day: string): Sql<WaitingCount[]> {
  return yield* rows<WaitingCount>(
    `SELECT service, CAST(COUNT(*) AS INTEGER) AS waiting FROM queue_tickets WHERE day = ? AND state = 'waiting' GROUP BY service ORDER BY service`,
    day,
  );
}

export function* lastCalls(day: string, limit: number): Sql<StoredCall[]> {
  return (yield* rows<CallRow>(`SELECT ${CALL_COLUMNS} FROM queue_calls WHERE day = ? ORDER BY seq DESC LIMIT ?`, day, limit)).map(toCall);
}

export function* lastCallPerCounter(day: string): Sql<Array<{ counter: number; ticketNumber: string; at: string }>> {
  const found = yield* rows<{ counter: number; ticket_number: string; at: string }>(
    `SELECT c.counter, c.ticket_number, c.at FROM queue_calls c
     WHERE c.day = ? AND c.seq = (SELECT MAX(d.seq) FROM queue_calls d WHERE d.day = c.day AND d.counter = c.counter) ORDER BY c.counter`,
    day,
  );
  return found.map((r) => ({ counter: r.counter, ticketNumber: r.ticket_number, at: r.at }));
}

export function* issuedCount(day: string, service: string): Sql<number> {
  return (yield* row<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM queue_tickets WHERE day = ? AND issued_service = ?', day, service))?.n ?? 0;
}

export function* recentServiceSeconds(service: string, limit: number): Sql<number[]> {
  const found = yield* rows<{ started_at: string; finished_at: string }>(
    `SELECT started_at, finished_at FROM queue_tickets WHERE service = ? AND state = 'done' AND started_at IS NOT NULL
     ORDER BY finished_at DESC LIMIT ?`,
    service, limit,
  );
  return found.map((r) => (Date.parse(r.finished_at) - Date.parse(r.started_at)) / 1000);
}

type EventRow = { day: string; ticket_id: string; kind: QueueEventKind; at: string; counter: number | null; service: string };

const EVENTS_OF_DAYS = `SELECT t.day, e.ticket_id, e.kind, e.at, e.counter, e.service FROM queue_events e JOIN queue_tickets t ON t.id = e.ticket_id
     WHERE t.day >= ? AND t.day <= ? ORDER BY e.id`;

const toEvent = (e: EventRow): QueueEvent => ({ ticketId: e.ticket_id, kind: e.kind, at: e.at, counter: e.counter, service: e.service });

/**
 * The queue figures of the tickets issued on the days [from, to]. With a cache (the QueueService's), past days'
 * figures come from it (metrics-cache.ts says when they are still right) and only the others are read: today, days
 * with new events, days not kept yet. The answer is the same either way (the domain's accumulators merge exactly).
 */
export function* metrics(o: { from: string; to: string; cache?: { days: QueueMetricsCache; today: string } }): Sql<Metrics> {
  // No past day in the period (today's figures, polled every few seconds by the reports): nothing kept to use.
  if (!o.cache || o.from >= o.cache.today) return queueMetrics((yield* rows<EventRow>(EVENTS_OF_DAYS, o.from, o.to)).map(toEvent));
  const { days: cache, today } = o.cache;
  // Only the days that have tickets matter (an open-ended period would otherwise walk thousands of empty days).
  const span = yield* row<{ first: string | null; last: string | null }>(
    `SELECT (SELECT day FROM queue_tickets WHERE day >= ? AND day <= ? ORDER BY day LIMIT 1) AS first,
       (SELECT day FROM queue_tickets WHERE day >= ? AND day <= ? ORDER BY day DESC LIMIT 1) AS last`,
    o.from, o.to, o.from, o.to,
  );
  if (!span?.first || !span.last) return metricsOf(emptyMetricsAcc());
  for (let attempt = 0; attempt < 3; attempt++) {
    const generation = cache.generation;
    const since = cache.since;
    // The next signature's window starts WINDOW_IDS below the last highest id known (a constant bound, so each
    // count below is a plain index range the planners estimate well; metrics-cache.ts says why a window).
    const base = since?.maxId ?? Number((yield* row<{ m: number | null }>('SELECT MAX(id) AS m FROM queue_events'))?.m ?? 0);
    const floor = base - WINDOW_IDS;
    // Nothing kept yet: nothing to compare, so the comparing counts are skipped (an id above any id).
    const none = 2_147_483_647;
    // One statement (one snapshot on PostgreSQL); each part an index lookup or range count.
    const sig = (yield* row<{ max_id: number | null; n: number | null; newer: number | null; window_n: number | null }>(
      `SELECT (SELECT MAX(id) FROM queue_events) AS max_id,
         (SELECT CAST(COUNT(*) AS INTEGER) FROM queue_events WHERE id > ?) AS n,
         (SELECT CAST(COUNT(*) AS INTEGER) FROM queue_events WHERE id > ?) AS newer,
         (SELECT CAST(COUNT(*) AS INTEGER) FROM queue_events WHERE id > ?) AS window_n`,
      since?.floor ?? none, since?.maxId ?? none, floor,
    ))!;
    const maxId = Number(sig.max_id ?? 0);
    const signature = { maxId, floor, count: Number(sig.window_n ?? 0) };
    const newer = Number(sig.newer ?? 0);
    const dirty = since !== null && newer > 0
      ? (yield* rows<{ day: string }>('SELECT DISTINCT t.day FROM queue_events e JOIN queue_tickets t ON t.id = e.ticket_id WHERE e.id > ?', since.maxId)).map((r) => r.day)
      : [];
    // Another read filed its days meanwhile (PostgreSQL): this signature may be older than the cache's; look again.
    if (cache.generation !== generation) continue;
    if (cache.check({ maxId, countAboveFloor: Number(sig.n ?? 0) }, newer)) cache.dropDays(dirty);
    const filing = cache.generation;
    const kept = new Map<string, MetricsAcc>();
    const missing: string[] = [];
    for (const day of daysBetween(span.first, span.last)) {
      const acc = day < today ? cache.get(day) : undefined;
      if (acc) kept.set(day, acc);
      else missing.push(day);
    }
    const computed = yield* dayFigures(missing);
    cache.store(filing, signature, new Map([...computed].filter(([day]) => day < today)));
    const total = emptyMetricsAcc();
    for (const acc of [...kept.values(), ...computed.values()]) mergeMetricsAcc(total, acc);
    return metricsOf(total);
  }
  // Reads kept overlapping: answer from the events alone, leaving the cache as it is.
  return queueMetrics((yield* rows<EventRow>(EVENTS_OF_DAYS, o.from, o.to)).map(toEvent));
}

/** The figures of each of these days (ascending), read in as few ranges as runs of consecutive days allow. */
function* dayFigures(days: readonly string[]): Sql<Map<string, MetricsAcc>> {
  const out = new Map<string, MetricsAcc>(days.map((d) => [d, emptyMetricsAcc()]));
  if (days.length === 0) return out;
  const runs: Array<[string, string]> = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && nextDay(last[1]) === day) last[1] = day;
    else runs.push([day, day]);
  }
  // Many scattered days: one range over them all, the days not wanted left out here.
  const ranges = runs.length > 16 ? [[days[0]!, days[days.length - 1]!] as [string, string]] : runs;
  for (const [first, last] of ranges) {
    const byDay = new Map<string, QueueEvent[]>();
    for (const e of yield* rows<EventRow>(EVENTS_OF_DAYS, first, last)) {
      if (!out.has(e.day)) continue;
      const list = byDay.get(e.day);
      if (list) list.push(toEvent(e));
      else byDay.set(e.day, [toEvent(e)]);
    }
    for (const [day, events] of byDay) accumulateMetrics(events, out.get(day));
  }
  return out;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function* daysBetween(first: string, last: string): Generator<string> {
  for (let d = first; d <= last; d = nextDay(d)) yield d;
}

/** The tickets issued on the days [from, to] (the reports' drill-down): their keys in issue order; no-shows only, one counter's. */
export function* ticketKeysBetween(o: { from: string; to: string; noShowOnly: boolean; counter: number | null }): Sql<TicketKey[]> {
  const found = yield* rows<{ id: string; issued_at: string; state: TicketState; counter: number | null }>(
    `SELECT id, issued_at, state, counter FROM queue_tickets WHERE day >= ? AND day <= ?${o.noShowOnly ? " AND state = 'no_show'" : ''}${o.counter === null ? '' : ' AND counter = ?'} ORDER BY ord`,
    o.from, o.to, ...(o.counter === null ? [] : [o.counter]),
  );
  return found.map((t) => ({ id: t.id, issuedAt: t.issued_at, state: t.state, counter: t.counter }));
}

/** These tickets (any order; unknown ids left out). */
export function* ticketsByIds(ids: readonly string[]): Sql<Ticket[]> {
  if (ids.length === 0) return [];
  return (yield* rows<TicketRow>(`SELECT * FROM queue_tickets WHERE id IN (${placeholders(ids.length)})`, ...ids)).map(toTicket);
}

