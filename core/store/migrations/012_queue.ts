import type { Migration } from '../migrate';

/**
 * The centre's queue (issue #18) when this host holds it (the PostgreSQL store makes the same tables itself,
 * core/services/queue/store/pg-schema.ts).
 * - queue_groups, queue_counters: the configuration (the zod-checked object as JSON, keyed by code / number);
 *   queue_settings: single values (the calling rules).
 * - queue_tickets: one row per ticket. seq counts the tickets of a day per group it was issued for (issued_service;
 *   the number is start number + seq - 1, kept as num and as printed text); service is where it waits now (a transfer
 *   changes it); ord is the issue order over the whole queue (a transfer keeps it: the ticket keeps its place).
 *   request_id makes a retried issue return the first ticket; tracking_id is the phone's QR.
 * - queue_calls: every call and recall; seq is the board's sequence. queue_streaks: each counter's priority calls in a
 *   row today (anti-starvation). queue_call_requests: the answer to each call's request id (a ticket, or none) so a
 *   retry after a reconnect gets the same answer. queue_events: per-ticket event times for the metrics.
 */
export const m012Queue: Migration = {
  version: 12,
  name: 'queue',
  up: (db) => {
    db.exec(`
      CREATE TABLE queue_groups (code TEXT PRIMARY KEY, sort INTEGER NOT NULL, data TEXT NOT NULL);
      CREATE TABLE queue_counters (number INTEGER PRIMARY KEY, data TEXT NOT NULL);
      CREATE TABLE queue_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE queue_tickets (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        issued_service TEXT NOT NULL,
        seq INTEGER NOT NULL,
        prefix TEXT NOT NULL,
        num INTEGER NOT NULL,
        number TEXT NOT NULL,
        service TEXT NOT NULL,
        service_name TEXT NOT NULL,
        priority TEXT,
        state TEXT NOT NULL CHECK (state IN ('waiting','called','serving','done','no_show')),
        purpose TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        called_at TEXT,
        started_at TEXT,
        finished_at TEXT,
        counter INTEGER,
        target_counter INTEGER,
        calls INTEGER NOT NULL DEFAULT 0,
        transfers INTEGER NOT NULL DEFAULT 0,
        applicant_id TEXT,
        applicant_name TEXT,
        receipt_code TEXT,
        dossier_id TEXT,
        tracking_id TEXT NOT NULL UNIQUE,
        request_id TEXT UNIQUE,
        ord INTEGER NOT NULL UNIQUE,
        UNIQUE (day, issued_service, seq)
      );
      CREATE INDEX queue_tickets_waiting ON queue_tickets (day, state, ord);
      CREATE INDEX queue_tickets_number ON queue_tickets (day, prefix, num);
      CREATE INDEX queue_tickets_counter ON queue_tickets (day, counter, state);
      CREATE INDEX queue_tickets_service_done ON queue_tickets (service, state, finished_at);
      CREATE TABLE queue_calls (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        day TEXT NOT NULL,
        ticket_id TEXT NOT NULL REFERENCES queue_tickets(id),
        ticket_number TEXT NOT NULL,
        service TEXT NOT NULL,
        counter INTEGER NOT NULL,
        at TEXT NOT NULL,
        recall INTEGER NOT NULL
      );
      CREATE INDEX queue_calls_day ON queue_calls (day, counter, seq);
      CREATE TABLE queue_streaks (day TEXT NOT NULL, counter INTEGER NOT NULL, streak INTEGER NOT NULL, PRIMARY KEY (day, counter));
      CREATE TABLE queue_call_requests (request_id TEXT PRIMARY KEY, ticket_id TEXT REFERENCES queue_tickets(id), call_seq INTEGER, at TEXT NOT NULL);
      CREATE TABLE queue_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id TEXT NOT NULL REFERENCES queue_tickets(id),
        kind TEXT NOT NULL CHECK (kind IN ('issued','called','started','finished','no_show','transferred')),
        at TEXT NOT NULL,
        counter INTEGER,
        service TEXT NOT NULL
      );
      CREATE INDEX queue_events_ticket ON queue_events (ticket_id, id);
    `);
  },
};
