/**
 * One scan job at a time from this panel: start it, follow it on scans.progress, stop it, and continue the same
 * batch after the device stopped (jam, empty feeder, open cover, lost connection) with continueBatchId.
 * Events can arrive before scans.start answers, so the latest one per job is kept until the job is known; a
 * slow poll of scans.job stands in for any event missed (and events.lost re-reads at once).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanJobStatus } from '../../../../core/contract/events';
import type { MethodInput, MethodOutput } from '../../../../core/contract/index';
import { api } from '../../bridge';
import { useEvent } from '../../bridge/use-event';

export type ScanJob = MethodOutput<'scans.start'>;
export type StartInput = MethodInput<'scans.start'>;

/** Statuses that stop a job which the clerk can continue once the device is ready again. */
export const CONTINUABLE: ReadonlySet<ScanJobStatus> = new Set(['jammed', 'empty', 'cover_open', 'busy', 'gone', 'failed']);

export interface JobView {
  jobId: string;
  batchId: string;
  itemCode: string;
  status: ScanJobStatus;
  received: number;
  processed: number;
  error: { code: string; message: string } | null;
  /** What started it, to continue it the same way. */
  input: StartInput;
  /** The page this scan replaces once it completes with at least one page. */
  replaces: { pageId: string; position: number } | null;
}

const POLL_MS = 3_000;

export interface ScanJobControl {
  job: JobView | null;
  starting: boolean;
  stopping: boolean;
  start(input: StartInput, replaces?: JobView['replaces']): Promise<JobView>;
  stop(): Promise<void>;
  /** Continues a stopped batch into the same place with the same settings. */
  resume(): Promise<JobView | null>;
  dismiss(): void;
}

export function useScanJob(onEnded: (job: JobView) => void): ScanJobControl {
  const [job, setJob] = useState<JobView | null>(null);
  const [starting, setStarting] = useState(false);
  const [stopping, setStopping] = useState(false);
  const early = useRef(new Map<string, Partial<JobView>>());
  /** The job as last set (events and answers are handled outside render, against this). */
  const jobRef = useRef<JobView | null>(null);
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  });

  const put = useCallback((next: JobView | null) => {
    jobRef.current = next;
    setJob(next);
  }, []);

  const apply = useCallback((jobId: string, patch: Partial<JobView>) => {
    const j = jobRef.current;
    if (!j || j.jobId !== jobId) {
      early.current.set(jobId, { ...early.current.get(jobId), ...patch });
      return;
    }
    // A job that ended stays ended (a late 'scanning' event from before the end must not revive it).
    if (j.status !== 'scanning' && patch.status === 'scanning') return;
    const next = { ...j, ...patch };
    put(next);
    if (j.status === 'scanning' && next.status !== 'scanning') {
      setStopping(false);
      ended.current(next);
    }
  }, [put]);

  useEvent('scans.progress', (d) => apply(d.jobId, { status: d.status, received: d.received, processed: d.processed, error: d.error }));

  const sync = useCallback(() => {
    const j = jobRef.current;
    if (!j || j.status !== 'scanning') return;
    api.call('scans.job', { jobId: j.jobId }).then(
      (s) => apply(s.jobId, { status: s.status, received: s.received, processed: s.processed, error: s.error }),
      () => undefined,
    );
  }, [apply]);
  useEvent('events.lost', sync);

  const scanning = job?.status === 'scanning';
  useEffect(() => {
    if (!scanning) return;
    const timer = setInterval(sync, POLL_MS);
    return () => clearInterval(timer);
  }, [scanning, sync]);

  const start = useCallback(
    async (input: StartInput, replaces: JobView['replaces'] = null) => {
      setStarting(true);
      try {
        const r = await api.call('scans.start', input);
        const first: JobView = {
          jobId: r.jobId,
          batchId: r.batchId,
          itemCode: r.itemCode,
          status: 'scanning',
          received: r.received,
          processed: r.processed,
          error: r.error,
          input,
          replaces,
        };
        put(first);
        // The job may already have moved (or ended) while the answer was on its way.
        const seen = early.current.get(r.jobId);
        early.current.clear();
        if (r.status !== 'scanning') apply(r.jobId, { status: r.status, received: r.received, processed: r.processed, error: r.error });
        else if (seen) apply(r.jobId, seen);
        return jobRef.current ?? first;
      } finally {
        setStarting(false);
      }
    },
    [apply, put],
  );

  const stop = useCallback(async () => {
    const j = jobRef.current;
    if (!j || j.status !== 'scanning') return;
    setStopping(true);
    try {
      const r = await api.call('scans.cancel', { jobId: j.jobId });
      apply(r.jobId, { status: r.status, received: r.received, processed: r.processed, error: r.error });
    } catch (e) {
      setStopping(false);
      throw e;
    }
  }, [apply]);

  const resume = useCallback(async () => {
    const j = jobRef.current;
    if (!j || !CONTINUABLE.has(j.status)) return null;
    // Pages inserted before position N pushed it on by as many as were received: the rest go after them.
    const insertAt = j.input.insertAt === undefined ? undefined : j.input.insertAt + j.received;
    return start({ ...j.input, continueBatchId: j.batchId, ...(insertAt === undefined ? {} : { insertAt }) }, j.replaces);
  }, [start]);

  const dismiss = useCallback(() => {
    if (jobRef.current && jobRef.current.status !== 'scanning') put(null);
  }, [put]);

  return { job, starting, stopping, start, stop, resume, dismiss };
}
