/**
 * Printing as createCore builds it: the durable print queue (database side), the sender, and — in a core that keeps
 * printing (the app's: CoreOptions.printing.run true) — the runner that retries waiting jobs. A short CLI command
 * sends its own job once and leaves it queued when the printer is unavailable.
 * At every start, jobs a dead process was sending are settled: nothing written → queued again; bytes written →
 * uncertain (the clerk is asked; never resent on a guess).
 * PLACEHOLDER (skeleton): the queue's owner fills this in.
 */
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { EventPublisher } from '../../rpc/event-publisher';
import type { Handlers } from '../../rpc/handlers';
import type { Db } from '../../store/database';
import type { printingContract } from '../../contract/printing';
import { AppError } from '../../contract/errors';
import type { AuditLog } from '../audit/audit-log';
import type { DossierService } from '../dossiers/dossier-service';
import type { FormsService } from '../forms/forms-service';
import type { SettingsService } from '../settings/settings-service';

export interface PrintingOptions {
  /** Whether this core keeps retrying waiting jobs (default false; the app's cores pass true). */
  run?: boolean;
  /** How often the runner looks at waiting jobs, ms. */
  pollMs?: number;
  /** Time limits (tests pass small ones), ms. */
  timeouts?: { connect?: number; write?: number; status?: number; confirm?: number };
}

export type PrintingHandlers = Handlers<typeof printingContract>;

export interface Printing {
  handlers: PrintingHandlers;
  close(): Promise<void>;
}

export function createPrinting(d: {
  db: Db;
  dataRoot: string;
  resourcesDir: string;
  forms: FormsService;
  dossiers: DossierService;
  settings: SettingsService;
  audit: AuditLog;
  events: EventPublisher;
  logger: Logger;
  clock: Clock;
  options?: PrintingOptions;
}): Printing {
  void d;
  const notYet = (): never => {
    throw new AppError('PRINT_NO_PRINTER', {});
  };
  return {
    handlers: {
      settings: notYet,
      configure: notYet,
      discover: notYet,
      print: notYet,
      jobs: notYet,
      reprint: notYet,
      resolve: notYet,
      retry: notYet,
      cancel: notYet,
      preview: notYet,
    },
    close: async () => {},
  };
}
