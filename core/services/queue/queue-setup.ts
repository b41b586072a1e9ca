/**
 * The queue's composition (issue #18): the store (SQLite in the host's database, or PostgreSQL when
 * MOTCUA_QUEUE_DATABASE_URL is set), the service, its handlers and the events it publishes.
 * A PostgreSQL that is down at start does not stop the core: queue calls answer QUEUE_STORE_UNAVAILABLE until it is back.
 */
import type { queueContract } from '../../contract/queue';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { EventPublisher } from '../../rpc/event-publisher';
import type { Handlers } from '../../rpc/handlers';
import type { Db } from '../../store/database';
import type { AuditLog } from '../audit/audit-log';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Printing } from '../printing/printing-setup';
import type { SettingsService } from '../settings/settings-service';
import { QueueEvents } from './queue-events';
import { queueHandlers } from './queue-handlers';
import { QueueService } from './queue-service';
import { QueueViews } from './queue-views';
import type { QueueStore } from './queue-store';
import { sampleGroups } from './sample-groups';
import { StoreAccess } from './store-access';
import { createPgQueueStore } from './store/pg-queue-store';
import { createSqliteQueueStore } from './store/sqlite-queue-store';

export interface QueueOptions {
  /** PostgreSQL URL of the centre's queue (default: MOTCUA_QUEUE_DATABASE_URL; absent: this host's SQLite). */
  databaseUrl?: string | null;
}

export interface QueueDeps {
  db: Db;
  audit: AuditLog;
  settings: SettingsService;
  calendar: CalendarService;
  catalogue: CatalogueService;
  printing: Printing;
  events: EventPublisher;
  logger: Logger;
  clock: Clock;
  options?: QueueOptions;
}

export interface Queue {
  handlers: Handlers<typeof queueContract>;
  /** The service itself (the CLI and tests read through the handlers; this is for composition). */
  service: QueueService;
  close(): Promise<void>;
}

function openStore(deps: QueueDeps): QueueStore {
  const url = deps.options?.databaseUrl !== undefined ? deps.options.databaseUrl : (process.env.MOTCUA_QUEUE_DATABASE_URL ?? null);
  // The pool connects on first use: a database that is down now does not stop the core from starting.
  if (url && url.trim()) return createPgQueueStore({ databaseUrl: url.trim() });
  return createSqliteQueueStore(deps.db);
}

export function createQueue(deps: QueueDeps): Queue {
  const logger = deps.logger.child({ area: 'queue' });
  const store = openStore(deps);
  // A fresh data directory starts with groups from the catalogue (the store adds them only when it has none).
  const access = new StoreAccess(
    store,
    async (s) => {
      const agencies = deps.catalogue.agencies();
      if (agencies.length === 0) return;
      if (await s.seedGroups(sampleGroups(agencies))) logger.info('sample queue groups made', { groups: agencies.length + 1 });
    },
    logger,
  );
  let events: QueueEvents | null = null;
  const service = new QueueService({
    access,
    db: deps.db,
    audit: deps.audit,
    settings: deps.settings,
    calendar: deps.calendar,
    catalogue: deps.catalogue,
    printing: deps.printing,
    clock: deps.clock,
    onChanged: () => events?.changed(),
    onCalled: async (call) => {
      try {
        await events?.called(call);
      } catch (e) {
        // The call stands (it is stored); a board that missed it catches up with queue.board.
        logger.warn('queue.called not published', { error: String(e) });
      }
    },
  });
  const views = new QueueViews({ access, calendar: deps.calendar, clock: deps.clock });
  events = new QueueEvents(deps.events, { day: () => views.day(), lastCalls: (day, n) => views.lastCalls(day, n), boardCall: (c) => views.boardCall(c), counts: () => views.counts(), waiting: (day) => views.waiting(day) }, logger);
  return {
    handlers: queueHandlers(service, views),
    service,
    async close() {
      await events?.close();
      await access.close();
    },
  };
}

