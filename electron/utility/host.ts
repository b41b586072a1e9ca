/**
 * The core host's message handling, without the utility-process plumbing: one core Connection per renderer
 * (connection key = webContents id), each call answered with the core's CallResult, and the events the connection
 * subscribed to posted to main as HostEvent messages.
 */
import type { Core } from '../../core/app';
import type { CallResult } from '../../core/contract/bridge';
import type { Connection } from '../../core/rpc/connection';
import type { HostMessage } from '../../core/rpc/host-protocol';

export type HostCore = Pick<Core, 'openConnection' | 'closeConnection' | 'dispatch'>;

export interface HostHandler {
  /** Handles one HostRequest from main; anything else is logged and ignored. */
  handle(message: unknown): void;
  /** Closes every connection (before the core itself is closed). */
  closeAll(): void;
  readonly connectionCount: number;
}

export function createHostHandler(
  core: HostCore,
  post: (message: HostMessage) => void,
  opts: { onWarn: (msg: string, fields?: Record<string, unknown>) => void; internal: () => CallResult },
): HostHandler {
  const connections = new Map<string, Connection>();

  function connectionFor(key: string): Connection {
    let conn = connections.get(key);
    if (conn === undefined) {
      conn = core.openConnection('electron', `webContents:${key}`);
      const connectionKey = key;
      conn.sink = (msg) => post({ type: 'event', connectionKey, event: msg.event, data: msg.data });
      connections.set(key, conn);
    }
    return conn;
  }

  function handle(message: unknown): void {
    if (typeof message !== 'object' || message === null) {
      opts.onWarn('core host: ignored non-object message');
      return;
    }
    const m = message as Record<string, unknown>;
    if (m.type === 'call' && typeof m.id === 'number' && typeof m.connectionKey === 'string' && typeof m.method === 'string') {
      const id = m.id;
      let pending: Promise<CallResult>;
      try {
        pending = core.dispatch(connectionFor(m.connectionKey), m.method, m.input);
      } catch (err) {
        pending = Promise.reject(err);
      }
      pending.then(
        (result) => post({ type: 'reply', id, result }),
        (err: unknown) => {
          // dispatch reports app errors as { ok: false }; a rejection is a bug, still answered so no caller hangs.
          opts.onWarn('core host: dispatch rejected', { err, method: m.method });
          post({ type: 'reply', id, result: opts.internal() });
        },
      );
      return;
    }
    if (m.type === 'disconnect' && typeof m.connectionKey === 'string') {
      const conn = connections.get(m.connectionKey);
      if (conn !== undefined) {
        connections.delete(m.connectionKey);
        core.closeConnection(conn);
      }
      return;
    }
    opts.onWarn('core host: ignored unknown message', { type: String(m.type) });
  }

  function closeAll(): void {
    for (const conn of connections.values()) core.closeConnection(conn);
    connections.clear();
  }

  return {
    handle,
    closeAll,
    get connectionCount() {
      return connections.size;
    },
  };
}
