import type { Migration } from '../migrate';
import { queueTablesV1 } from '../queue-tables-v1';

/**
 * The centre's queue (issue #18) when this host holds it: the tables of core/store/queue-tables-v1.ts (the PostgreSQL
 * store makes the same ones, core/services/queue/store/pg-schema.ts).
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
    db.exec(queueTablesV1('sqlite'));
  },
};
