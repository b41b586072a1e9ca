/**
 * What the renderer sees: one object with one call. The Electron preload exposes it as `window.motcua`
 * (frozen, via contextBridge); web mode installs a WebSocket client with the same shape.
 */
import type { WireError } from './errors';

export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: WireError };

export interface MotcuaBridge {
  /** Calls a contract method ("group.name"). Never throws for app errors: they come back as { ok: false }. */
  call(method: string, input?: unknown): Promise<CallResult>;
  readonly transport: 'electron' | 'web';
}

declare global {
  interface Window {
    motcua?: MotcuaBridge;
  }
}
