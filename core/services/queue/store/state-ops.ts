/**
 * A called ticket's further life (issue #18): started, finished, no-show, transferred. Ended tickets (done, no_show)
 * stay ended (QUEUE_TICKET_ENDED); a waiting ticket cannot start, finish or be a no-show before it is called
 * (QUEUE_TICKET_NOT_CALLED). Start is idempotent (a retried start of a serving ticket returns it unchanged).
 */
import { AppError } from '../../../contract/errors';
import type { ServiceGroup, Ticket } from '../../../contract/queue';
import { event, mustGet } from './calling-ops';
import { exec, type Sql } from './sql';
import { toTicket, type TicketRow } from './ticket-row';
import { ticketRow } from './read-ops';

const ENDED = new Set(['done', 'no_show']);

function notEnded(t: TicketRow): void {
  if (ENDED.has(t.state)) throw new AppError('QUEUE_TICKET_ENDED', { number: t.number, state: t.state });
}

function calledOrServing(t: TicketRow): void {
  if (t.state !== 'called' && t.state !== 'serving') throw new AppError('QUEUE_TICKET_NOT_CALLED', { number: t.number, state: t.state });
}

function* reread(id: string): Sql<Ticket> {
  return toTicket((yield* ticketRow(id))!);
}

export function* start(o: { ticketId: string; at: string }): Sql<Ticket> {
  const t = yield* mustGet(o.ticketId);
  if (t.state === 'serving') return toTicket(t);
  notEnded(t);
  if (t.state !== 'called') throw new AppError('QUEUE_TICKET_NOT_CALLED', { number: t.number, state: t.state });
  yield* exec(`UPDATE queue_tickets SET state = 'serving', started_at = ? WHERE id = ?`, o.at, t.id);
  yield* event(t.id, 'started', o.at, t.counter, t.service);
  return yield* reread(t.id);
}

export function* finish(o: { ticketId: string; at: string; dossierId: string | null }): Sql<Ticket> {
  const t = yield* mustGet(o.ticketId);
  notEnded(t);
  calledOrServing(t);
  yield* exec(`UPDATE queue_tickets SET state = 'done', finished_at = ?, dossier_id = COALESCE(?, dossier_id) WHERE id = ?`, o.at, o.dossierId, t.id);
  yield* event(t.id, 'finished', o.at, t.counter, t.service);
  return yield* reread(t.id);
}

export function* noShow(o: { ticketId: string; at: string }): Sql<Ticket> {
  const t = yield* mustGet(o.ticketId);
  notEnded(t);
  calledOrServing(t);
  yield* exec(`UPDATE queue_tickets SET state = 'no_show', finished_at = ? WHERE id = ?`, o.at, t.id);
  yield* event(t.id, 'no_show', o.at, t.counter, t.service);
  return yield* reread(t.id);
}

/**
 * Back to waiting, for another service and/or counter, keeping its number and its place (issue order). The called
 * and started times are cleared: they describe the current visit (the events keep the history for the metrics).
 */
export function* transfer(o: { ticketId: string; at: string; toService: ServiceGroup | null; toCounter: number | null }): Sql<Ticket> {
  const t = yield* mustGet(o.ticketId);
  notEnded(t);
  const service = o.toService?.code ?? t.service;
  yield* exec(
    `UPDATE queue_tickets SET state = 'waiting', service = ?, service_name = ?, purpose = ?, target_counter = ?, called_at = NULL,
       started_at = NULL, transfers = transfers + 1 WHERE id = ?`,
    service, o.toService?.name ?? t.service_name, o.toService?.purpose ?? t.purpose, o.toCounter, t.id,
  );
  yield* event(t.id, 'transferred', o.at, t.state === 'waiting' ? null : t.counter, service);
  return yield* reread(t.id);
}
