/**
 * Dossier-code blocks (POST /v1/sequence-blocks): numbers of one (agency, day) handed out once across every
 * counter. The counter row is bumped with one UPDATE … RETURNING (PostgreSQL locks the row, so parallel requests
 * queue on it), and the block is recorded under the request id so a retry gets the same block and nothing more.
 */
import { CentralError } from '../errors';
import { inTransaction, type Db, type Tx } from './db';

/**
 * One key per calendar day whichever way a counter spells it: the counter keys its sequences YYYY-MM-DD (Vietnam
 * time) and its codes carry yymmdd, so "261207" and "2026-12-07" are the same day's numbers. Other text stays as is.
 */
export function canonicalDay(day: string): string {
  const short = /^(\d{2})(\d{2})(\d{2})$/.exec(day);
  if (short) return `20${short[1]}-${short[2]}-${short[3]}`;
  return day;
}

/** Moves (agency, day)'s counter so its next block starts after `last` (never backwards). */
export async function bumpSequencePast(tx: Tx, agencyCode: string, day: string, last: number): Promise<void> {
  await tx.query(
    `INSERT INTO seq_counters (agency_code, day, next) VALUES ($1, $2, $3 + 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET next = GREATEST(seq_counters.next, EXCLUDED.next)`,
    [agencyCode, canonicalDay(day), last],
  );
}

/** A code of the default plain pattern "<agency>-<yymmdd>-<digits>" (no counter segment): its agency, day and number. */
export function plainCodeSequence(code: string): { agencyCode: string; day: string; seq: number } | null {
  const m = /^(.+)-(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-(\d{1,9})$/.exec(code);
  if (!m) return null;
  return { agencyCode: m[1]!, day: canonicalDay(`${m[2]}${m[3]}${m[4]}`), seq: Number(m[5]) };
}

export interface Block {
  start: number;
  end: number;
}

async function recorded(db: Db, requestId: string, counterId: string): Promise<Block | null> {
  const row = (await db.query<{ counter_id: string; start: number; end: number }>('SELECT counter_id, start, "end" FROM seq_requests WHERE request_id = $1', [requestId])).rows[0];
  if (!row) return null;
  if (row.counter_id !== counterId) throw new CentralError(409, 'SEQUENCE_REQUEST_CONFLICT', { requestId });
  return { start: row.start, end: row.end };
}

export async function reserveBlock(db: Db, counterId: string, req: { requestId: string; agencyCode: string; day: string; size: number }): Promise<Block> {
  const day = canonicalDay(req.day);
  const earlier = await recorded(db, req.requestId, counterId);
  if (earlier) return earlier;
  const block = await inTransaction(db, async (tx) => {
    const next = (
      await tx.query<{ next: number }>(
        `INSERT INTO seq_counters (agency_code, day, next) VALUES ($1, $2, 1 + $3)
         ON CONFLICT (agency_code, day) DO UPDATE SET next = seq_counters.next + $3 RETURNING next`,
        [req.agencyCode, day, req.size],
      )
    ).rows[0]!.next;
    const b = { start: next - req.size, end: next - 1 };
    // The same request id in flight twice: the second insert waits for the first and then does nothing; its bump is
    // rolled back (the throw below) and it answers with the block the first recorded.
    const ins = await tx.query('INSERT INTO seq_requests (request_id, counter_id, agency_code, day, start, "end") VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING', [
      req.requestId,
      counterId,
      req.agencyCode,
      day,
      b.start,
      b.end,
    ]);
    if (ins.rowCount === 0) throw new RaceLost();
    return b;
  }).catch((e: unknown) => {
    if (e instanceof RaceLost) return null;
    throw e;
  });
  return block ?? (await recorded(db, req.requestId, counterId))!;
}

class RaceLost extends Error {}
