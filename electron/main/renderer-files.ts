/**
 * Maps an app:// request to a file under the built renderer folder (out/renderer). Pure: the protocol handler
 * does the file I/O. Anything that could leave the folder is refused before touching the disk.
 */
import path from 'node:path';
import { isInside } from '../../core/platform/inside';
import { APP_HOST, APP_SCHEME } from './app-origin';

export type RendererResolution =
  | { kind: 'file'; path: string; spaFallback: boolean }
  | { kind: 'refused'; reason: 'bad-url' | 'foreign-host' | 'traversal' };

export const INDEX_FILE = 'index.html';

/** The shared check (core/platform/inside.ts), re-exported for this module's callers. */
export { isInside };

/**
 * - app://motcua/ and routes without a file extension (SPA routes) → index.html;
 * - paths with an extension → that file (a missing asset is then a 404, never HTML served as JS);
 * - "..", encoded or not, backslashes, NUL and undecodable escapes → refused.
 */
export function resolveRendererRequest(rootDir: string, requestUrl: string): RendererResolution {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return { kind: 'refused', reason: 'bad-url' };
  }
  if (u.protocol !== `${APP_SCHEME}:`) return { kind: 'refused', reason: 'bad-url' };
  if (u.host !== APP_HOST || u.username !== '' || u.password !== '') return { kind: 'refused', reason: 'foreign-host' };

  const segments: string[] = [];
  for (const raw of u.pathname.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', reason: 'bad-url' };
    }
    // After decoding, a segment may hide "/" or "\" (%2f, %5c) or be ".." (%2e%2e): all refused.
    if (seg === '.' || seg === '..' || seg.includes('/') || seg.includes('\\') || seg.includes('\0') || /^[a-zA-Z]:/.test(seg)) {
      return { kind: 'refused', reason: 'traversal' };
    }
    segments.push(seg);
  }

  const root = path.resolve(rootDir);
  const last = segments[segments.length - 1];
  if (last === undefined || !last.includes('.')) {
    return { kind: 'file', path: path.join(root, INDEX_FILE), spaFallback: last !== undefined };
  }
  const candidate = path.join(root, ...segments);
  if (!isInside(root, candidate)) return { kind: 'refused', reason: 'traversal' };
  return { kind: 'file', path: candidate, spaFallback: false };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
};

/** Content-Type by extension; unknown types are sent as opaque bytes (nosniff keeps them from being run). */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
