/**
 * Anchors the audit chain at the central server each round: the log's last row id and hash (PUT /v1/audit-head).
 * The server keeps the furthest head per counter; AUDIT_HEAD_BEHIND means this counter's log lost rows at its tail
 * since the last anchor (cut, or restored from an old backup). That is kept as an error for supervisors (sync
 * status), never a crash; the next good anchor clears it.
 */
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Db } from '../../store/database';
import type { CentralClient } from './central-client';
import type { StoredError, SyncState } from './sync-state';

export type AnchorOutcome = 'anchored' | 'nothing' | 'behind' | 'refused' | 'retry';

export function auditHead(db: Db): { lastId: number; lastHash: string } | null {
  const r = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
  return r ? { lastId: r.id, lastHash: r.hash } : null;
}

export async function anchorAudit(d: { client: CentralClient; db: Db; state: SyncState; logger: Logger; clock: Clock }): Promise<AnchorOutcome> {
  const head = auditHead(d.db);
  if (!head) return 'nothing';
  const r = await d.client.putAuditHead(head);
  if (r.ok) {
    d.state.set('anchoredAt', d.clock.now().toISOString());
    d.state.clear('auditError');
    return 'anchored';
  }
  if (r.kind === 'rejected') {
    const e: StoredError = { at: d.clock.now().toISOString(), code: r.error.code, message: r.error.message };
    d.state.set('auditError', JSON.stringify(e));
    d.logger.error('audit head refused by the central server', { code: r.error.code, status: r.status, head });
    return r.error.code === 'AUDIT_HEAD_BEHIND' ? 'behind' : 'refused';
  }
  d.logger.warn('audit head not anchored (retried next round)', { code: r.code, detail: r.detail });
  return 'retry';
}
