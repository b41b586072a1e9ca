/**
 * Which process is working on a batch. The app and the `motcua` CLI may open the same data folder at once; crash
 * recovery at start must only take over batches whose process is gone (kill -9, power cut), never those another
 * live process is scanning or still processing. A batch's lock is a small file naming the process's pid, made when
 * work on the batch starts in this process and removed when it ends.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

  take(batchId: string): void {
    writeFileSync(this.file(batchId), String(process.pid));
  }

  release(batchId: string): void {
    rmSync(this.file(batchId), { force: true });
  }

  private holder(batchId: string): number | null {
    try {
      const pid = Number(readFileSync(this.file(batchId), 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }

  /** True when another process that is still alive holds the batch. */
  heldElsewhere(batchId: string): boolean {
    const pid = this.holder(batchId);
    return pid !== null && pid !== process.pid && alive(pid);
  }

  /** Lock files of processes that are gone (their batches were recovered): removed. */
  sweep(): void {
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.pid')) continue;
      const pid = this.holder(name.slice(0, -4));
      if (pid === null || (pid !== process.pid && !alive(pid))) rmSync(path.join(this.dir, name), { force: true });
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}
