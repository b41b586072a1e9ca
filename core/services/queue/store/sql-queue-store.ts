/**
 * The QueueStore over an SqlRunner (issue #18): the one implementation both stores share (sqlite-queue-store.ts,
 * pg-queue-store.ts only say how SQL runs and how their tables are made).
 */
import { randomUUID } from 'node:crypto';
import { queueRulesSchema, type CounterConfig, type QueueRules, type ServiceGroup } from '../../../contract/queue';
import type { QueueStore } from '../queue-store';
import * as calling from './calling-ops';
import * as reads from './read-ops';
import { exec, row, rows, type Sql, type SqlRunner } from './sql';
import * as states from './state-ops';
import { toTicket } from './ticket-row';

function* saveGroupOp(g: ServiceGroup): Sql<void> {
  yield* exec('INSERT INTO queue_groups (code, sort, data) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET sort = excluded.sort, data = excluded.data', g.code, g.sort, JSON.stringify(g));
}

export class SqlQueueStore implements QueueStore {
  constructor(
    readonly kind: 'sqlite' | 'postgres',
    private readonly sql: SqlRunner,
    private readonly hooks: { migrate(): Promise<void>; close(): Promise<void> },
  ) {}

  migrate(): Promise<void> {
    return this.hooks.migrate();
  }
  close(): Promise<void> {
    return this.hooks.close();
  }

  groups(): Promise<ServiceGroup[]> {
    return this.sql.read(function* () {
      return (yield* rows<{ data: string }>('SELECT data FROM queue_groups ORDER BY sort, code')).map((r) => JSON.parse(r.data) as ServiceGroup);
    });
  }
  counters(): Promise<CounterConfig[]> {
    return this.sql.read(function* () {
      return (yield* rows<{ data: string }>('SELECT data FROM queue_counters ORDER BY number')).map((r) => JSON.parse(r.data) as CounterConfig);
    });
  }
  rules(): Promise<QueueRules> {
    return this.sql.read(function* () {
      const r = yield* row<{ value: string }>(`SELECT value FROM queue_settings WHERE key = 'rules'`);
      return queueRulesSchema.parse(r ? JSON.parse(r.value) : {});
    });
  }
  saveGroup(g: ServiceGroup): Promise<void> {
    return this.sql.write(() => saveGroupOp(g));
  }
  saveCounter(c: CounterConfig): Promise<void> {
    return this.sql.write(function* () {
      yield* exec('INSERT INTO queue_counters (number, data) VALUES (?, ?) ON CONFLICT (number) DO UPDATE SET data = excluded.data', c.number, JSON.stringify(c));
    });
  }
  saveRules(r: QueueRules): Promise<void> {
    return this.sql.write(function* () {
      yield* exec(`INSERT INTO queue_settings (key, value) VALUES ('rules', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, JSON.stringify(r));
    });
  }
  seedGroups(groups: readonly ServiceGroup[]): Promise<boolean> {
    return this.sql.write(function* () {
      const n = (yield* row<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM queue_groups'))?.n ?? 0;
      if (n > 0) return false;
      for (const g of groups) yield* saveGroupOp(g);
      return true;
    });
  }

  issue: QueueStore['issue'] = (req) => this.sql.write(() => calling.issue(req, randomUUID));
  callNext: QueueStore['callNext'] = (scope) => this.sql.write(() => calling.callNext(scope));
  callNumber: QueueStore['callNumber'] = (scope) => this.sql.write(() => calling.callNumber(scope));
  recall: QueueStore['recall'] = (o) => this.sql.writeTicket(o.ticketId, () => calling.recall(o));
  noShow: QueueStore['noShow'] = (o) => this.sql.writeTicket(o.ticketId, () => states.noShow(o));
  transfer: QueueStore['transfer'] = (o) => this.sql.write(() => states.transfer(o));
  start: QueueStore['start'] = (o) => this.sql.writeTicket(o.ticketId, () => states.start(o));
  finish: QueueStore['finish'] = (o) => this.sql.writeTicket(o.ticketId, () => states.finish(o));

  get: QueueStore['get'] = (id) =>
    this.sql.read(function* () {
      const t = yield* reads.ticketRow(id);
      return t ? toTicket(t) : null;
    });
  byTracking: QueueStore['byTracking'] = (trackingId) => this.sql.read(() => reads.byTracking(trackingId));
  current: QueueStore['current'] = (day, counter) => this.sql.read(() => reads.current(day, counter));
  tickets: QueueStore['tickets'] = (o) => this.sql.read(() => reads.tickets(o));
  waitingCounts: QueueStore['waitingCounts'] = (day) => this.sql.read(() => reads.waitingCounts(day));
  aheadOf: QueueStore['aheadOf'] = (id) => this.sql.read(() => reads.aheadOf(id));
  lastCalls: QueueStore['lastCalls'] = (day, limit) => this.sql.read(() => reads.lastCalls(day, limit));
  lastCallPerCounter: QueueStore['lastCallPerCounter'] = (day) => this.sql.read(() => reads.lastCallPerCounter(day));
  issuedCount: QueueStore['issuedCount'] = (day, service) => this.sql.read(() => reads.issuedCount(day, service));
  recentServiceSeconds: QueueStore['recentServiceSeconds'] = (service, limit) => this.sql.read(() => reads.recentServiceSeconds(service, limit));
  metrics: QueueStore['metrics'] = (o) => this.sql.read(() => reads.metrics(o));
  ticketKeysBetween: QueueStore['ticketKeysBetween'] = (o) => this.sql.read(() => reads.ticketKeysBetween(o));
  ticketsByIds: QueueStore['ticketsByIds'] = (ids) => this.sql.read(() => reads.ticketsByIds(ids));
}
