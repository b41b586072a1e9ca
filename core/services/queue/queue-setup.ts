/**
 * The queue's composition (issue #18): the store (SQLite in the host's database, or PostgreSQL when
 * MOTCUA_QUEUE_DATABASE_URL is set), the service, its handlers and the events it publishes.
 * PLACEHOLDER (skeleton): the queue-service helper replaces the body.
 */
import { AppError } from '../../contract/errors';
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
  close(): Promise<void>;
}

export function createQueue(_deps: QueueDeps): Queue {
  const notYet = (): never => {
    throw new AppError('INTERNAL');
  };
  const handlers = new Proxy({}, { get: () => notYet }) as Handlers<typeof queueContract>;
  return { handlers, close: async () => undefined };
}
