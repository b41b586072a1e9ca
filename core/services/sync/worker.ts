/**
 * One round of sync: push the outbox, pull changes, anchor the audit chain.
 * Push: each dossier's events strictly in seq order (a later event waits while an earlier one is pending or
 * rejected), a few dossiers at once. A 'file' event's blob goes first (resumable; a complete blob is never sent
 * again). An unknown outcome (sent, no good answer) is settled by a lookup before anything is resent. Nothing is
 * marked sent without the server's valid acknowledgement (or a lookup showing it holds the event).
 * Replies: EVENT_OUT_OF_ORDER ahead of us → already there (sent); behind us → the server lacks earlier events: those
 * are pending again and go first. BLOB_MISSING → upload, then the event again. Other 4xx → rejected with the
 * server's reason (only that dossier waits). Network, 5xx, a bad reply → retried with a stored backoff; a network
 * failure makes the whole worker offline with one stored next try (no hammering of a link that is down).
 */
import type { Change, DossierEvent } from '../../contract/central-api';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { inTransaction, type Db } from '../../store/database';
import { anchorAudit } from './anchor';
import type { ChangeApplier } from './apply-changes';
import { nextAttemptAt, type BackoffOptions } from './backoff';
import type { CallOutcome, CentralClient } from './central-client';
import type { Frozen, Outbox, OutboxRow } from './outbox';
import { errorText } from './sync-errors';
import type { OfflineSpell, StoredError, SyncState } from './sync-state';

/**
 * Dossiers sent at once. Each dossier's file upload and event go one after the other, so a single dossier leaves the
 * link idle between them; 5 kept a throttled link ~80% busy in the backlog bench (3: ~77%).
 */
export const DEFAULT_CONCURRENCY = 5;
const CHANGES_PAGE = 100;
/** Pages of changes pulled in one round at most (the next round goes on from the stored cursor). */
const MAX_CHANGE_PAGES = 50;

export interface RoundResult {
  sent: number;
  rejected: number;
  retrying: number;
  pulled: number;
  offline: boolean;
  /** Changes were pulled to the end and the audit anchor was checked (the central answered both). */
  reached: boolean;
}

export interface WorkerDeps {
  outbox: Outbox;
  state: SyncState;
  applier: ChangeApplier;
  db: Db;
  logger: Logger;
  clock: Clock;
  backoff: BackoffOptions;
  concurrency?: number;
  /** Something moved (an item settled, changes applied, the worker went offline or came back). */
  changed: (e: { error?: { code: string; message: string } | null; changesApplied?: number }) => void;
  random?: () => number;
}

type Failure = Extract<CallOutcome<unknown>, { ok: false }>;
type ItemResult = 'sent' | 'rejected' | 'retry' | 'again';

export class SyncWorker {
  private stopping = false;
  /** The round under way (its offline flag is raised by the first network failure: no more calls this round). */
  private current: RoundResult | null = null;

  constructor(private readonly d: WorkerDeps) {}

  /** Asks a round under way to stop after the items in flight. */
  stop(): void {
    this.stopping = true;
  }

  async round(client: CentralClient, o: { ignoreBackoff: boolean }): Promise<RoundResult> {
    this.stopping = false;
    const result: RoundResult = { sent: 0, rejected: 0, retrying: 0, pulled: 0, offline: false, reached: false };
    this.current = result;
    this.d.state.set('lastAttemptAt', this.now());
    await this.push(client, o, result);
    if (!result.offline && !this.stopping) {
      const pulled = await this.pull(client);
      result.pulled = pulled.n;
      if (!this.stopping) {
        const anchored = await anchorAudit({ client, db: this.d.db, state: this.d.state, logger: this.d.logger, clock: this.d.clock });
        result.reached = pulled.ok && anchored !== 'retry';
      }
    }
    return result;
  }

  private now(): string {
    return this.d.clock.now().toISOString();
  }

  private async push(client: CentralClient, o: { ignoreBackoff: boolean }, result: RoundResult): Promise<void> {
    // Each item is tried at most once a round; dossiers taken by a lane are not picked again meanwhile.
    const tried = new Set<number>();
    const active = new Set<string>();
    const again = new Map<number, number>();
    let queue: OutboxRow[] = [];
    let refilled = false;
    const pick = (): OutboxRow | null => {
      for (;;) {
        const h = queue.shift();
        if (h) {
          if (!active.has(h.dossier_id) && !tried.has(h.id)) return h;
          continue;
        }
        if (refilled) return null;
        refilled = true;
        queue = this.d.outbox.heads(o);
      }
    };
    const lane = async (dossierId: string): Promise<void> => {
      while (!this.stopping && !result.offline) {
        const h = this.d.outbox.head(dossierId);
        if (!h || h.state !== 'pending' || tried.has(h.id)) return;
        if (!o.ignoreBackoff && h.next_attempt_at !== null && h.next_attempt_at > this.now()) return;
        tried.add(h.id);
        const r = await this.sendItem(client, h, result);
        if (r === 'sent') result.sent += 1;
        else if (r === 'rejected') result.rejected += 1;
        else if (r === 'retry') result.retrying += 1;
        if (r === 'again') {
          // Earlier events went back to pending and go first; this one is tried again after them (a few times at most).
          const n = (again.get(h.id) ?? 0) + 1;
          again.set(h.id, n);
          if (n <= 3) tried.delete(h.id);
        }
        if (r !== 'sent' && r !== 'again') return;
      }
    };
    const runner = async (): Promise<void> => {
      while (!this.stopping && !result.offline) {
        const h = pick();
        if (!h) return;
        active.add(h.dossier_id);
        try {
          await lane(h.dossier_id);
        } finally {
          active.delete(h.dossier_id);
        }
        // A lane that ended lets this dossier be picked again in a later refill (its items were tried).
        refilled = false;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.d.concurrency ?? 3) }, runner));
  }

  private async sendItem(client: CentralClient, row: OutboxRow, result: RoundResult): Promise<ItemResult> {
    this.d.outbox.beginAttempt(row.id);
    let frozen: Frozen;
    try {
      frozen = this.d.outbox.freeze(row.id);
    } catch (e) {
      // The dossier could not be read into a payload (a row gone, a mapping gap): retried, the reason kept.
      this.d.logger.error('sync payload not built', { itemId: row.id, dossierId: row.dossier_id, seq: row.seq, error: (e as Error)?.message });
      return this.retry(row, { code: 'SYNC_PAYLOAD_FAILED', params: { detail: String((e as Error)?.message ?? e).slice(0, 300) } });
    }
    if (row.maybe_applied) {
      const settled = await this.settle(client, row);
      if (settled !== 'resend') return settled;
    }
    if (frozen.upload) {
      const up = await this.ensureBlob(client, row, frozen);
      if (up === 'refrozen') frozen = this.d.outbox.freeze(row.id);
      else if (up !== 'ok') return up;
    }
    let put = await client.putEvent(row.dossier_id, row.seq, frozen.event);
    if (!put.ok && put.kind === 'rejected' && put.error.code === 'BLOB_MISSING' && frozen.upload) {
      // Our record said the server holds the file; it does not (its store was replaced): upload, then once more.
      this.d.outbox.setUpload(frozen.upload.sha256, { offset: 0, length: frozen.upload.length, complete: false });
      const up = await this.ensureBlob(client, row, frozen);
      if (up !== 'ok') return up === 'refrozen' ? this.retry(row, { code: 'SYNC_FILE_CHANGED', params: {} }, true) : up;
      put = await client.putEvent(row.dossier_id, row.seq, frozen.event);
    }
    if (put.ok) {
      if (put.value.seq !== row.seq) return this.retry(row, { code: 'SYNC_BAD_REPLY', params: { detail: `seq ${put.value.seq} ≠ ${row.seq}` } });
      return this.sent(row);
    }
    if (put.kind === 'rejected') {
      if (put.error.code === 'EVENT_OUT_OF_ORDER' && put.error.expectedSeq !== undefined) return this.outOfOrder(row, put.error.expectedSeq, frozen.event);
      return this.reject(row, put);
    }
    const r = this.fail(row, put);
    if (put.maybeApplied && !result.offline) {
      // Settled at once when the server answers a lookup (it may have committed before the reply was lost).
      const settled = await this.settle(client, { ...row, maybe_applied: 1 });
      if (settled === 'sent') return 'sent';
    }
    return r;
  }

  /** An unknown outcome: the server's lastSeq says whether it holds the event. */
  private async settle(client: CentralClient, row: OutboxRow): Promise<ItemResult | 'resend'> {
    const look = await client.lookupDossier(row.dossier_id);
    if (!look.ok) return look.kind === 'rejected' ? this.reject(row, look) : this.fail(row, look);
    if (look.value && look.value.lastSeq >= row.seq) {
      this.d.logger.info('sync event found at the central server after an unknown outcome', { dossierId: row.dossier_id, seq: row.seq });
      return this.sent(row);
    }
    this.d.outbox.clearMaybeApplied(row.id);
    return 'resend';
  }

  private async ensureBlob(client: CentralClient, row: OutboxRow, frozen: Frozen): Promise<'ok' | 'refrozen' | ItemResult> {
    const u = frozen.upload!;
    const known = this.d.outbox.upload(u.sha256);
    if (known?.complete) return 'ok';
    // A file this counter never began to send: straight to the upload from 0 (a server holding part of it answers
    // 409 with its offset, which the upload follows; one holding all of it answers complete). An upload cut short
    // (perhaps by a crash after its last chunk), or one whose file is gone from here: ask first.
    const st = known || u.path === null ? await client.blobStatus(u.sha256) : ({ ok: true, value: null } as const);
    if (!st.ok) return st.kind === 'rejected' ? this.reject(row, st) : this.fail(row, st);
    if (st.value?.complete) {
      this.d.outbox.setUpload(u.sha256, { offset: st.value.length, length: st.value.length, complete: true });
      return 'ok';
    }
    if (u.path === null) {
      // The file changed after this event was frozen and its old content is gone; the server never held it whole,
      // so it never applied this event: built again from the file as it is.
      this.d.logger.warn('sync file changed since frozen: payload built again', { dossierId: row.dossier_id, seq: row.seq });
      const again = this.d.outbox.refreeze(row.id);
      if (!again.upload || again.upload.path === null) return again.upload ? this.retry(row, { code: 'SYNC_FILE_CHANGED', params: {} }) : 'refrozen';
      frozen.upload = again.upload;
      frozen.event = again.event;
      frozen.body = again.body;
      const res = await this.ensureBlob(client, row, frozen);
      return res === 'ok' ? 'refrozen' : res;
    }
    const from = st.value?.offset ?? 0;
    this.d.outbox.setUpload(u.sha256, { offset: from, length: u.length, complete: false });
    const up = await client.uploadBlob({ path: u.path, sha256: u.sha256, length: u.length }, from, (offset) => {
      // The whole file sent: its completion is written just below (one commit less per file).
      if (offset < u.length) this.d.outbox.setProgress(row.id, u.sha256, { offset, length: u.length });
    });
    if (!up.ok) return up.kind === 'rejected' ? this.reject(row, up) : this.fail(row, up);
    if (!up.value.complete || up.value.sha256 !== u.sha256) return this.retry(row, { code: 'SYNC_BAD_REPLY', params: { detail: `blob ${u.sha256.slice(0, 12)} not complete` } });
    this.d.outbox.setUpload(u.sha256, { offset: up.value.length, length: up.value.length, complete: true });
    return 'ok';
  }

  private outOfOrder(row: OutboxRow, expected: number, _event: DossierEvent): ItemResult {
    if (expected > row.seq) {
      // The server holds this seq already (applied by an earlier try whose answer was lost): nothing to resend.
      this.d.logger.info('sync event already at the central server', { dossierId: row.dossier_id, seq: row.seq, expectedSeq: expected });
      return this.sent(row);
    }
    const back = this.d.outbox.resend(row.dossier_id, Math.max(1, expected), row.seq);
    this.d.logger.warn('central server lacks earlier events of a dossier: sent again first', { dossierId: row.dossier_id, seq: row.seq, expectedSeq: expected, items: back });
    if (back === 0) return this.retry(row, { code: 'SYNC_BAD_REPLY', params: { detail: `EVENT_OUT_OF_ORDER expectedSeq ${expected}` } });
    // This item waits behind them, due at once.
    this.d.outbox.markRetry(row.id, { code: 'SYNC_RESENDING_EARLIER', params: { expectedSeq: expected } }, this.now());
    return 'again';
  }

  private sent(row: OutboxRow): ItemResult {
    // One commit for both (each commit is synced to disk; a backlog has thousands).
    const marked = inTransaction(this.d.db, () => {
      if (!this.d.outbox.markSent(row.id)) return false;
      this.d.state.set('lastSuccessAt', this.now());
      return true;
    });
    if (marked) {
      this.reachable();
      this.d.changed({});
    }
    return 'sent';
  }

  /** The central answered: an offline spell is over. */
  private reachable(): void {
    if (!this.d.state.get('offline')) return;
    this.d.state.clear('offline');
    this.d.logger.info('central server reachable again');
  }

  private reject(row: OutboxRow, f: Extract<Failure, { kind: 'rejected' }>): ItemResult {
    this.d.outbox.markRejected(row.id, f.error.code, f.error.message, { status: f.status });
    this.reachable();
    this.d.logger.warn('sync item rejected by the central server', { dossierId: row.dossier_id, seq: row.seq, status: f.status, code: f.error.code });
    this.d.changed({ error: { code: f.error.code, message: f.error.message } });
    return 'rejected';
  }

  private fail(row: OutboxRow, f: Extract<Failure, { kind: 'retry' }>): ItemResult {
    this.d.logger.warn('sync item not sent (retried)', { dossierId: row.dossier_id, seq: row.seq, code: f.code, detail: f.detail, maybeApplied: f.maybeApplied });
    if (f.code === 'SYNC_NETWORK') this.goOffline(f);
    return this.retry(row, { code: f.code, params: { detail: f.detail.slice(0, 300) }, maybeApplied: f.maybeApplied });
  }

  private retry(row: OutboxRow, e: { code: string; params: Record<string, string | number>; maybeApplied?: boolean }, now = false): ItemResult {
    const fresh = this.d.outbox.row(row.id);
    const next = now ? this.now() : nextAttemptAt(this.d.clock.now(), fresh?.attempts ?? 1, this.d.backoff, this.d.random);
    this.d.outbox.markRetry(row.id, e, next);
    this.d.changed({ error: { code: e.code, message: errorText(e.code, null, JSON.stringify(e.params)) } });
    return 'retry';
  }

  /** The central is unreachable: one stored next try for the whole worker, growing while it stays so. */
  private goOffline(f: { code: string; detail: string }): void {
    const prev = this.d.state.offline();
    const attempts = (prev?.attempts ?? 0) + 1;
    const spell: OfflineSpell = {
      since: prev?.since ?? this.now(),
      attempts,
      nextAt: nextAttemptAt(this.d.clock.now(), attempts, this.d.backoff, this.d.random),
      code: f.code,
      detail: f.detail.slice(0, 300),
    };
    this.d.state.set('offline', JSON.stringify(spell));
    if (this.current) this.current.offline = true;
    if (!prev) this.d.logger.warn('central server unreachable: sync offline', { code: f.code, detail: f.detail, nextAt: spell.nextAt });
  }

  /** Changes since the stored cursor, each applied, the cursor stored after each one. */
  private async pull(client: CentralClient): Promise<{ n: number; ok: boolean }> {
    let cursor = this.d.state.cursor();
    let pulled = 0;
    let ok = false;
    for (let page = 0; page < MAX_CHANGE_PAGES && !this.stopping; page++) {
      const r = await client.changes(cursor, CHANGES_PAGE);
      if (!r.ok) {
        const e: StoredError = r.kind === 'rejected' ? { at: this.now(), code: r.error.code, message: r.error.message } : { at: this.now(), code: r.code, message: null, detail: r.detail };
        this.d.state.set('pullError', JSON.stringify(e));
        this.d.logger.warn('sync changes not pulled', { ...e });
        if (r.kind === 'retry' && r.code === 'SYNC_NETWORK') this.goOffline({ code: r.code, detail: r.detail });
        ok = false;
        break;
      }
      this.d.state.clear('pullError');
      // The central answered: an offline spell is over even when nothing was pushed.
      this.reachable();
      ok = true;
      for (const change of r.value.changes) {
        if (!this.applyOne(change)) return { n: this.applied(pulled), ok: false };
        cursor = change.cursor;
        this.d.state.set('cursor', cursor);
        pulled += 1;
      }
      if (r.value.changes.length === 0 || r.value.next === cursor) {
        if (r.value.changes.length === 0 && r.value.next !== cursor && r.value.next) this.d.state.set('cursor', r.value.next);
        break;
      }
      cursor = r.value.next;
      this.d.state.set('cursor', cursor);
    }
    return { n: this.applied(pulled), ok };
  }

  private applyOne(change: Change): boolean {
    try {
      this.d.applier.apply(change);
      return true;
    } catch (e) {
      // Not applied (the database refused, or the applier is missing): the cursor stays before it; retried next round.
      this.d.logger.error('pulled change not applied', { cursor: change.cursor, kind: change.kind, error: (e as Error)?.message });
      const stored: StoredError = { at: this.now(), code: 'SYNC_CHANGE_NOT_APPLIED', message: null, detail: String((e as Error)?.message ?? e).slice(0, 300) };
      this.d.state.set('pullError', JSON.stringify(stored));
      return false;
    }
  }

  private applied(n: number): number {
    if (n > 0) this.d.changed({ changesApplied: n });
    return n;
  }
}
