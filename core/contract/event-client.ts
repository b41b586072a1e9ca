/**
 * The client side of the push channel, shared by the renderer's two bridges (web mode's WebSocket, Electron's
 * preload): many handlers per event name over one subscription on the core. No zod and no I/O here (the preload
 * bundle stays small): calls go through the bridge's own `call`, messages arrive through `deliver`.
 */
import type { CallResult } from './bridge';
import type { EVENTS_LOST as EventsLostName, EventsLostData, PushData, PushName } from './events';

/** events.ts's EVENTS_LOST, restated so this module imports nothing at run time (events.ts pulls in zod). */
const EVENTS_LOST: typeof EventsLostName = 'events.lost';

type Call = (method: string, input?: unknown) => Promise<CallResult>;
type AnyHandler = (data: never) => void;

/** Calls after whose success the connection has a (new) session: subscriptions are made again then. */
const LOGIN_METHODS: ReadonlySet<string> = new Set(['auth.login', 'auth.setupAdmin', 'auth.resume', 'pairing.resume']);
const NAME_PATTERN = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;

/**
 * A push message's outer shape as it comes off a transport: exactly { event, data } with a well-formed name (a
 * reply has an id; anything else is not ours). The core validated `data` against the event's schema.
 */
export function isPushMessage(msg: unknown): msg is { event: string; data: unknown } {
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) return false;
  const keys = Object.keys(msg);
  if (keys.length !== 2 || !keys.includes('event') || !keys.includes('data')) return false;
  const name = (msg as { event?: unknown }).event;
  return typeof name === 'string' && name.length <= 100 && NAME_PATTERN.test(name) && !name.split('.').some((p) => p in Object.prototype);
}

export class EventSubscriptions {
  private readonly handlers = new Map<string, Set<AnyHandler>>();

  constructor(private readonly call: Call) {}

  subscribe<N extends PushName>(name: N, handler: (data: PushData<N>) => void): () => void {
    let set = this.handlers.get(name);
    const first = !set;
    if (!set) this.handlers.set(name, (set = new Set()));
    // Each registration is its own: the same function added twice is removed by its own unsubscribe.
    const entry: AnyHandler = (data) => handler(data as PushData<N>);
    set.add(entry);
    if (first && name !== EVENTS_LOST) void this.send('events.subscribe', [name]);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const current = this.handlers.get(name);
      if (!current?.delete(entry) || current.size > 0) return;
      this.handlers.delete(name);
      if (name !== EVENTS_LOST) void this.send('events.unsubscribe', [name]);
    };
  }

  /** Names with at least one handler (the core's side of them). */
  names(): string[] {
    return [...this.handlers.keys()].filter((n) => n !== EVENTS_LOST).sort();
  }

  /** One message from the transport: handed to the handlers of its name; anything malformed is ignored. */
  deliver(msg: unknown): void {
    if (!isPushMessage(msg)) return;
    const set = this.handlers.get(msg.event);
    if (!set) return;
    for (const h of [...set]) {
      try {
        (h as (data: unknown) => void)(msg.data);
      } catch (e) {
        // One screen's bug must not stop the others' updates; it still surfaces as an uncaught error.
        setTimeout(() => {
          throw e;
        }, 0);
      }
    }
  }

  /** Events may have been missed (a reconnect, dropped events): the 'events.lost' handlers re-read. */
  lost(reason: EventsLostData['reason']): void {
    this.deliver({ event: EVENTS_LOST, data: { reason } satisfies EventsLostData });
  }

  /** After every call through the bridge: a new session (login, first admin, resume) needs the subscriptions again. */
  afterCall(method: string, result: CallResult): void {
    if (result.ok && LOGIN_METHODS.has(method)) void this.resubscribe();
  }

  /** Subscribes every wanted name again (a new connection or session on the core starts with none). */
  async resubscribe(): Promise<void> {
    // One name per call: the core takes a list all or nothing, and one name refused to a new user must not cost the rest.
    await Promise.all(this.names().map((n) => this.send('events.subscribe', [n])));
  }

  /**
   * A refusal is not retried here: without a session (RPC_UNAUTHENTICATED) the next login subscribes again; an
   * unknown or forbidden name is the screen's mistake and stays without events.
   */
  private async send(method: 'events.subscribe' | 'events.unsubscribe', names: string[]): Promise<void> {
    await this.call(method, { names });
  }
}
