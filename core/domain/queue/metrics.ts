/**
 * Queue figures from the tickets' event times (issue #18), pure so both stores compute them the same way.
 *
 * A ticket's life is one or more visits: a visit begins when it starts waiting (issued, or transferred) and ends with
 * finished, no_show or transferred. Per visit: wait = waiting → first call, walk = first call → started, service =
 * started → end (finished or transferred away while being served). Counters and services get the visits they called
 * or held; hours (Vietnam time) get every visit of the tickets issued in that hour. Counts: issued (tickets; per
 * service the service it was issued for), called (visits called), served (finished), noShow, transferred (visits that
 * ended in a transfer).
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

class Acc {
  issued = 0;
  called = 0;
  served = 0;
  noShow = 0;
  transferred = 0;
  private waits: number[] = [];
  private walks: number[] = [];
  private services: number[] = [];
  addWait(s: number): void {
    this.waits.push(s);
  }
  addWalk(s: number): void {
    this.walks.push(s);
  }
  addService(s: number): void {
    this.services.push(s);
  }
  row(): MetricsRow {
    const mean = (l: number[]): number | null => (l.length === 0 ? null : l.reduce((a, b) => a + b, 0) / l.length);
    return {
      issued: this.issued,
      called: this.called,
      served: this.served,
      noShow: this.noShow,
      transferred: this.transferred,
      meanWaitSeconds: mean(this.waits),
      meanWalkSeconds: mean(this.walks),
      meanServiceSeconds: mean(this.services),
      // Not Math.max(...waits): a year of a busy centre has more waits than a call may pass arguments.
      maxWaitSeconds: this.waits.length === 0 ? null : this.waits.reduce((a, b) => (b > a ? b : a)),
    };
  }
}

const seconds = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 1000;

/** Events in the order they happened (per ticket), every ticket starting with its 'issued' event. */
export function queueMetrics(events: readonly QueueEvent[]): Metrics {
  const total = new Acc();
  const counters = new Map<number, Acc>();
  const services = new Map<string, Acc>();
  const hours = new Map<string, Acc>();
  const get = <K>(m: Map<K, Acc>, k: K): Acc => {
    let a = m.get(k);
    if (!a) m.set(k, (a = new Acc()));
    return a;
  };
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
    let waitingSince = issued.at;
    let service = issued.service;
    let calledAt: string | null = null;
    let startedAt: string | null = null;
    let counter: number | null = null;
    // Every figure of a visit goes to the total, its hour, its service and (once called) its counter.
    const targets = (): Acc[] => [total, hour, get(services, service), ...(counter === null ? [] : [get(counters, counter)])];
    for (const e of list) {
      if (e.kind === 'issued') {
        for (const a of [total, hour, get(services, e.service)]) a.issued++;
      } else if (e.kind === 'called' && calledAt === null) {
        calledAt = e.at;
        counter = e.counter;
        for (const a of targets()) {
          a.called++;
          a.addWait(seconds(waitingSince, e.at));
        }
      } else if (e.kind === 'started' && startedAt === null) {
        startedAt = e.at;
        if (calledAt !== null) for (const a of targets()) a.addWalk(seconds(calledAt, e.at));
      } else if (e.kind === 'finished' || e.kind === 'no_show' || e.kind === 'transferred') {
        for (const a of targets()) {
          if (e.kind === 'finished') a.served++;
          else if (e.kind === 'no_show') a.noShow++;
          else a.transferred++;
          if (startedAt !== null && e.kind !== 'no_show') a.addService(seconds(startedAt, e.at));
        }
        // A transfer starts the next visit: waiting again, for the new service.
        waitingSince = e.at;
        service = e.service;
        calledAt = null;
        startedAt = null;
        counter = null;
      }
    }
  }
  const sorted = <K extends string | number, R>(m: Map<K, Acc>, f: (k: K, r: MetricsRow) => R): R[] =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, a]) => f(k, a.row()));
  return {
    total: total.row(),
    perCounter: sorted(counters, (counter, r) => ({ ...r, counter })),
    perService: sorted(services, (service, r) => ({ ...r, service })),
    perHour: sorted(hours, (hour, r) => ({ ...r, hour })),
  };
}
