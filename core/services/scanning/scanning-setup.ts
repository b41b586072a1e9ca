/**
 * Scanning as createCore builds it: the device directory (what scans.devices lists and the registry jobs scan
 * through), the page pipeline (worker threads, started on the first page so a CLI command that scans nothing spawns
 * none), the scan service, and crash recovery run once at start. Kept here so core/app.ts stays a list of wiring.
 */
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { EventPublisher } from '../../rpc/event-publisher';
import type { Db } from '../../store/database';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { DossierService } from '../dossiers/dossier-service';
import { trayOwnerOf, type PageStore } from '../documents/page-store';
import type { SettingsService } from '../settings/settings-service';
import { BatchLocks } from './batch-locks';
import { DeviceDirectory, type DeviceDirectoryOptions } from './device-directory';
import { scansDirectoryHandlers } from './directory-handlers';
import { recoverScans } from './job-recovery';
import { createPagePipeline } from './pipeline/page-pipeline';
import type { PagePipeline, PipelineInput } from './pipeline/types';
import { ScanService } from './scan-service';
import { scansHandlers, type ScansHandlers } from './scans-handlers';
import { separatorSheetHandler } from './separators/handlers';

export interface ScanningOptions {
  /** The page pipeline (tests may pass a small one); default createPagePipeline(), started on first use. */
  pipeline?: PagePipeline;
  /** Device directory options besides Settings (backend options, discovery, the CLI's extra scanners). */
  directory?: Omit<DeviceDirectoryOptions, 'settings' | 'logger'>;
}

/** Starts the worker pool on the first page, not at core start. */
export function lazyPipeline(make: () => PagePipeline): PagePipeline {
  let pool: PagePipeline | null = null;
  return {
    process: (input: PipelineInput) => (pool ??= make()).process(input),
    close: async () => {
      if (pool) await pool.close();
      pool = null;
    },
  };
}

export interface Scanning {
  scans: ScanService;
  directory: DeviceDirectory;
  handlers: ScansHandlers;
  close(): Promise<void>;
}

export function createScanning(d: {
  db: Db;
  dataRoot: string;
  resourcesDir: string;
  pages: PageStore;
  dossiers: DossierService;
  catalogue: CatalogueService;
  settings: SettingsService;
  events: EventPublisher;
  logger: Logger;
  clock: Clock;
  options?: ScanningOptions;
}): Scanning {
  const directory = new DeviceDirectory({ settings: d.settings, logger: d.logger, ...d.options?.directory });
  const pipeline = d.options?.pipeline ?? lazyPipeline(() => createPagePipeline());
  const locks = new BatchLocks(d.dataRoot);
  const scans = new ScanService({
    db: d.db,
    store: d.pages,
    pipeline,
    // The registry as Settings make it now (an eSCL URL or folder enabled later is scanned without a restart).
    scanner: () => directory.registry,
    events: d.events,
    dossiers: d.dossiers,
    logger: d.logger.child({ area: 'scan' }),
    clock: d.clock,
    locks,
    trayOwnerOf,
  });
  const report = recoverScans({ db: d.db, store: d.pages, locks, scans, logger: d.logger });
  if (report.interrupted.length || report.requeued) d.logger.warn('scan recovery at start', { interrupted: report.interrupted.length, requeued: report.requeued });
  const handlers = scansHandlers(scans, scansDirectoryHandlers(directory), separatorSheetHandler(d.catalogue, { resourcesDir: d.resourcesDir }));
  return {
    scans,
    directory,
    handlers,
    async close() {
      await scans.close();
      await pipeline.close();
    },
  };
}
