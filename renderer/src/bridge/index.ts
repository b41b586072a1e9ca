/**
 * The renderer's one way to the core. Electron's preload provides window.motcua; anywhere else (web mode in a
 * browser) a WebSocket bridge to the serving host is created on first use.
 */
import type { MotcuaBridge } from '../../../core/contract/bridge';
import { activeDeviceToken, emitDeviceCheck } from '../devices/device-token';
import { createApi } from './api';
import { readSessionToken } from './session-token';
import { emitSessionLost } from './session-events';
import { WebBridge, webSocketUrl, type ConnectionState } from './web-bridge';

let bridge: MotcuaBridge | null = null;

export function getBridge(): MotcuaBridge {
  bridge ??=
    window.motcua ??
    new WebBridge({ url: webSocketUrl(), getToken: readSessionToken, onSessionLost: emitSessionLost, getDeviceToken: activeDeviceToken, onDeviceRefused: emitDeviceCheck });
  return bridge;
}

export const api = createApi(getBridge);

/** Connection state for the banner; Electron's IPC bridge has no connection to lose, so it is always 'open'. */
export function subscribeConnection(fn: (s: ConnectionState) => void): () => void {
  const b = getBridge();
  return b instanceof WebBridge ? b.onStateChange(fn) : () => {};
}

export { ApiError } from './api';
export type { ConnectionState } from './web-bridge';
