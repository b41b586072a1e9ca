/**
 * The service's one way to its store (issue #18). The store is made ready (migrated, sample groups seeded) before
 * the first use; a PostgreSQL that is down — at start or later — makes queue calls fail with QUEUE_STORE_UNAVAILABLE
 * while the rest of the core works on, and the next call after it is back succeeds (readying is retried).
 */
import { AppError } from '../../contract/errors';
import type { Logger } from '../../platform/logger';
import type { QueueStore } from './queue-store';

/** Node socket errors and PostgreSQL's connection-exception and operator-intervention classes (08…, 57P…). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED']);
const NETWORK_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused|the database system is (starting up|shutting down)/i;

export function isStoreUnavailable(e: unknown): boolean {
  // The PostgreSQL store says so itself when it cannot connect (QUEUE_DATABASE_UNAVAILABLE).
  if (e instanceof AppError) return e.code === 'QUEUE_STORE_UNAVAILABLE' || e.code === 'QUEUE_DATABASE_UNAVAILABLE';
  if (!(e instanceof Error)) return false;
  if (e instanceof AggregateError && e.errors.some((x) => isStoreUnavailable(x))) return true;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || /^08/.test(code) || /^57P0[1-3]$/.test(code))) return true;
  return NETWORK_MESSAGES.test(e.message);
}

export class StoreAccess {
  private ready: Promise<void> | null = null;
  private warned = false;

  constructor(
    readonly store: QueueStore,
    private readonly prepare: (store: QueueStore) => Promise<void>,
    private readonly logger: Logger,
  ) {
    // Begun at once: the first ticket of the day does not wait for the migration.
    this.ensureReady().catch(() => undefined);
  }

  private ensureReady(): Promise<void> {
    this.ready ??= (async () => {
      await this.store.migrate();
      await this.prepare(this.store);
    })().catch((e: unknown) => {
      this.ready = null;
      throw e;
    });
    return this.ready;
  }

  /** Runs fn on the ready store; a lost database becomes QUEUE_STORE_UNAVAILABLE (logged once per outage). */
  async use<T>(fn: (store: QueueStore) => Promise<T>): Promise<T> {
    try {
      await this.ensureReady();
      const value = await fn(this.store);
      if (this.warned) {
        this.warned = false;
        this.logger.info('queue store reachable again', { store: this.store.kind });
      }
      return value;
    } catch (e) {
      if (!isStoreUnavailable(e)) throw e;
      if (!this.warned) {
        this.warned = true;
        this.logger.warn('queue store unavailable', { store: this.store.kind, error: String((e as Error).message ?? e) });
      }
      throw e instanceof AppError && e.code === 'QUEUE_STORE_UNAVAILABLE' ? e : new AppError('QUEUE_STORE_UNAVAILABLE', {}, { cause: e });
    }
  }

  async close(): Promise<void> {
    await this.ready?.catch(() => undefined);
    await this.store.close();
  }
}
