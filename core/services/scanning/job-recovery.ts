/**
 * After a crash (kill -9, power cut) in the middle of a scan: at start, batches left 'scanning' by a process that is
 * gone are marked stopped (status 'failed', SCAN_INTERRUPTED, saying how many pages were received and kept), and
 * pages left 'raw' (received, durable, never processed) go through the pipeline again, batch by batch in arrival
 * order so separator sheets re-file the same pages they would have. Batches another live process is working on (the
 * app and the CLI may share a data folder) are left alone.
 */
import { errorMessage } from '../../i18n/translate';
import type { Logger } from '../../platform/logger';
import type { Db } from '../../store/database';
import type { PageStoreApi } from '../documents/page-store-types';
import type { BatchLocks } from './batch-locks';
import { batchPageCount, scanningBatchIds } from './batch-rows';
import type { ScanService } from './scan-service';

export interface RecoveryReport {
  interrupted: string[];
  /** Raw pages queued to the pipeline again. */
  requeued: number;
}

export function recoverScans(d: { db: Db; store: PageStoreApi; locks: BatchLocks; scans: ScanService; logger: Logger }): RecoveryReport {
  const interrupted: string[] = [];
  for (const id of scanningBatchIds(d.db)) {
    if (d.locks.heldElsewhere(id)) continue;
    const received = batchPageCount(d.db, id);
    const code = 'SCAN_INTERRUPTED';
    d.store.setBatchStatus(id, 'failed', { code, message: errorMessage(code, { received }) });
    interrupted.push(id);
    d.logger.warn('scan batch interrupted by a crash: marked stopped, pages kept', { batchId: id, received });
  }

  const rawByBatch = new Map<string, Map<string, number>>();
  for (const p of d.store.pendingRaw()) {
    if (!p.batchId) continue;
    const set = rawByBatch.get(p.batchId) ?? new Map<string, number>();
    set.set(p.id, p.dpi ?? 0);
    rawByBatch.set(p.batchId, set);
  }
  let requeued = 0;
  for (const [batchId, raw] of rawByBatch) {
    if (d.locks.heldElsewhere(batchId)) continue;
    const batch = d.store.batch(batchId);
    if (!batch) continue;
    // Taking the batch up queues its raw pages (ScanService.work).
    d.scans.resume(batch);
    requeued += raw.size;
    d.logger.info('raw scan pages queued again after a restart', { batchId, pages: raw.size });
  }
  // Locks of processes that are gone are now taken over or moot.
  d.locks.sweep();
  return { interrupted, requeued };
}
