/**
 * Opens a printer from its address (one transport folder each: tcp/, usb/, serial/, spooler/, system/, pdf-dir/), and
 * lists the printers the OS and the LAN can show: CUPS queues (Windows printers there), serial ports, USB
 * printer-class devices, ESC/POS-capable printers announcing `_pdl-datastream._tcp` by mDNS. A source that fails or
 * does not answer in time is skipped with a log line; the others still count. Details are data (a device URI, a
 * USB id, a serial number, an mDNS instance name), never prose: the screens word them through core/i18n.
 */
import type { Logger } from '../../core/platform/logger';
import { discoverPdlPrinters } from './discovery/mdns';
import { PdfDirPrinter } from './pdf-dir/pdf-dir-printer';
import { DEFAULT_BAUD_RATE, formatPrinterUri } from './printer-uri';
import { loadSerialport, SerialEscposPrinter, type SerialApi } from './serial/serial-printer';
import { SpoolerEscposPrinter } from './spooler/spooler-printer';
import { listCupsPrinters } from './system/cups-discovery';
import { SystemPrinter, type WindowsPrinting } from './system/system-printer';
import { TcpEscposPrinter } from './tcp/tcp-printer';
import { isPrinterDevice, loadUsb, UsbEscposPrinter, type UsbApi } from './usb/usb-printer';
import type { DiscoveredPrinterInfo, Printer, PrinterAddress } from './types';

export function openPrinter(address: PrinterAddress): Printer {
  switch (address.kind) {
    case 'system':
      return new SystemPrinter(address);
    case 'pdf':
      return new PdfDirPrinter(address);
    case 'escpos':
      switch (address.transport) {
        case 'tcp':
          return new TcpEscposPrinter(address);
        case 'usb':
          return new UsbEscposPrinter(address);
        case 'serial':
          return new SerialEscposPrinter(address);
        case 'spooler':
          return new SpoolerEscposPrinter(address);
      }
  }
}

export type DiscoverySource = 'system' | 'serial' | 'usb' | 'mdns';

export interface DiscoverOptions {
  timeoutMs: number;
  /** Where a skipped source is reported (default: console.warn). */
  log?: Pick<Logger, 'warn'>;
  /** Which sources to ask (default all). */
  sources?: readonly DiscoverySource[];
  platform?: NodeJS.Platform;
  /** Stand-ins and options for tests. */
  lpstat?: string;
  serial?: () => Promise<SerialApi>;
  usb?: () => Promise<UsbApi>;
  windows?: () => Promise<WindowsPrinting>;
  mdns?: Record<string, unknown>;
}

const consoleLog: Pick<Logger, 'warn'> = { warn: (msg, fields) => console.warn(msg, fields ?? '') };

async function windowsPrinters(load: () => Promise<WindowsPrinting>): Promise<DiscoveredPrinterInfo[]> {
  const printers = await (await load()).getPrinters();
  // A Windows printer takes PDFs (system:) and, when it is a receipt printer on its vendor's driver, raw ESC/POS.
  return printers.flatMap((p) => [
    { uri: formatPrinterUri({ kind: 'system', name: p.name }), name: p.name, transport: 'system' as const, detail: null },
    { uri: formatPrinterUri({ kind: 'escpos', transport: 'spooler', name: p.name }), name: p.name, transport: 'spooler' as const, detail: null },
  ]);
}

async function serialPorts(load: () => Promise<SerialApi>): Promise<DiscoveredPrinterInfo[]> {
  const ports = await (await load()).list();
  return ports.map((p) => ({
    uri: formatPrinterUri({ kind: 'escpos', transport: 'serial', path: p.path, baudRate: DEFAULT_BAUD_RATE }),
    name: [p.manufacturer, p.path].filter(Boolean).join(' — '),
    transport: 'serial' as const,
    detail: p.vendorId && p.productId ? `${p.vendorId}:${p.productId}`.toLowerCase() : null,
  }));
}

async function usbPrinters(load: () => Promise<UsbApi>): Promise<DiscoveredPrinterInfo[]> {
  const devices = await (await load()).getDevices();
  return devices.filter(isPrinterDevice).map((d) => {
    const uri = formatPrinterUri({ kind: 'escpos', transport: 'usb', vendorId: d.vendorId, productId: d.productId });
    const name = [d.manufacturerName, d.productName].filter(Boolean).join(' ') || uri;
    return { uri, name, transport: 'usb' as const, detail: d.serialNumber ?? null };
  });
}

/** Every source at once, each bounded by timeoutMs; the answer comes within timeoutMs (plus a moment to close). */
export async function discoverPrinters(o: DiscoverOptions): Promise<DiscoveredPrinterInfo[]> {
  const log = o.log ?? consoleLog;
  const platform = o.platform ?? process.platform;
  const wanted = new Set<DiscoverySource>(o.sources ?? ['system', 'serial', 'usb', 'mdns']);
  const timeoutMs = Math.max(100, o.timeoutMs);
  const tasks: Array<[DiscoverySource, () => Promise<DiscoveredPrinterInfo[]>]> = [];
  if (wanted.has('system')) {
    tasks.push(['system', () => (platform === 'win32' ? windowsPrinters(o.windows ?? (async () => (await import('pdf-to-printer')) as unknown as WindowsPrinting)) : listCupsPrinters({ timeoutMs, lpstat: o.lpstat }))]);
  }
  if (wanted.has('serial')) tasks.push(['serial', () => serialPorts(o.serial ?? loadSerialport)]);
  if (wanted.has('usb')) tasks.push(['usb', () => usbPrinters(o.usb ?? loadUsb)]);
  // The browse ends a little before the bound so its sockets are closed in time.
  if (wanted.has('mdns')) tasks.push(['mdns', () => discoverPdlPrinters({ windowMs: Math.max(50, timeoutMs - 150), mdns: o.mdns })]);

  const results = await Promise.all(
    tasks.map(async ([source, run]) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        return await Promise.race([
          run(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
      } catch (e) {
        log.warn('printer discovery: source skipped', { source, error: (e as Error).message });
        return [];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const byUri = new Map<string, DiscoveredPrinterInfo>();
  for (const p of results.flat()) if (!byUri.has(p.uri)) byUri.set(p.uri, p);
  return [...byUri.values()];
}
