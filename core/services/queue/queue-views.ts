/**
 * What the queue shows (issue #18): the status for kiosks and counters, the waiting counts of 'queue.changed', the
 * board (never a name or ID number), a ticket followed from its QR. Read-only over the store.
 */
import { AppError } from '../../contract/errors';
import type { EventData } from '../../contract/events';
import type { BoardCall, BoardState, CounterConfig, QueueStatus, TicketState } from '../../contract/queue';
import { announcementClips } from '../../domain/queue/announcement';
import type { Clock } from '../../platform/clock';
import type { CalendarService } from '../calendar/calendar-service';
import { closedError, noCounterError, queueDay } from './opening-hours';
import type { QueueStore, StoredCall } from './queue-store';
import { sortGroups } from './queue-service';
import type { StoreAccess } from './store-access';
import { waitMinutes } from './wait-estimate';

export class QueueViews {
  constructor(private readonly d: { access: StoreAccess; calendar: CalendarService; clock: Clock }) {}

  private now(): Date {
    return this.d.clock.now();
  }

  day(): string {
    return queueDay(this.now());
  }

  private use<T>(fn: (s: QueueStore) => Promise<T>): Promise<T> {
    return this.d.access.use(fn);
  }

  async status(): Promise<QueueStatus> {
    const now = this.now();
    const day = queueDay(now);
    return this.use(async (s) => {
      const [groups, counters, counts, lastPerCounter] = await Promise.all([s.groups(), s.counters(), s.waitingCounts(day), s.lastCallPerCounter(day)]);
      const waitingOf = new Map(counts.map((c) => [c.service, c.waiting]));
      const services = await Promise.all(
        sortGroups(groups).map(async (g) => {
          const waiting = waitingOf.get(g.code) ?? 0;
          let closedReason: string | null = (closedError(g, now, this.d.calendar) ?? noCounterError(g, counters))?.code ?? null;
          if (!closedReason && g.dailyCap !== null && (await s.issuedCount(day, g.code)) >= g.dailyCap) closedReason = 'QUEUE_DAILY_CAP_REACHED';
          const wait = await waitMinutes(s, g.code, waiting, day);
          return { code: g.code, name: g.name, prefix: g.prefix, purpose: g.purpose, waiting, open: closedReason === null, closedReason, estimatedWaitMinutes: wait };
        }),
      );
      // Before counters are set up, the counters that called today are the ones there are.
      const list: Array<Pick<CounterConfig, 'number' | 'name' | 'groups' | 'active'>> = counters.length
        ? [...counters].sort((a, b) => a.number - b.number)
        : lastPerCounter.map((c) => ({ number: c.counter, name: null, groups: groups.map((g) => g.code), active: true })).sort((a, b) => a.number - b.number);
      const withCurrent = await Promise.all(
        list.map(async (c) => {
          const t = await s.current(day, c.number);
          return { number: c.number, name: c.name, groups: c.groups, active: c.active, current: t ? { ticketId: t.id, number: t.number, state: t.state, service: t.service } : null };
        }),
      );
      return { day, services, counters: withCurrent };
    });
  }

  /** The waiting counts 'queue.changed' carries. */
  async counts(): Promise<EventData<'queue.changed'>> {
    const day = this.day();
    return this.use(async (s) => {
      const [groups, counts] = await Promise.all([s.groups(), s.waitingCounts(day)]);
      const waitingOf = new Map(counts.map((c) => [c.service, c.waiting]));
      const services = await Promise.all(
        sortGroups(groups).map(async (g) => {
          const waiting = waitingOf.get(g.code) ?? 0;
          return { code: g.code, waiting, estimatedWaitMinutes: await waitMinutes(s, g.code, waiting, day) };
        }),
      );
      return { day, services };
    });
  }

  async boardCall(call: StoredCall): Promise<BoardCall> {
    const counters = await this.use((s) => s.counters()).catch(() => []);
    return toBoardCall(call, counters);
  }

  waiting(day: string): Promise<Array<{ service: string; waiting: number }>> {
    return this.use((s) => s.waitingCounts(day));
  }

  lastCalls(day: string, limit: number): Promise<StoredCall[]> {
    return this.use((s) => s.lastCalls(day, limit));
  }

  async board(lastCalls: number): Promise<BoardState> {
    const day = this.day();
    return this.use(async (s) => {
      const [groups, counters, calls, perCounter, counts] = await Promise.all([s.groups(), s.counters(), s.lastCalls(day, lastCalls), s.lastCallPerCounter(day), s.waitingCounts(day)]);
      const nameOf = new Map(counters.map((c) => [c.number, c.name]));
      const last = new Map(perCounter.map((c) => [c.counter, c]));
      const numbers = new Set([...counters.filter((c) => c.active).map((c) => c.number), ...perCounter.map((c) => c.counter)]);
      const waitingOf = new Map(counts.map((c) => [c.service, c.waiting]));
      return {
        day,
        lastSeq: calls[0]?.seq ?? 0,
        counters: [...numbers]
          .sort((a, b) => a - b)
          .map((n) => ({ counter: n, counterName: nameOf.get(n) ?? null, ticketNumber: last.get(n)?.ticketNumber ?? null, at: last.get(n)?.at ?? null })),
        lastCalls: calls.map((c) => toBoardCall(c, counters)),
        services: sortGroups(groups)
          .filter((g) => g.active || (waitingOf.get(g.code) ?? 0) > 0)
          .map((g) => ({ code: g.code, name: g.name, waiting: waitingOf.get(g.code) ?? 0 })),
      };
    });
  }

  async track(trackingId: string): Promise<{ number: string; serviceName: string; state: TicketState; ahead: number; estimatedWaitMinutes: number | null; counter: number | null }> {
    const { ticket, ahead } = await this.use(async (s) => {
      const t = await s.byTracking(trackingId);
      if (!t) throw new AppError('QUEUE_TRACKING_UNKNOWN', {}, { field: 'trackingId' });
      return { ticket: t, ahead: t.state === 'waiting' ? await s.aheadOf(t.id) : 0 };
    });
    const waiting = ticket.state === 'waiting';
    return {
      number: ticket.number,
      serviceName: ticket.serviceName,
      state: ticket.state,
      ahead,
      estimatedWaitMinutes: waiting ? await this.use((s) => waitMinutes(s, ticket.service, ahead, this.day())) : null,
      counter: ticket.state === 'called' || ticket.state === 'serving' ? ticket.counter : null,
    };
  }
}

export function toBoardCall(call: StoredCall, counters: readonly CounterConfig[]): BoardCall {
  return {
    seq: call.seq,
    ticketNumber: call.ticketNumber,
    counter: call.counter,
    counterName: counters.find((c) => c.number === call.counter)?.name ?? null,
    service: call.service,
    at: call.at,
    recall: call.recall,
    clips: announcementClips(call.ticketNumber, call.counter),
  };
}
