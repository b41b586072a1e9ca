/**
 * Request ids that make a call safe to send twice (issue #18: queue.issue, queue.callNext, queue.callNumber). A call
 * whose answer was lost to the network may have been done by the core; sent again with the same requestId, the core
 * answers with the first outcome instead of doing it a second time. Kept free of the bridge so it is unit-tested alone.
 */
const MAYBE_DONE_CODES: ReadonlySet<string> = new Set(['UI_CONNECTION_LOST', 'UI_CONNECTION_TIMEOUT']);

/** The call may or may not have reached the core (by the ApiError's code): only then is a resend with the same id right. */
export function isNetworkError(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && MAYBE_DONE_CODES.has(code);
}

/**
 * A v4 UUID. crypto.randomUUID exists only in secure contexts, and a counter or kiosk on the LAN often opens web mode
 * over plain http://192.168…, so it is built from getRandomValues (available everywhere) when randomUUID is missing.
 */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
