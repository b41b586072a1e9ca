import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, isInside, resolveRendererRequest } from '../../../electron/main/renderer-files';
import { serveRendererRequest } from '../../../electron/main/serve';

const root = path.resolve('/srv/app/out/renderer');

describe('resolveRendererRequest', () => {
  it('serves index.html for the root and for SPA routes', () => {
    expect(resolveRendererRequest(root, 'app://motcua/')).toEqual({ kind: 'file', path: path.join(root, 'index.html'), spaFallback: false });
    expect(resolveRendererRequest(root, 'app://motcua/hoso/moi')).toEqual({ kind: 'file', path: path.join(root, 'index.html'), spaFallback: true });
    expect(resolveRendererRequest(root, 'app://motcua/index.html#/display')).toEqual({ kind: 'file', path: path.join(root, 'index.html'), spaFallback: false });
  });

  it('maps assets to files under the root', () => {
    expect(resolveRendererRequest(root, 'app://motcua/assets/index-abc.js?v=1')).toEqual({
      kind: 'file',
      path: path.join(root, 'assets', 'index-abc.js'),
      spaFallback: false,
    });
    expect(resolveRendererRequest(root, 'app://motcua/fonts/Be%20Vietnam.woff2')).toMatchObject({
      path: path.join(root, 'fonts', 'Be Vietnam.woff2'),
    });
  });

  it.each([
    'app://motcua/..%2f..%2fetc%2fpasswd',
    'app://motcua/assets/..%2F..%2F..%2Fsecret.txt',
    'app://motcua/%2e%2e%2f%2e%2e%2fetc/passwd.txt',
    'app://motcua/assets%2f..%2f..%2fx.js',
    'app://motcua/..%5c..%5cwindows%5cwin.ini',
    'app://motcua/a%00.js',
    'app://motcua/C%3A%5cWindows%5cwin.ini',
    // Refused even when it would land back inside the folder: an encoded ".." is never legitimate.
    'app://motcua/assets/..%2findex.html',
    'app://motcua/assets/%2e%2e%2fapp.js',
  ])('refuses encoded traversal %s', (url) => {
    expect(resolveRendererRequest(root, url)).toMatchObject({ kind: 'refused', reason: 'traversal' });
  });

  it('never resolves plain ../ outside the root (the URL parser clamps it)', () => {
    for (const url of ['app://motcua/../../etc/passwd', 'app://motcua/%2e%2e/%2e%2e/etc/passwd', 'app://motcua/assets/../../../x.js']) {
      const r = resolveRendererRequest(root, url);
      if (r.kind === 'file') expect(isInside(root, r.path)).toBe(true);
      else expect(r.reason).toBe('traversal');
    }
  });

  it('refuses other hosts, schemes and broken escapes', () => {
    expect(resolveRendererRequest(root, 'app://evil/index.html')).toMatchObject({ kind: 'refused', reason: 'foreign-host' });
    expect(resolveRendererRequest(root, 'app://x@motcua/index.html')).toMatchObject({ kind: 'refused', reason: 'foreign-host' });
    expect(resolveRendererRequest(root, 'file:///etc/passwd')).toMatchObject({ kind: 'refused', reason: 'bad-url' });
    expect(resolveRendererRequest(root, 'app://motcua/%E0%A4%A.js')).toMatchObject({ kind: 'refused', reason: 'bad-url' });
    expect(resolveRendererRequest(root, '::')).toMatchObject({ kind: 'refused', reason: 'bad-url' });
  });
});

describe('isInside / contentTypeFor', () => {
  it('checks containment by path, not by prefix', () => {
    expect(isInside('/a/b', '/a/b/c.js')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/bc/x.js')).toBe(false);
    expect(isInside('/a/b', '/a/x.js')).toBe(false);
  });
  it('serves a file whose name merely starts with ".." (only a whole ".." segment leaves the folder)', () => {
    expect(isInside('/a/b', '/a/b/..c.js')).toBe(true);
    expect(resolveRendererRequest(root, 'app://motcua/assets/..chunk.js')).toEqual({ kind: 'file', path: path.join(root, 'assets', '..chunk.js'), spaFallback: false });
  });
  it('knows the renderer file types', () => {
    expect(contentTypeFor('x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('x/a.unknown')).toBe('application/octet-stream');
  });
});

describe('serveRendererRequest (real files)', () => {
  let tmp: string;
  let renderer: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'motcua-serve-'));
    renderer = path.join(tmp, 'renderer');
    mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>MotCua</title>');
    writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
    symlinkSync(path.join(tmp, 'secret.txt'), path.join(renderer, 'assets', 'link.txt'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('serves files with type, CSP and nosniff', async () => {
    const res = await serveRendererRequest(renderer, 'GET', 'app://motcua/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers SPA routes with index.html and missing assets with 404', async () => {
    const spa = await serveRendererRequest(renderer, 'GET', 'app://motcua/tiep-nhan/ho-so');
    expect(spa.status).toBe(200);
    expect(await spa.text()).toContain('<title>MotCua</title>');
    expect((await serveRendererRequest(renderer, 'GET', 'app://motcua/assets/missing.js')).status).toBe(404);
    expect((await serveRendererRequest(renderer, 'GET', 'app://motcua/assets.d')).status).toBe(404);
  });

  it('refuses traversal, symlinks out of the folder and non-GET methods', async () => {
    const trav = await serveRendererRequest(renderer, 'GET', 'app://motcua/..%2fsecret.txt');
    expect(trav.status).toBe(403);
    expect(await trav.text()).not.toContain('secret');
    expect((await serveRendererRequest(renderer, 'GET', 'app://motcua/assets/link.txt')).status).toBe(403);
    expect((await serveRendererRequest(renderer, 'POST', 'app://motcua/index.html')).status).toBe(405);
    const head = await serveRendererRequest(renderer, 'HEAD', 'app://motcua/index.html');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
