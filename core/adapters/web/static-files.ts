/** Serving the built renderer: only files under the root (symlinks out of it refused), SPA fallback to index.html, strict headers. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside, realInside } from '../../platform/inside';

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
  '.wav': 'audio/wav',
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

/** Sent on every HTTP response web mode makes (files, errors, /healthz, refusals): one set, one place. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': WEB_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

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
  return isInside(root, full) ? full : null;
}

/**
 * The display board's voice clips (issue #18): GET /voice/vi/<name>.wav from <resourcesDir>/voice/vi. Names are
 * [a-z0-9-] only, so nothing can leave the folder; null: not a /voice/ path (the renderer's files answer it).
 */
export async function loadVoiceClip(resourcesDir: string, urlPath: string): Promise<StaticFile | null> {
  const p = urlPath.split('?')[0]!.split('#')[0]!;
  if (!p.startsWith('/voice/')) return null;
  const m = /^\/voice\/(vi)\/([a-z0-9-]{1,64})\.wav$/.exec(p);
  if (!m) return { status: 404, body: Buffer.from('not found'), type: MIME['.txt']! };
  try {
    return { status: 200, body: await readFile(path.join(resourcesDir, 'voice', m[1]!, `${m[2]!}.wav`)), type: MIME['.wav']! };
  } catch {
    return { status: 404, body: Buffer.from('not found'), type: MIME['.txt']! };
  }
}

export async function loadStatic(root: string, urlPath: string): Promise<StaticFile> {
  const file = resolveInside(root, urlPath);
  if (!file) return { status: 400, body: Buffer.from('bad path'), type: MIME['.txt']! };
  const candidates = [file, path.join(root, 'index.html')];
  for (const [i, f] of candidates.entries()) {
    let real: string | null;
    try {
      real = (await realInside(root, f))?.path ?? null;
    } catch {
      continue; // it (or the root) does not exist: try the next candidate
    }
    // A link out of the folder (Electron's serve.ts checks the same): refused, never followed nor replaced by index.html.
    if (real === null) return { status: 403, body: Buffer.from('forbidden'), type: MIME['.txt']! };
    try {
      const s = await stat(real);
      if (!s.isFile()) continue;
      // Asset-looking paths that do not exist are 404, not the SPA page (a missing chunk must not parse as HTML).
      if (i === 1 && path.extname(file) !== '' && path.extname(file) !== '.html') break;
      // Read what was checked (the real path), not the link again.
      return { status: 200, body: await readFile(real), type: MIME[path.extname(f).toLowerCase()] ?? 'application/octet-stream' };
    } catch {
      /* try the next candidate */
    }
  }
  return { status: 404, body: Buffer.from('not found'), type: MIME['.txt']! };
}
