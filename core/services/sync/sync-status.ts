/**
 * Sync at a glance (sync.status, the header, `motcua sync status --json`): what waits (dossiers, events, bytes),
 * what was refused, when the last success and try were, when the next try is, what the worker does, and the errors
 * with their reasons in Vietnamese (rejected items with the server's reason, items being retried, the audit
 * anchor refused, changes not pulled, the central unreachable), newest first.
 */
import type { SyncError, SyncStatus } from '../../contract/sync';
import type { Clock } from '../../platform/clock';
import type { CentralLink } from './central-link';
import type { Outbox } from './outbox';
import { errorText } from './sync-errors';
import type { StoredError, SyncState } from './sync-state';

const MAX_ERRORS = 20;

export function syncStatus(d: { outbox: Outbox; state: SyncState; link: CentralLink; clock: Clock; running: boolean }): SyncStatus {
  const creds = d.link.credentials();
  const counts = d.outbox.counts();
  const offline = d.state.offline();
  const errors: SyncError[] = d.outbox.troubled(MAX_ERRORS).map((r) => ({
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    itemId: r.id,
    kind: r.state === 'rejected' ? 'rejected' : 'retrying',
    at: r.last_attempt_at ?? r.created_at,
    code: r.error_code!,
    message: errorText(r.error_code!, r.error_message, r.error_params),
  }));
  const general = (e: StoredError | null, kind: SyncError['kind']): void => {
    if (e) errors.push({ dossierId: null, dossierCode: null, itemId: null, kind, at: e.at, code: e.code, message: errorText(e.code, e.message, JSON.stringify({ detail: e.detail ?? '' })) });
  };
  general(d.state.json<StoredError>('auditError'), 'rejected');
  general(d.state.json<StoredError>('pullError'), 'retrying');
  if (offline) general({ at: offline.since, code: offline.code, message: null, detail: offline.detail }, 'retrying');
  errors.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const earliest = d.outbox.earliestNextAttempt();
  const nextAttemptAt = offline ? offline.nextAt : earliest;
  const activity: SyncStatus['activity'] = !creds
    ? 'not_enrolled'
    : d.running
      ? 'sending'
      : offline
        ? 'offline'
        : counts.pendingEvents === 0
          ? 'idle'
          : 'waiting';
  return {
    enrolled: creds !== null,
    central: d.link.url(),
    counterId: creds?.counterId ?? null,
    ...counts,
    lastSuccessAt: d.state.get('lastSuccessAt'),
    lastAttemptAt: d.state.get('lastAttemptAt'),
    nextAttemptAt,
    activity,
    errors: errors.slice(0, MAX_ERRORS),
  };
}
