import { useCallback, useEffect, useState } from 'react';
import type { QueueStatus } from '../../../../core/contract/queue';
import { api } from '../../bridge';
import { useCoalescedReload } from '../../bridge/use-coalesced-reload';
import { useEvent } from '../../bridge/use-event';

/** Read again this often even without events: opening hours begin and end with the clock, not with a queue change. */
const REFRESH_MS = 30_000;

/**
 * The services the kiosk offers, live: waiting counts from 'queue.changed' as they come, a full re-read after missed
 * events and every 30 s. A failed read keeps what was shown (the error is given beside it).
 */
export function useQueueStatus(): { status: QueueStatus | null; error: unknown; reload(): void } {
  const [status, setStatus] = useState<QueueStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCoalescedReload(
    0,
    () => api.call('queue.status', {}),
    (_key, outcome) => {
      if (outcome.ok) {
        setStatus(outcome.value);
        setError(null);
      } else setError(outcome.error);
    },
  );

  useEffect(() => {
    reload();
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  useEvent('queue.changed', (data) => {
    // Another day began (numbering and caps start again), or nothing read yet: read it all.
    if (!status || status.day !== data.day) {
      reload();
      return;
    }
    const byCode = new Map(data.services.map((x) => [x.code, x]));
    setStatus((s) =>
      s && s.day === data.day
        ? {
            ...s,
            services: s.services.map((svc) => {
              const now = byCode.get(svc.code);
              return now ? { ...svc, waiting: now.waiting, estimatedWaitMinutes: now.estimatedWaitMinutes } : svc;
            }),
          }
        : s,
    );
  });
  useEvent('events.lost', useCallback(() => reload(), [reload]));

  return { status, error, reload };
}
