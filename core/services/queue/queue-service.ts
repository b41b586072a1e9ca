/**
 * The centre's queue (issue #18) over its store: issuing tickets inside opening hours, calling them at counters,
 * what boards and phones see, and the set-up (groups, counters, rules; audited). Adapters reach it through
 * queue-handlers.ts; every call is told to the boards (queue-events.ts); what it shows is in queue-views.ts.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../contract/errors';
import type {
  CounterConfig,
  PriorityReason,
  QueueConfig,
  QueueMetrics,
  QueueRules,
  ServiceGroup,
  Ticket,
  TicketState,
} from '../../contract/queue';
import { parseCccdQr } from '../../domain/cccd/parse';
import type { Clock } from '../../platform/clock';
import type { CallContext } from '../../rpc/context';
import { inTransaction, type Db } from '../../store/database';
import type { Actor } from '../actor';
import type { AuditLog } from '../audit/audit-log';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Printing } from '../printing/printing-setup';
import type { SettingsService } from '../settings/settings-service';
import { QueueMetricsCache } from './metrics-cache';
import { checkGroupHours, closedError, noCounterError, queueDay } from './opening-hours';
import type { CallScope, QueueStore, StoredCall, TicketKey } from './queue-store';
import type { StoreAccess } from './store-access';
import { printTicket, publicOrigin, trackingQr, type TicketPrintResult } from './ticket-printing';
import { waitMinutes } from './wait-estimate';

export interface QueueServiceDeps {
  access: StoreAccess;
  db: Db;
  audit: AuditLog;
  settings: SettingsService;
  calendar: CalendarService;
  catalogue: CatalogueService;
  printing: Printing;
  clock: Clock;
  /** Told after every change and call (queue-events.ts). */
  onChanged: () => void;
  onCalled: (call: StoredCall) => Promise<void>;
}

export type IssuedTicket = Ticket & { ahead: number; estimatedWaitMinutes: number | null } & TicketPrintResult;

export interface IssueInput {
  service: string;
  priority?: PriorityReason | undefined;
  cccdQr?: string | undefined;
  receiptQr?: string | undefined;
  print: boolean;
  requestId?: string | undefined;
}

/** A receipt QR holds the dossier code, or a lookup address with ?code=… (as dossiers.lookup reads it). */
export function receiptCodeOf(text: string): string {
  const value = text.trim();
  if (!/^https?:\/\//i.test(value)) return value;
  let code: string;
  try {
    const url = new URL(value);
    code = url.searchParams.get('code') ?? url.searchParams.get('ma') ?? decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
  } catch {
    code = '';
  }
  if (!code.trim()) throw new AppError('QUEUE_BAD_RECEIPT', { text: value.slice(0, 80) }, { field: 'receiptQr' });
  return code.trim().slice(0, 100);
}

/** Only the number and the name are kept from the CCCD QR (the clerk's screen shows them; boards never do). */
function applicantOf(qr: string): { idNumber: string; fullName: string } {
  try {
    const { idNumber, fullName } = parseCccdQr(qr);
    return { idNumber, fullName };
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.code, e.params, { field: 'cccdQr', cause: e });
    throw e;
  }
}

export class QueueService {
  /** Past days' queue figures (queue.metrics), per store: this service only ever has one. */
  private readonly metricsCache = new QueueMetricsCache();

  constructor(private readonly d: QueueServiceDeps) {}

  private now(): Date {
    return this.d.clock.now();
  }

  day(): string {
    return queueDay(this.now());
  }

  private use<T>(fn: (s: QueueStore) => Promise<T>): Promise<T> {
    return this.d.access.use(fn);
  }

  // ---- set-up ----

  async config(): Promise<QueueConfig> {
    return this.use(async (s) => {
      const [groups, counters, rules] = await Promise.all([s.groups(), s.counters(), s.rules()]);
      return { groups: sortGroups(groups), counters: [...counters].sort((a, b) => a.number - b.number), rules, countersConfigured: counters.length > 0, store: s.kind };
    });
  }

  private audited(actor: Actor, action: string, entity: string, entityId: string | number | null, data: unknown): void {
    inTransaction(this.d.db, () => {
      this.d.audit.append(actor, { action, entity, entityId, data });
    });
  }

  async saveGroup(actor: Actor, g: ServiceGroup): Promise<QueueConfig> {
    checkGroupHours(g.hours);
    if (g.agencyCode !== null && !this.d.catalogue.hasAgency(g.agencyCode)) {
      throw new AppError('CATALOGUE_AGENCY_NOT_FOUND', { agencyCode: g.agencyCode }, { field: 'agencyCode' });
    }
    await this.use(async (s) => {
      // Two groups numbering alike would print the same number twice in a day (and callNumber could not tell them apart).
      const clash = (await s.groups()).find((o) => o.code !== g.code && o.prefix === g.prefix && (g.prefix !== '' || o.startNumber === g.startNumber));
      if (clash) throw new AppError('QUEUE_PREFIX_TAKEN', { prefix: g.prefix, start: g.startNumber, other: clash.code }, { field: 'prefix' });
      await s.saveGroup(g);
    });
    this.audited(actor, 'queue.saveGroup', 'queue_group', g.code, g);
    this.d.onChanged();
    return this.config();
  }

  async saveCounter(actor: Actor, c: CounterConfig): Promise<QueueConfig> {
    await this.use(async (s) => {
      const codes = new Set((await s.groups()).map((g) => g.code));
      const unknown = c.groups.find((g) => !codes.has(g));
      if (unknown !== undefined) throw new AppError('QUEUE_SERVICE_UNKNOWN', { service: unknown }, { field: 'groups' });
      await s.saveCounter({ ...c, groups: [...new Set(c.groups)] });
    });
    this.audited(actor, 'queue.saveCounter', 'queue_counter', c.number, c);
    this.d.onChanged();
    return this.config();
  }

  async saveRules(actor: Actor, r: QueueRules): Promise<QueueConfig> {
    await this.use((s) => s.saveRules(r));
    this.audited(actor, 'queue.saveRules', 'queue_rules', null, r);
    return this.config();
  }

  // ---- issuing ----

  private async group(s: QueueStore, code: string, field = 'service'): Promise<ServiceGroup> {
    const g = (await s.groups()).find((x) => x.code === code);
    if (!g) throw new AppError('QUEUE_SERVICE_UNKNOWN', { service: code.slice(0, 40) }, { field });
    return g;
  }

  async issue(input: IssueInput, ctx: CallContext): Promise<IssuedTicket> {
    const now = this.now();
    // The QRs are read before anything is stored: a bad one is the citizen's to rescan.
    const applicant = input.cccdQr !== undefined ? applicantOf(input.cccdQr) : null;
    const receiptCode = input.receiptQr !== undefined ? receiptCodeOf(input.receiptQr) : null;
    const trackingId = randomBytes(16).toString('base64url');
    const { result, group } = await this.use(async (s) => {
      const g = await this.group(s, input.service);
      const closed = closedError(g, now, this.d.calendar) ?? noCounterError(g, await s.counters());
      if (closed) throw closed;
      const r = await s.issue({
        day: queueDay(now),
        at: now.toISOString(),
        group: g,
        priority: input.priority ?? null,
        applicant,
        receiptCode,
        trackingId,
        requestId: input.requestId ?? null,
      });
      return { result: r, group: g };
    });
    this.d.onChanged();
    const ticket = result.ticket;
    const wait = await this.use((s) => waitMinutes(s, ticket.service, result.ahead, queueDay(now))).catch(() => null);
    // A retried request answers with the first ticket, which was printed then: not printed again.
    const replay = ticket.trackingId !== trackingId;
    const print: TicketPrintResult =
      input.print && !replay
        ? await printTicket(this.d.printing, ctx, { number: ticket.number, serviceName: group.name, ahead: result.ahead, waitMinutes: wait, qr: trackingQr(publicOrigin(this.d.settings), ticket.trackingId) })
        : { printJobId: null, printError: null };
    // A kiosk's screen is public: the CCCD number goes to the clerks (the stored ticket), never back to the device.
    const shown = ctx.device !== null ? { ...ticket, applicant: null } : ticket;
    return { ...shown, ahead: result.ahead, estimatedWaitMinutes: wait, ...print };
  }

  // ---- calling ----

  private async scope(s: QueueStore, counter: number, requestId: string | undefined): Promise<CallScope> {
    const now = this.now();
    const [counters, rules] = await Promise.all([s.counters(), s.rules()]);
    let groups: string[] | null = null;
    if (counters.length > 0) {
      const c = counters.find((x) => x.number === counter);
      if (!c) throw new AppError('QUEUE_COUNTER_UNKNOWN', { counter }, { field: 'counter' });
      if (!c.active) throw new AppError('QUEUE_COUNTER_INACTIVE', { counter }, { field: 'counter' });
      if (c.groups.length === 0) throw new AppError('QUEUE_COUNTER_NO_GROUPS', { counter }, { field: 'counter' });
      groups = c.groups;
    }
    return { day: queueDay(now), at: now.toISOString(), counter, groups, rules, requestId: requestId ?? null };
  }

  /**
   * Once counters are set up, a ticket is sent only to a counter that can call it (active, serving its service):
   * else it would wait there for ever. Before, any counter number serves every service.
   */
  private async checkCounter(s: QueueStore, counter: number, service: string | null, field: string): Promise<void> {
    const counters = await s.counters();
    if (counters.length === 0) return;
    const c = counters.find((x) => x.number === counter);
    if (!c) throw new AppError('QUEUE_COUNTER_UNKNOWN', { counter }, { field });
    if (!c.active) throw new AppError('QUEUE_COUNTER_INACTIVE', { counter }, { field });
    if (c.groups.length === 0) throw new AppError('QUEUE_COUNTER_NO_GROUPS', { counter }, { field });
    if (service !== null && !c.groups.includes(service)) {
      const name = (await s.groups()).find((g) => g.code === service)?.name ?? service;
      throw new AppError('QUEUE_COUNTER_NOT_SERVING', { counter, service: name }, { field });
    }
  }

  private async told<T extends { call: StoredCall | null }>(r: T): Promise<T> {
    if (r.call) await this.d.onCalled(r.call);
    this.d.onChanged();
    return r;
  }

  async callNext(counter: number, requestId: string | undefined): Promise<Ticket | null> {
    const r = await this.use(async (s) => s.callNext(await this.scope(s, counter, requestId)));
    return (await this.told(r)).ticket;
  }

  async callNumber(counter: number, number: string, requestId: string | undefined): Promise<Ticket> {
    const r = await this.use(async (s) => s.callNumber({ ...(await this.scope(s, counter, requestId)), number: number.trim().toUpperCase() }));
    return (await this.told(r)).ticket;
  }

  async recall(ticketId: string, counter: number): Promise<Ticket> {
    const r = await this.use((s) => s.recall({ ticketId, counter, at: this.now().toISOString() }));
    return (await this.told(r)).ticket;
  }

  private async moved(fn: (s: QueueStore, at: string) => Promise<Ticket>): Promise<Ticket> {
    const t = await this.use((s) => fn(s, this.now().toISOString()));
    this.d.onChanged();
    return t;
  }

  noShow(ticketId: string): Promise<Ticket> {
    return this.moved((s, at) => s.noShow({ ticketId, at }));
  }

  start(ticketId: string): Promise<Ticket> {
    return this.moved((s, at) => s.start({ ticketId, at }));
  }

  finish(ticketId: string, dossierId: string | undefined): Promise<Ticket> {
    return this.moved((s, at) => s.finish({ ticketId, at, dossierId: dossierId ?? null }));
  }

  transfer(ticketId: string, toService: string | undefined, toCounter: number | undefined): Promise<Ticket> {
    return this.moved(async (s, at) => {
      const group = toService !== undefined ? await this.group(s, toService, 'toService') : null;
      if (group) {
        const none = noCounterError(group, await s.counters());
        if (none) throw new AppError(none.code, none.params, { field: 'toService' });
      }
      if (toCounter !== undefined) await this.checkCounter(s, toCounter, group?.code ?? (await s.get(ticketId))?.service ?? null, 'toCounter');
      return s.transfer({ ticketId, at, toService: group, toCounter: toCounter ?? null });
    });
  }

  // ---- reading ----

  current(counter: number): Promise<Ticket | null> {
    return this.use((s) => s.current(this.day(), counter));
  }

  tickets(day: string | undefined, states: readonly TicketState[] | undefined, limit: number): Promise<Ticket[]> {
    return this.use((s) => s.tickets({ day: day ?? this.day(), states: states && states.length ? states : null, limit }));
  }

  async metrics(from: string, to: string): Promise<QueueMetrics> {
    if (from > to) throw new AppError('QUEUE_BAD_PERIOD', { from, to }, { field: 'from' });
    // Past days' figures are kept (metrics-cache.ts checks them against the events on every read); today is read fresh.
    const m = await this.use((s) => s.metrics({ from, to, cache: { days: this.metricsCache, today: this.day() } }));
    return { from, to, ...m };
  }

  /** The reports' drill-down (issue #19): the keys of the tickets issued on [from, to], then the page shown. */
  ticketKeysBetween(o: { from: string; to: string; noShowOnly: boolean; counter: number | null }): Promise<TicketKey[]> {
    return this.use((s) => s.ticketKeysBetween(o));
  }

  ticketsByIds(ids: readonly string[]): Promise<Ticket[]> {
    return this.use((s) => s.ticketsByIds(ids));
  }
}

export function sortGroups(groups: readonly ServiceGroup[]): ServiceGroup[] {
  return [...groups].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
}
