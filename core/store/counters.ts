/**
 * Monotonic counters kept in a table keyed by some columns with a `next` column (daily dossier sequences, the
 * sequence authority, fee receipt numbers). Call inside a write transaction: reading and advancing are one step.
 */
import type { Db } from './database';

/** Returns the first of `count` numbers reserved (1 for a new key) and advances the counter past them. */
export function advanceCounter(db: Db, table: string, key: Record<string, string | number>, count = 1): number {
  const cols = Object.keys(key);
  const where = cols.map((c) => `${c} = @${c}`).join(' AND ');
  const row = db.prepare<Record<string, string | number>, { next: number }>(`SELECT next FROM ${table} WHERE ${where}`).get(key);
  const start = row?.next ?? 1;
  db.prepare(
    `INSERT INTO ${table} (${cols.join(', ')}, next) VALUES (${cols.map((c) => `@${c}`).join(', ')}, @next)
     ON CONFLICT(${cols.join(', ')}) DO UPDATE SET next = excluded.next`,
  ).run({ ...key, next: start + count });
  return start;
}
