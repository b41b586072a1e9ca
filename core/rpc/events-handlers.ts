import type { eventsMethodsContract } from '../contract/events';
import type { EventHub } from './event-hub';
import type { Handlers } from './handlers';

/** events.subscribe / events.unsubscribe: the calling connection chooses what the hub sends it. */
export function eventsHandlers(hub: EventHub): Handlers<typeof eventsMethodsContract> {
  return {
    subscribe: (input, ctx) => ({ subscribed: hub.subscribe(ctx.conn, input.names) }),
    unsubscribe: (input, ctx) => ({ subscribed: hub.unsubscribe(ctx.conn, input.names) }),
  };
}
