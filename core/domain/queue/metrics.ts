/**
 * Queue figures from the tickets' event times (issue #18), pure so both stores compute them the same way.
 *
 * A ticket's life is one or more visits: a visit begins when it starts waiting (issued, or transferred) and ends with
 * finished, no_show or transferred. Per visit: wait = waiting → first call, walk = first call → started, service =
 * started → end (finished or transferred away while being served). Counters and services get the visits they called
 * or held; hours (Vietnam time) get every visit of the tickets issued in that hour. Counts: issued (tickets; per
 * service the service it was issued for), called (visits called), served (finished), noShow, transferred (visits that
 * ended in a transfer).
 *
 * The figures are kept as mergeable accumulators (counts, sums and maxima in whole milliseconds, exact in any order),
 * the means made only at the end: so a period's figures are the merge of its days' (issue #19 caches past days'),
 * equal to one pass over the period's events.
 */

export type QueueEventKind = 'issued' | 'called' | 'started' | 'finished' | 'no_show' | 'transferred';

export interface QueueEvent {
  ticketId: string;
  kind: QueueEventKind;
  at: string;
  /** The counter that called or held the ticket (null for issued, or a transfer of a ticket never called). */
  counter: number | null;
  /** The ticket's service after the event (issued: its service; transferred: the new one). */
  service: string;
}

export interface MetricsRow {
  issued: number;
  called: number;
  served: number;
  noShow: number;
  transferred: number;
  meanWaitSeconds: number | null;
  meanWalkSeconds: number | null;
  meanServiceSeconds: number | null;
  maxWaitSeconds: number | null;
}

export interface Metrics {
  total: MetricsRow;
  perCounter: Array<MetricsRow & { counter: number }>;
  perService: Array<MetricsRow & { service: string }>;
  perHour: Array<MetricsRow & { hour: string }>;
}

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** "08" for an instant at 08:xx in Vietnam (UTC+7, no daylight saving). */
export function vietnamHour(at: string): string {
  return String(new Date(Date.parse(at) + VIETNAM_OFFSET_MS).getUTCHours()).padStart(2, '0');
}

/** One row's running figures: counts, and per duration its number, sum and (waits) maximum, in milliseconds. */
export interface RowAcc {
  issued: number;
  called: number;
  served: number;
  noShow: number;
  transferred: number;
  waitN: number;
  waitMs: number;
  /** -Infinity while waitN is 0. */
  waitMaxMs: number;
  walkN: number;
  walkMs: number;
  serviceN: number;
  serviceMs: number;
}

/** The running figures of a set of tickets (a day, a period). */
export interface MetricsAcc {
  total: RowAcc;
  counters: Map<number, RowAcc>;
  services: Map<string, RowAcc>;
  hours: Map<string, RowAcc>;
}

const rowAcc = (): RowAcc => ({
  issued: 0, called: 0, served: 0, noShow: 0, transferred: 0,
  waitN: 0, waitMs: 0, waitMaxMs: -Infinity, walkN: 0, walkMs: 0, serviceN: 0, serviceMs: 0,
});

export function emptyMetricsAcc(): MetricsAcc {
  return { total: rowAcc(), counters: new Map(), services: new Map(), hours: new Map() };
}

function get<K>(m: Map<K, RowAcc>, k: K): RowAcc {
  let a = m.get(k);
  if (!a) m.set(k, (a = rowAcc()));
  return a;
}

function addRow(into: RowAcc, r: RowAcc): void {
  into.issued += r.issued;
  into.called += r.called;
  into.served += r.served;
  into.noShow += r.noShow;
  into.transferred += r.transferred;
  into.waitN += r.waitN;
  into.waitMs += r.waitMs;
  if (r.waitMaxMs > into.waitMaxMs) into.waitMaxMs = r.waitMaxMs;
  into.walkN += r.walkN;
  into.walkMs += r.walkMs;
  into.serviceN += r.serviceN;
  into.serviceMs += r.serviceMs;
}

/** Adds `from`'s figures to `into` (from is left as it was). */
export function mergeMetricsAcc(into: MetricsAcc, from: MetricsAcc): MetricsAcc {
  addRow(into.total, from.total);
  for (const [k, r] of from.counters) addRow(get(into.counters, k), r);
  for (const [k, r] of from.services) addRow(get(into.services, k), r);
  for (const [k, r] of from.hours) addRow(get(into.hours, k), r);
  return into;
}

/** Adds the events' tickets to `into` (events in the order they happened per ticket; a ticket's events all in one call). */
export function accumulateMetrics(events: readonly QueueEvent[], into: MetricsAcc = emptyMetricsAcc()): MetricsAcc {
  const { total, counters, services, hours } = into;
  const byTicket = new Map<string, QueueEvent[]>();
  for (const e of events) {
    const list = byTicket.get(e.ticketId);
    if (list) list.push(e);
    else byTicket.set(e.ticketId, [e]);
  }
  for (const list of byTicket.values()) {
    const issued = list.find((e) => e.kind === 'issued');
    if (!issued) continue;
    const hour = get(hours, vietnamHour(issued.at));
    let waitingSince = Date.parse(issued.at);
    let service = issued.service;
    let calledAt: number | null = null;
    let startedAt: number | null = null;
    let counter: number | null = null;
    // Every figure of a visit goes to the total, its hour, its service and (once called) its counter.
    const targets = (): RowAcc[] => [total, hour, get(services, service), ...(counter === null ? [] : [get(counters, counter)])];
    for (const e of list) {
      if (e.kind === 'issued') {
        for (const a of [total, hour, get(services, e.service)]) a.issued++;
      } else if (e.kind === 'called' && calledAt === null) {
        calledAt = Date.parse(e.at);
        counter = e.counter;
        const wait = calledAt - waitingSince;
        for (const a of targets()) {
          a.called++;
          a.waitN++;
          a.waitMs += wait;
          if (wait > a.waitMaxMs) a.waitMaxMs = wait;
        }
      } else if (e.kind === 'started' && startedAt === null) {
        startedAt = Date.parse(e.at);
        if (calledAt !== null) {
          const walk = startedAt - calledAt;
          for (const a of targets()) {
            a.walkN++;
            a.walkMs += walk;
          }
        }
      } else if (e.kind === 'finished' || e.kind === 'no_show' || e.kind === 'transferred') {
        const at = Date.parse(e.at);
        for (const a of targets()) {
          if (e.kind === 'finished') a.served++;
          else if (e.kind === 'no_show') a.noShow++;
          else a.transferred++;
          if (startedAt !== null && e.kind !== 'no_show') {
            a.serviceN++;
            a.serviceMs += at - startedAt;
          }
        }
        // A transfer starts the next visit: waiting again, for the new service.
        waitingSince = at;
        service = e.service;
        calledAt = null;
        startedAt = null;
        counter = null;
      }
    }
  }
  return into;
}

function rowOf(a: RowAcc): MetricsRow {
  const mean = (n: number, ms: number): number | null => (n === 0 ? null : ms / 1000 / n);
  return {
    issued: a.issued,
    called: a.called,
    served: a.served,
    noShow: a.noShow,
    transferred: a.transferred,
    meanWaitSeconds: mean(a.waitN, a.waitMs),
    meanWalkSeconds: mean(a.walkN, a.walkMs),
    meanServiceSeconds: mean(a.serviceN, a.serviceMs),
    maxWaitSeconds: a.waitN === 0 ? null : a.waitMaxMs / 1000,
  };
}

/** The figures of the accumulated tickets: the means made here, rows sorted by counter, service and hour. */
export function metricsOf(acc: MetricsAcc): Metrics {
  const sorted = <K extends string | number, R>(m: Map<K, RowAcc>, f: (k: K, r: MetricsRow) => R): R[] =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, a]) => f(k, rowOf(a)));
  return {
    total: rowOf(acc.total),
    perCounter: sorted(acc.counters, (counter, r) => ({ ...r, counter })),
    perService: sorted(acc.services, (service, r) => ({ ...r, service })),
    perHour: sorted(acc.hours, (hour, r) => ({ ...r, hour })),
  };
}

/** Events in the order they happened (per ticket), every ticket starting with its 'issued' event. */
export function queueMetrics(events: readonly QueueEvent[]): Metrics {
  return metricsOf(accumulateMetrics(events));
}
