/**
 * One bounded mDNS/DNS-SD browse (bonjour-service), shared by eSCL scanner and ESC/POS printer discovery: listen for
 * a window, then stop every browser and close every socket (no handle outlives the call).
 */
import type Bonjour from 'bonjour-service';
import type { ServiceConfig } from 'bonjour-service';

/** What bonjour-service reports for one service; only the fields the callers read. */
export interface AnnouncedService {
  name: string;
  type: string;
  host?: string;
  port: number;
  addresses?: readonly string[];
  txt?: Record<string, unknown>;
}

export interface MdnsBrowseOptions {
  /** Service types without the leading underscore ('uscan', 'pdl-datastream'), all over TCP. */
  types: readonly string[];
  /** How long to listen for answers. */
  windowMs: number;
  /** Ends the browse early (the answers so far are returned). */
  signal?: AbortSignal;
  /** multicast-dns options (`interface`, `port`, `ip`, `loopback`…); tests use them to stay on loopback. */
  mdns?: Record<string, unknown>;
}

export interface MdnsBrowseResult<T> {
  found: T[];
  /** The first socket error (no multicast route, port refused); it ends the window early. */
  failure: Error | null;
}

/** TXT keys are case-insensitive (RFC 6763 §6.4); values may arrive as strings or buffers. */
export function txtValue(txt: Record<string, unknown> | undefined, key: string): string | undefined {
  if (!txt) return undefined;
  for (const [k, v] of Object.entries(txt)) {
    if (k.toLowerCase() !== key) continue;
    if (typeof v === 'string') return v;
    if (Buffer.isBuffer(v)) return v.toString('utf8');
    if (v === true) return ''; // a key present without "=" (RFC 6763 §6.4): no value
  }
  return undefined;
}

/** The address to reach a service by: IPv4 first (works without an mDNS resolver), then routable IPv6 (bare), else the host name. */
export function reachableHost(s: AnnouncedService): string | null {
  const addrs = s.addresses ?? [];
  const v4 = addrs.find((a) => /^\d{1,3}(\.\d{1,3}){3}$/.test(a));
  if (v4) return v4;
  // A link-local IPv6 address needs a zone (%eth0) that URIs cannot carry portably.
  const v6 = addrs.find((a) => a.includes(':') && !/^fe80:/i.test(a));
  if (v6) return v6;
  const host = s.host?.replace(/\.$/, '');
  return host && /^[A-Za-z0-9.-]+$/.test(host) ? host : null;
}

/**
 * Browses the types for windowMs (or until the signal aborts or a socket fails) and maps each answer; answers
 * mapped to null are dropped, duplicates merged by key. Never throws: a failure is returned beside what was found.
 */
export async function browseMdns<T>(o: MdnsBrowseOptions, map: (s: AnnouncedService) => T | null, keyOf: (t: T) => string): Promise<MdnsBrowseResult<T>> {
  const found = new Map<string, T>();
  if (o.signal?.aborted) return { found: [], failure: null };
  let failure: Error | null = null;
  let bonjour: Bonjour;
  try {
    // Loaded when a browse starts, not with the core (it is only for discovery).
    const { default: BonjourClass } = await import('bonjour-service');
    bonjour = new BonjourClass(o.mdns as Partial<ServiceConfig> | undefined, (e: Error) => {
      failure ??= e;
    });
  } catch (e) {
    return { found: [], failure: e as Error };
  }
  const browsers = o.types.map((type) =>
    bonjour.find({ type, protocol: 'tcp' }, (service) => {
      const d = map(service as unknown as AnnouncedService);
      if (d !== null && !found.has(keyOf(d))) found.set(keyOf(d), d);
    }),
  );
  await new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      clearInterval(poll);
      o.signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, o.windowMs);
    // A socket error ends the window early: nothing more will arrive.
    const poll = setInterval(() => failure && done(), 50);
    o.signal?.addEventListener('abort', done, { once: true });
  });
  for (const b of browsers) b.stop();
  await new Promise<void>((resolve) => {
    try {
      bonjour.destroy(() => resolve());
    } catch {
      resolve();
    }
  });
  return { found: [...found.values()], failure };
}
