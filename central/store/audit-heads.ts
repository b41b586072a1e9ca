/**
 * Audit-chain anchoring (PUT /v1/audit-head, the only route that moves a kept head). The central keeps one head
 * (lastId, lastHash) per counter and moves it by compare-and-set: a PUT while a head is kept must carry `since`
 * equal to it. A head behind the kept one means the counter's log was cut at its tail, the same lastId with another
 * hash or a stale/missing `since` means it was rewritten or forked; either is written down as evidence and makes
 * the head disputed: it stays frozen and every later PUT is refused (AUDIT_HEAD_DISPUTED) until an administrator
 * clears it (`central audit-clear`, recorded). A longer head pushed after a refusal can then never erase the evidence.
 */
import { CentralError } from '../errors';
import { inTransaction, type Db, type Tx } from './db';

export interface HeadRef {
  lastId: number;
  lastHash: string;
}

export interface AuditHeadRow extends HeadRef {
  at: string;
  disputed: boolean;
}

interface KeptRow {
  last_id: number;
  last_hash: string;
  at: Date;
  disputed_at: Date | null;
}

const toRow = (k: KeptRow): AuditHeadRow => ({ lastId: k.last_id, lastHash: k.last_hash, at: k.at.toISOString(), disputed: k.disputed_at !== null });

async function evidence(tx: Tx, counterId: string, kind: 'behind' | 'conflict' | 'disputed', kept: KeptRow, head: HeadRef & { since?: HeadRef }): Promise<void> {
  await tx.query(
    `INSERT INTO audit_head_events (counter_id, kind, kept_last_id, kept_hash, got_last_id, got_hash, via, since_last_id, since_hash)
     VALUES ($1, $2, $3, $4, $5, $6, 'put', $7, $8)`,
    [counterId, kind, kept.last_id, kept.last_hash, head.lastId, head.lastHash, head.since?.lastId ?? null, head.since?.lastHash ?? null],
  );
}

/** PUT /v1/audit-head: the kept head, or 409 AUDIT_HEAD_BEHIND / AUDIT_HEAD_CONFLICT / AUDIT_HEAD_DISPUTED. */
export async function putAuditHead(db: Db, counterId: string, head: HeadRef & { since?: HeadRef }): Promise<AuditHeadRow> {
  const outcome = await inTransaction(db, async (tx) => {
    // Insert-or-nothing then lock, so two PUTs of one counter queue here; the first head of a counter is kept as is.
    const first = await tx.query('INSERT INTO audit_heads (counter_id, last_id, last_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [counterId, head.lastId, head.lastHash]);
    const kept = (await tx.query<KeptRow>('SELECT last_id, last_hash, at, disputed_at FROM audit_heads WHERE counter_id = $1 FOR UPDATE', [counterId])).rows[0]!;
    if (first.rowCount === 1) return { kept: toRow(kept) };
    if (kept.disputed_at) {
      await evidence(tx, counterId, 'disputed', kept, head);
      return { refused: new CentralError(409, 'AUDIT_HEAD_DISPUTED', { keptLastId: kept.last_id, since: kept.disputed_at.toISOString() }) };
    }
    // The kept head again (a retry of a PUT that moved it): nothing to compare.
    if (head.lastId === kept.last_id && head.lastHash === kept.last_hash) return { kept: toRow(kept) };
    let refused: CentralError;
    let kind: 'behind' | 'conflict';
    if (head.lastId < kept.last_id) {
      kind = 'behind';
      refused = new CentralError(409, 'AUDIT_HEAD_BEHIND', { lastId: head.lastId, keptLastId: kept.last_id });
    } else if (head.lastId === kept.last_id || head.since?.lastId !== kept.last_id || head.since.lastHash !== kept.last_hash) {
      kind = 'conflict';
      refused = new CentralError(409, 'AUDIT_HEAD_CONFLICT', { lastId: head.lastId, keptLastId: kept.last_id });
    } else {
      const r = await tx.query<KeptRow>('UPDATE audit_heads SET last_id = $2, last_hash = $3, at = now() WHERE counter_id = $1 RETURNING last_id, last_hash, at, disputed_at', [
        counterId,
        head.lastId,
        head.lastHash,
      ]);
      return { kept: toRow(r.rows[0]!) };
    }
    await evidence(tx, counterId, kind, kept, head);
    await tx.query('UPDATE audit_heads SET disputed_at = now() WHERE counter_id = $1', [counterId]);
    return { refused };
  });
  // The evidence is committed first; the refusal goes out after.
  if ('refused' in outcome) throw outcome.refused;
  return outcome.kept;
}

export async function getAuditHead(db: Db, counterId: string): Promise<AuditHeadRow> {
  const row = (await db.query<KeptRow>('SELECT last_id, last_hash, at, disputed_at FROM audit_heads WHERE counter_id = $1', [counterId])).rows[0];
  if (!row) throw new CentralError(404, 'AUDIT_HEAD_NONE');
  return toRow(row);
}

/** `central audit-clear --counter ID`: ends a dispute (the kept head stays as it is), recorded with when. */
export async function clearAuditDispute(db: Db, counterId: string): Promise<{ cleared: boolean; kept: AuditHeadRow | null }> {
  return inTransaction(db, async (tx) => {
    const kept = (await tx.query<KeptRow>('SELECT last_id, last_hash, at, disputed_at FROM audit_heads WHERE counter_id = $1 FOR UPDATE', [counterId])).rows[0];
    if (!kept) return { cleared: false, kept: null };
    if (!kept.disputed_at) return { cleared: false, kept: toRow(kept) };
    await tx.query('INSERT INTO audit_head_clears (counter_id, disputed_at, kept_last_id, kept_hash) VALUES ($1, $2, $3, $4)', [counterId, kept.disputed_at, kept.last_id, kept.last_hash]);
    await tx.query('UPDATE audit_heads SET disputed_at = NULL WHERE counter_id = $1', [counterId]);
    return { cleared: true, kept: { ...toRow(kept), disputed: false } };
  });
}
