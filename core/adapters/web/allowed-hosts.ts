/**
 * Which Host and Origin headers web mode answers. Comparing Origin with Host is not enough: under DNS
 * rebinding both name the attacker's domain (`evil.example:PORT` resolving to 127.0.0.1), so a page there
 * could reach auth.setupAdmin on a fresh install. Only names that really mean this machine are accepted:
 * loopback always; in LAN mode also its interface addresses and hostname; plus MOTCUA_WEB_ALLOWED_HOSTS.
 */
import os from 'node:os';

export interface HostAllowListOptions {
  /** The address the server is bound to. */
  bindHost: string;
  /** The port it listens on. */
  port: number;
  /** Extra names, `name` (the bound port) or `name:port` (e.g. a reverse proxy's `desk.example:443`). */
  extra?: readonly string[];
  /** Injected for tests; default os.networkInterfaces / os.hostname. */
  interfaces?: () => NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  hostname?: () => string;
  /** How long interface addresses are cached (they change with DHCP), ms. */
  refreshMs?: number;
}

export interface HostAllowList {
  /** The Host header names this machine on the bound port. */
  allowsHost(host: string | undefined): boolean;
  /** No Origin (CLI tools, tests) is fine; one that is present must be an allowed host. */
  allowsOrigin(origin: string | undefined): boolean;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const LOOPBACK_BINDS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Splits MOTCUA_WEB_ALLOWED_HOSTS ("a.example, 10.0.0.5:8080"). */
export function parseAllowedHostsEnv(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** `host[:port]` → lower-case hostname (IPv6 in brackets) and port (null when absent); null if unparsable. */
function splitHost(text: string): { hostname: string; port: number | null } | null {
  if (!text || /[\s/?#@\\]/.test(text)) return null;
  try {
    const u = new URL(`http://${text}`);
    // URL drops :80 for http; the raw text tells whether a port was written.
    const written = /:(\d+)$/.exec(text);
    return { hostname: u.hostname.toLowerCase(), port: written ? Number(written[1]) : null };
  } catch {
    return null;
  }
}

function bracketed(address: string): string {
  const bare = address.split('%')[0]!; // an IPv6 zone id never appears in a Host header
  return bare.includes(':') ? `[${bare.toLowerCase()}]` : bare.toLowerCase();
}

export function createHostAllowList(opts: HostAllowListOptions): HostAllowList {
  const lan = !LOOPBACK_BINDS.has(opts.bindHost.toLowerCase());
  const interfaces = opts.interfaces ?? os.networkInterfaces;
  const machineHostname = opts.hostname ?? os.hostname;
  const refreshMs = opts.refreshMs ?? 10_000;

  const fixed = new Set<string>(LOOPBACK_NAMES.map((n) => `${n}:${opts.port}`));
  for (const entry of opts.extra ?? []) {
    const h = splitHost(entry);
    if (h) fixed.add(`${h.hostname}:${h.port ?? opts.port}`);
  }

  let machine: { at: number; names: Set<string> } | null = null;
  const machineNames = (): Set<string> => {
    const now = Date.now();
    if (machine && now - machine.at < refreshMs) return machine.names;
    const names = new Set<string>();
    if (!['0.0.0.0', '::', '[::]'].includes(opts.bindHost)) names.add(bracketed(opts.bindHost));
    for (const list of Object.values(interfaces())) for (const i of list ?? []) names.add(bracketed(i.address));
    const host = machineHostname().toLowerCase();
    if (host) names.add(host);
    machine = { at: now, names };
    return names;
  };

  const allows = (name: string, port: number): boolean =>
    fixed.has(`${name}:${port}`) || (lan && port === opts.port && machineNames().has(name));

  return {
    allowsHost(header) {
      const h = header === undefined ? null : splitHost(header);
      if (!h) return false;
      // No port written: the scheme's default (a reverse proxy on 80 or 443).
      return h.port !== null ? allows(h.hostname, h.port) : allows(h.hostname, 80) || allows(h.hostname, 443);
    },
    allowsOrigin(origin) {
      if (origin === undefined) return true;
      let u: URL;
      try {
        u = new URL(origin);
      } catch {
        return false; // includes the opaque "null" origin of sandboxed frames and file:// pages
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
      const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
      return allows(u.hostname.toLowerCase(), port);
    },
  };
}
