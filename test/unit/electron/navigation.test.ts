import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, appRouteUrl, originOf } from '../../../electron/main/app-origin';
import {
  appOrigins,
  devRendererUrl,
  externalLinkTarget,
  isNavigationAllowed,
  isNetworkRequestAllowed,
} from '../../../electron/main/navigation';

const prodOrigins = appOrigins(null);

describe('originOf', () => {
  it('computes the origin of our custom scheme (Node says "null" for it)', () => {
    expect(new URL('app://motcua/x').origin).toBe('null');
    expect(originOf('app://motcua/index.html#/display')).toBe(APP_ORIGIN);
  });
  it('refuses credentials and opaque URLs', () => {
    expect(originOf('app://motcua@evil/')).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('navigation allow-list', () => {
  it('allows our own pages', () => {
    expect(prodOrigins).toEqual([APP_ORIGIN]);
    expect(isNavigationAllowed(appRouteUrl('/display'), prodOrigins)).toBe(true);
    expect(isNavigationAllowed('app://motcua/', prodOrigins)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://motcua/',
    'app://other/index.html',
    'app://motcua.evil/index.html',
    'app://motcua@evil/index.html',
    'app://evil@motcua/index.html',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://motcua/1234',
    'about:blank',
    'chrome://settings',
    '',
  ])('refuses %s', (url) => {
    expect(isNavigationAllowed(url, prodOrigins)).toBe(false);
  });

  it('is not a prefix test', () => {
    expect(isNavigationAllowed('http://localhost:5173.evil.example/', appOrigins('http://localhost:5173/'))).toBe(false);
  });
});

describe('dev renderer URL', () => {
  it('is used only unpackaged and only on loopback http', () => {
    expect(devRendererUrl('http://localhost:5173/', false)).toBe('http://localhost:5173/');
    expect(devRendererUrl('http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173/');
    expect(devRendererUrl('http://localhost:5173/', true)).toBeNull();
    expect(devRendererUrl('https://example.com/', false)).toBeNull();
    expect(devRendererUrl('http://192.168.1.10:5173/', false)).toBeNull();
    expect(devRendererUrl('http://user@localhost:5173/', false)).toBeNull();
    expect(devRendererUrl('file:///tmp/index.html', false)).toBeNull();
    expect(devRendererUrl(undefined, false)).toBeNull();
    expect(devRendererUrl('', false)).toBeNull();
  });
  it('adds the dev origin (and its HMR socket) to the allowed origins', () => {
    const origins = appOrigins('http://localhost:5173/');
    expect(origins).toEqual([APP_ORIGIN, 'http://localhost:5173', 'ws://localhost:5173']);
    expect(isNavigationAllowed('http://localhost:5173/#/x', origins)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', origins)).toBe(false);
  });
});

describe('external links', () => {
  it('opens only allow-listed https hosts', () => {
    expect(externalLinkTarget('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html')).toBe('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html');
    expect(externalLinkTarget('http://dichvucong.gov.vn/')).toBeNull();
    expect(externalLinkTarget('https://dichvucong.gov.vn.evil.example/')).toBeNull();
    expect(externalLinkTarget('https://evil.example/?u=https://dichvucong.gov.vn')).toBeNull();
    expect(externalLinkTarget('https://user@dichvucong.gov.vn/')).toBeNull();
    expect(externalLinkTarget('https://dichvucong.gov.vn:8443/')).toBeNull();
    expect(externalLinkTarget('file:///etc/passwd')).toBeNull();
    expect(externalLinkTarget('javascript:alert(1)')).toBeNull();
    expect(externalLinkTarget('ms-msdt:/id PCWDiagnostic')).toBeNull();
    expect(externalLinkTarget('https://example.org/', ['example.org'])).toBe('https://example.org/');
  });
});

describe('network requests from pages', () => {
  it('allows our scheme and in-memory URLs, refuses the network', () => {
    expect(isNetworkRequestAllowed('app://motcua/assets/index.js', prodOrigins)).toBe(true);
    expect(isNetworkRequestAllowed('data:image/png;base64,AAAA', prodOrigins)).toBe(true);
    expect(isNetworkRequestAllowed('blob:app://motcua/123', prodOrigins)).toBe(true);
    expect(isNetworkRequestAllowed('https://cdn.example/x.js', prodOrigins)).toBe(false);
    expect(isNetworkRequestAllowed('http://127.0.0.1:8080/', prodOrigins)).toBe(false);
    expect(isNetworkRequestAllowed('wss://evil.example/', prodOrigins)).toBe(false);
    expect(isNetworkRequestAllowed('file:///etc/passwd', prodOrigins)).toBe(false);
  });
  it('allows the dev server and its HMR socket in development', () => {
    const origins = appOrigins('http://localhost:5173/');
    expect(isNetworkRequestAllowed('http://localhost:5173/src/main.tsx', origins)).toBe(true);
    expect(isNetworkRequestAllowed('ws://localhost:5173/', origins)).toBe(true);
    expect(isNetworkRequestAllowed('ws://localhost:9999/', origins)).toBe(false);
  });
});
