/** The printing.* methods (core/contract/printing.ts) over the queue, the jobs and the counter's printers. */
import type { printingContract } from '../../contract/printing';
import type { Handlers } from '../../rpc/handlers';
import type { PrintJobs } from './print-jobs';
import type { PrintingParts } from './print-parts';
import { toPrintJob, type PrintQueue } from './print-queue';
import type { PrintingSettingsStore } from './printing-settings';

export type PrintingHandlers = Handlers<typeof printingContract>;

export function printingHandlers(d: { jobs: PrintJobs; queue: PrintQueue; printers: PrintingSettingsStore; parts: PrintingParts }): PrintingHandlers {
  return {
    settings: () => d.printers.get(),
    configure: (input, ctx) => d.printers.configure(ctx.actor, input),
    discover: async ({ timeoutMs }) => d.parts.discoverPrinters({ timeoutMs }),
    print: (input, ctx) => d.jobs.print(ctx.actor, input),
    jobs: ({ states, dossierId, limit }) => ({ jobs: d.queue.list({ states, dossierId, limit }).map(toPrintJob), counts: d.queue.counts() }),
    reprint: ({ jobId, printer }, ctx) => d.jobs.reprint(ctx.actor, jobId, printer),
    resolve: ({ jobId, outcome }, ctx) => d.jobs.resolve(ctx.actor, jobId, outcome),
    retry: ({ jobId }) => d.jobs.retry(jobId),
    cancel: ({ jobId }, ctx) => d.jobs.cancel(ctx.actor, jobId),
    preview: async (input, ctx) => {
      const render = await d.parts.render();
      return d.jobs.preview(ctx.actor, input, (r) => render.rasterToPng(r));
    },
  };
}
