/**
 * The sync outbox (sync_outbox, migration 011): the database side only, every step one statement or transaction.
 * Rows are written by triggers in the change's own transaction; here they are read in order (per dossier, by seq),
 * frozen at the first attempt (the payload JSON and the file's bytes, so every retry sends the same), and settled:
 * sent (the server acknowledged it), rejected (a 4xx with the server's reason, kept for the clerk), or pending again
 * with the reason and a stored next attempt (backoff that survives a restart).
 */
import type { ErrorParams } from '../../contract/errors';
import type { DossierEvent, DossierFile } from '../../contract/central-api';
import type { OutboxItem, OutboxKind, OutboxState } from '../../contract/sync';
import type { Clock } from '../../platform/clock';
import { inTransaction, type Db } from '../../store/database';
import type { FileForRef } from './dossier-snapshot';
import { errorText } from './sync-errors';

export interface OutboxRow {
  id: number;
  dossier_id: string;
  seq: number;
  kind: OutboxKind;
  ref: string;
  state: OutboxState;
  payload: string | null;
  bytes: number;
  sha256: string | null;
  maybe_applied: number;
  created_at: string;
  attempts: number;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
  error_code: string | null;
  error_params: string | null;
  error_message: string | null;
}

/** What the payload is built from, read at the moment of the first attempt. */
export interface SnapshotSource {
  buildDvcqgDossier(db: Db, filesDir: string, dossierId: string): DossierEvent['dossier'];
  fileForRef(db: Db, filesDir: string, dossierId: string, ref: string): FileForRef;
}

/** A frozen item: its payload as sent, and the file to upload first ('file' items that add or replace one). */
export interface Frozen {
  body: string;
  event: DossierEvent;
  /** path null: the file changed since it was frozen and its old content is gone (see Outbox.refreeze). */
  upload: { path: string | null; sha256: string; length: number } | null;
}

const COLUMNS = `o.id, o.dossier_id, o.seq, o.kind, o.ref, o.state, o.payload, o.bytes, o.sha256, o.maybe_applied, o.created_at, o.attempts,
  o.last_attempt_at, o.next_attempt_at, o.sent_at, o.error_code, o.error_params, o.error_message`;

export function toOutboxItem(r: OutboxRow & { dossier_code: string | null }): OutboxItem {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    seq: r.seq,
    kind: r.kind,
    state: r.state,
    createdAt: r.created_at,
    attempts: r.attempts,
    nextAttemptAt: r.state === 'pending' ? r.next_attempt_at : null,
    sentAt: r.sent_at,
    bytes: r.state === 'sent' ? 0 : r.bytes,
    error: r.error_code ? { code: r.error_code, message: errorText(r.error_code, r.error_message, r.error_params) } : null,
  };
}

export class Outbox {
  constructor(private readonly d: { db: Db; clock: Clock; filesDir: string; snapshot: SnapshotSource }) {}

  private now(): string {
    return this.d.clock.now().toISOString();
  }

  row(id: number): OutboxRow | undefined {
    return this.d.db.prepare<[number], OutboxRow>(`SELECT ${COLUMNS} FROM sync_outbox o WHERE o.id = ?`).get(id);
  }

  /**
   * The first unsent item of every dossier that has one, oldest dossier first. A dossier whose first unsent item is
   * rejected is held there (its later events wait); one whose item waits for its next attempt too, unless `ignoreBackoff`.
   */
  heads(o: { ignoreBackoff: boolean }): OutboxRow[] {
    const rows = this.d.db
      .prepare<[], OutboxRow>(
        `SELECT ${COLUMNS} FROM sync_outbox o
         WHERE o.state <> 'sent' AND o.seq = (SELECT MIN(seq) FROM sync_outbox WHERE dossier_id = o.dossier_id AND state <> 'sent')
         ORDER BY o.id`,
      )
      .all();
    const now = this.now();
    return rows.filter((r) => r.state === 'pending' && (o.ignoreBackoff || r.next_attempt_at === null || r.next_attempt_at <= now));
  }

  /** The dossier's first unsent item (pending or rejected), if any. */
  head(dossierId: string): OutboxRow | undefined {
    return this.d.db
      .prepare<[string], OutboxRow>(`SELECT ${COLUMNS} FROM sync_outbox o WHERE o.dossier_id = ? AND o.state <> 'sent' ORDER BY o.seq LIMIT 1`)
      .get(dossierId);
  }

  /** The earliest stored next attempt among pending items (null: none waits, or nothing pending). */
  earliestNextAttempt(): string | null {
    return this.d.db.prepare<[], { t: string | null }>(`SELECT MIN(next_attempt_at) AS t FROM sync_outbox WHERE state = 'pending'`).get()?.t ?? null;
  }

  /** Highest row id: a cheap look whether the triggers wrote something new (any process). */
  maxId(): number {
    return this.d.db.prepare<[], { m: number | null }>('SELECT MAX(id) AS m FROM sync_outbox').get()?.m ?? 0;
  }

  /** One more try of the item begins (recorded before anything is sent). */
  beginAttempt(id: number): void {
    this.d.db.prepare(`UPDATE sync_outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE id = ? AND state = 'pending'`).run(this.now(), id);
  }

  /**
   * The item's payload: built and stored at its first attempt, read back on every later one (the same bytes).
   * The dossier and the file are read as they are at that moment, in one transaction with the store.
   */
  freeze(id: number): Frozen {
    return inTransaction(this.d.db, () => {
      const r = this.row(id);
      if (!r) throw new Error(`outbox item ${id} is gone`);
      if (r.payload === null) {
        const event = this.build(r);
        const body = JSON.stringify(event);
        const file = event.file && !event.file.removed ? event.file : null;
        const known = file ? this.d.db.prepare<[string], { complete: number }>('SELECT complete FROM sync_uploads WHERE sha256 = ?').get(file.sha256) : undefined;
        this.d.db
          .prepare('UPDATE sync_outbox SET payload = ?, sha256 = ?, bytes = ? WHERE id = ?')
          .run(body, file?.sha256 ?? null, file && known?.complete !== 1 ? file.bytes : 0, id);
        r.payload = body;
      }
      const event = JSON.parse(r.payload) as DossierEvent;
      return { body: r.payload, event, upload: this.uploadOf(r, event) };
    });
  }

  private uploadOf(r: OutboxRow, event: DossierEvent): Frozen['upload'] {
    if (r.kind !== 'file' || !event.file || event.file.removed) return null;
    const now = this.d.snapshot.fileForRef(this.d.db, this.d.filesDir, r.dossier_id, r.ref);
    // The file the payload names is the one on disk when it was frozen; a later change of it has its own item, and
    // a content-addressed file stays where it was. Uploads are verified by SHA-256 on arrival either way.
    const path = !now.removed && now.file.sha256 === event.file.sha256 ? now.path : null;
    return { path, sha256: event.file.sha256, length: event.file.bytes };
  }

  /**
   * Builds the payload again. Only for an item the server cannot have applied: a 'file' event whose blob it never
   * held completely (it refuses such an event: BLOB_MISSING), whose old content is gone from this counter.
   */
  refreeze(id: number): Frozen {
    this.d.db.prepare(`UPDATE sync_outbox SET payload = NULL, sha256 = NULL WHERE id = ? AND state = 'pending'`).run(id);
    return this.freeze(id);
  }

  private build(r: OutboxRow): DossierEvent {
    // The DVCQG snapshot goes with transitions and fees (they change it) and with a dossier's first event (it
    // creates the dossier there); a later file event leaves it out: the server keeps the one it has (a few KB less a page).
    const withDossier = r.kind !== 'file' || r.seq === 1;
    const dossier = withDossier ? this.d.snapshot.buildDvcqgDossier(this.d.db, this.d.filesDir, r.dossier_id) : undefined;
    const state = this.d.db.prepare<[string], { state: string }>('SELECT state FROM dossiers WHERE id = ?').get(r.dossier_id)?.state ?? '';
    const base = { idempotencyKey: `${r.dossier_id}:${r.seq}`, kind: r.kind, ...(dossier ? { dossier } : {}) } as const;
    if (r.kind === 'transition') {
      const h = this.d.db
        .prepare<[number], { from_state: string | null; to_state: string; at: string; actor: string; data: string }>(
          'SELECT from_state, to_state, at, actor, data FROM dossier_transitions WHERE id = ?',
        )
        .get(Number(r.ref));
      if (!h) throw new Error(`history row ${r.ref} is gone`);
      // The state after this event is the history row's own (a later transition has its own item).
      return { ...base, at: h.at, state: h.to_state, data: { from: h.from_state, to: h.to_state, actor: h.actor, data: safeJson(h.data) } };
    }
    if (r.kind === 'fee') {
      const f = this.d.db
        .prepare<[string], { number: string; amount: number; data: string; collected_at: string; collected_by: string }>(
          'SELECT number, amount, data, collected_at, collected_by FROM fee_receipts WHERE number = ?',
        )
        .get(r.ref);
      if (!f) throw new Error(`fee receipt ${r.ref} is gone`);
      return { ...base, at: f.collected_at, state, data: { receipt: { number: f.number, amount: f.amount, collectedAt: f.collected_at, collectedBy: f.collected_by, data: safeJson(f.data) } } };
    }
    const ff = this.d.snapshot.fileForRef(this.d.db, this.d.filesDir, r.dossier_id, r.ref);
    const at = fileTime(this.d.db, r) ?? r.created_at;
    if (ff.removed) {
      // The server drops the ref; the file fields repeat what was last sent for it (the schema wants them whole).
      const last = lastFileSent(this.d.db, r.dossier_id, r.ref, r.seq);
      const file: DossierFile = last ?? { ref: r.ref, name: r.ref, itemCode: '', mediaType: 'application/octet-stream', sha256: '0'.repeat(64), bytes: 0 };
      return { ...base, at, state, data: {}, file: { ...file, ref: r.ref, removed: true } };
    }
    return { ...base, at, state, data: {}, file: ff.file };
  }

  markSent(id: number): boolean {
    const r = this.d.db
      .prepare(
        `UPDATE sync_outbox SET state = 'sent', sent_at = ?, bytes = 0, maybe_applied = 0, next_attempt_at = NULL, error_code = NULL, error_params = NULL, error_message = NULL
         WHERE id = ? AND state = 'pending'`,
      )
      .run(this.now(), id);
    return r.changes === 1;
  }

  /** A 4xx: kept with the server's reason; the dossier's later events wait, other dossiers go on. */
  markRejected(id: number, code: string, message: string, params: ErrorParams = {}): void {
    this.d.db
      .prepare(`UPDATE sync_outbox SET state = 'rejected', maybe_applied = 0, next_attempt_at = NULL, error_code = ?, error_params = ?, error_message = ? WHERE id = ? AND state = 'pending'`)
      .run(code, JSON.stringify(params), message, id);
  }

  /** Network, 5xx, a bad reply: pending with the reason and the stored next attempt. maybeApplied is kept until a lookup settles it. */
  markRetry(id: number, e: { code: string; params?: ErrorParams; maybeApplied?: boolean }, nextAt: string): void {
    this.d.db
      .prepare(
        `UPDATE sync_outbox SET next_attempt_at = ?, error_code = ?, error_params = ?, error_message = NULL, maybe_applied = MAX(maybe_applied, ?)
         WHERE id = ? AND state = 'pending'`,
      )
      .run(nextAt, e.code, JSON.stringify(e.params ?? {}), e.maybeApplied ? 1 : 0, id);
  }

  /** A lookup showed the server did not apply it: the next send goes out (the same frozen payload). */
  clearMaybeApplied(id: number): void {
    this.d.db.prepare('UPDATE sync_outbox SET maybe_applied = 0 WHERE id = ?').run(id);
  }

  /** Upload progress: what is still to send with this item. */
  setBytesLeft(id: number, bytes: number): void {
    this.d.db.prepare(`UPDATE sync_outbox SET bytes = ? WHERE id = ? AND state = 'pending'`).run(Math.max(0, bytes), id);
  }

  /**
   * The server lacks a dossier's events from `fromSeq` on, below `beforeSeq` (it said so: EVENT_OUT_OF_ORDER with
   * an earlier expectedSeq, e.g. its database was restored): those items are pending again, due now, and go first.
   * Their frozen payloads stay (the same keys and bytes). Returns how many.
   */
  resend(dossierId: string, fromSeq: number, beforeSeq: number): number {
    return this.d.db
      .prepare(
        `UPDATE sync_outbox SET state = 'pending', sent_at = NULL, next_attempt_at = NULL, maybe_applied = 0
         WHERE dossier_id = ? AND seq >= ? AND seq < ? AND state = 'sent'`,
      )
      .run(dossierId, fromSeq, beforeSeq).changes;
  }

  /**
   * Retry now: the item (or every pending one) is due at once; a rejected item goes back to pending, rebuilt at its
   * next attempt (the server refused it, so nothing of it was applied; a fix made since is what it sends).
   */
  retry(id?: number): number {
    return inTransaction(this.d.db, () => {
      const where = id === undefined ? '' : 'AND id = ?';
      const args = id === undefined ? [] : [id];
      const pending = this.d.db.prepare(`UPDATE sync_outbox SET next_attempt_at = NULL WHERE state = 'pending' ${where}`).run(...args).changes;
      const rejected = this.d.db
        .prepare(`UPDATE sync_outbox SET state = 'pending', payload = NULL, sha256 = NULL, next_attempt_at = NULL, error_code = NULL, error_params = NULL, error_message = NULL WHERE state = 'rejected' ${where}`)
        .run(...args).changes;
      return rejected + pending;
    });
  }

  list(o: { state?: OutboxState | undefined; dossierId?: string | undefined; limit: number }): OutboxItem[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (o.state) {
      where.push('o.state = ?');
      args.push(o.state);
    } else if (!o.dossierId) where.push(`o.state <> 'sent'`);
    if (o.dossierId) {
      where.push('o.dossier_id = ?');
      args.push(o.dossierId);
    }
    const sql = `SELECT ${COLUMNS}, d.code AS dossier_code FROM sync_outbox o JOIN dossiers d ON d.id = o.dossier_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.created_at, o.id LIMIT ?`;
    return this.d.db
      .prepare<unknown[], OutboxRow & { dossier_code: string | null }>(sql)
      .all(...args, o.limit)
      .map(toOutboxItem);
  }

  counts(): { pendingDossiers: number; pendingEvents: number; pendingBytes: number; rejected: number; oldestPendingAt: string | null } {
    const p = this.d.db
      .prepare<[], { dossiers: number; events: number; bytes: number | null; oldest: string | null }>(
        `SELECT COUNT(DISTINCT dossier_id) AS dossiers, COUNT(*) AS events, SUM(bytes) AS bytes, MIN(created_at) AS oldest FROM sync_outbox WHERE state = 'pending'`,
      )
      .get()!;
    const rejected = this.d.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM sync_outbox WHERE state = 'rejected'`).get()!.n;
    return { pendingDossiers: p.dossiers, pendingEvents: p.events, pendingBytes: p.bytes ?? 0, rejected, oldestPendingAt: p.oldest };
  }

  /** Items with a reason (rejected, or pending after a failed try), newest try first. */
  troubled(limit: number): Array<OutboxRow & { dossier_code: string | null }> {
    return this.d.db
      .prepare<[number], OutboxRow & { dossier_code: string | null }>(
        `SELECT ${COLUMNS}, d.code AS dossier_code FROM sync_outbox o JOIN dossiers d ON d.id = o.dossier_id
         WHERE o.state <> 'sent' AND o.error_code IS NOT NULL ORDER BY COALESCE(o.last_attempt_at, o.created_at) DESC, o.id DESC LIMIT ?`,
      )
      .all(limit);
  }

  /** What the counter knows the server holds of a file. */
  upload(sha256: string): { offset: number; length: number; complete: boolean } | null {
    const r = this.d.db.prepare<[string], { offset: number; length: number; complete: number }>('SELECT offset, length, complete FROM sync_uploads WHERE sha256 = ?').get(sha256);
    return r ? { offset: r.offset, length: r.length, complete: r.complete === 1 } : null;
  }

  setUpload(sha256: string, s: { offset: number; length: number; complete: boolean }): void {
    // One commit (the store syncs each one to disk): the record and, when complete, its items' bytes left.
    inTransaction(this.d.db, () => this.writeUpload(sha256, s));
  }

  /** Upload progress: the record and what is left with the item, in one commit. */
  setProgress(id: number, sha256: string, s: { offset: number; length: number }): void {
    inTransaction(this.d.db, () => {
      this.writeUpload(sha256, { ...s, complete: false });
      this.setBytesLeft(id, s.length - s.offset);
    });
  }

  private writeUpload(sha256: string, s: { offset: number; length: number; complete: boolean }): void {
    this.d.db
      .prepare(
        `INSERT INTO sync_uploads (sha256, length, offset, complete, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(sha256) DO UPDATE SET length = excluded.length, offset = excluded.offset, complete = excluded.complete, updated_at = excluded.updated_at`,
      )
      .run(sha256, s.length, s.offset, s.complete ? 1 : 0, this.now());
    if (s.complete) this.d.db.prepare(`UPDATE sync_outbox SET bytes = 0 WHERE sha256 = ? AND state = 'pending'`).run(sha256);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** When the file change happened, from its source row (the trigger's own time when the row has none). */
function fileTime(db: Db, r: OutboxRow): string | null {
  const [kind, key] = [r.ref.slice(0, r.ref.indexOf(':')), r.ref.slice(r.ref.indexOf(':') + 1)];
  if (kind === 'doc') return db.prepare<[string], { t: string }>('SELECT created_at AS t FROM dossier_documents WHERE id = ?').get(key)?.t ?? null;
  if (kind === 'page') return db.prepare<[string], { t: string | null }>('SELECT COALESCE(removed_at, updated_at) AS t FROM dossier_pages WHERE id = ?').get(key)?.t ?? null;
  if (kind === 'pdf') return db.prepare<[string, string], { t: string | null }>('SELECT built_at AS t FROM document_pdfs WHERE dossier_id = ? AND item_code = ?').get(r.dossier_id, key)?.t ?? null;
  return null;
}

function lastFileSent(db: Db, dossierId: string, ref: string, beforeSeq: number): DossierFile | null {
  const rows = db
    .prepare<[string, string, number], { payload: string }>(
      `SELECT payload FROM sync_outbox WHERE dossier_id = ? AND ref = ? AND seq < ? AND payload IS NOT NULL ORDER BY seq DESC LIMIT 5`,
    )
    .all(dossierId, ref, beforeSeq);
  for (const { payload } of rows) {
    const f = (JSON.parse(payload) as DossierEvent).file;
    if (f && !f.removed) return { ref: f.ref, name: f.name, itemCode: f.itemCode, mediaType: f.mediaType, sha256: f.sha256, bytes: f.bytes };
  }
  return null;
}
