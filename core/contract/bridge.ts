/**
 * What the renderer sees: one object with one call. The Electron preload exposes it as `window.motcua`
 * (frozen, via contextBridge); web mode installs a WebSocket client with the same shape.
 */
import type { WireError } from './errors';
import type { PushData, PushName } from './events';

export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: WireError };

export interface MotcuaBridge {
  /** Calls a contract method ("group.name"). Never throws for app errors: they come back as { ok: false }. */
  call(method: string, input?: unknown): Promise<CallResult>;
  /**
   * Receives an event of the push channel (core/contract/events.ts) until the returned function is called. The bridge
   * calls events.subscribe once per name however many handlers share it, subscribes again after a reconnect or a
   * new login, and unsubscribes when the last handler goes. 'events.lost' is raised when events may have been missed.
   */
  subscribe<N extends PushName>(name: N, handler: (data: PushData<N>) => void): () => void;
  readonly transport: 'electron' | 'web';
}

declare global {
  interface Window {
    motcua?: MotcuaBridge;
  }
}
