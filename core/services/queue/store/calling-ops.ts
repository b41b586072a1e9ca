/**
 * Issuing and calling tickets (issue #18), written once for both stores (see sql.ts). Each runs inside the store's
 * write transaction, which serialises it against every other counter: numbering, the issue order, the choice of the
 * next ticket and the per-counter priority streak are read and written under that one lock.
 */
import { AppError } from '../../../contract/errors';
import type { Ticket } from '../../../contract/queue';
import { ticketNumberOf, ticketNumberText, parseTicketNumber } from '../../../domain/queue/numbering';
import { nextStreak, selectNext, type Candidate } from '../../../domain/queue/selection';
import type { CallScope, IssueRequest, IssueResult, StoredCall } from '../queue-store';
import { exec, placeholders, row, rows, type Sql } from './sql';
import { CALL_COLUMNS, toCall, toTicket, type CallRow, type TicketRow } from './ticket-row';
import { aheadOfRow, ticketRow } from './read-ops';

export function* issue(req: IssueRequest, newId: () => string): Sql<IssueResult> {
  if (req.requestId !== null) {
    const prior = yield* row<TicketRow>('SELECT * FROM queue_tickets WHERE request_id = ?', req.requestId);
    if (prior) return { ticket: toTicket(prior), ahead: yield* aheadOfRow(prior) };
  }
  const g = req.group;
  const last = yield* row<{ seq: number; ord: number }>(
    `SELECT (SELECT COALESCE(MAX(seq), 0) FROM queue_tickets WHERE day = ? AND issued_service = ?) AS seq,
       (SELECT COALESCE(MAX(ord), 0) FROM queue_tickets) AS ord`,
    req.day, g.code,
  );
  const seq = (last?.seq ?? 0) + 1;
  if (g.dailyCap !== null && seq > g.dailyCap) throw new AppError('QUEUE_DAILY_CAP_REACHED', { service: g.code, name: g.name, cap: g.dailyCap });
  const num = ticketNumberOf(g.startNumber, seq);
  const id = newId();
  const t = (yield* row<TicketRow>(
    `INSERT INTO queue_tickets (id, day, issued_service, seq, prefix, num, number, service, service_name, priority, state, purpose,
       issued_at, calls, transfers, applicant_id, applicant_name, receipt_code, tracking_id, request_id, ord)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, 0, 0, ?, ?, ?, ?, ?, ?) RETURNING *`,
    id, req.day, g.code, seq, g.prefix, num, ticketNumberText(g.prefix, num), g.code, g.name, req.priority, g.purpose,
    req.at, req.applicant?.idNumber ?? null, req.applicant?.fullName ?? null, req.receiptCode, req.trackingId, req.requestId, (last?.ord ?? 0) + 1,
  ))!;
  yield* event(id, 'issued', req.at, null, g.code);
  return { ticket: toTicket(t), ahead: yield* aheadOfRow(t) };
}

type CallAnswer = { ticket: Ticket | null; call: StoredCall | null };

export function* callNext(scope: CallScope): Sql<CallAnswer> {
  const prior = yield* priorAnswer(scope.requestId);
  if (prior) return prior;
  const candidates = yield* waitingCandidates(scope);
  const streak = yield* streakOf(scope.day, scope.counter);
  const pick = selectNext(candidates, scope.counter, streak, scope.rules.ordinaryAfterPriority);
  if (pick === null) {
    yield* remember(scope, null, null);
    return { ticket: null, call: null };
  }
  return yield* callTicket(pick.id, scope, pick.streak);
}

export function* callNumber(scope: CallScope & { number: string }): Sql<{ ticket: Ticket; call: StoredCall }> {
  const prior = yield* priorAnswer(scope.requestId);
  if (prior?.ticket && prior.call) return { ticket: prior.ticket, call: prior.call };
  const parsed = parseTicketNumber(scope.number);
  if (!parsed) throw new AppError('QUEUE_TICKET_NOT_FOUND', { number: scope.number }, { field: 'number' });
  const found = yield* rows<TicketRow>('SELECT * FROM queue_tickets WHERE day = ? AND prefix = ? AND num = ? ORDER BY ord', scope.day, parsed.prefix, parsed.num);
  if (found.length === 0) throw new AppError('QUEUE_TICKET_NOT_FOUND', { number: scope.number }, { field: 'number' });
  const inScope = scope.groups === null ? found : found.filter((t) => scope.groups!.includes(t.service));
  if (inScope.length === 0) throw new AppError('QUEUE_TICKET_OTHER_SERVICE', { number: found[0]!.number, service: found[0]!.service_name, counter: scope.counter }, { field: 'number' });
  const waiting = inScope.filter((t) => t.state === 'waiting');
  const callable = waiting.find((t) => t.target_counter === null || t.target_counter === scope.counter);
  if (!callable) {
    if (waiting.length > 0) throw new AppError('QUEUE_TICKET_FOR_OTHER_COUNTER', { number: waiting[0]!.number, counter: waiting[0]!.target_counter });
    throw new AppError('QUEUE_TICKET_NOT_WAITING', { number: inScope[0]!.number, state: inScope[0]!.state });
  }
  const streak = yield* streakOf(scope.day, scope.counter);
  const answer = yield* callTicket(callable.id, scope, nextStreak(streak, callable.priority !== null));
  return { ticket: answer.ticket!, call: answer.call! };
}

export function* recall(o: { ticketId: string; counter: number; at: string }): Sql<{ ticket: Ticket; call: StoredCall }> {
  const t = yield* mustGet(o.ticketId);
  if ((t.state !== 'called' && t.state !== 'serving') || t.counter !== o.counter) {
    throw new AppError('QUEUE_TICKET_NOT_CALLED', { number: t.number, state: t.state, counter: o.counter });
  }
  yield* exec('UPDATE queue_tickets SET calls = calls + 1 WHERE id = ?', t.id);
  const call = yield* logCall(t, o.counter, o.at, true);
  return { ticket: toTicket((yield* ticketRow(t.id))!), call };
}

/** The ticket of an earlier call with this request id (a retry after a lost answer), or null when new. */
function* priorAnswer(requestId: string | null): Sql<CallAnswer | null> {
  if (requestId === null) return null;
  const r = yield* row<{ ticket_id: string | null; call_seq: number | null }>('SELECT ticket_id, call_seq FROM queue_call_requests WHERE request_id = ?', requestId);
  if (!r) return null;
  const t = r.ticket_id === null ? undefined : yield* ticketRow(r.ticket_id);
  const c = r.call_seq === null ? undefined : yield* row<CallRow>(`SELECT ${CALL_COLUMNS} FROM queue_calls WHERE seq = ?`, r.call_seq);
  return { ticket: t ? toTicket(t) : null, call: c ? toCall(c) : null };
}

function* remember(scope: CallScope, ticketId: string | null, callSeq: number | null): Sql<void> {
  if (scope.requestId === null) return;
  yield* exec('INSERT INTO queue_call_requests (request_id, ticket_id, call_seq, at) VALUES (?, ?, ?, ?)', scope.requestId, ticketId, callSeq, scope.at);
}

function* waitingCandidates(scope: CallScope): Sql<Candidate[]> {
  if (scope.groups !== null && scope.groups.length === 0) return [];
  const inGroups = scope.groups === null ? '' : ` AND service IN (${placeholders(scope.groups.length)})`;
  const found = yield* rows<{ id: string; priority: string | null; ord: number; target_counter: number | null }>(
    `SELECT id, priority, ord, target_counter FROM queue_tickets
     WHERE day = ? AND state = 'waiting' AND (target_counter IS NULL OR target_counter = ?)${inGroups} ORDER BY ord`,
    scope.day, scope.counter, ...(scope.groups ?? []),
  );
  return found.map((c) => ({ id: c.id, priority: c.priority !== null, order: c.ord, targetCounter: c.target_counter }));
}

function* streakOf(day: string, counter: number): Sql<number> {
  return (yield* row<{ streak: number }>('SELECT streak FROM queue_streaks WHERE day = ? AND counter = ?', day, counter))?.streak ?? 0;
}

function* callTicket(id: string, scope: CallScope, streak: number): Sql<CallAnswer> {
  // The counter moves on: its open ticket ends (no ticket stays "called" all day). One being served ends as served;
  // one only called (never started) ends as a no-show: the counter moved on without serving that citizen.
  const open = yield* rows<{ id: string; service: string }>(
    `SELECT id, service FROM queue_tickets WHERE day = ? AND counter = ? AND state IN ('called', 'serving') AND id <> ?`,
    scope.day, scope.counter, id,
  );
  for (const o of open) {
    // Decided on the row as it is when updated: a start or finish of it (which takes only the ticket's row lock, not
    // the queue's) may have committed since the SELECT; PostgreSQL re-checks the WHERE after waiting for that lock.
    const ended = yield* row<{ state: string }>(
      `UPDATE queue_tickets SET state = CASE WHEN state = 'serving' THEN 'done' ELSE 'no_show' END, finished_at = ?
       WHERE id = ? AND counter = ? AND state IN ('called', 'serving') RETURNING state`,
      scope.at, o.id, scope.counter,
    );
    if (ended) yield* event(o.id, ended.state === 'done' ? 'finished' : 'no_show', scope.at, scope.counter, o.service);
  }
  const t = yield* row<TicketRow>(
    `UPDATE queue_tickets SET state = 'called', counter = ?, called_at = ?, started_at = NULL, calls = calls + 1 WHERE id = ? AND state = 'waiting' RETURNING *`,
    scope.counter, scope.at, id,
  );
  // Cannot happen while every call holds the store's write lock; said plainly rather than as a TypeError if it did.
  if (!t) throw new Error(`queue: ticket ${id} stopped waiting while being called (a call outside the queue's lock?)`);
  yield* exec(
    'INSERT INTO queue_streaks (day, counter, streak) VALUES (?, ?, ?) ON CONFLICT (day, counter) DO UPDATE SET streak = excluded.streak',
    scope.day, scope.counter, streak,
  );
  const call = yield* logCall(t, scope.counter, scope.at, false);
  yield* event(id, 'called', scope.at, scope.counter, t.service);
  yield* remember(scope, id, call.seq);
  return { ticket: toTicket(t), call };
}

function* logCall(t: TicketRow, counter: number, at: string, isRecall: boolean): Sql<StoredCall> {
  const r = yield* row<CallRow>(
    `INSERT INTO queue_calls (day, ticket_id, ticket_number, service, counter, at, recall) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${CALL_COLUMNS}`,
    t.day, t.id, t.number, t.service, counter, at, isRecall ? 1 : 0,
  );
  return toCall(r!);
}

export function* event(ticketId: string, kind: string, at: string, counter: number | null, service: string): Sql<void> {
  yield* exec('INSERT INTO queue_events (ticket_id, kind, at, counter, service) VALUES (?, ?, ?, ?, ?)', ticketId, kind, at, counter, service);
}

export function* mustGet(ticketId: string): Sql<TicketRow> {
  const t = yield* ticketRow(ticketId);
  if (!t) throw new AppError('QUEUE_TICKET_NOT_FOUND', { number: ticketId });
  return t;
}
