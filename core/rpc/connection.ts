import type { EventMessage } from '../contract/events';
import type { Role } from '../contract/method';

/**
 * A connection is one client of the core: a WebSocket in web mode, a webContents in Electron, one CLI run.
 * Every connection must log in (auth.login / auth.setupAdmin / auth.resume) before calling other methods;
 * the session found then is bound to the connection.
 */
export type Transport = 'electron' | 'web' | 'cli';

export interface Connection {
  readonly id: string;
  readonly transport: Transport;
  /** The remote address (web) or a description of the peer, for logs and audit. */
  readonly peer: string;
  sessionToken: string | null;
  /** A paired kiosk's or board's device token (pairing.resume), instead of a user's session (issue #18). */
  deviceToken: string | null;
  /** Local callers that need no login (the CLI run by the machine's operator): they act as this system actor. */
  readonly system: { name: string; role: Role } | null;
  /** Where the push channel delivers this connection's events (set by its adapter; none: events are not delivered). */
  sink?: (msg: EventMessage) => void;
}

let counter = 0;
export function newConnection(transport: Transport, peer: string, system: Connection['system'] = null): Connection {
  counter += 1;
  return { id: `${transport}-${process.pid}-${counter}`, transport, peer, sessionToken: null, deviceToken: null, system };
}
