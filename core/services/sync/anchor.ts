/**
 * Anchors the audit chain at the central server each round. First the head the central keeps (GET) is compared
 * with the local log: when the log lacks that row (cut at its tail) or holds another hash there (cut and written
 * again), nothing is pushed — a longer head would paper over the cut — and AUDIT_CENTRAL_TRUNCATED /
 * AUDIT_CENTRAL_MISMATCH stays in sync status until the log matches again. A head the central marks disputed
 * (GET disputed, or 409 AUDIT_HEAD_DISPUTED) also stays as an error until a central admin clears it. Otherwise the
 * head is PUT with `since` = the kept head (compare-and-set on the central). Never a crash; a network failure
 * leaves the stored error as it was (the check did not happen).
 */
import { t } from '../../i18n/translate';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Db } from '../../store/database';
import { AUDIT_HEAD_DISPUTED, compareWithCentral } from './audit-anchor-check';
import type { CentralClient } from './central-client';
import type { StoredError, SyncState } from './sync-state';

export type AnchorOutcome = 'anchored' | 'nothing' | 'cut' | 'disputed' | 'behind' | 'refused' | 'retry';

export function auditHead(db: Db): { lastId: number; lastHash: string } | null {
  const r = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
  return r ? { lastId: r.id, lastHash: r.hash } : null;
}

export async function anchorAudit(d: { client: CentralClient; db: Db; state: SyncState; logger: Logger; clock: Clock }): Promise<AnchorOutcome> {
  const keep = (code: string, message: string | null): void => {
    const e: StoredError = { at: d.clock.now().toISOString(), code, message };
    const prev = d.state.json<StoredError>('auditError');
    // The first time it was seen stays (a supervisor reads since when); the words follow the latest finding.
    d.state.set('auditError', JSON.stringify(prev?.code === code ? { ...e, at: prev.at } : e));
  };
  const kept = await d.client.getAuditHead();
  if (!kept.ok) {
    if (kept.kind === 'rejected') {
      if (kept.error.code === AUDIT_HEAD_DISPUTED) {
        keep(AUDIT_HEAD_DISPUTED, kept.error.message || t('auditCentral.disputed'));
        return 'disputed';
      }
      d.logger.warn('central audit head not readable', { code: kept.error.code, status: kept.status });
      return 'refused';
    }
    d.logger.warn('central audit head not read (retried next round)', { code: kept.code, detail: kept.detail });
    return 'retry';
  }
  if (kept.value) {
    const finding = compareWithCentral(d.db, kept.value);
    if (finding.code) {
      keep(finding.code, finding.message);
      d.logger.error('audit head not anchored: the central keeps one the local log does not hold, or disputes it', { code: finding.code, lastId: kept.value.lastId });
      return finding.code === AUDIT_HEAD_DISPUTED ? 'disputed' : 'cut';
    }
  }
  const head = auditHead(d.db);
  if (!head) return 'nothing';
  const since = kept.value ? { since: { lastId: kept.value.lastId, lastHash: kept.value.lastHash } } : {};
  const r = await d.client.putAuditHead({ ...head, ...since });
  if (r.ok) {
    if (r.value.disputed) {
      keep(AUDIT_HEAD_DISPUTED, t('auditCentral.disputed'));
      return 'disputed';
    }
    d.state.set('anchoredAt', d.clock.now().toISOString());
    d.state.clear('auditError');
    return 'anchored';
  }
  if (r.kind === 'rejected') {
    keep(r.error.code, r.error.message);
    d.logger.error('audit head refused by the central server', { code: r.error.code, status: r.status, head });
    return r.error.code === AUDIT_HEAD_DISPUTED ? 'disputed' : r.error.code === 'AUDIT_HEAD_BEHIND' ? 'behind' : 'refused';
  }
  d.logger.warn('audit head not anchored (retried next round)', { code: r.code, detail: r.detail });
  return 'retry';
}
