/**
 * The queue in PostgreSQL (issue #18; MOTCUA_QUEUE_DATABASE_URL) for centres with dozens of counters. Issuing,
 * calling and transferring are one transaction each that first takes the queue's advisory lock: the calls of all
 * counters are serialised (no ticket called twice, none skipped), a few milliseconds per call at 20–50 counters.
 * Start, finish, no-show and recall touch one ticket: they lock only its row (with 20 counters calling, the board's
 * p95 went from 225 to 152 ms in the bench). Reads take no lock.
 */
import pg from 'pg';
import { AppError } from '../../../contract/errors';
import type { QueueStore } from '../queue-store';
import { migratePgQueue } from './pg-schema';
import type { Sql, SqlRunner } from './sql';
import { SqlQueueStore } from './sql-queue-store';

/** The key every ticket-changing transaction locks (any fixed number, the same on every host of the centre). */
const QUEUE_LOCK = 0x4d43_5151;

/** Connection-level failures (server gone, network down, shutting down): the queue database is unreachable. */
function unavailable(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  const lost = /^(08|57P0)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE'].includes(code) || /Connection terminated|timeout exceeded when trying to connect/i.test((e as Error).message ?? '');
  return lost ? new AppError('QUEUE_DATABASE_UNAVAILABLE', { detail: (e as Error).message }, { cause: e }) : e;
}

const numbered = new Map<string, string>();
/** `?` → `$1, $2…` (the queue's SQL has no `?` inside literals). */
function toPg(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, out);
  }
  return out;
}

async function runAsync<T>(client: pg.PoolClient, op: Sql<T>): Promise<T> {
  let step = op.next();
  while (!step.done) {
    const r = await client.query(toPg(step.value.sql), step.value.params as unknown[]);
    step = op.next(r.rows);
  }
  return step.value;
}

export interface PgQueueOptions {
  databaseUrl: string;
  /** Connections at most (default 10). */
  poolSize?: number;
}

export function createPgQueueStore(opts: PgQueueOptions): QueueStore {
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // An idle client whose server went away emits 'error' on the pool: without a listener that would end the process.
  pool.on('error', () => {});
  const connect = async (): Promise<pg.PoolClient> => {
    try {
      const client = await pool.connect();
      // A checked-out client has no 'error' listener (the pool's idle one is removed): a server lost mid-use would be
      // an uncaught exception. The query in progress fails on its own; release() puts the pool's listener back.
      if (client.listenerCount('error') === 0) client.on('error', () => {});
      return client;
    } catch (e) {
      throw new AppError('QUEUE_DATABASE_UNAVAILABLE', { detail: (e as Error).message }, { cause: e });
    }
  };
  async function inTransaction<T>(begin: (client: pg.PoolClient) => Promise<unknown>, op: () => Sql<T>): Promise<T> {
    const client = await connect();
    try {
      await begin(client);
      const value = await runAsync(client, op());
      await client.query('COMMIT');
      client.release();
      return value;
    } catch (e) {
      // A connection that cannot even roll back is broken: destroyed rather than returned to the pool.
      const broken = await client.query('ROLLBACK').then(() => false, () => true);
      client.release(broken);
      throw unavailable(e);
    }
  }
  const runner: SqlRunner = {
    async read(op) {
      const client = await connect();
      try {
        return await runAsync(client, op());
      } catch (e) {
        throw unavailable(e);
      } finally {
        client.release();
      }
    },
    write(op) {
      // One round trip for both (a simple multi-statement query; the key is a constant).
      return inTransaction((client) => client.query(`BEGIN; SELECT pg_advisory_xact_lock(${QUEUE_LOCK})`), op);
    },
    writeTicket(ticketId, op) {
      // The ticket's row lock only: a call that ends this ticket (calling-ops) waits for it, or it for the call.
      return inTransaction(async (client) => {
        await client.query('BEGIN');
        await client.query('SELECT id FROM queue_tickets WHERE id = $1 FOR UPDATE', [ticketId]);
      }, op);
    },
  };
  return new SqlQueueStore('postgres', runner, {
    async migrate() {
      const client = await connect();
      try {
        await migratePgQueue(client);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  });
}
