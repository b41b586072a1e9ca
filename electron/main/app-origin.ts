/**
 * The renderer's origin. It is served from a privileged custom scheme, never file://, so the page has no
 * ambient access to the disk and every navigation / IPC sender check compares against one fixed origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'motcua';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** URL of the renderer at a hash route, e.g. appRouteUrl('/display') for the display board. */
export function appRouteUrl(route = '/'): string {
  return `${APP_ORIGIN}/index.html#${route.startsWith('/') ? route : `/${route}`}`;
}

/**
 * Origin of a URL as "scheme://host[:port]", or null when it has none we would trust.
 * Node's URL reports origin "null" for non-special schemes such as app:, so it is computed by hand;
 * URLs carrying credentials are refused because "app://motcua@evil/" must never pass for our origin.
 */
export function originOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.username !== '' || u.password !== '' || u.host === '') return null;
  if (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') return u.origin;
  if (u.protocol === `${APP_SCHEME}:`) return `${u.protocol}//${u.host}`;
  return null;
}

/** True when url belongs to one of the allowed origins (exact match, never a prefix test). */
export function isAllowedOrigin(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}
