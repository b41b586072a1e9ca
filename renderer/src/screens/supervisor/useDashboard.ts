/**
 * The dashboard's figures for the filter, kept live: read when the filter changes (briefly debounced, dates are
 * typed a part at a time) and again, quietly, after 'reports.changed' or 'events.lost'. A quiet re-read keeps what
 * is shown until the answer comes (no flash, the focus and the scroll stay) and says "Đã cập nhật" politely when the
 * figures changed, at most once in a while (live-update.ts), so a busy centre does not talk over the screen reader.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, ReportFilter } from '../../../../core/contract/reports';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { useEvent } from '../../bridge/use-event';
import { shouldAnnounce } from './live-update';

const FILTER_DEBOUNCE_MS = 250;
const LIVE_DEBOUNCE_MS = 800;

export interface DashboardState {
  data: Dashboard | null;
  /** The figures shown are for an older filter while a new read runs. */
  loading: boolean;
  error: string | null;
  retry(): void;
}

export function useDashboard(filter: ReportFilter): DashboardState {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [data, setData] = useState<Dashboard | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const shown = useRef<Dashboard | null>(null);
  const lastAnnounced = useRef(0);
  const filterRef = useRef(filter);
  // Declared before the read's effect, so a read started by a filter change sees that filter.
  useEffect(() => {
    filterRef.current = filter;
  });

  const read = useCallback(
    async (quiet: boolean) => {
      const mine = ++seq.current;
      if (!quiet) setLoading(true);
      try {
        const next = await api.call('reports.dashboard', filterRef.current);
        if (mine !== seq.current) return; // a newer read was asked meanwhile
        const announceIt = quiet && shouldAnnounce(shown.current, next, lastAnnounced.current, Date.now());
        shown.current = next;
        setData(next);
        setError(null);
        if (announceIt) {
          lastAnnounced.current = Date.now();
          announce(t('supervisorUi.status.updated'));
        }
      } catch (e) {
        if (mine !== seq.current) return;
        // A quiet re-read that fails keeps the figures shown; a filter's first read says why it has none.
        if (!quiet || !shown.current) setError(e instanceof Error ? e.message : String(e));
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    [announce, t],
  );

  const key = JSON.stringify(filter);
  useEffect(() => {
    const timer = setTimeout(() => void read(false), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, read]);

  const liveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const liveReload = useCallback(() => {
    clearTimeout(liveTimer.current);
    liveTimer.current = setTimeout(() => void read(true), LIVE_DEBOUNCE_MS);
  }, [read]);
  useEffect(() => () => clearTimeout(liveTimer.current), []);
  useEvent('reports.changed', liveReload);
  useEvent('events.lost', liveReload);

  return { data, loading, error, retry: () => void read(false) };
}
