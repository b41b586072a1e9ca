/**
 * The queue in the host's SQLite database (issue #18; tables by migration 012). Each operation runs synchronously:
 * a change inside one BEGIN IMMEDIATE transaction (the write lock up front, so the CLI or another process writing the
 * same file waits on busy_timeout instead of interleaving), a read outright. Being synchronous, a transaction never
 * leaves the shared connection open to other code half-way.
 */
import type Database from 'better-sqlite3';
import { inTransaction, type Db } from '../../../store/database';
import type { QueueStore } from '../queue-store';
import type { Sql, SqlRunner } from './sql';
import { SqlQueueStore } from './sql-queue-store';

function runSync<T>(db: Db, cache: Map<string, Database.Statement>, op: Sql<T>): T {
  let step = op.next();
  while (!step.done) {
    const { sql, params } = step.value;
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
    const out = stmt.reader ? (stmt.all(...params) as unknown[]) : (stmt.run(...params), []);
    step = op.next(out);
  }
  return step.value;
}

export function createSqliteQueueStore(db: Db): QueueStore {
  const cache = new Map<string, Database.Statement>();
  const runner: SqlRunner = {
    read: async (op) => runSync(db, cache, op()),
    write: async (op) => inTransaction(db, () => runSync(db, cache, op())),
    // SQLite has one writer at a time anyway: the same IMMEDIATE transaction.
    writeTicket: async (_ticketId, op) => inTransaction(db, () => runSync(db, cache, op())),
  };
  return new SqlQueueStore('sqlite', runner, { migrate: async () => undefined, close: async () => undefined });
}
