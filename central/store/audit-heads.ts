/**
 * Audit-chain anchoring: the central keeps the furthest head (lastId, lastHash) each counter reported. A head behind
 * it means the counter's log was cut at its tail; the same lastId with another hash means it was rewritten. Both are
 * written down as evidence and the kept head never moves back.
 */
import { CentralError } from '../errors';
import { inTransaction, type Db } from './db';

export interface AuditHeadRow {
  lastId: number;
  lastHash: string;
  at: string;
}

export type HeadVerdict = 'ahead' | 'same' | 'behind' | 'conflict';

/** Applies a reported head; returns what it was against the kept one (evidence rows for behind/conflict). */
export async function reportAuditHead(db: Db, counterId: string, head: { lastId: number; lastHash: string }, via: 'put' | 'event'): Promise<{ verdict: HeadVerdict; kept: AuditHeadRow }> {
  return inTransaction(db, async (tx) => {
    // The row may not exist yet: insert-or-nothing first, then lock it, so two reports of one counter queue here.
    await tx.query('INSERT INTO audit_heads (counter_id, last_id, last_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [counterId, head.lastId, head.lastHash]);
    const kept = (await tx.query<{ last_id: number; last_hash: string; at: Date }>('SELECT last_id, last_hash, at FROM audit_heads WHERE counter_id = $1 FOR UPDATE', [counterId])).rows[0]!;
    let verdict: HeadVerdict;
    if (head.lastId > kept.last_id) verdict = 'ahead';
    else if (head.lastId < kept.last_id) verdict = 'behind';
    else verdict = head.lastHash === kept.last_hash ? 'same' : 'conflict';
    if (verdict === 'ahead') {
      const r = await tx.query<{ at: Date }>('UPDATE audit_heads SET last_id = $2, last_hash = $3, at = now() WHERE counter_id = $1 RETURNING at', [counterId, head.lastId, head.lastHash]);
      return { verdict, kept: { lastId: head.lastId, lastHash: head.lastHash, at: r.rows[0]!.at.toISOString() } };
    }
    if (verdict === 'behind' || verdict === 'conflict') {
      await tx.query(
        'INSERT INTO audit_head_events (counter_id, kind, kept_last_id, kept_hash, got_last_id, got_hash, via) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [counterId, verdict, kept.last_id, kept.last_hash, head.lastId, head.lastHash, via],
      );
    }
    return { verdict, kept: { lastId: kept.last_id, lastHash: kept.last_hash, at: kept.at.toISOString() } };
  });
}

/** PUT /v1/audit-head: the kept head, or 409 AUDIT_HEAD_BEHIND / AUDIT_HEAD_CONFLICT. */
export async function putAuditHead(db: Db, counterId: string, head: { lastId: number; lastHash: string }): Promise<AuditHeadRow> {
  const { verdict, kept } = await reportAuditHead(db, counterId, head, 'put');
  if (verdict === 'behind') throw new CentralError(409, 'AUDIT_HEAD_BEHIND', { lastId: head.lastId, keptLastId: kept.lastId });
  if (verdict === 'conflict') throw new CentralError(409, 'AUDIT_HEAD_CONFLICT', { lastId: head.lastId });
  return kept;
}

export async function getAuditHead(db: Db, counterId: string): Promise<AuditHeadRow> {
  const row = (await db.query<{ last_id: number; last_hash: string; at: Date }>('SELECT last_id, last_hash, at FROM audit_heads WHERE counter_id = $1', [counterId])).rows[0];
  if (!row) throw new CentralError(404, 'AUDIT_HEAD_NONE');
  return { lastId: row.last_id, lastHash: row.last_hash, at: row.at.toISOString() };
}
