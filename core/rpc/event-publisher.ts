import type { EventData, EventName } from '../contract/events';

/**
 * What services see of the push channel: publish an event to every connection subscribed to it that may see it.
 * Publishing never throws and never waits for clients (a slow or closed client is the transport's business).
 */
export interface EventPublisher {
  publish<E extends EventName>(name: E, data: EventData<E>): void;
  /** Whether any connection is subscribed to it (a service may skip work nobody would receive); absent: assume yes. */
  hasSubscribers?(name: EventName): boolean;
}
