/**
 * Security settings of every window, as data: the main process applies them, tests read them.
 * No runtime import of electron here (this file is loaded by vitest in plain Node).
 */
import { isAllowedOrigin } from './app-origin';

/**
 * The Content-Security-Policy sent with every app:// response.
 * - Scripts only from our own files: no inline script, no eval, no wildcard, no remote host.
 * - Styles only from our own files too. React's style={{...}} props are applied through the CSSOM, which CSP does
 *   not restrict, so neither 'unsafe-inline' nor style-src-attr is needed; a library that injects <style> tags
 *   would have to be bundled as CSS instead.
 * - connect-src 'self': the renderer reaches the core over IPC, never over the network.
 * - No plugins, frames, forms or <base> rewriting; the page cannot be framed.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'media-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
});

export function contentSecurityPolicy(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Headers added to every response of the app:// protocol handler. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * webPreferences of every BrowserWindow (main window and display board). Checked against Electron's
 * WebPreferences type where windows are created (electron/main/windows.ts).
 */
export function secureWebPreferences(preload: string, opts: { devTools: boolean }) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    plugins: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: opts.devTools,
  } as const;
}

/**
 * Permissions our pages may be granted. Empty: the app uses no camera, microphone, geolocation, notifications,
 * clipboard-read, WebHID/WebUSB/WebSerial (devices are driven by the core through node-hid). Add an entry only
 * with the feature that needs it.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = Object.freeze([]);

/** Permission request / check decision: deny unless listed AND asked by one of our own origins. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | null | undefined,
  allowedOrigins: readonly string[],
  allowed: readonly string[] = ALLOWED_PERMISSIONS,
): boolean {
  if (!allowed.includes(permission)) return false;
  return typeof requestingUrl === 'string' && isAllowedOrigin(requestingUrl, allowedOrigins);
}
