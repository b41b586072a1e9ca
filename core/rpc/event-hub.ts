/**
 * The push channel's switchboard: which connection receives which events. Services publish through the
 * EventPublisher face; adapters give each connection a `sink` and the hub calls it. Access is checked twice: at
 * subscribe time (so a clerk learns at once that an admin-only event is refused) and again at every publish against
 * the connection's current session (a logout, an expiry, a disabled account or a role change takes effect at once,
 * with no need to tell the hub).
 */
import { AppError } from '../contract/errors';
import { eventDefs, type EventData, type EventDef, type EventMessage, type EventName } from '../contract/events';
import { DEVICE_KINDS, type Access, type DeviceKind, type Principal } from '../contract/method';
import type { Logger } from '../platform/logger';
import type { Connection } from './connection';
import type { EventPublisher } from './event-publisher';

export interface EventHubOptions {
  logger: Logger;
  /**
   * The caller's role now, or null when it has no live session. Must not extend the session: receiving events is not
   * activity, so an idle clerk is still logged out on time.
   */
  roleOf: (conn: Connection) => Principal | null;
  /** The events that exist (default: the contract's). Tests pass their own to exercise access rules. */
  defs?: ReadonlyMap<string, EventDef>;
}

/** Events go to logged-in callers only (events.subscribe needs a session), so even a 'public' event needs a role. */
function allows(access: Access, role: Principal | null): boolean {
  if (role === null) return false;
  // A paired device receives only the events whose list names its kind.
  if ((DEVICE_KINDS as readonly string[]).includes(role)) return access !== 'public' && access !== 'session' && access.includes(role as DeviceKind);
  return access === 'public' || access === 'session' || access.includes(role);
}

export class EventHub implements EventPublisher {
  private readonly defs: ReadonlyMap<string, EventDef>;
  /** Per connection, the names it subscribed to; per name, the connections (publish looks up by name). */
  private readonly byConn = new Map<Connection, Set<string>>();
  private readonly byName = new Map<string, Set<Connection>>();

  constructor(private readonly opts: EventHubOptions) {
    this.defs = opts.defs ?? eventDefs;
  }

  /**
   * Adds these names to the connection's subscriptions; all or nothing: an unknown name is an input error
   * (EVENT_UNKNOWN), one the caller may not see is EVENT_FORBIDDEN. Returns every name the connection now has.
   */
  subscribe(conn: Connection, names: readonly string[]): string[] {
    const role = this.opts.roleOf(conn);
    for (const name of names) {
      const def = this.defs.get(name);
      if (!def) throw new AppError('EVENT_UNKNOWN', { name: name.slice(0, 100) }, { field: 'names' });
      if (!allows(def.access, role)) throw new AppError('EVENT_FORBIDDEN', { name });
    }
    let mine = this.byConn.get(conn);
    if (!mine) this.byConn.set(conn, (mine = new Set()));
    for (const name of names) {
      mine.add(name);
      let subs = this.byName.get(name);
      if (!subs) this.byName.set(name, (subs = new Set()));
      subs.add(conn);
    }
    return [...mine].sort();
  }

  /** Removes these names (all when omitted); names not subscribed are ignored. Returns what is left. */
  unsubscribe(conn: Connection, names?: readonly string[]): string[] {
    const mine = this.byConn.get(conn);
    if (!mine) return [];
    for (const name of names ?? [...mine]) {
      if (!mine.delete(name)) continue;
      const subs = this.byName.get(name);
      subs?.delete(conn);
      if (subs && subs.size === 0) this.byName.delete(name);
    }
    if (mine.size === 0) this.byConn.delete(conn);
    return [...mine].sort();
  }

  /** The connection closed: it receives nothing more. */
  drop(conn: Connection): void {
    this.unsubscribe(conn);
  }

  hasSubscribers(name: EventName): boolean {
    return (this.byName.get(name)?.size ?? 0) > 0;
  }

  subscriptions(conn: Connection): string[] {
    return [...(this.byConn.get(conn) ?? [])].sort();
  }

  /** Never throws to the publisher: a bad payload or a failing sink is logged, and the other subscribers still get it. */
  publish<E extends EventName>(name: E, data: EventData<E>): void {
    const subs = this.byName.get(name);
    if (!subs || subs.size === 0) return;
    const def = this.defs.get(name);
    if (!def) {
      this.opts.logger.error('event published with no definition', { event: name });
      return;
    }
    const parsed = def.schema.safeParse(data);
    if (!parsed.success) {
      this.opts.logger.error('event data violates its schema: not sent', {
        event: name,
        issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; '),
      });
      return;
    }
    const message = { event: name, data: parsed.data } as EventMessage<E>;
    for (const conn of [...subs]) {
      if (!conn.sink) continue;
      let role: Principal | null;
      try {
        role = this.opts.roleOf(conn);
      } catch (e) {
        this.opts.logger.error('event access check failed: not sent', { event: name, conn: conn.id, err: e });
        continue;
      }
      if (!allows(def.access, role)) continue;
      try {
        conn.sink(message);
      } catch (e) {
        this.opts.logger.error('event delivery failed', { event: name, conn: conn.id, err: e });
      }
    }
  }
}
