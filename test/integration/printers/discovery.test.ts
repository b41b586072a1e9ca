/**
 * Printer discovery: the CUPS test queue listed as system:<queue>; an ESC/POS printer announced by mDNS
 * (`_pdl-datastream._tcp`, published by bonjour-service on loopback and a private port, as the eSCL discovery test
 * does: nothing leaves this machine); serial and USB sources through stand-ins (this machine has no such devices),
 * and a source that fails or never answers skipped with a log line while the others still count.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { discoverPrinters, openPrinter } from '../../../native/printers/index';
import { parsePrinterUri } from '../../../native/printers/printer-uri';
import type { UsbDeviceLike } from '../../../native/printers/usb/usb-printer';
import { ensureCupsQueue, removeCupsQueue } from '../../helpers/cups';
import { loopbackMdns } from '../../helpers/mdns-loopback';

const net = await loopbackMdns();
const { mdns } = net;
const queue = `motcua-disc-${process.pid}`;
const cups = await ensureCupsQueue(queue);

function recorder(): { warn: (msg: string, fields?: Record<string, unknown>) => void; skipped: () => string[] } {
  const lines: Array<Record<string, unknown> | undefined> = [];
  return { warn: (_m, f) => lines.push(f), skipped: () => lines.map((f) => String(f?.source)) };
}

const epsonUsb: UsbDeviceLike = {
  vendorId: 0x04b8,
  productId: 0x0202,
  manufacturerName: 'EPSON',
  productName: 'TM-T82III',
  serialNumber: 'X5E1234',
  configurations: [{ configurationValue: 1, interfaces: [{ interfaceNumber: 0, alternate: { interfaceClass: 7, endpoints: [] } }] }],
} as unknown as UsbDeviceLike;
const keyboardUsb = { ...epsonUsb, vendorId: 0x046d, productId: 0xc31c, configurations: [{ configurationValue: 1, interfaces: [{ interfaceNumber: 0, alternate: { interfaceClass: 3, endpoints: [] } }] }] } as unknown as UsbDeviceLike;

describe('openPrinter', () => {
  it('opens each kind of address with its transport', () => {
    const kinds = ['escpos+tcp://10.0.0.5', 'escpos+usb://04b8:0202', 'escpos+serial://COM3', 'escpos+spooler://Receipt', 'system:Office', 'pdf:/tmp/x'].map((u) => {
      const p = openPrinter(parsePrinterUri(u));
      return `${p.kind}:${p.constructor.name}`;
    });
    expect(kinds).toEqual(['escpos:TcpEscposPrinter', 'escpos:UsbEscposPrinter', 'escpos:SerialEscposPrinter', 'escpos:SpoolerEscposPrinter', 'document:SystemPrinter', 'document:PdfDirPrinter']);
  });
});

describe('discoverPrinters', () => {
  afterAll(() => {
    if (!cups.skip) removeCupsQueue(queue);
  });

  it.skipIf(cups.skip)('lists the CUPS test queue as a system: printer', async () => {
    const log = recorder();
    const found = await discoverPrinters({ timeoutMs: 5000, sources: ['system'], log });
    expect(found).toContainEqual({ uri: `system:${queue}`, name: queue, transport: 'system', detail: 'cups-pdf:/' });
    expect(log.skipped()).toEqual([]);
  });

  it('lists USB printer-class devices and serial ports; a failing source and a silent one are skipped with a log', async () => {
    const log = recorder();
    const found = await discoverPrinters({
      timeoutMs: 800,
      sources: ['system', 'serial', 'usb'],
      lpstat: 'motcua-no-such-lpstat', // CUPS client missing: skipped
      usb: async () => ({ findDeviceByIds: async () => undefined, getDevices: async () => [epsonUsb, keyboardUsb] }),
      serial: async () => ({ open: () => null as never, list: async () => [{ path: '/dev/ttyUSB0', manufacturer: 'Prolific', vendorId: '067b', productId: '2303' }] }),
      log,
    });
    expect(found).toEqual([
      { uri: 'escpos+serial:///dev/ttyUSB0?baud=9600', name: 'Prolific — /dev/ttyUSB0', transport: 'serial', detail: '067b:2303' },
      { uri: 'escpos+usb://04b8:0202', name: 'EPSON TM-T82III', transport: 'usb', detail: 'X5E1234' },
    ]);
    expect(log.skipped()).toEqual(['system']);

    const hung = recorder();
    const partial = await discoverPrinters({
      timeoutMs: 300,
      sources: ['serial', 'usb'],
      usb: () => new Promise<never>(() => undefined),
      serial: async () => ({ open: () => null as never, list: async () => [{ path: 'COM3' }] }),
      log: hung,
    });
    expect(partial.map((p) => p.uri)).toEqual(['escpos+serial://COM3?baud=9600']);
    expect(hung.skipped()).toEqual(['usb']);
  });

  it.skipIf(!net.multicast.ok)('finds an ESC/POS printer announcing _pdl-datastream._tcp by mDNS (loopback only)', async () => {
    try {
      await net.publish({ name: 'Quay 3 Receipt', type: 'pdl-datastream', port: 9100, txt: { ty: 'EPSON TM-T82III' } });
      const log = recorder();
      const found = await discoverPrinters({ timeoutMs: 2000, sources: ['mdns'], mdns, log });
      const p = found.find((f) => f.name === 'EPSON TM-T82III');
      expect(p).toMatchObject({ transport: 'tcp', detail: 'Quay 3 Receipt' });
      expect(p!.uri).toMatch(/^escpos\+tcp:\/\/[^/]+:9100$/);
      expect(parsePrinterUri(p!.uri)).toMatchObject({ kind: 'escpos', transport: 'tcp', port: 9100 });
      expect(log.skipped()).toEqual([]);
    } finally {
      await net.closeAll();
    }
  });
});
