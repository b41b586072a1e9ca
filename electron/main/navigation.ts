/**
 * Where the app's web contents may go. Pure functions: the main process wires them to will-navigate,
 * will-redirect, setWindowOpenHandler and webRequest; tests call them directly.
 */
import { APP_ORIGIN, isAllowedOrigin, originOf } from './app-origin';

/**
 * Sites a link in the app may open in the OS browser (https only, exact host). Everything else is dropped.
 * Keep this short: each entry is a site a clerk is expected to reach from the app.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['dichvucong.gov.vn', 'www.dichvucong.gov.vn'];

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The Vite dev-server URL to load instead of app://, accepted only in an unpackaged run and only on loopback:
 * a packaged app must never be talked into loading a remote page through an environment variable.
 */
export function devRendererUrl(value: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || value === undefined || value.trim() === '') return null;
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' || u.username !== '' || u.password !== '' || !LOOPBACK_HOSTS.has(u.hostname)) return null;
  return u.href;
}

/** Origins our own pages come from: app://motcua, plus the dev server (and its HMR socket) in development. */
export function appOrigins(devUrl: string | null): readonly string[] {
  const dev = devUrl === null ? null : originOf(devUrl);
  return dev === null ? [APP_ORIGIN] : [APP_ORIGIN, dev, dev.replace(/^http:/, 'ws:')];
}

/** will-navigate / will-redirect: stay inside our origins; file:, javascript:, data:, other sites are refused. */
export function isNavigationAllowed(url: string, allowedOrigins: readonly string[]): boolean {
  return isAllowedOrigin(url, allowedOrigins);
}

/** The URL to hand to the OS browser for a window.open / target=_blank link, or null to just drop it. */
export function externalLinkTarget(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') return null;
  return hosts.includes(u.hostname) ? u.href : null;
}

/**
 * Requests the renderer may make over the network stack. The page talks to the core only through IPC,
 * so http(s)/ws(s) is allowed only to the dev server; our own scheme and in-memory URLs pass.
 */
export function isNetworkRequestAllowed(url: string, allowedOrigins: readonly string[]): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'devtools:') return true;
  return isAllowedOrigin(url, allowedOrigins);
}
