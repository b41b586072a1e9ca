/**
 * The PostgreSQL side of the central server: one pg Pool, and transactions that retry when PostgreSQL aborts one
 * for a serialization failure or a deadlock (the only errors where trying again is the right answer).
 */
import pg from 'pg';

// bigint (int8) columns come back as strings by default; every bigint here (byte counts, cursors, sequence numbers)
// stays far below 2^53, so they are read as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Db = pg.Pool;
export type Tx = pg.PoolClient;

export function createPool(databaseUrl: string, max = 20): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // An idle client whose server went away emits 'error' on the pool: without a listener that would crash the process.
  pool.on('error', () => {});
  return pool;
}

const RETRYABLE = new Set(['40001', '40P01']);

/** Runs fn in one transaction (COMMIT on return, ROLLBACK on throw), retried a few times on serialization failures. */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, isolation: 'READ COMMITTED' | 'SERIALIZABLE' = 'READ COMMITTED'): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const tx = await db.connect();
    try {
      await tx.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const value = await fn(tx);
      await tx.query('COMMIT');
      return value;
    } catch (e) {
      await tx.query('ROLLBACK').catch(() => {});
      if (attempt < 5 && RETRYABLE.has((e as { code?: string }).code ?? '')) continue;
      throw e;
    } finally {
      tx.release();
    }
  }
}

/** True for PostgreSQL's unique_violation (a concurrent insert of the same key won). */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; constraint?: string };
  return err.code === '23505' && (constraint === undefined || err.constraint === constraint);
}
