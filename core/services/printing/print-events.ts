/**
 * printing.jobChanged (issue #16): every state change of a job, with the queue's counts. Changes this process makes
 * are told as they happen; those of other processes (a `motcua print` beside the app) are found by the runner's
 * poll, from the rows' updated_at, so a screen following the queue sees them too.
 */
import type { EventPublisher } from '../../rpc/event-publisher';
import { toPrintJob, type JobRow, type PrintQueue } from './print-queue';

export class PrintEvents {
  /** Rows told at this updated_at (by this process or an earlier poll), kept until the watermark passes them. */
  private readonly told = new Map<string, string>();
  private watermark: string;

  constructor(private readonly d: { queue: PrintQueue; events: EventPublisher; now: () => Date }) {
    this.watermark = d.now().toISOString();
  }

  changed(row: JobRow): void {
    this.told.set(row.id, row.updated_at);
    const job = toPrintJob(row);
    this.d.events.publish('printing.jobChanged', {
      jobId: job.id,
      state: job.state,
      title: job.title,
      printerUri: job.printerUri,
      dossierId: job.dossierId,
      error: job.error,
      counts: this.d.queue.counts(),
    });
  }

  /** Tells the changes other processes made since the last look. */
  poll(): void {
    const rows = this.d.queue.changedSince(this.watermark);
    for (const row of rows) {
      if (this.told.get(row.id) !== row.updated_at) this.changed(row);
      if (row.updated_at > this.watermark) this.watermark = row.updated_at;
    }
    for (const [id, at] of this.told) if (at < this.watermark) this.told.delete(id);
  }
}
