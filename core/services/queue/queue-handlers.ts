/** The queue.* methods (core/contract/queue.ts) over the service; the counter a clerk acts for comes in the input. */
import type { queueContract } from '../../contract/queue';
import type { Handlers } from '../../rpc/handlers';
import type { QueueService } from './queue-service';
import type { QueueViews } from './queue-views';

export function queueHandlers(q: QueueService, views: QueueViews): Handlers<typeof queueContract> {
  return {
    status: () => views.status(),
    config: () => q.config(),
    saveGroup: (input, ctx) => q.saveGroup(ctx.actor, input),
    saveCounter: (input, ctx) => q.saveCounter(ctx.actor, input),
    saveRules: (input, ctx) => q.saveRules(ctx.actor, input),
    issue: (input, ctx) => q.issue(input, ctx),
    callNext: async ({ counter, requestId }) => (await q.callNext(counter, requestId)) ?? { number: null },
    callNumber: ({ counter, number, requestId }) => q.callNumber(counter, number, requestId),
    recall: ({ ticketId, counter }) => q.recall(ticketId, counter),
    noShow: ({ ticketId }) => q.noShow(ticketId),
    transfer: ({ ticketId, toService, toCounter }) => q.transfer(ticketId, toService, toCounter),
    start: ({ ticketId }) => q.start(ticketId),
    finish: ({ ticketId, dossierId }) => q.finish(ticketId, dossierId),
    current: ({ counter }) => q.current(counter),
    tickets: ({ day, states, limit }) => q.tickets(day, states, limit),
    board: ({ lastCalls }) => views.board(lastCalls),
    track: ({ trackingId }) => views.track(trackingId),
    metrics: ({ from, to }) => q.metrics(from, to),
  };
}
