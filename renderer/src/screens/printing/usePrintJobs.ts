/**
 * Print jobs shown live: a dossier's jobs (its record, the done view after reception) and single jobs followed
 * by id (a test page). The list is read from the core (printing.jobs) and read again, coalesced, when the push
 * channel says one of its jobs changed; a single job takes its new state straight from the event.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PrintJob } from '../../../../core/contract/printing';
import { api } from '../../bridge';
import { useCoalescedReload } from '../../bridge/use-coalesced-reload';
import { useEvent } from '../../bridge/use-event';

export interface DossierJobs {
  /** Newest first; null until first read. */
  jobs: PrintJob[] | null;
  error: unknown;
  reload(): void;
}

export function useDossierPrintJobs(dossierId: string): DossierJobs {
  // Kept with the dossier they belong to: another dossier's list is never shown while this one's is read.
  const [read, setRead] = useState<{ dossierId: string; jobs: PrintJob[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCoalescedReload(
    dossierId,
    (id) => api.call('printing.jobs', { dossierId: id, limit: 50 }),
    (id, outcome) => {
      if (id !== dossierId) return; // an answer for a dossier no longer shown
      if (outcome.ok) {
        setRead({ dossierId: id, jobs: outcome.value.jobs });
        setError(null);
      } else setError(outcome.error);
    },
  );
  useEffect(() => reload(), [dossierId, reload]);
  useEvent('printing.jobChanged', (d) => {
    if (d.dossierId === dossierId) reload();
  });
  useEvent('events.lost', () => reload());
  return { jobs: read?.dossierId === dossierId ? read.jobs : null, error, reload };
}

/** One job as the core answered it, kept current from printing.jobChanged. */
export function useFollowedJob(): [PrintJob | null, (job: PrintJob | null) => void] {
  const [job, setJob] = useState<PrintJob | null>(null);
  useEvent('printing.jobChanged', (d) => {
    setJob((j) => (j && j.id === d.jobId ? { ...j, state: d.state, error: d.error, printedAt: d.state === 'printed' ? (j.printedAt ?? new Date().toISOString()) : j.printedAt } : j));
  });
  // Events may have been missed: the job is looked up again among the latest.
  useEvent('events.lost', () => {
    const id = job?.id;
    if (!id) return;
    api.call('printing.jobs', { states: ['queued', 'sending', 'printed', 'uncertain', 'cancelled', 'failed'], limit: 100 }).then(
      (r) => {
        const found = r.jobs.find((j) => j.id === id);
        if (found) setJob((j) => (j && j.id === id ? found : j));
      },
      () => {},
    );
  });
  const follow = useCallback((next: PrintJob | null) => setJob(next), []);
  return [job, follow];
}
