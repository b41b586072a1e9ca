/**
 * Composition root: opens the data directory and database, builds the services and wires every contract
 * group to its handlers. Adapters (Electron utility process, web server, CLI) call createCore and nothing else.
 */
import type { CallResult } from './contract/bridge';
import { contract, methods } from './contract/index';
import type { ContractGroup, Role } from './contract/method';
import { systemClock, type Clock } from './platform/clock';
import { ensureDataLayout, type DataLayout } from './platform/data-dir';
import { FileLogger, type LogLevel, type Logger } from './platform/logger';
import { resolveResourcesDir } from './platform/paths';
import { appVersion } from './platform/version';
import { newConnection, type Connection, type Transport } from './rpc/connection';
import { createDispatcher } from './rpc/dispatch';
import { EventHub } from './rpc/event-hub';
import type { EventPublisher } from './rpc/event-publisher';
import { eventsHandlers } from './rpc/events-handlers';
import type { HandlerFn, Handlers } from './rpc/handlers';
import { AuditLog } from './services/audit/audit-log';
import { attachAuditKey } from './services/audit/audit-keying';
import { AuditKeyStore, resolveKeyDir } from './platform/audit-key-store';
import { existsSync } from 'node:fs';
import { AuthService, DEFAULT_AUTH_POLICY, type AuthPolicy } from './services/auth/auth-service';
import { authHandlers, usersHandlers } from './services/auth/handlers';
import { backupDatabase } from './services/backup-service';
import { SettingsService } from './services/settings/settings-service';
import { CalendarService } from './services/calendar/calendar-service';
import { calendarHandlers } from './services/calendar/handlers';
import { CatalogueService } from './services/catalogue/catalogue-service';
import { catalogueHandlers } from './services/catalogue/handlers';
import { ApplicantRepo } from './services/dossiers/applicant-repo';
import { parseApplicantQr } from './services/dossiers/cccd';
import { CodeAllocator } from './services/dossiers/code-allocator';
import { CounterIdentity } from './services/dossiers/counter-identity';
import { DossierService } from './services/dossiers/dossier-service';
import { ReturnCorrection } from './services/dossiers/return-correction';
import { ReceptionDraftStore } from './services/reception/draft-store';
import { receptionHandlers } from './services/reception/handlers';
import { AttachmentStore } from './services/documents/attachments';
import { uploadsHandlers } from './services/documents/handlers';
import { documentsHandlers } from './services/documents/document-handlers';
import { DocumentReader } from './services/documents/document-reader';
import { UploadStaging } from './services/documents/upload-staging';
import { PageStore } from './services/documents/page-store';
import { pagesHandlers } from './services/documents/pages-handlers';
import { PageEdits } from './services/documents/page-edits';
import { createScanning, type ScanningOptions } from './services/scanning/scanning-setup';
import type { ScanService } from './services/scanning/scan-service';
import type { DeviceDirectory } from './services/scanning/device-directory';
import { clearRunMark, sweepOrphanFiles } from './services/documents/orphan-sweep';
import { FolderJournal } from './services/documents/folder-journal';
import { createOcr, type Ocr, type OcrOptions } from './services/ocr/ocr-setup';
import { searchHandlers } from './services/search/search-handlers';
import { createPrinting, type Printing, type PrintingOptions } from './services/printing/printing-setup';
import { createAuditAnchorCheck } from './services/sync/audit-anchor-check';
import { CentralLink } from './services/sync/central-link';
import { EnrolledSequenceAuthority } from './services/sync/central-sequence-authority';
import { createSync, type Sync, type SyncOptions } from './services/sync/sync-setup';
import { createQueue, type Queue, type QueueOptions } from './services/queue/queue-setup';
import { createReports, type Reports } from './services/reports/reports-setup';
import { createPairing, type Pairing } from './services/pairing/pairing-setup';
import { SearchService } from './services/search/search-service';
import { applicantsHandlers, dossiersHandlers } from './services/dossiers/handlers';
import type { SequenceAuthority } from './services/dossiers/sequence-authority';
import { FormsService } from './services/forms/forms-service';
import { formsHandlers } from './services/forms/handlers';
import { seedSampleCatalogue } from './services/catalogue/sample';
import { BarcodeService } from './services/devices/barcode-service';
import { devicesHandlers } from './services/devices/handlers';
import { createPosScanner, type BarcodeSource } from '../native/hid/pos-scanner';
import { auditHandlers, settingsHandlers, systemHandlers } from './services/system-handlers';
import { currentVersion } from './store/migrate';
import { openDatabase, type Db } from './store/database';

export interface CoreOptions {
  dataDir: string;
  resourcesDir?: string;
  logLevel?: LogLevel;
  echoLogs?: boolean;
  clock?: Clock;
  authPolicy?: Partial<AuthPolicy>;
  /** Where dossier code blocks come from (the central system once sync lands); default: the local table. */
  sequenceAuthority?: SequenceAuthority;
  /** The HID POS barcode scanner (default: the first one node-hid finds). */
  barcodeSource?: BarcodeSource;
  /** Load resources/catalogue/sample.json into an empty catalogue (demos, first run). Default true. */
  seedSampleCatalogue?: boolean;
  /**
   * Where the audit chain's HMAC key is kept, outside the data folder (core/platform/audit-key-store.ts). dir: the
   * owner-only key folder (default MOTCUA_KEY_DIR, else "<OS config>/MotCua Desk Keys"); masterSecret: Electron's
   * safeStorage-protected secret from the main process (keys are then derived, never written in clear).
   */
  auditKey?: { dir?: string; masterSecret?: Buffer };
  /** Scanning: the page pipeline and device directory options (tests pass small ones). */
  scanning?: ScanningOptions;
  /** OCR: whether this core reads pages (default no: the app's cores, web and Electron, pass run: true), engine, workers. */
  ocr?: OcrOptions;
  /** Printing: whether this core keeps retrying waiting print jobs (the app's cores pass run: true), time limits. */
  printing?: PrintingOptions;
  /** Sync with the central server: whether this core runs the worker (the app's cores pass run: true), limits. */
  sync?: SyncOptions;
  /** Talk to this central URL instead of the enrolled one (`motcua sync --central URL`). */
  centralUrl?: string;
  /** The queue: where it is held (default MOTCUA_QUEUE_DATABASE_URL, else this host's SQLite). */
  queue?: QueueOptions;
}

export interface Core {
  readonly layout: DataLayout;
  readonly resourcesDir: string;
  readonly logger: Logger;
  readonly db: Db;
  readonly services: CoreServices;
  /** The push channel: services publish here; subscribers receive through their connection's sink. */
  readonly events: EventPublisher;
  openConnection(transport: Transport, peer: string, system?: { name: string; role: Role }): Connection;
  closeConnection(conn: Connection): void;
  dispatch(conn: Connection, method: string, input: unknown): Promise<CallResult>;
  close(): Promise<void>;
}

export interface CoreServices {
  audit: AuditLog;
  auth: AuthService;
  settings: SettingsService;
  calendar: CalendarService;
  catalogue: CatalogueService;
  applicants: ApplicantRepo;
  counter: CounterIdentity;
  allocator: CodeAllocator;
  dossiers: DossierService;
  forms: FormsService;
  barcodes: BarcodeService;
  uploads: UploadStaging;
  /** Scanned pages (the scan service stores through it). */
  pages: PageStore;
  /** Scan jobs: device to dossier item or tray, page by page. */
  scans: ScanService;
  /** Scanners found and configured; its registry is what jobs scan through. */
  scanDevices: DeviceDirectory;
  /** The OCR queue, its runner (null when this core does not read pages) and the document PDFs. */
  ocr: Ocr;
  /** The print queue and its sender. */
  printing: Printing;
  sync: Sync;
  /** The centre's queue: tickets, calls, boards. */
  queue: Queue;
  /** Paired kiosks and boards. */
  pairing: Pairing;
  /** Supervisors' figures and the period reports. */
  reports: Reports;
}

type Wiring = { [G in keyof typeof contract]: Handlers<(typeof contract)[G]> };

function flattenHandlers(wiring: Wiring): Map<string, HandlerFn> {
  const out = new Map<string, HandlerFn>();
  for (const [group, hs] of Object.entries(wiring) as [string, Record<string, HandlerFn>][]) {
    const defs = (contract as Record<string, ContractGroup>)[group]!;
    for (const name of Object.keys(defs)) {
      const fn = hs[name];
      if (!fn) throw new Error(`missing handler ${group}.${name}`);
      out.set(`${group}.${name}`, fn);
    }
  }
  return out;
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const layout = ensureDataLayout(opts.dataDir);
  const logger = new FileLogger({ dir: layout.logs, level: opts.logLevel ?? (process.env.MOTCUA_LOG_LEVEL as LogLevel | undefined) ?? 'info', echo: opts.echoLogs ?? false });
  const clock = opts.clock ?? systemClock;
  const freshDatabase = !existsSync(layout.database);
  const { db, migration } = openDatabase(layout.database);
  if (migration && migration.applied.length) logger.info('database migrated', { ...migration });
  try {
    // Files a crash left without their row go to <data>/quarantine (logged, never deleted): orphan-sweep.ts.
    sweepOrphanFiles({ db, root: layout.root, logger, now: clock.now() });
  } catch (e) {
    logger.error('orphan sweep failed', { error: String(e) });
  }

  let auditKeying;
  try {
    const keyStore = new AuditKeyStore({ dir: opts.auditKey?.dir ?? resolveKeyDir(), ...(opts.auditKey?.masterSecret ? { masterSecret: opts.auditKey.masterSecret } : {}) });
    auditKeying = attachAuditKey(db, keyStore, { dataDir: layout.root, now: () => clock.now(), freshDatabase });
  } catch (e) {
    db.close();
    throw e;
  }
  const audit = new AuditLog(db, () => clock.now(), auditKeying);
  const auth = new AuthService(db, audit, clock, { ...DEFAULT_AUTH_POLICY, ...opts.authPolicy });
  // The push channel, before the services that publish on it. Access is re-checked per event without touching the
  // session (events are not the user's activity).
  const pairing = createPairing({ db, audit, logger, clock });
  const events = new EventHub({
    logger,
    roleOf: (conn) =>
      conn.system?.role ??
      (conn.sessionToken
        ? (auth.resolveSession(conn.sessionToken, { touch: false })?.user.role ?? null)
        : conn.deviceToken
          ? (pairing.resolve(conn.deviceToken)?.kind ?? null)
          : null),
  });
  const settings = new SettingsService(db, audit, clock);
  const resourcesDir = resolveResourcesDir(opts.resourcesDir);
  const catalogue = new CatalogueService(db, audit, clock);
  const calendar = new CalendarService(settings, (code) => catalogue.hasAgency(code));
  if ((opts.seedSampleCatalogue ?? process.env.MOTCUA_SEED_SAMPLE !== '0') && catalogue.isEmpty()) {
    await seedSampleCatalogue(catalogue, resourcesDir, logger);
  }
  const applicants = new ApplicantRepo(db, audit);
  const counter = new CounterIdentity(settings);
  counter.id(); // made once at first start, so Settings shows it before the first dossier
  // Enrolled: code blocks come from the central server (the local table is the fallback before enrolment).
  const centralLink = new CentralLink({ dataRoot: layout.root, logger, overrideUrl: opts.centralUrl ?? null });
  const allocator = new CodeAllocator(db, opts.sequenceAuthority ?? new EnrolledSequenceAuthority({ db, link: centralLink, now: () => clock.now().getTime() }), () => counter.id(), logger);
  const uploads = new UploadStaging(db, layout.root, clock, logger);
  uploads.startSweeping();
  const journal = new FolderJournal(db, () => clock.now());
  const attachments = new AttachmentStore(layout.files, uploads, journal);
  // Pages changing here wake the OCR runner at once (other processes' pages are found by its poll).
  let ocr: Ocr | null = null;
  const pageEvents: EventPublisher = {
    publish(name, data) {
      events.publish(name, data);
      if (name === 'pages.changed') ocr?.pagesChanged();
    },
  };
  const pages = new PageStore({ db, filesDir: layout.files, audit, clock, events: pageEvents, logger, journal });
  const dossiers = new DossierService({ db, audit, clock, layout, catalogue, calendar, applicants, allocator, counter, parseQr: parseApplicantQr, attachments, pages });
  const returnCorrection = new ReturnCorrection({ db, audit, clock, get: (ref) => dossiers.get(ref) });
  const forms = new FormsService({ clock, layout, resourcesDir, dossiers, settings, auth, catalogue, db });
  const barcodes = new BarcodeService(opts.barcodeSource ?? createPosScanner(), logger, () => clock.now());
  // After the page store and dossiers: recovery of an interrupted scan runs here, once, before any call.
  const scanning = createScanning({ db, dataRoot: layout.root, resourcesDir, pages, dossiers, catalogue, settings, events, logger, clock, ...(opts.scanning ? { options: opts.scanning } : {}) });
  ocr = createOcr({ db, dataRoot: layout.root, resourcesDir, pages, audit, settings, events, logger, clock, ...(opts.ocr ? { options: opts.ocr } : {}) });
  const printing = createPrinting({ db, dataRoot: layout.root, resourcesDir, forms, dossiers, settings, audit, events, logger, clock, ...(opts.printing ? { options: opts.printing } : {}) });
  const sync = createSync({ db, dataRoot: layout.root, filesDir: layout.files, link: centralLink, audit, settings, counter, dossiers, catalogue, calendar, events, logger, clock, ...(opts.sync ? { options: opts.sync } : {}) });
  const queue = createQueue({ db, audit, settings, calendar, catalogue, printing, events, logger, clock, ...(opts.queue ? { options: opts.queue } : {}) });
  const reports = createReports({ db, queue: queue.service, sync, catalogue, events, logger, clock, resourcesDir });
  const services: CoreServices = { reports, queue, pairing, sync, printing, ocr, audit, auth, settings, calendar, catalogue, applicants, counter, allocator, dossiers, forms, barcodes, uploads, pages, scans: scanning.scans, scanDevices: scanning.directory };

  const wiring: Wiring = {
    system: systemHandlers({
      version: appVersion(),
      schemaVersion: () => currentVersion(db),
      backup: (out) => backupDatabase(db, layout, out, clock.now()),
    }),
    auth: authHandlers(auth),
    users: usersHandlers(auth),
    audit: auditHandlers(audit, db, createAuditAnchorCheck({ db, link: centralLink }).check),
    settings: settingsHandlers(settings),
    calendar: calendarHandlers(calendar),
    catalogue: catalogueHandlers(catalogue, uploads),
    applicants: applicantsHandlers(applicants, parseApplicantQr),
    dossiers: dossiersHandlers(dossiers, returnCorrection),
    forms: formsHandlers(forms),
    devices: devicesHandlers(barcodes),
    reception: receptionHandlers(new ReceptionDraftStore(db, clock), calendar, clock, { pages, scans: scanning.scans }),
    uploads: uploadsHandlers(uploads),
    documents: documentsHandlers(new DocumentReader(db, layout.files, audit)),
    pages: pagesHandlers(new PageEdits(pages, { db, audit })),
    scans: scanning.handlers,
    ocr: ocr.handlers,
    search: searchHandlers(new SearchService(db)),
    printing: printing.handlers,
    sync: sync.handlers,
    queue: queue.handlers,
    reports: reports.handlers,
    pairing: pairing.handlers,
    events: eventsHandlers(events),
  };
  const dispatcher = createDispatcher({ methods, handlers: flattenHandlers(wiring), auth, logger, devices: pairing });
  const connections = new Set<Connection>();

  return {
    layout,
    resourcesDir,
    logger,
    db,
    services,
    events,
    openConnection(transport, peer, system) {
      const c = newConnection(transport, peer, system ?? null);
      connections.add(c);
      return c;
    },
    closeConnection(conn) {
      connections.delete(conn);
      events.drop(conn);
    },
    dispatch: (conn, method, input) => dispatcher.dispatch(conn, method, input),
    async close() {
      for (const c of connections) events.drop(c);
      connections.clear();
      uploads.stop();
      await barcodes.close();
      // Device streams stopped (pages kept), the pipeline finishes what arrived, before the database closes.
      await scanning.close();
      // Pages being read are put back in the queue for the next start.
      await ocr?.close();
      // A job being sent finishes (or is settled) before the database closes.
      await printing.close();
      // An event being sent finishes or is left pending (its outcome settled by a lookup next time).
      await sync.close();
      await reports.close();
      await queue.close();
      audit.flushHead();
      db.close();
      clearRunMark(layout.root);
    },
  };
}
