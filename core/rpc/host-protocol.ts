/**
 * Messages between the Electron main process and the utility process that hosts the core.
 * Main forwards each renderer call (after checking the sender frame) with the webContents id as connection key.
 */
import type { CallResult } from '../contract/bridge';
import type { EventMessage } from '../contract/events';

export interface HostCall {
  type: 'call';
  id: number;
  /** Stable per renderer (webContents id): the session is bound to it. */
  connectionKey: string;
  method: string;
  input: unknown;
}
export interface HostDisconnect {
  type: 'disconnect';
  connectionKey: string;
}
export type HostRequest = HostCall | HostDisconnect;

export interface HostReply {
  type: 'reply';
  id: number;
  result: CallResult;
}
export interface HostReady {
  type: 'ready';
}
/** A push-channel event for the renderer behind connectionKey (main sends it on IPC_EVENT_CHANNEL). */
export interface HostEvent {
  type: 'event';
  connectionKey: string;
  event: EventMessage['event'];
  data: EventMessage['data'];
}
export type HostMessage = HostReply | HostReady | HostEvent;
