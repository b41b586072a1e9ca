/**
 * The print jobs this window asked for (print, reprint, "not printed — print again"). When one of them becomes
 * uncertain the clerk here is asked at once, even when the printer is not one of the counter's own.
 */
import type { PrintJob } from '../../../../core/contract/printing';

const ids = new Set<string>();

export function rememberSent(job: Pick<PrintJob, 'id'>): void {
  ids.add(job.id);
}

export function sentHere(jobId: string): boolean {
  return ids.has(jobId);
}
