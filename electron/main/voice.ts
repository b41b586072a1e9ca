/**
 * The display board's voice clips over app:// (issue #18): app://motcua/voice/vi/<name>.wav is answered from
 * <resourcesDir>/voice/vi, the folder web mode serves at the same path. Pure: serve.ts does the file I/O.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * 'renderer': not a voice path (the renderer's files answer it); 'refused': a /voice/ path that is no clip name;
 * otherwise the clip's folder and an app:// URL of the file inside it, for serveRendererRequest.
 */
export function voiceClipRequest(resourcesDir: string, requestUrl: string): 'renderer' | 'refused' | { root: string; url: string } {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return 'renderer'; // the renderer's resolver refuses it with its own reason
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || !u.pathname.startsWith('/voice/')) return 'renderer';
  // Names are [a-z0-9-] only: no escape, dot segment or separator can reach the disk.
  const m = /^\/voice\/(vi)\/([a-z0-9-]{1,64}\.wav)$/.exec(u.pathname);
  if (!m) return 'refused';
  return { root: path.join(resourcesDir, 'voice', m[1]!), url: `${APP_SCHEME}://${APP_HOST}/${m[2]!}` };
}
