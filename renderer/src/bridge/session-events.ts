/** "The core no longer knows our session": raised by the API client and the web bridge, handled by the session layer. */
type Listener = (code: string) => void;

const listeners = new Set<Listener>();

export function onSessionLost(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function emitSessionLost(code: string): void {
  for (const fn of [...listeners]) fn(code);
}

/** Error codes meaning the caller has no valid session any more. */
export const SESSION_LOST_CODES: ReadonlySet<string> = new Set(['RPC_UNAUTHENTICATED', 'AUTH_SESSION_INVALID']);
