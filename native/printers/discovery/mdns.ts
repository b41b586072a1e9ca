/**
 * Network printers that take raw print data on a TCP port announce `_pdl-datastream._tcp` by mDNS/DNS-SD (Bonjour
 * Printing Specification §9: the "JetDirect"/AppSocket port, 9100 as a rule). Browsed with bonjour-service for a
 * bounded window, as native/scanners/escl/discovery.ts does for eSCL, then every socket is closed. Such a printer may
 * be an office laser as well as a receipt printer: the make and model (TXT `ty`) is shown for the clerk to judge.
 */
import Bonjour from 'bonjour-service';
import type { ServiceConfig } from 'bonjour-service';
import { formatPrinterUri } from '../printer-uri';
import type { DiscoveredPrinterInfo } from '../types';

export const PDL_SERVICE_TYPE = 'pdl-datastream';

export interface AnnouncedPrinter {
  name: string;
  type: string;
  host?: string;
  port: number;
  addresses?: readonly string[];
  txt?: Record<string, unknown>;
}

function txtValue(txt: Record<string, unknown> | undefined, key: string): string | undefined {
  for (const [k, v] of Object.entries(txt ?? {})) {
    if (k.toLowerCase() !== key) continue;
    if (typeof v === 'string') return v;
    if (Buffer.isBuffer(v)) return v.toString('utf8');
  }
  return undefined;
}

/** IPv4 first (needs no mDNS resolver later), then a routable IPv6, else the .local host name. */
function hostFor(s: AnnouncedPrinter): string | null {
  const addrs = s.addresses ?? [];
  const v4 = addrs.find((a) => /^\d{1,3}(\.\d{1,3}){3}$/.test(a));
  if (v4) return v4;
  const v6 = addrs.find((a) => a.includes(':') && !/^fe80:/i.test(a));
  if (v6) return v6;
  const host = s.host?.replace(/\.$/, '');
  return host && /^[A-Za-z0-9.-]+$/.test(host) ? host : null;
}

/** The printer an announcement describes, or null when it cannot make an escpos+tcp URI. */
export function printerFromService(s: AnnouncedPrinter): DiscoveredPrinterInfo | null {
  if (s.type.replace(/^_/, '').toLowerCase() !== PDL_SERVICE_TYPE) return null;
  if (!Number.isInteger(s.port) || s.port <= 0 || s.port > 65535) return null;
  const host = hostFor(s);
  if (!host) return null;
  const model = txtValue(s.txt, 'ty')?.trim() || txtValue(s.txt, 'product')?.trim().replace(/^\((.*)\)$/, '$1');
  return {
    uri: formatPrinterUri({ kind: 'escpos', transport: 'tcp', host: host.toLowerCase(), port: s.port }),
    name: model || s.name,
    transport: 'tcp',
    detail: model && model !== s.name ? s.name : null,
  };
}

export interface MdnsBrowseOptions {
  windowMs: number;
  /** multicast-dns options (interface, port, loopback …): tests keep to loopback on a private port. */
  mdns?: Record<string, unknown>;
}

/** Browses for windowMs, then closes everything. Rejects on a socket error (the caller logs and goes on). */
export async function discoverPdlPrinters(o: MdnsBrowseOptions): Promise<DiscoveredPrinterInfo[]> {
  const found = new Map<string, DiscoveredPrinterInfo>();
  let failure: Error | null = null;
  const bonjour = new Bonjour(o.mdns as Partial<ServiceConfig> | undefined, (e: Error) => {
    failure ??= e;
  });
  const browser = bonjour.find({ type: PDL_SERVICE_TYPE, protocol: 'tcp' }, (service) => {
    const p = printerFromService(service as unknown as AnnouncedPrinter);
    if (p && !found.has(p.uri)) found.set(p.uri, p);
  });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, o.windowMs);
    const poll = setInterval(() => failure && done(), 50);
    function done(): void {
      clearTimeout(timer);
      clearInterval(poll);
      resolve();
    }
  });
  browser.stop();
  await new Promise<void>((resolve) => {
    try {
      bonjour.destroy(() => resolve());
    } catch {
      resolve();
    }
  });
  if (failure && found.size === 0) throw failure;
  return [...found.values()];
}
