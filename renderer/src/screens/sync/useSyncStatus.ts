/**
 * The sync status shown live: read once (sync.status), merged at once from each 'sync.changed' (counts, activity,
 * last success) and read again, coalesced, for the rest (errors, next attempt); read again after events.lost.
 * A core that is not enrolled answers SYNC_NOT_ENROLLED (or enrolled: false): both show as "not enrolled".
 * A retry while offline stays shown as offline (keepOffline).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../../../core/contract/sync';
import { api, ApiError } from '../../bridge';
import { useCoalescedReload } from '../../bridge/use-coalesced-reload';
import { useEvent } from '../../bridge/use-event';
import type { SyncView } from './sync-text';

export interface LiveSync {
  /** null until the first read answers. */
  view: SyncView | null;
  /** The newest error's reason the push channel gave (for the offline announcement), else null. */
  eventReason: string | null;
  reload(): void;
  /** A status a command answered with (sync.enrol) is shown at once. */
  show(status: SyncStatus): void;
}

export function useSyncStatus(): LiveSync {
  const [view, setView] = useState<SyncView | null>(null);
  const [eventReason, setEventReason] = useState<string | null>(null);
  const shown = useRef<SyncView | null>(null);
  const set = useCallback((v: SyncView) => {
    const next = keepOffline(shown.current, v);
    shown.current = next;
    setView(next);
  }, []);

  const reload = useCoalescedReload(
    null,
    () => api.call('sync.status', {}),
    (_key, outcome) => {
      if (outcome.ok) set({ kind: 'status', status: outcome.value });
      else if (outcome.error instanceof ApiError && outcome.error.code === 'SYNC_NOT_ENROLLED') set({ kind: 'not_enrolled' });
      // Another failure keeps what is shown; with nothing shown yet, the header says the status is unreadable.
      else if (!shown.current) set({ kind: 'unreadable' });
    },
  );
  useEffect(() => reload(), [reload]);
  useEvent('events.lost', () => reload());
  useEvent('sync.changed', (d) => {
    const now = shown.current;
    if (now?.kind === 'status') {
      const { error: _error, changesApplied: _applied, ...counts } = d;
      set({ kind: 'status', status: { ...now.status, ...counts, enrolled: d.activity !== 'not_enrolled' } });
    }
    setEventReason(d.error ? d.error.message : null);
    reload();
  });
  return { view, eventReason, reload, show: (status) => set({ kind: 'status', status }) };
}

/**
 * A try while the central is unreachable reads as "sending" for its few seconds: the line keeps saying offline until
 * the try ends (idle or waiting once it got through, offline again if not), so it does not flicker at each retry.
 */
export function keepOffline(before: SyncView | null, after: SyncView): SyncView {
  if (before?.kind !== 'status' || after.kind !== 'status') return after;
  if (before.status.activity === 'offline' && after.status.activity === 'sending') return { kind: 'status', status: { ...after.status, activity: 'offline' } };
  return after;
}
