/** The queue_tickets row as both stores return it, and its contract shape (issue #18). */
import type { PriorityReason, Ticket, TicketState } from '../../../contract/queue';
import type { StoredCall } from '../queue-store';

export interface TicketRow {
  id: string;
  day: string;
  number: string;
  service: string;
  service_name: string;
  priority: string | null;
  state: string;
  purpose: string;
  issued_at: string;
  called_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  counter: number | null;
  target_counter: number | null;
  calls: number;
  transfers: number;
  applicant_id: string | null;
  applicant_name: string | null;
  receipt_code: string | null;
  dossier_id: string | null;
  tracking_id: string;
  ord: number;
}

export function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    number: r.number,
    service: r.service,
    serviceName: r.service_name,
    day: r.day,
    priority: r.priority as PriorityReason | null,
    state: r.state as TicketState,
    purpose: r.purpose as 'submit' | 'collect',
    issuedAt: r.issued_at,
    calledAt: r.called_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counter: r.counter,
    targetCounter: r.target_counter,
    calls: r.calls,
    transfers: r.transfers,
    applicant: r.applicant_id !== null && r.applicant_name !== null ? { idNumber: r.applicant_id, fullName: r.applicant_name } : null,
    receiptCode: r.receipt_code,
    dossierId: r.dossier_id,
    trackingId: r.tracking_id,
  };
}

export interface CallRow {
  seq: number;
  ticket_number: string;
  counter: number;
  service: string;
  at: string;
  recall: number;
}

export function toCall(r: CallRow): StoredCall {
  return { seq: r.seq, ticketNumber: r.ticket_number, counter: r.counter, service: r.service, at: r.at, recall: r.recall === 1 };
}

export const CALL_COLUMNS = 'seq, ticket_number, counter, service, at, recall';
