import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../electron/main/app-origin';
import {
  ALLOWED_PERMISSIONS,
  CSP_DIRECTIVES,
  contentSecurityPolicy,
  isPermissionAllowed,
  secureWebPreferences,
  securityHeaders,
} from '../../../electron/main/security';

function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

describe('webPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs', { devTools: false });

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and the risky features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.plugins).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('loads the CommonJS preload and passes devTools through', () => {
    expect(prefs.preload.endsWith('index.cjs')).toBe(true);
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
  });

  it('sets no option that would weaken isolation', () => {
    const keys = Object.keys(prefs);
    for (const k of ['enableBlinkFeatures', 'additionalArguments', 'disableBlinkFeatures', 'partition']) expect(keys).not.toContain(k);
  });
});

describe('Content-Security-Policy', () => {
  const csp = contentSecurityPolicy();
  const d = parseCsp(csp);

  it('allows scripts from our own files only', () => {
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
  });

  it('never allows eval, inline script or wildcards', () => {
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('*');
    expect(csp).not.toMatch(/https?:/);
    expect(csp).not.toContain('wasm-unsafe-eval');
  });

  it('shuts plugins, framing, base and forms', () => {
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('renders every directive of the table exactly once', () => {
    expect([...d.keys()].sort()).toEqual(Object.keys(CSP_DIRECTIVES).sort());
  });

  it('is sent as a header with nosniff', () => {
    const h = securityHeaders();
    expect(h['Content-Security-Policy']).toBe(csp);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('permissions', () => {
  const origins = [APP_ORIGIN];

  it('denies everything by default, even to our own origin', () => {
    expect(ALLOWED_PERMISSIONS).toEqual([]);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'usb', 'serial', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(p, `${APP_ORIGIN}/index.html`, origins)).toBe(false);
    }
  });

  it('grants a listed permission only to our origin', () => {
    const allow = ['media'];
    expect(isPermissionAllowed('media', `${APP_ORIGIN}/index.html`, origins, allow)).toBe(true);
    expect(isPermissionAllowed('media', APP_ORIGIN, origins, allow)).toBe(true);
    expect(isPermissionAllowed('media', 'https://evil.example/', origins, allow)).toBe(false);
    expect(isPermissionAllowed('media', 'file:///etc/passwd', origins, allow)).toBe(false);
    expect(isPermissionAllowed('media', undefined, origins, allow)).toBe(false);
    expect(isPermissionAllowed('geolocation', APP_ORIGIN, origins, allow)).toBe(false);
  });
});
