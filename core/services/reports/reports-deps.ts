/** What the reports read: this host's database, the queue's store (maybe PostgreSQL), the sync's status, the catalogue's names. */
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { EventPublisher } from '../../rpc/event-publisher';
import type { Db } from '../../store/database';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { QueueService } from '../queue/queue-service';
import type { Sync } from '../sync/sync-setup';

export interface ReportsDeps {
  db: Db;
  queue: QueueService;
  sync: Pick<Sync, 'status'>;
  catalogue: CatalogueService;
  events: EventPublisher;
  logger: Logger;
  clock: Clock;
  /** Folder holding fonts/ for the report files (default: the app's resources beside the source). */
  resourcesDir?: string;
}
