/**
 * Printing as createCore builds it: the durable print queue (database side), the sender, and — in a core that keeps
 * printing (the app's: CoreOptions.printing.run true) — the runner's poll that retries waiting jobs. A short CLI
 * command sends its own job once and leaves it queued when the printer is unavailable.
 * At every start, jobs a dead process was sending are settled: nothing written → queued again; bytes written →
 * uncertain (the clerk is asked; never resent on a guess).
 */
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { EventPublisher } from '../../rpc/event-publisher';
import type { Db } from '../../store/database';
import type { AuditLog } from '../audit/audit-log';
import type { DossierService } from '../dossiers/dossier-service';
import type { FormsService } from '../forms/forms-service';
import type { SettingsService } from '../settings/settings-service';
import { DEFAULT_DELIVERY_TIMEOUTS } from './delivery';
import { PrintJobs } from './print-jobs';
import { defaultParts, type PrintingParts } from './print-parts';
import { PrintEvents } from './print-events';
import { PrintQueue, type JobRow } from './print-queue';
import { PrintRenderer } from './print-render';
import { PrintRunner } from './print-runner';
import { printingHandlers, type PrintingHandlers } from './printing-handlers';
import { PrintingSettingsStore } from './printing-settings';

export type { PrintingHandlers };

export interface PrintingOptions {
  /** Whether this core keeps retrying waiting jobs (default false; the app's cores pass true). */
  run?: boolean;
  /** How often the runner looks at waiting jobs, ms. */
  pollMs?: number;
  /** How long printing.print with wait waits behind another process's job on its printer, ms (print-runner.ts). */
  waitBehindMs?: number;
  /** Time limits (tests pass small ones), ms. */
  timeouts?: { connect?: number; write?: number; status?: number; confirm?: number };
  /** Tests only: other transports, renderer, encoder or delivery in place of the real ones. */
  parts?: Partial<PrintingParts>;
}

export interface Printing {
  queue: PrintQueue;
  runner: PrintRunner;
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
  const o = d.options ?? {};
  const logger = d.logger.child({ area: 'printing' });
  const parts: PrintingParts = { ...defaultParts, ...o.parts };
  const queue = new PrintQueue({ db: d.db, clock: d.clock });
  const jobEvents = new PrintEvents({ queue, events: d.events, now: () => d.clock.now() });
  const changed = (row: JobRow) => jobEvents.changed(row);
  const recovered = queue.recoverDead();
  if (recovered.length) logger.warn('print jobs of a process that is gone settled', { jobs: recovered.map((r) => ({ seq: r.seq, state: r.state })) });
  const runner = new PrintRunner({
    queue,
    parts,
    timeouts: { ...DEFAULT_DELIVERY_TIMEOUTS, ...o.timeouts },
    changed,
    onPoll: () => jobEvents.poll(),
    logger,
    ...(o.pollMs ? { pollMs: o.pollMs } : {}),
    ...(o.waitBehindMs !== undefined ? { waitBehindMs: o.waitBehindMs } : {}),
  });
  const printers = new PrintingSettingsStore({ settings: d.settings, parts });
  let warm: NodeJS.Timeout | undefined;
  if (o.run === true) {
    runner.start();
    // The first ticket after start must not pay for loading the fonts and sharp (~0.4 s): at a counter with a thermal
    // printer, one throw-away ticket is drawn shortly after start, off the start-up path.
    warm = setTimeout(() => {
      const s = printers.get();
      if (![s.receipt, s.ticket].some((p) => p?.uri.startsWith('escpos+'))) return;
      // Loaded here, not at start: fonts, fontkit and sharp stay off the start-up path.
      import('./render/index')
        .then((r) => r.warmUpRenderer(d.resourcesDir))
        .catch((e: unknown) => logger.warn('thermal renderer warm-up failed', { error: String(e) }));
    }, 1_500);
    warm.unref();
  }
  const renderer = new PrintRenderer({ forms: d.forms, parts, resourcesDir: d.resourcesDir });
  const jobs = new PrintJobs({ db: d.db, clock: d.clock, queue, runner, renderer, printers, parts, dossiers: d.dossiers, settings: d.settings, audit: d.audit, changed });
  return {
    queue,
    runner,
    handlers: printingHandlers({ jobs, queue, printers, parts }),
    close: () => {
      clearTimeout(warm);
      return runner.close();
    },
  };
}
