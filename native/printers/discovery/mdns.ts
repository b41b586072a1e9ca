/**
 * Network printers that take raw print data on a TCP port announce `_pdl-datastream._tcp` by mDNS/DNS-SD (Bonjour
 * Printing Specification §9: the "JetDirect"/AppSocket port, 9100 as a rule). Browsed with bonjour-service for a
 * bounded window by native/mdns/browse.ts (shared with eSCL discovery), then every socket is closed. Such a printer may
 * be an office laser as well as a receipt printer: the make and model (TXT `ty`) is shown for the clerk to judge.
 */
import { browseMdns, reachableHost, txtValue, type AnnouncedService } from '../../mdns/browse';
import { formatPrinterUri } from '../printer-uri';
import type { DiscoveredPrinterInfo } from '../types';

export const PDL_SERVICE_TYPE = 'pdl-datastream';

export type AnnouncedPrinter = AnnouncedService;

/** The printer an announcement describes, or null when it cannot make an escpos+tcp URI. */
export function printerFromService(s: AnnouncedPrinter): DiscoveredPrinterInfo | null {
  if (s.type.replace(/^_/, '').toLowerCase() !== PDL_SERVICE_TYPE) return null;
  if (!Number.isInteger(s.port) || s.port <= 0 || s.port > 65535) return null;
  const host = reachableHost(s);
  if (!host) return null;
  const model = txtValue(s.txt, 'ty')?.trim() || txtValue(s.txt, 'product')?.trim().replace(/^\((.*)\)$/, '$1');
  return {
    uri: formatPrinterUri({ kind: 'escpos', transport: 'tcp', host: host.toLowerCase(), port: s.port }),
    name: model || s.name,
    transport: 'tcp',
    detail: model && model !== s.name ? s.name : null,
  };
}

export interface PdlBrowseOptions {
  windowMs: number;
  /** multicast-dns options (interface, port, loopback …): tests keep to loopback on a private port. */
  mdns?: Record<string, unknown>;
}

/** Browses for windowMs, then closes everything. Rejects on a socket error that found nothing (the caller logs and goes on). */
export async function discoverPdlPrinters(o: PdlBrowseOptions): Promise<DiscoveredPrinterInfo[]> {
  const { found, failure } = await browseMdns({ types: [PDL_SERVICE_TYPE], windowMs: o.windowMs, mdns: o.mdns }, printerFromService, (p) => p.uri);
  if (failure && found.length === 0) throw failure;
  return found;
}
