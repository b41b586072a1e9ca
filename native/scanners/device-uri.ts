/**
 * Device URIs, parsed in this one place: `sane:<device name>`, `escl:http(s)://host:port/<root>`, `folder:<dir>`,
 * `wia:<id>`, `twain:<name>`. The id is everything after the first colon (SANE names hold colons: `test:0`).
 */
import path from 'node:path';
import { ScanError, type BackendKind } from './scanner';

export interface DeviceUri {
  kind: BackendKind;
  id: string;
}

const KINDS: readonly BackendKind[] = ['sane', 'escl', 'folder', 'wia', 'twain'];

function bad(uri: string, reason: string): ScanError {
  return new ScanError('SCAN_BAD_DEVICE_URI', { uri: uri.slice(0, 200), reason });
}

export function parseDeviceUri(uri: string): DeviceUri {
  const text = uri.trim();
  const colon = text.indexOf(':');
  if (colon <= 0) throw bad(uri, 'no scheme');
  const scheme = text.slice(0, colon).toLowerCase();
  const id = text.slice(colon + 1);
  const kind = KINDS.find((k) => k === scheme);
  if (!kind) throw bad(uri, `unknown scheme "${scheme}"`);
  if (id.length === 0 || /[\0\r\n]/.test(id)) throw bad(uri, 'empty or control characters');
  if (kind === 'escl') return { kind, id: esclBaseUrl(uri, id) };
  // A relative folder is taken from the working directory, as a shell user expects.
  if (kind === 'folder') return { kind, id: path.resolve(id) };
  return { kind, id };
}

/** The eSCL resource root without a trailing slash; only http and https. */
function esclBaseUrl(uri: string, id: string): string {
  let u: URL;
  try {
    u = new URL(id);
  } catch {
    throw bad(uri, 'not a URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw bad(uri, 'eSCL needs http or https');
  if (u.username || u.password || u.search || u.hash) throw bad(uri, 'no credentials, query or fragment');
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

export function formatDeviceUri(kind: BackendKind, id: string): string {
  return `${kind}:${id}`;
}
