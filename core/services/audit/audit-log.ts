/**
 * Append-only audit log chained by hash. Append inside the same transaction as the write it records,
 * so a write and its audit row land together or not at all.
 *
 * Hash schemes (no column: the boundary is kept with the key, outside the database, so it cannot be moved):
 *  - rows with id <= legacyUntil were written before the chain was keyed: SHA-256 of the canonical row;
 *  - every later row: HMAC-SHA256 of the canonical row with the database's audit key (audit-keying.ts). The first
 *    keyed row is the 'audit.keyed' marker, and it covers the last legacy row's hash, so legacy rows cannot be
 *    re-made either once a keyed row follows them.
 * Whoever can write the database but lacks the key cannot edit, renumber or re-make keyed rows, nor wipe them
 * (the marker row must exist). Rows cut off the end are caught by the head record kept beside the key.
 */
import { createHash, createHmac } from 'node:crypto';
import { AppError } from '../../contract/errors';
import { AuditKeyStore, resolveKeyDir, type HeadRecord } from '../../platform/audit-key-store';
import type { Db } from '../../store/database';
import { actorLabel, actorUserId, type Actor } from '../actor';

export const GENESIS_HASH = '0'.repeat(64);
/** Settings key naming the database's key record (a random id: survives moving the folder and restores). */
export const AUDIT_KEY_ID_SETTING = 'audit.keyId';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  data?: unknown;
}

export interface AuditRow {
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

/** The key a database's chain is HMAC'd with, and where its head record is kept. */
export interface AuditKeying {
  keyId: string;
  secret: Buffer;
  legacyUntil: number;
  store: AuditKeyStore | null;
}

function canonical(r: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([r.id, r.at, r.actor, r.actor_user_id, r.action, r.entity, r.entity_id, r.data, r.prev_hash]);
}

/** The legacy (unkeyed) row hash. */
export function hashAuditRow(r: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(canonical(r)).digest('hex');
}

export function macAuditRow(secret: Buffer, r: Omit<AuditRow, 'hash'>): string {
  return createHmac('sha256', secret).update(canonical(r)).digest('hex');
}

export type VerifyReason =
  | 'hash_mismatch'
  | 'chain_broken'
  | 'missing_rows'
  | 'truncated'
  | 'wiped'
  | 'head_missing'
  | 'head_invalid';

export type VerifyResult =
  | { ok: true; rows: number; keyed: boolean }
  | { ok: false; rows: number; keyed: boolean; firstBadId: number; reason: VerifyReason };

export function readAuditKeyId(db: Db): string | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(AUDIT_KEY_ID_SETTING);
  if (!row) return null;
  const v = JSON.parse(row.value) as unknown;
  return typeof v === 'string' ? v : null;
}

export class AuditLog {
  private readonly lastStmt;
  private readonly insertStmt;
  private readonly seqStmt;
  private keyingResolved: AuditKeying | null | undefined;
  private flushScheduled = false;

  /**
   * keying: the database's key (createCore passes it). Left out (tools and tests that open a database file
   * directly), the key the database names is loaded from the default key folder, and refused if it is missing.
   */
  constructor(private readonly db: Db, private readonly now: () => Date, keying?: AuditKeying | null) {
    this.keyingResolved = keying;
    this.lastStmt = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.insertStmt = db.prepare(
      `INSERT INTO audit_log (id, at, actor, actor_user_id, action, entity, entity_id, data, prev_hash, hash)
       VALUES (@id, @at, @actor, @actor_user_id, @action, @entity, @entity_id, @data, @prev_hash, @hash)`,
    );
    this.seqStmt = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");
  }

  private get keying(): AuditKeying | null {
    if (this.keyingResolved === undefined) {
      const keyId = readAuditKeyId(this.db);
      if (keyId === null) this.keyingResolved = null;
      else {
        const store = new AuditKeyStore({ dir: resolveKeyDir() });
        const k = store.load(keyId);
        if (!k) throw new AppError('AUDIT_KEY_MISSING', { keyId });
        this.keyingResolved = { keyId, secret: k.secret, legacyUntil: k.record.legacyUntil, store };
      }
    }
    return this.keyingResolved;
  }

  private hashFor(row: Omit<AuditRow, 'hash'>): string {
    const k = this.keying;
    return k && row.id > k.legacyUntil ? macAuditRow(k.secret, row) : hashAuditRow(row);
  }

  /** Must run inside a write transaction (the caller's), so reading the head and appending are atomic. */
  append(actor: Actor, entry: AuditEntry): number {
    if (!this.db.inTransaction) throw new Error('AuditLog.append must run inside a transaction');
    const last = this.lastStmt.get();
    const seq = this.seqStmt.get();
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
    this.insertStmt.run({ ...row, hash: this.hashFor(row) });
    this.scheduleFlush();
    return id;
  }

  /**
   * The head record is written after the transaction commits (better-sqlite3 transactions are synchronous, so a
   * microtask runs after COMMIT or ROLLBACK), at most once per burst: it may lag the database, never lead it.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled || !this.keyingResolved?.store) return;
    this.flushScheduled = true;
    const attempt = (): void => {
      if (this.db.open && this.db.inTransaction) {
        setImmediate(attempt);
        return;
      }
      this.flushScheduled = false;
      this.flushHead();
    };
    queueMicrotask(attempt);
  }

  /** Moves the head record forward to the last committed row; never backwards, never over a head the log contradicts. */
  flushHead(): void {
    const k = this.keyingResolved;
    if (!k?.store || !this.db.open || this.db.inTransaction) return;
    try {
      const last = this.lastStmt.get();
      if (!last || last.id <= k.legacyUntil) return;
      const head = k.store.readHead(k.keyId, k.secret);
      if (head === 'invalid') return; // evidence for verify
      if (head !== 'missing') {
        if (head.lastId >= last.id) return;
        const at = this.db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?').get(head.lastId);
        if (!at || at.hash !== head.lastHash) return; // the log lost rows the head saw: keep the evidence
      }
      k.store.writeHead(k.keyId, k.secret, { lastId: last.id, lastHash: last.hash });
    } catch {
      // The head is a best-effort witness; the write it follows is already committed.
    }
  }

  /** Walks the whole chain; names the first row that was edited, deleted or re-ordered. */
  verify(): VerifyResult {
    const k = this.keying;
    const keyed = k !== null;
    const head: HeadRecord | 'missing' | 'invalid' | null = k?.store ? k.store.readHead(k.keyId, k.secret) : null;
    let prev = GENESIS_HASH;
    let expectedId = 1;
    let rows = 0;
    let headHash: string | null = null;
    for (const r of this.db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').iterate()) {
      rows += 1;
      if (r.id !== expectedId) return { ok: false, rows, keyed, firstBadId: expectedId, reason: 'missing_rows' };
      if (r.prev_hash !== prev) return { ok: false, rows, keyed, firstBadId: r.id, reason: 'chain_broken' };
      const { hash, ...rest } = r;
      if (this.hashFor(rest) !== hash) return { ok: false, rows, keyed, firstBadId: r.id, reason: 'hash_mismatch' };
      if (typeof head === 'object' && head !== null && r.id === head.lastId) headHash = hash;
      prev = hash;
      expectedId += 1;
    }
    // Keyed: the marker row after the legacy rows must still be there (an emptied log is not a valid one).
    if (k && rows <= k.legacyUntil) return { ok: false, rows, keyed, firstBadId: k.legacyUntil + 1, reason: 'wiped' };
    const seq = this.seqStmt.get();
    if (seq && seq.seq >= expectedId) return { ok: false, rows, keyed, firstBadId: expectedId, reason: 'truncated' };
    if (head === 'invalid') return { ok: false, rows, keyed, firstBadId: expectedId, reason: 'head_invalid' };
    if (head === 'missing' && k && rows > k.legacyUntil + 1) return { ok: false, rows, keyed, firstBadId: expectedId, reason: 'head_missing' };
    if (typeof head === 'object' && head !== null && headHash !== head.lastHash) {
      return { ok: false, rows, keyed, firstBadId: Math.min(expectedId, head.lastId), reason: 'truncated' };
    }
    return { ok: true, rows, keyed };
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
