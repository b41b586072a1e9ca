/**
 * The device token of a paired kiosk or board (issue #18). localStorage: a device is the browser profile on that
 * screen, so the pairing survives reloads, restarts and closed tabs (a user's session, in sessionStorage, does not).
 * One key per kind, so a browser that shows both a kiosk and a board (a test bench) keeps both pairings.
 * The "active" kind is the device screen this tab shows now: the web bridge binds its token (pairing.resume) on every
 * (re)connection, and a call refused for want of a session makes the gate check the token again.
 */
import type { DeviceKind } from '../../../core/contract/method';

const keyOf = (kind: DeviceKind) => `motcua.deviceToken.${kind}`;

export function readDeviceToken(kind: DeviceKind): string | null {
  try {
    return localStorage.getItem(keyOf(kind));
  } catch {
    return null; // storage disabled: the device pairs again after each reload
  }
}

export function writeDeviceToken(kind: DeviceKind, token: string | null): void {
  try {
    if (token === null) localStorage.removeItem(keyOf(kind));
    else localStorage.setItem(keyOf(kind), token);
  } catch {
    /* storage disabled: nothing to keep */
  }
}

let active: DeviceKind | null = null;

/** The device gate of this tab says which kind it shows (null when it unmounts). */
export function setActiveDeviceKind(kind: DeviceKind | null): void {
  active = kind;
}

/** The token the bridge binds on a (re)connection: the active device's, if it has one. */
export function activeDeviceToken(): string | null {
  return active ? readDeviceToken(active) : null;
}

type Listener = (code: string) => void;
const listeners = new Set<Listener>();

/** "Check the device token again": the core refused it on a reconnect, or refused a call for want of a session. */
export function onDeviceCheck(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function emitDeviceCheck(code: string): void {
  if (active === null) return;
  for (const fn of [...listeners]) fn(code);
}

/**
 * pairing.resume refused the token for good (revoked, unknown, malformed): the device must pair again. Anything else
 * (the connection dropped, the core failed) leaves the token alone and is retried.
 */
export function isTokenRefused(code: string): boolean {
  return code.startsWith('PAIRING_') || code === 'RPC_INVALID_INPUT';
}
