/**
 * Opening the counter's SQLite database. WAL for concurrent readers, synchronous=FULL because an
 * acknowledged write at a counter must survive a power cut, foreign keys on, a busy timeout for the
 * CLI running beside the app.
 */
import Database from 'better-sqlite3';
import { migrate, type MigrationReport } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Apply pending migrations (default true for read-write). */
  migrate?: boolean;
}

export function openDatabase(file: string, opts: OpenOptions = {}): { db: Db; migration: MigrationReport | null } {
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (!opts.readonly) {
    setWal(db);
    db.pragma('synchronous = FULL');
  }
  const migration = !opts.readonly && (opts.migrate ?? true) ? migrate(db) : null;
  return { db, migration };
}

/**
 * Switching a new database to WAL needs a lock SQLite does not wait for (no busy handler), so two processes opening
 * a fresh data folder together can see SQLITE_BUSY here: retry for a few seconds.
 */
function setWal(db: Database.Database): void {
  const until = Date.now() + 10_000;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

/** Run fn in an IMMEDIATE transaction (takes the write lock up front: no SQLITE_BUSY half-way through). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
