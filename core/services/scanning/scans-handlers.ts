/**
 * The scans.* methods: start, cancel and job answered by the scan service; devices, capabilities and profiles by the
 * device directory (directory-handlers.ts); separatorSheet by the separators' sheet maker.
 */
import type { scansContract } from '../../contract/scans';
import type { Handlers } from '../../rpc/handlers';
import type { ScansDirectoryHandlers } from './directory-handlers';
import type { ScanService } from './scan-service';

export type ScansHandlers = Handlers<typeof scansContract>;

export function scansHandlers(scans: ScanService, directory: ScansDirectoryHandlers, separatorSheet: ScansHandlers['separatorSheet']): ScansHandlers {
  return {
    ...directory,
    start: (input, ctx) => scans.start(ctx.actor, input),
    cancel: (input, ctx) => scans.cancel(ctx.actor, input.jobId),
    job: (input, ctx) => scans.job(ctx.actor, input.jobId),
    separatorSheet,
  };
}
