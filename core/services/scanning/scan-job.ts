/**
 * One scan job: a run of a device's stream into a batch (a new batch, or a stopped one continued). The job lives in
 * memory while it runs; what must survive a crash (the batch, its status, every page) is in the page store.
 */
import type { ScanJobStatus } from '../../contract/events';
import type { PageOwner } from '../documents/page-store-types';

/** What callers see of a job (scans.start, scans.job, scans.progress). */
export interface ScanJobView {
  jobId: string;
  batchId: string;
  dossierId: string | null;
  itemCode: string;
  device: string;
  status: ScanJobStatus;
  received: number;
  processed: number;
  error: { code: string; message: string } | null;
  startedAt: string;
  /** Set once the device stopped and the pipeline finished this job's pages. */
  endedAt: string | null;
}

/** A running job as the service keeps it: the view's fields, its owner instead of a dossier id, and its controls. */
export interface ScanJobState extends Omit<ScanJobView, 'dossierId'> {
  owner: PageOwner;
  /** Who started it (actor label): a tray job is seen and stopped by its owner only. */
  startedBy: string;
  abort: AbortController;
  /** Resolves when the job has ended (device stopped, every page of the job through the pipeline). */
  done: Promise<void>;
}

export function jobView(j: ScanJobState): ScanJobView {
  return {
    jobId: j.jobId,
    batchId: j.batchId,
    dossierId: 'dossierId' in j.owner ? j.owner.dossierId : null,
    itemCode: j.itemCode,
    device: j.device,
    status: j.status,
    received: j.received,
    processed: j.processed,
    error: j.error,
    startedAt: j.startedAt,
    endedAt: j.endedAt,
  };
}

/** The job's status once the device stream ended, from the scanner error code (null: the feeder ran out normally). */
export function statusOfCode(code: string | null): ScanJobStatus {
  switch (code) {
    case null:
      return 'completed';
    case 'SCAN_JAMMED':
      return 'jammed';
    case 'SCAN_FEEDER_EMPTY':
      return 'empty';
    case 'SCAN_COVER_OPEN':
      return 'cover_open';
    case 'SCAN_BUSY':
      return 'busy';
    case 'SCAN_DEVICE_GONE':
      return 'gone';
    case 'SCAN_CANCELLED':
      return 'cancelled';
    default:
      return 'failed';
  }
}

export function ownerKey(owner: PageOwner): string {
  return 'dossierId' in owner ? `dossier:${owner.dossierId}` : `tray:${owner.trayOwner}`;
}

export function sameOwner(a: PageOwner, b: PageOwner): boolean {
  return ownerKey(a) === ownerKey(b);
}

/** What the batch row keeps of the scan settings, so a continued batch scans (and is processed) the same way. */
export interface BatchSettings {
  source: 'flatbed' | 'adf' | 'adf-duplex';
  dpi?: number;
  color: 'bw' | 'gray' | 'color';
  pageSize?: 'a5' | 'a4' | 'letter' | 'legal' | 'a3';
  separators: boolean;
  /** Device options for tests and support (SANE's test backend), kept so a continued batch behaves the same. */
  backendOptions?: string[];
}

export function parseBatchSettings(json: string): BatchSettings {
  try {
    const v = JSON.parse(json) as Partial<BatchSettings>;
    return {
      source: v.source ?? 'adf',
      color: v.color ?? 'gray',
      separators: v.separators ?? true,
      ...(v.dpi !== undefined ? { dpi: v.dpi } : {}),
      ...(v.pageSize !== undefined ? { pageSize: v.pageSize } : {}),
      ...(v.backendOptions ? { backendOptions: v.backendOptions } : {}),
    };
  } catch {
    return { source: 'adf', color: 'gray', separators: true };
  }
}
