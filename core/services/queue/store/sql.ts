/**
 * The queue's operations are written once, as generators that yield SQL statements and receive their rows
 * (issue #18). The SQLite store runs a generator synchronously inside one better-sqlite3 IMMEDIATE transaction (so it
 * never yields the shared connection to other code mid-transaction); the PostgreSQL store runs the same generator
 * with awaits inside a transaction holding the queue's advisory lock. SQL is portable: `?` placeholders (made $n for
 * PostgreSQL), TEXT ISO times, INTEGER flags, INSERT … RETURNING, ON CONFLICT, CAST(COUNT(*) AS INTEGER).
 */

export type SqlValue = string | number | null;

export interface SqlStatement {
  sql: string;
  params: readonly SqlValue[];
}

/** A piece of queue logic: yields statements, gets back each one's rows (empty for statements without RETURNING). */
export type Sql<T> = Generator<SqlStatement, T, unknown[]>;

export function* rows<T>(sql: string, ...params: SqlValue[]): Sql<T[]> {
  return (yield { sql, params }) as T[];
}

export function* row<T>(sql: string, ...params: SqlValue[]): Sql<T | undefined> {
  const r = yield* rows<T>(sql, ...params);
  return r[0];
}

export function* exec(sql: string, ...params: SqlValue[]): Sql<void> {
  yield { sql, params };
}

/** "?, ?, ?" for an IN list of n values (n ≥ 1). */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * How a store runs the logic: `write` serialises against every other queue-changing call (issuing, calling and
 * transferring choose among all tickets); `writeTicket` only against other changes of that one ticket (start,
 * finish, no-show, recall touch nothing else), so a clerk finishing does not wait behind 20 counters calling.
 */
export interface SqlRunner {
  read<T>(op: () => Sql<T>): Promise<T>;
  write<T>(op: () => Sql<T>): Promise<T>;
  writeTicket<T>(ticketId: string, op: () => Sql<T>): Promise<T>;
}
