/**
 * Numbered, forward-only migrations of the central database, tracked in schema_migrations. Every run holds one
 * PostgreSQL advisory lock (two servers or a server and `central migrate` starting at once wait for each other), and
 * each migration runs in its own transaction, so a crash leaves the database at a whole version.
 */
import type pg from 'pg';
import type { Db } from './db';
import { CENTRAL_MIGRATIONS } from './migrations/index';

export interface CentralMigration {
  version: number;
  name: string;
  up(tx: pg.PoolClient): Promise<void>;
}

/** Any fixed number: the key of the advisory lock every migrating process takes. */
const MIGRATION_LOCK_KEY = 170_017;

export async function migrateCentral(db: Db, migrations: readonly CentralMigration[] = CENTRAL_MIGRATIONS): Promise<string[]> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`central migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const c = await db.connect();
  const applied: string[] = [];
  try {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > migrations.length) throw new Error(`the central database is at version ${newest}, newer than this server (${migrations.length})`);
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await c.query('BEGIN');
      try {
        await m.up(c);
        await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      }
      applied.push(`${String(m.version).padStart(3, '0')}_${m.name}`);
    }
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    c.release();
  }
  return applied;
}
