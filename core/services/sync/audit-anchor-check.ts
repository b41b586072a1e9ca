/**
 * `motcua audit verify --central`: the head of this counter's audit chain that the central server keeps (each sync
 * sends it; the server keeps the furthest) is compared with the local log. The local chain can prove an edit in the
 * middle, but not a cut at its tail (the last rows deleted, or deleted and written again): the central's copy can.
 *   - the central row lastId is missing here (fewer rows than the central saw) → AUDIT_CENTRAL_TRUNCATED;
 *   - it is here with another hash → AUDIT_CENTRAL_MISMATCH;
 *   - the central has no head yet → nothing to compare (noted, not a failure);
 *   - the central marks the head disputed (a conflicting or older head was sent) → AUDIT_HEAD_DISPUTED, until a
 *     central admin clears it (after the local log is cut, that finding comes first: it says more).
 * Not enrolled → SYNC_NOT_ENROLLED; central unreachable or answering wrong → its code (the check did not happen).
 */
import type { AuditHeadReply } from './central-types';
import { AppError } from '../../contract/errors';
import { errorMessage, t } from '../../i18n/translate';
import type { Db } from '../../store/database';
import { createCentralClient, type CallOutcome, type ClosableCentralClient } from './central-client';
import type { CentralLink } from './central-link';

export const AUDIT_HEAD_DISPUTED = 'AUDIT_HEAD_DISPUTED';

export interface CentralAuditFinding {
  /** The central server's kept head, or null when it has none for this counter. */
  lastId: number | null;
  lastHash: string | null;
  at: string | null;
  /** null: the local log holds the central head as it was sent (or there is none to compare). */
  code: 'AUDIT_CENTRAL_TRUNCATED' | 'AUDIT_CENTRAL_MISMATCH' | typeof AUDIT_HEAD_DISPUTED | null;
  /** What was found, in words (Vietnamese by default). */
  message: string;
}

export interface AuditAnchorCheckDeps {
  db: Db;
  link: Pick<CentralLink, 'credentials' | 'url'>;
  /** Tests may give their own client; the default is the sync transport's. */
  client?: (baseUrl: string, deviceToken: string) => ClosableCentralClient;
  timeoutMs?: number;
}

/** Compares a central head with the local rows (pure on the database; no network). */
export function compareWithCentral(db: Db, head: AuditHeadReply | null): CentralAuditFinding {
  if (head === null) return { lastId: null, lastHash: null, at: null, code: null, message: t('auditCentral.noHead') };
  const base = { lastId: head.lastId, lastHash: head.lastHash, at: head.at };
  // lastId 0: the central saw an empty log; nothing local can be missing from it.
  if (head.lastId === 0) return head.disputed ? disputed(base) : { ...base, code: null, message: t('auditCentral.ok', { lastId: 0 }) };
  const row = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?').get(head.lastId);
  const rows = (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  if (!row) return { ...base, code: 'AUDIT_CENTRAL_TRUNCATED', message: errorMessage('AUDIT_CENTRAL_TRUNCATED', { lastId: head.lastId, rows }) };
  if (row.hash !== head.lastHash) return { ...base, code: 'AUDIT_CENTRAL_MISMATCH', message: errorMessage('AUDIT_CENTRAL_MISMATCH', { lastId: head.lastId }) };
  if (head.disputed) return disputed(base);
  return { ...base, code: null, message: t('auditCentral.ok', { lastId: head.lastId }) };
}

function disputed(base: Pick<CentralAuditFinding, 'lastId' | 'lastHash' | 'at'>): CentralAuditFinding {
  return { ...base, code: AUDIT_HEAD_DISPUTED, message: t('auditCentral.disputed') };
}

/** A failed call as the error the CLI and the screens show (the check could not be made). */
function callError(central: string, r: Exclude<CallOutcome<unknown>, { ok: true }>): AppError {
  if (r.kind === 'rejected') return new AppError('AUDIT_CENTRAL_REJECTED', { status: r.status, code: r.error.code, reason: r.error.message.slice(0, 300) });
  if (r.code === 'SYNC_NETWORK' || r.code === 'SYNC_TIMEOUT') return new AppError('SYNC_CENTRAL_UNREACHABLE', { central, detail: r.detail.slice(0, 200) });
  return new AppError(r.code, { detail: r.detail.slice(0, 200) });
}

export function createAuditAnchorCheck(deps: AuditAnchorCheckDeps): { check(): Promise<CentralAuditFinding> } {
  const makeClient = deps.client ?? ((baseUrl, deviceToken) => createCentralClient({ baseUrl, deviceToken, timeoutMs: deps.timeoutMs ?? 15_000 }));
  return {
    async check() {
      const creds = deps.link.credentials();
      if (!creds) throw new AppError('SYNC_NOT_ENROLLED');
      const central = deps.link.url() ?? creds.central;
      const client = makeClient(central, creds.deviceToken);
      try {
        const r = await client.getAuditHead();
        if (!r.ok && r.kind === 'rejected' && r.error.code === AUDIT_HEAD_DISPUTED) return disputed({ lastId: null, lastHash: null, at: null });
        if (!r.ok) throw callError(central, r);
        return compareWithCentral(deps.db, r.value);
      } finally {
        client.close();
      }
    },
  };
}
