/**
 * Append-only audit log chained by hash. Append inside the same transaction as the write it records,
 * so a write and its audit row land together or not at all.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../store/database';
import { actorLabel, actorUserId, type Actor } from '../actor';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  data?: unknown;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  actor_user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

export function hashAuditRow(r: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([r.id, r.at, r.actor, r.actor_user_id, r.action, r.entity, r.entity_id, r.data, r.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type VerifyResult =
  | { ok: true; rows: number }
  | { ok: false; rows: number; firstBadId: number; reason: 'hash_mismatch' | 'chain_broken' | 'missing_rows' | 'truncated' };

export class AuditLog {
  private readonly lastStmt;
  private readonly insertStmt;

  constructor(private readonly db: Db, private readonly now: () => Date) {
    this.lastStmt = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.insertStmt = db.prepare(
      `INSERT INTO audit_log (id, at, actor, actor_user_id, action, entity, entity_id, data, prev_hash, hash)
       VALUES (@id, @at, @actor, @actor_user_id, @action, @entity, @entity_id, @data, @prev_hash, @hash)`,
    );
  }

  /** Must run inside a write transaction (the caller's), so reading the head and appending are atomic. */
  append(actor: Actor, entry: AuditEntry): number {
    if (!this.db.inTransaction) throw new Error('AuditLog.append must run inside a transaction');
    const last = this.lastStmt.get();
    const seq = this.db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get();
    const id = Math.max(last?.id ?? 0, seq?.seq ?? 0) + 1;
    const row: Omit<AuditRow, 'hash'> = {
      id,
      at: this.now().toISOString(),
      actor: actorLabel(actor),
      actor_user_id: actorUserId(actor),
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      data: JSON.stringify(entry.data ?? {}),
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    this.insertStmt.run({ ...row, hash: hashAuditRow(row) });
    return id;
  }

  /** Walks the whole chain; names the first row that was edited, deleted or re-ordered. */
  verify(): VerifyResult {
    let prev = GENESIS_HASH;
    let expectedId = 1;
    let rows = 0;
    for (const r of this.db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').iterate()) {
      rows += 1;
      if (r.id !== expectedId) return { ok: false, rows, firstBadId: expectedId, reason: 'missing_rows' };
      if (r.prev_hash !== prev) return { ok: false, rows, firstBadId: r.id, reason: 'chain_broken' };
      const { hash, ...rest } = r;
      if (hashAuditRow(rest) !== hash) return { ok: false, rows, firstBadId: r.id, reason: 'hash_mismatch' };
      prev = hash;
      expectedId += 1;
    }
    const seq = this.db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get();
    if (seq && seq.seq >= expectedId) return { ok: false, rows, firstBadId: expectedId, reason: 'truncated' };
    return { ok: true, rows };
  }

  list(opts: { limit: number; beforeId?: number; entity?: string; entityId?: string }): AuditRow[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: opts.limit };
    if (opts.beforeId !== undefined) { where.push('id < @beforeId'); params.beforeId = opts.beforeId; }
    if (opts.entity !== undefined) { where.push('entity = @entity'); params.entity = opts.entity; }
    if (opts.entityId !== undefined) { where.push('entity_id = @entityId'); params.entityId = opts.entityId; }
    const sql = `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT @limit`;
    return this.db.prepare<Record<string, unknown>, AuditRow>(sql).all(params);
  }
}
