/** Serving the built renderer: only files under the root, SPA fallback to index.html, strict headers. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** The same policy the Electron window enforces; the WebSocket endpoint is same-origin. */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export interface StaticFile {
  status: number;
  body: Buffer;
  type: string;
}

/** Resolves a URL path inside root; refuses traversal (also percent-encoded) and unknown files fall back to index.html. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const rel = path.relative(root, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return full;
}

export async function loadStatic(root: string, urlPath: string): Promise<StaticFile> {
  const file = resolveInside(root, urlPath);
  if (!file) return { status: 400, body: Buffer.from('bad path'), type: MIME['.txt']! };
  const candidates = [file, path.join(root, 'index.html')];
  for (const [i, f] of candidates.entries()) {
    try {
      const s = await stat(f);
      if (!s.isFile()) continue;
      // Asset-looking paths that do not exist are 404, not the SPA page (a missing chunk must not parse as HTML).
      if (i === 1 && path.extname(file) !== '' && path.extname(file) !== '.html') break;
      return { status: 200, body: await readFile(f), type: MIME[path.extname(f).toLowerCase()] ?? 'application/octet-stream' };
    } catch {
      /* try the next candidate */
    }
  }
  return { status: 404, body: Buffer.from('not found'), type: MIME['.txt']! };
}
