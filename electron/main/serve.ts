/**
 * Answers one app:// request from the built renderer folder. Uses only node:fs and the global Response,
 * so the same code runs in Electron's protocol.handle and in tests.
 */
import { readFile, stat } from 'node:fs/promises';
import { realInside } from '../../core/platform/inside';
import { contentTypeFor, resolveRendererRequest } from './renderer-files';
import { securityHeaders } from './security';

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}

export async function serveRendererRequest(rootDir: string, method: string, url: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  const resolved = resolveRendererRequest(rootDir, url);
  if (resolved.kind === 'refused') return resolved.reason === 'bad-url' ? plain(400, 'Bad Request') : plain(403, 'Forbidden');
  try {
    // realpath on both sides: a symlink inside out/renderer must not lead outside it either.
    const inside = await realInside(rootDir, resolved.path);
    if (inside === null) return plain(403, 'Forbidden');
    const realFile = inside.path;
    const info = await stat(realFile);
    if (!info.isFile()) return plain(404, 'Not Found');
    const body = method === 'HEAD' ? null : new Uint8Array(await readFile(realFile));
    return new Response(body, {
      status: 200,
      headers: {
        ...securityHeaders(),
        'Content-Type': contentTypeFor(realFile),
        'Content-Length': String(info.size),
        // The files change only with an app update; revalidation is cheap on a local scheme.
        'Cache-Control': 'no-cache',
      },
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return plain(404, 'Not Found');
    return plain(500, 'Internal Server Error');
  }
}
