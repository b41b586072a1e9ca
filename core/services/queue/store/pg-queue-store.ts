/**
 * The queue in PostgreSQL (issue #18; MOTCUA_QUEUE_DATABASE_URL) for centres with dozens of counters. Every change
 * is one transaction that first takes the queue's advisory lock: the calls of all counters are serialised (no ticket
 * called twice, none skipped), which at 20–50 counters costs a few milliseconds per call. Reads take no lock.
 */
import pg from 'pg';
import { AppError } from '../../../contract/errors';
import type { QueueStore } from '../queue-store';
import { migratePgQueue } from './pg-schema';
import type { Sql, SqlRunner } from './sql';
import { SqlQueueStore } from './sql-queue-store';

/** The key every ticket-changing transaction locks (any fixed number, the same on every host of the centre). */
const QUEUE_LOCK = 0x4d43_5151;

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
      return await pool.connect();
    } catch (e) {
      throw new AppError('QUEUE_DATABASE_UNAVAILABLE', { detail: (e as Error).message }, { cause: e });
    }
  };
  const runner: SqlRunner = {
    async read(op) {
      const client = await connect();
      try {
        return await runAsync(client, op());
      } finally {
        client.release();
      }
    },
    async write(op) {
      const client = await connect();
      try {
        // One round trip for both (a simple multi-statement query; the key is a constant).
        await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${QUEUE_LOCK})`);
        const value = await runAsync(client, op());
        await client.query('COMMIT');
        return value;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
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
