/**
 * eSCL scanners found on the local network by mDNS/DNS-SD (`_uscan._tcp` plain HTTP, `_uscans._tcp` HTTPS), with
 * bonjour-service. A browse lasts a bounded window, then every socket is closed (no handle outlives the call). The
 * eSCL root comes from the TXT record's `rs` (resource path, "eSCL" when absent, as the Mopria/AirScan spec says).
 */
import { browseMdns, reachableHost, txtValue, type AnnouncedService } from '../../mdns/browse';
import { parseDeviceUri } from '../device-uri';

export type { AnnouncedService };

/** The DNS-SD service types an eSCL scanner announces (bonjour-service names them without the leading underscore). */
export const ESCL_SERVICE_TYPES = ['uscan', 'uscans'] as const;
export type EsclServiceType = (typeof ESCL_SERVICE_TYPES)[number];

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

/** reachableHost, with an IPv6 address in brackets as a URL needs it. */
function hostFor(s: AnnouncedService): string | null {
  const host = reachableHost(s);
  return host !== null && host.includes(':') ? `[${host}]` : host;
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
  const { found, failure } = await browseMdns(
    { types: ESCL_SERVICE_TYPES, windowMs: opts.windowMs ?? DEFAULT_DISCOVERY_WINDOW_MS, signal: opts.signal, mdns: opts.mdns },
    esclUriFromService,
    (d) => d.uri,
  );
  if (failure) opts.onError?.(failure);
  return found;
}
