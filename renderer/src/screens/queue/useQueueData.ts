/**
 * What the Queue screen shows, read from the host: the configuration (groups, counters), the counter's current
 * ticket and today's waiting tickets. Re-read on every 'queue.changed' / 'queue.called' (another counter called,
 * a kiosk issued) and after 'events.lost' (events may have been missed while the connection was down).
 */
import { useCallback, useEffect, useState } from 'react';
import type { QueueConfig, Ticket } from '../../../../core/contract/queue';
import { api } from '../../bridge';
import { useCoalescedReload } from '../../bridge/use-coalesced-reload';
import { useEvent } from '../../bridge/use-event';

export interface QueueData {
  config: QueueConfig | null;
  current: Ticket | null;
  waiting: Ticket[] | null;
  /** The last read failed (shown until a read succeeds). */
  loadError: unknown;
}

interface Snapshot {
  config: QueueConfig;
  current: Ticket | null;
  waiting: Ticket[];
}

async function readAll(counter: number | null): Promise<Snapshot> {
  const [config, current, waiting] = await Promise.all([
    api.call('queue.config', {}),
    counter === null ? Promise.resolve(null) : api.call('queue.current', { counter }),
    api.call('queue.tickets', { states: ['waiting'], limit: 1000 }),
  ]);
  return { config, current, waiting };
}

export function useQueueData(counter: number | null): QueueData & { reload(): void; setCurrent(t: Ticket | null): void } {
  const [data, setData] = useState<QueueData>({ config: null, current: null, waiting: null, loadError: null });
  const reload = useCoalescedReload(counter, readAll, (asked, outcome) => {
    if (asked !== counter) return; // the counter changed meanwhile: its own read follows
    if (outcome.ok) setData({ ...outcome.value, loadError: null });
    else setData((d) => ({ ...d, loadError: outcome.error }));
  });
  useEffect(() => reload(), [counter, reload]);
  useEvent('queue.changed', () => reload());
  useEvent('queue.called', () => reload());
  useEvent('events.lost', () => reload());
  const setCurrent = useCallback((t: Ticket | null) => setData((d) => ({ ...d, current: t })), []);
  return { ...data, reload, setCurrent };
}
