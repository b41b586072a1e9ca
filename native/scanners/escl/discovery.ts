/**
 * eSCL scanners found on the local network by mDNS/DNS-SD (`_uscan._tcp` plain HTTP, `_uscans._tcp` HTTPS), with
 * bonjour-service. A browse lasts a bounded window, then every socket is closed (no handle outlives the call). The
 * eSCL root comes from the TXT record's `rs` (resource path, "eSCL" when absent, as the Mopria/AirScan spec says).
 */
import Bonjour from 'bonjour-service';
import type { ServiceConfig } from 'bonjour-service';
import { parseDeviceUri } from '../device-uri';

/** The DNS-SD service types an eSCL scanner announces (bonjour-service names them without the leading underscore). */
export const ESCL_SERVICE_TYPES = ['uscan', 'uscans'] as const;
export type EsclServiceType = (typeof ESCL_SERVICE_TYPES)[number];

/** What bonjour-service reports for one service; only the fields the mapping reads. */
export interface AnnouncedService {
  name: string;
  type: string;
  host?: string;
  port: number;
  addresses?: readonly string[];
  txt?: Record<string, unknown>;
}

export interface DiscoveredEscl {
  /** `escl:http(s)://host:port/<rs>`, canonical as device-uri.ts writes it. */
  uri: string;
  /** The make and model from TXT `ty`, else the instance name. */
  name: string;
}

export interface EsclDiscoveryOptions {
  /** How long to listen for answers; default 1500 ms. */
  windowMs?: number;
  /** Ends the browse early (the answers so far are returned). */
  signal?: AbortSignal;
  /** multicast-dns options (`interface`, `port`, `ip`, `loopback`…); tests use them to stay on loopback. */
  mdns?: Record<string, unknown>;
  /** A socket error (no multicast route, port refused): browsing stops with what was found. */
  onError?: (e: Error) => void;
}

export const DEFAULT_DISCOVERY_WINDOW_MS = 1500;

/** TXT keys are case-insensitive (RFC 6763 §6.4); values may arrive as strings or buffers. */
function txtValue(txt: Record<string, unknown> | undefined, key: string): string | undefined {
  if (!txt) return undefined;
  for (const [k, v] of Object.entries(txt)) {
    if (k.toLowerCase() !== key) continue;
    if (typeof v === 'string') return v;
    if (Buffer.isBuffer(v)) return v.toString('utf8');
    if (v === true) return ''; // a key present without "=" (RFC 6763 §6.4): no value
  }
  return undefined;
}

/** The address to reach the scanner by: IPv4 first (works without an mDNS resolver), then routable IPv6, else the host name. */
function hostFor(s: AnnouncedService): string | null {
  const addrs = s.addresses ?? [];
  const v4 = addrs.find((a) => /^\d{1,3}(\.\d{1,3}){3}$/.test(a));
  if (v4) return v4;
  // A link-local IPv6 address needs a zone (%eth0) that URLs cannot carry portably.
  const v6 = addrs.find((a) => a.includes(':') && !/^fe80:/i.test(a));
  if (v6) return `[${v6}]`;
  const host = s.host?.replace(/\.$/, '');
  return host && /^[A-Za-z0-9.-]+$/.test(host) ? host : null;
}

/** The device URI of an announced eSCL service, or null when the announcement cannot make one. */
export function esclUriFromService(s: AnnouncedService): DiscoveredEscl | null {
  const type = s.type.replace(/^_/, '').toLowerCase();
  if (type !== 'uscan' && type !== 'uscans') return null;
  if (!Number.isInteger(s.port) || s.port <= 0 || s.port > 65535) return null;
  const host = hostFor(s);
  if (!host) return null;
  const rs = txtValue(s.txt, 'rs');
  // Absent → "eSCL"; present and empty → the server's root. Leading and trailing slashes are optional in the wild.
  const resource = (rs === undefined ? 'eSCL' : rs).trim().replace(/^\/+|\/+$/g, '');
  if (/[?#\s\\]/.test(resource)) return null;
  const scheme = type === 'uscans' ? 'https' : 'http';
  try {
    const { id } = parseDeviceUri(`escl:${scheme}://${host}:${s.port}/${resource}`);
    const ty = txtValue(s.txt, 'ty')?.trim();
    return { uri: `escl:${id}`, name: ty || s.name };
  } catch {
    return null;
  }
}

/**
 * Browses both service types for `windowMs`, then stops the browsers and closes the sockets. Never throws: a network
 * without multicast simply finds nothing (onError says why). Duplicate answers are merged by URI.
 */
export async function discoverEscl(opts: EsclDiscoveryOptions = {}): Promise<DiscoveredEscl[]> {
  const windowMs = opts.windowMs ?? DEFAULT_DISCOVERY_WINDOW_MS;
  if (opts.signal?.aborted) return [];
  const found = new Map<string, DiscoveredEscl>();
  let failed = false;
  let bonjour: Bonjour;
  try {
    bonjour = new Bonjour(opts.mdns as Partial<ServiceConfig> | undefined, (e: Error) => {
      failed = true;
      opts.onError?.(e);
    });
  } catch (e) {
    opts.onError?.(e as Error);
    return [];
  }
  const browsers = ESCL_SERVICE_TYPES.map((type) =>
    bonjour.find({ type, protocol: 'tcp' }, (service) => {
      const d = esclUriFromService(service as unknown as AnnouncedService);
      if (d && !found.has(d.uri)) found.set(d.uri, d);
    }),
  );
  await new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      clearInterval(poll);
      opts.signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, windowMs);
    // A socket error ends the window early: nothing more will arrive.
    const poll = setInterval(() => failed && done(), 50);
    opts.signal?.addEventListener('abort', done, { once: true });
  });
  for (const b of browsers) b.stop();
  await new Promise<void>((resolve) => {
    try {
      bonjour.destroy(() => resolve());
    } catch {
      resolve();
    }
  });
  return [...found.values()];
}
