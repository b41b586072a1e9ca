/**
 * Sync as createCore builds it: the outbox reader, the worker that sends events and files and pulls changes, the
 * handlers of the `sync` contract group. In a core that keeps syncing (the app's: CoreOptions.sync.run true) the
 * worker runs in the background with its stored backoff; the CLI runs it once (`motcua sync --once`) or until
 * stopped (`motcua sync`). Rounds never overlap in one process; two processes sending at once are safe (the server
 * is idempotent per key and blob offsets are checked), only wasteful.
 */
import type { SyncStatus } from '../../contract/sync';
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
import { createChangeApplier, type ChangeApplier } from './apply-changes';
import type { BackoffOptions } from './backoff';
import { createCentralClient, type CentralClient, type CentralClientOptions } from './central-client';
import type { CentralLink } from './central-link';
import { buildDvcqgDossier, fileForRef } from './dossier-snapshot';
import { enrolCounter } from './enrolment';
import { Outbox, type SnapshotSource } from './outbox';
import { syncHandlers, type SyncHandlers } from './sync-handlers';
import { SyncEvents } from './sync-events';
import { SyncState } from './sync-state';
import { syncStatus } from './sync-status';
import { DEFAULT_CONCURRENCY, SyncWorker, type RoundResult } from './worker';
import { uploadCap } from './upload-cap-setting';

export type { SyncHandlers };

export interface SyncOptions {
  /** Whether this core runs the worker in the background (default false; the app's cores pass true). */
  run?: boolean;
  /** Upload cap, bytes per second (default: the setting `sync.bytesPerSecond`, none when unset). */
  bytesPerSecond?: number | null;
  /** Whole-call limit for one request, ms. */
  timeoutMs?: number;
  /** Backoff: first wait and the cap, ms (default 2 s … 10 min, with jitter). */
  backoff?: BackoffOptions;
  /** How often the worker pulls changes when nothing is pending, ms. */
  pullEveryMs?: number;
  /** How often the background worker looks for new outbox rows (this process's and others'), ms (default 1 s). */
  pollMs?: number;
  /** Dossiers sent at once (default 3). */
  concurrency?: number;
  /** Tests only: a client in place of the HTTP one (an in-memory central). */
  client?: (o: CentralClientOptions) => CentralClient;
  /** Tests only: the jitter's random source. */
  random?: () => number;
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

export interface RunOnceResult {
  sent: number;
  remaining: number;
  rejected: number;
  pulled: number;
  /** Changes were pulled and the audit anchor checked: false when the central could not be reached for them. */
  centralReached: boolean;
}

/** "Sync now" pushes again what pulled changes created here (result ready, supplement requested), this many passes at most. */
const MAX_ONCE_PASSES = 3;

export interface Sync {
  handlers: SyncHandlers;
  outbox: Outbox;
  status(): SyncStatus;
  /** Tries every pending item now (backoff ignored), then pulls changes. */
  runOnce(): Promise<RunOnceResult>;
  /** One round as the background worker runs it: only items (and an offline spell) whose stored next attempt has come. */
  runDue(): Promise<RoundResult | null>;
  /** Runs the worker until close() (the CLI's `motcua sync` without --once). */
  start(): void;
  /** Wakes the background worker (a new outbox row, retry now). */
  wake(): void;
  close(): Promise<void>;
}

const DEFAULT_POLL_MS = 1_000;
const DEFAULT_PULL_EVERY_MS = 60_000;
/** The longest the loop sleeps without looking (a clock change, a missed wake). */
const MAX_SLEEP_MS = 60_000;

export function createSync(d: SyncDeps): Sync {
  const o = d.options ?? {};
  const logger = d.logger.child({ area: 'sync' });
  const snapshot: SnapshotSource = { buildDvcqgDossier, fileForRef };
  const outbox = new Outbox({ db: d.db, clock: d.clock, filesDir: d.filesDir, snapshot });
  const state = new SyncState(d.db);
  const applier: ChangeApplier = createChangeApplier({ db: d.db, audit: d.audit, dossiers: d.dossiers, catalogue: d.catalogue, calendar: d.calendar, logger, clock: d.clock });
  let running = false;
  const status = (): SyncStatus => syncStatus({ outbox, state, link: d.link, clock: d.clock, running });
  const events = new SyncEvents({ events: d.events, status });
  const worker = new SyncWorker({
    outbox,
    state,
    applier,
    db: d.db,
    logger,
    clock: d.clock,
    backoff: o.backoff ?? {},
    concurrency: o.concurrency ?? DEFAULT_CONCURRENCY,
    changed: (e) => events.changed(e),
    ...(o.random ? { random: o.random } : {}),
  });

  const makeClient = o.client ?? createCentralClient;
  const bytesPerSecond = (): number | null => {
    if (o.bytesPerSecond !== undefined) return o.bytesPerSecond;
    return uploadCap(d.settings); // read at every round: a new cap applies without a restart
  };
  const clientFor = (): CentralClient => {
    const creds = d.link.credentials();
    if (!creds) throw new AppError('SYNC_NOT_ENROLLED');
    return makeClient({ baseUrl: d.link.url() ?? creds.central, deviceToken: creds.deviceToken, bytesPerSecond: bytesPerSecond(), ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) });
  };

  // One round at a time in this process: runOnce waits for a background round and the other way round.
  let current: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = current.then(fn, fn);
    current = next.catch(() => undefined);
    return next;
  };
  let closed = false;
  const round = (ignoreBackoff: boolean): Promise<RoundResult> =>
    serial(async () => {
      if (closed) return { sent: 0, rejected: 0, retrying: 0, pulled: 0, offline: false, reached: false };
      const client = clientFor();
      running = true;
      events.changed();
      try {
        return await worker.round(client, { ignoreBackoff });
      } finally {
        running = false;
        // The round's end is told at once (the coalesced ones during it may wait for their interval).
        events.changed();
        events.flush();
      }
    });

  const runOnce = async (): Promise<RunOnceResult> => {
    // "Sync now": the offline spell's wait is ignored too (retry now); it is stored again if the link is still down.
    let sent = 0;
    let pulled = 0;
    let reached = false;
    for (let pass = 1; pass <= MAX_ONCE_PASSES; pass++) {
      const before = outbox.maxId();
      const r = await round(true);
      sent += r.sent;
      pulled += r.pulled;
      reached = r.reached;
      // Another pass only when the pull made new items here (the central answered) and something waits.
      if (r.offline || !r.reached || r.pulled === 0 || outbox.maxId() === before || outbox.counts().pendingEvents === 0) break;
    }
    const c = outbox.counts();
    return { sent, remaining: c.pendingEvents + c.rejected, rejected: c.rejected, pulled, centralReached: reached };
  };

  const enrol = async (central: string, token: string, force = false): Promise<SyncStatus> => {
    await enrolCounter({ link: d.link, central, token, force, counter: d.counter, db: d.db, logger, clock: d.clock, createClient: makeClient, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) });
    state.clear('offline');
    events.changed();
    events.flush();
    loop.wake();
    return status();
  };

  const loop = backgroundLoop({ outbox, state, logger, clock: d.clock, link: d.link, round, worker, events, pollMs: o.pollMs ?? DEFAULT_POLL_MS, pullEveryMs: o.pullEveryMs ?? DEFAULT_PULL_EVERY_MS });

  const sync: Sync = {
    outbox,
    status,
    handlers: syncHandlers({
      status,
      enrol,
      runOnce,
      outbox,
      applier,
      retry: (itemId) => {
        const due = outbox.retry(itemId);
        // Retry now is also "try the central now", past an offline spell's wait.
        state.clear('offline');
        events.changed();
        events.flush();
        loop.wake();
        return due;
      },
    }),
    runOnce,
    runDue: async () => {
      const offline = state.offline();
      if (offline && offline.nextAt > d.clock.now().toISOString()) return null;
      return round(false);
    },
    start: () => loop.start(),
    wake: () => loop.wake(),
    close: async () => {
      closed = true;
      await loop.close();
      // A "sync now" under way ends with its item in flight (the worker was asked to stop).
      await current;
      events.flush();
    },
  };
  if (o.run === true) sync.start();
  return sync;
}

/**
 * The background worker: a round when the outbox grew (a cheap look at max(id) every pollMs, any process's rows),
 * when the earliest stored next attempt comes, when retry-now wakes it, and every pullEveryMs to pull changes.
 * While offline, only the spell's one stored next try runs a round. Not enrolled: it only watches.
 */
function backgroundLoop(d: {
  outbox: Outbox;
  state: SyncState;
  logger: Logger;
  clock: Clock;
  link: CentralLink;
  round: (ignoreBackoff: boolean) => Promise<RoundResult>;
  worker: SyncWorker;
  events: SyncEvents;
  pollMs: number;
  pullEveryMs: number;
}): { start(): void; wake(): void; close(): Promise<void> } {
  let started = false;
  let closed = false;
  let woken = false;
  let wakeSleep: (() => void) | null = null;
  let poll: NodeJS.Timeout | null = null;
  let done: Promise<void> = Promise.resolve();
  let lastMax = -1;
  let lastRoundAt = 0;

  const wake = (): void => {
    woken = true;
    wakeSleep?.();
  };
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (woken || closed) return resolve();
      const timer = setTimeout(finish, Math.max(0, Math.min(ms, MAX_SLEEP_MS)));
      function finish(): void {
        clearTimeout(timer);
        wakeSleep = null;
        resolve();
      }
      wakeSleep = finish;
    });

  const due = (): number => {
    const now = d.clock.now().getTime();
    const offline = d.state.offline();
    if (offline) return Date.parse(offline.nextAt) - now;
    const pull = lastRoundAt + d.pullEveryMs - now;
    const next = d.outbox.earliestNextAttempt();
    const dueItems = d.outbox.heads({ ignoreBackoff: false }).length > 0;
    if (dueItems) return 0;
    return Math.min(pull, next ? Date.parse(next) - now : Number.POSITIVE_INFINITY);
  };

  const run = async (): Promise<void> => {
    while (!closed) {
      woken = false;
      let wait = MAX_SLEEP_MS;
      try {
        if (d.link.credentials()) {
          const ms = due();
          if (ms <= 0) {
            lastRoundAt = d.clock.now().getTime();
            await d.round(false);
            continue;
          }
          wait = ms;
        }
      } catch (e) {
        d.logger.error('sync round failed', { error: (e as Error)?.message });
        lastRoundAt = d.clock.now().getTime();
        wait = 5_000;
      }
      await sleep(wait);
    }
  };

  return {
    start() {
      if (started || closed) return;
      started = true;
      lastMax = d.outbox.maxId();
      let lastCounts = JSON.stringify(d.outbox.counts());
      poll = setInterval(() => {
        try {
          const m = d.outbox.maxId();
          const counts = JSON.stringify(d.outbox.counts());
          if (m !== lastMax || counts !== lastCounts) {
            // New rows, or items another process sent (`motcua sync` beside the app): the header's numbers.
            d.events.changed();
            // New rows: a round, if the central is reachable.
            if (m !== lastMax && !d.state.offline()) wake();
            lastMax = m;
            lastCounts = counts;
          }
        } catch (e) {
          d.logger.warn('sync outbox not read', { error: (e as Error)?.message });
        }
      }, d.pollMs);
      poll.unref();
      done = run();
    },
    wake,
    async close() {
      closed = true;
      if (poll) clearInterval(poll);
      d.worker.stop();
      wakeSleep?.();
      await done;
    },
  };
}
