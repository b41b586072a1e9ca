/**
 * Sync as createCore builds it: the outbox reader, the worker that sends events and files and pulls changes, the
 * handlers of the `sync` contract group. In a core that keeps syncing (the app's: CoreOptions.sync.run true) the
 * worker runs in the background with its stored backoff; the CLI runs it once (`motcua sync --once`) or until
 * stopped (`motcua sync`).
 * PLACEHOLDER (skeleton): the outbox-worker helper implements it.
 */
import type { Handlers } from '../../rpc/handlers';
import type { syncContract } from '../../contract/sync';
import { AppError } from '../../contract/errors';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { EventPublisher } from '../../rpc/event-publisher';
import type { Db } from '../../store/database';
import type { AuditLog } from '../audit/audit-log';
import type { CalendarService } from '../calendar/calendar-service';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { CounterIdentity } from '../dossiers/counter-identity';
import type { DossierService } from '../dossiers/dossier-service';
import type { SettingsService } from '../settings/settings-service';
import type { CentralLink } from './central-link';

export type SyncHandlers = Handlers<typeof syncContract>;

export interface SyncOptions {
  /** Whether this core runs the worker in the background (default false; the app's cores pass true). */
  run?: boolean;
  /** Upload cap, bytes per second (default: the setting `sync.bytesPerSecond`, none when unset). */
  bytesPerSecond?: number | null;
  /** Whole-call limit for one request, ms. */
  timeoutMs?: number;
  /** Backoff: first wait and the cap, ms (default 2 s … 10 min, with jitter). */
  backoff?: { baseMs?: number; maxMs?: number };
  /** How often the worker pulls changes when nothing is pending, ms. */
  pullEveryMs?: number;
}

export interface SyncDeps {
  db: Db;
  dataRoot: string;
  filesDir: string;
  link: CentralLink;
  audit: AuditLog;
  settings: SettingsService;
  counter: CounterIdentity;
  dossiers: DossierService;
  catalogue: CatalogueService;
  calendar: CalendarService;
  events: EventPublisher;
  logger: Logger;
  clock: Clock;
  options?: SyncOptions;
}

export interface Sync {
  handlers: SyncHandlers;
  /** Tries every pending item now (backoff ignored), then pulls changes. */
  runOnce(): Promise<{ sent: number; remaining: number; rejected: number; pulled: number }>;
  /** Runs the worker until close() (the CLI's `motcua sync` without --once). */
  start(): void;
  close(): Promise<void>;
}

export function createSync(_deps: SyncDeps): Sync {
  const notYet = (): never => {
    throw new AppError('SYNC_NOT_ENROLLED');
  };
  return {
    handlers: { status: notYet, enrol: notYet, now: notYet, outbox: notYet, retry: notYet, changes: notYet },
    runOnce: async () => notYet(),
    start: () => {},
    close: async () => {},
  };
}
