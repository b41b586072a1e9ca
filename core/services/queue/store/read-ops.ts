/** What the queue reads (issue #18): tickets, counts, the board's calls, service times, metrics; for both stores. */
import type { Ticket, TicketState } from '../../../contract/queue';
import { queueMetrics, type Metrics, type QueueEvent, type QueueEventKind } from '../../../domain/queue/metrics';
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

export function* metrics(o: { from: string; to: string }): Sql<Metrics> {
  const found = yield* rows<{ ticket_id: string; kind: QueueEventKind; at: string; counter: number | null; service: string }>(
    `SELECT e.ticket_id, e.kind, e.at, e.counter, e.service FROM queue_events e JOIN queue_tickets t ON t.id = e.ticket_id
     WHERE t.day >= ? AND t.day <= ? ORDER BY e.id`,
    o.from, o.to,
  );
  return queueMetrics(found.map((e): QueueEvent => ({ ticketId: e.ticket_id, kind: e.kind, at: e.at, counter: e.counter, service: e.service })));
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

