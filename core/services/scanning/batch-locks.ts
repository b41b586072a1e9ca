/**
 * Which process is working on a batch. The app and the `motcua` CLI may open the same data folder at once; crash
 * recovery at start must only take over batches whose process is gone (kill -9, power cut), never those another
 * live process is scanning or still processing. A batch's lock is a small file naming the process (pid and boot:
 * core/platform/process-marks.ts), made exclusively when work on the batch starts and removed when it ends.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { markAlive, parseProcessMark, processMark, type ProcessMark } from '../../platform/process-marks';

export class BatchLocks {
  readonly dir: string;

  constructor(dataRoot: string) {
    this.dir = path.join(dataRoot, 'scan-locks');
    mkdirSync(this.dir, { recursive: true });
  }

  private file(batchId: string): string {
    // Batch ids are ours (UUIDs); anything else is kept out of the path.
    return path.join(this.dir, `${batchId.replace(/[^A-Za-z0-9_-]/g, '_')}.pid`);
  }

  /** Exclusive: two processes taking the same batch at once cannot both get it. */
  take(batchId: string): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(this.file(batchId), processMark(), { flag: 'wx' });
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== 'EEXIST') throw e;
      }
      const holder = this.holder(batchId);
      if (holder?.pid === process.pid) return;
      if (holder && markAlive(holder)) throw new AppError('SCAN_BATCH_RUNNING', { batchId }, { field: 'continueBatchId' });
      rmSync(this.file(batchId), { force: true }); // a lock of a process that is gone
    }
    throw new AppError('SCAN_BATCH_RUNNING', { batchId }, { field: 'continueBatchId' });
  }

  release(batchId: string): void {
    rmSync(this.file(batchId), { force: true });
  }

  private holder(batchId: string): ProcessMark | null {
    try {
      return parseProcessMark(readFileSync(this.file(batchId), 'utf8'));
    } catch {
      return null;
    }
  }

  /** True when another process that is still alive (and not from before a reboot) holds the batch. */
  heldElsewhere(batchId: string): boolean {
    const mark = this.holder(batchId);
    return mark !== null && mark.pid !== process.pid && markAlive(mark);
  }

  /** Lock files of processes that are gone (their batches were recovered): removed. */
  sweep(): void {
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.pid')) continue;
      const mark = this.holder(name.slice(0, -4));
      if (mark === null || (mark.pid !== process.pid && !markAlive(mark))) rmSync(path.join(this.dir, name), { force: true });
    }
  }
}
