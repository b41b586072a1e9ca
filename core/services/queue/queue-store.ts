/**
 * Where the queue is held: one interface, two stores (issue #18). SqliteQueueStore keeps it in the host's SQLite
 * database (migration 012); PgQueueStore in PostgreSQL (MOTCUA_QUEUE_DATABASE_URL) for centres with dozens of
 * counters. Every method that changes tickets is one transaction that serialises against the other counters' calls,
 * so two counters never get the same ticket and none is skipped; the same conformance tests run against both.
 * Times are ISO instants (UTC) from the service's clock; `day` is the Vietnam-time date the ticket belongs to.
 */
import type { BoardCall, CounterConfig, PriorityReason, QueueMetrics, QueueRules, ServiceGroup, Ticket, TicketState } from '../../contract/queue';
import type { QueueMetricsCache } from './metrics-cache';

export interface IssueRequest {
  day: string;
  at: string;
  group: ServiceGroup;
  priority: PriorityReason | null;
  applicant: { idNumber: string; fullName: string } | null;
  receiptCode: string | null;
  /** Random, unguessable (the phone's QR). */
  trackingId: string;
  /** A retried issue with the same id returns the first ticket. */
  requestId: string | null;
}

export interface IssueResult {
  ticket: Ticket;
  /** Tickets that will be called before this one in its service (waiting, earlier in order; priority first). */
  ahead: number;
}

/** Which tickets a counter may call: its groups (null: every group, before counters are configured). */
export interface CallScope {
  day: string;
  at: string;
  counter: number;
  groups: readonly string[] | null;
  rules: QueueRules;
  /** A retried call with the same id returns the first answer (ticket or none) instead of calling again. */
  requestId: string | null;
}

/** A call as stored (the service adds the counter's name and the voice clips). */
export type StoredCall = Omit<BoardCall, 'clips' | 'counterName'>;

export interface WaitingCount {
  service: string;
  waiting: number;
}

/** A ticket's keys, for listing a period's tickets (reports' drill-down) before reading the page shown. */
export interface TicketKey {
  id: string;
  issuedAt: string;
  state: TicketState;
  counter: number | null;
}

export interface QueueStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or upgrades its tables (SQLite: done by the app's migrations already). */
  migrate(): Promise<void>;
  close(): Promise<void>;

  groups(): Promise<ServiceGroup[]>;
  counters(): Promise<CounterConfig[]>;
  rules(): Promise<QueueRules>;
  saveGroup(g: ServiceGroup): Promise<void>;
  saveCounter(c: CounterConfig): Promise<void>;
  saveRules(r: QueueRules): Promise<void>;
  /** Inserts these groups only when there are none yet (first start); true when it did. */
  seedGroups(groups: readonly ServiceGroup[]): Promise<boolean>;

  /** Numbers the ticket (per day and group, from the group's start number) and stores it; QUEUE_DAILY_CAP_REACHED past the cap. */
  issue(req: IssueRequest): Promise<IssueResult>;
  /** The next ticket by the rules (priority first, ordinary after rules.ordinaryAfterPriority priority calls in a row), or null. */
  callNext(scope: CallScope): Promise<{ ticket: Ticket | null; call: StoredCall | null }>;
  /** That waiting ticket of the day (QUEUE_TICKET_NOT_FOUND; QUEUE_TICKET_NOT_WAITING when it is not waiting). */
  callNumber(scope: CallScope & { number: string }): Promise<{ ticket: Ticket; call: StoredCall }>;
  /** Only the counter that called it, while called or serving (QUEUE_TICKET_NOT_CALLED). */
  recall(o: { ticketId: string; counter: number; at: string }): Promise<{ ticket: Ticket; call: StoredCall }>;
  noShow(o: { ticketId: string; at: string }): Promise<Ticket>;
  transfer(o: { ticketId: string; at: string; toService: ServiceGroup | null; toCounter: number | null }): Promise<Ticket>;
  start(o: { ticketId: string; at: string }): Promise<Ticket>;
  finish(o: { ticketId: string; at: string; dossierId: string | null }): Promise<Ticket>;

  get(ticketId: string): Promise<Ticket | null>;
  byTracking(trackingId: string): Promise<Ticket | null>;
  /** The ticket called or serving at the counter today. */
  current(day: string, counter: number): Promise<Ticket | null>;
  tickets(o: { day: string; states: readonly TicketState[] | null; limit: number }): Promise<Ticket[]>;
  waitingCounts(day: string): Promise<WaitingCount[]>;
  /** Tickets ahead of this waiting one in its service, in calling order. */
  aheadOf(ticketId: string): Promise<number>;
  /** The day's calls, newest first (board), and the last call per counter. */
  lastCalls(day: string, limit: number): Promise<StoredCall[]>;
  lastCallPerCounter(day: string): Promise<Array<{ counter: number; ticketNumber: string; at: string }>>;
  issuedCount(day: string, service: string): Promise<number>;
  /** Service seconds (start → finish) of the latest finished tickets of a service, newest first. */
  recentServiceSeconds(service: string, limit: number): Promise<number[]>;
  /** With a cache: past days' figures kept there (metrics-cache.ts); days from `today` on are always read. */
  metrics(o: { from: string; to: string; cache?: { days: QueueMetricsCache; today: string } }): Promise<Omit<QueueMetrics, 'from' | 'to'>>;
  /** Tickets issued on the days [from, to], in issue order (no-shows only; one counter's). */
  ticketKeysBetween(o: { from: string; to: string; noShowOnly: boolean; counter: number | null }): Promise<TicketKey[]>;
  ticketsByIds(ids: readonly string[]): Promise<Ticket[]>;
}
