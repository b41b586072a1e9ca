/**
 * The central URL rule (SYNC_CENTRAL_BAD_URL), in its own light module: the CLI checks the URL before the core opens,
 * and must not load the sync transport or the database to do it.
 */
import { AppError } from '../../contract/errors';

export type BadUrlReason = 'malformed' | 'scheme' | 'credentials' | 'extra';

/** An http(s) URL with no credentials, query or fragment; returned without its trailing slash. */
export function validateCentralUrl(raw: string): string {
  const shown = raw.trim().slice(0, 80);
  const bad = (reason: BadUrlReason): AppError => new AppError('SYNC_CENTRAL_BAD_URL', { url: shown, reason }, { field: 'central' });
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw bad('malformed');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw bad('scheme');
  if (!u.hostname) throw bad('malformed');
  if (u.username || u.password) throw bad('credentials');
  if (u.search || u.hash || raw.includes('#') || raw.includes('?')) throw bad('extra');
  return u.href.replace(/\/+$/, '');
}
