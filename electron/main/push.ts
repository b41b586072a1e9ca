/**
 * Push-channel events from the core to the windows: each goes only to the webContents its connection key names
 * (one of our own windows, still alive), on IPC_EVENT_CHANNEL. No Electron import: the lookup is injected.
 */
import type { EventMessage, EventsLostMessage } from '../../core/contract/events';
import { EVENTS_LOST } from '../../core/contract/events';
import { IPC_EVENT_CHANNEL } from '../shared/ipc';

/** The part of Electron's WebContents this uses. */
export interface PushTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

export interface EventForwarder {
  /** A HostEvent from the core: to the one window whose key it is. */
  forward(connectionKey: string, message: EventMessage): void;
  /** The core restarted: every window may have missed events (and must subscribe again after its next login). */
  lostAll(): void;
}

export function createEventForwarder(deps: {
  ourWebContentsIds: ReadonlySet<number>;
  lookup: (id: number) => PushTarget | undefined;
  warn: (msg: string, fields?: Record<string, unknown>) => void;
}): EventForwarder {
  const sendTo = (id: number, payload: EventMessage | EventsLostMessage): void => {
    if (!deps.ourWebContentsIds.has(id)) return;
    const target = deps.lookup(id);
    if (!target || target.isDestroyed()) return;
    try {
      target.send(IPC_EVENT_CHANNEL, payload);
    } catch (err) {
      deps.warn('event not delivered to window', { webContentsId: id, event: payload.event, err });
    }
  };
  return {
    forward(connectionKey, message) {
      // Keys are the decimal webContents ids main itself handed to the core.
      if (!/^\d{1,10}$/.test(connectionKey)) return;
      sendTo(Number(connectionKey), { event: message.event, data: message.data } as EventMessage);
    },
    lostAll() {
      for (const id of [...deps.ourWebContentsIds]) sendTo(id, { event: EVENTS_LOST, data: { reason: 'reconnect' } });
    },
  };
}
