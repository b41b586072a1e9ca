/**
 * The PostgreSQL queue's tables (issue #18): the same tables as SQLite's migration 012 (core/store/queue-tables-v1.ts), made by the store itself
 * (a centre's queue database has no other owner). Forward-only versions recorded in queue_schema; never edit a
 * released one, add the next.
 */
import type pg from 'pg';
import { queueTablesV1 } from '../../../store/queue-tables-v1';

export const PG_QUEUE_MIGRATIONS: readonly string[] = [queueTablesV1('postgres')];

/** Serialises schema changes of the queue between hosts starting together (any fixed key, distinct from the queue's). */
const MIGRATE_LOCK = 0x4d43_5153;

export async function migratePgQueue(client: pg.PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS queue_schema (version INTEGER NOT NULL)');
    const r = await client.query<{ version: number }>('SELECT version FROM queue_schema');
    const from = r.rows[0]?.version ?? 0;
    if (from > PG_QUEUE_MIGRATIONS.length) throw new Error(`queue database schema ${from} is newer than this build (${PG_QUEUE_MIGRATIONS.length})`);
    for (let v = from + 1; v <= PG_QUEUE_MIGRATIONS.length; v++) await client.query(PG_QUEUE_MIGRATIONS[v - 1]!);
    if (r.rows.length === 0) await client.query('INSERT INTO queue_schema (version) VALUES ($1)', [PG_QUEUE_MIGRATIONS.length]);
    else await client.query('UPDATE queue_schema SET version = $1', [PG_QUEUE_MIGRATIONS.length]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
}
