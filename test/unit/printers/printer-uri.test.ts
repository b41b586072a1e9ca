import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { formatPrinterUri, parsePrinterUri } from '../../../native/printers/printer-uri';
import type { PrinterAddress } from '../../../native/printers/types';

const cwd = path.resolve('/srv/motcua');

const good: Array<[string, PrinterAddress, string]> = [
  ['escpos+tcp://192.168.1.50:9100', { kind: 'escpos', transport: 'tcp', host: '192.168.1.50', port: 9100 }, 'escpos+tcp://192.168.1.50:9100'],
  ['escpos+tcp://192.168.1.50', { kind: 'escpos', transport: 'tcp', host: '192.168.1.50', port: 9100 }, 'escpos+tcp://192.168.1.50:9100'],
  ['ESCPOS+TCP://Printer-1.Local:9101/', { kind: 'escpos', transport: 'tcp', host: 'printer-1.local', port: 9101 }, 'escpos+tcp://printer-1.local:9101'],
  ['escpos+tcp://[FD00::5]:9100', { kind: 'escpos', transport: 'tcp', host: 'fd00::5', port: 9100 }, 'escpos+tcp://[fd00::5]:9100'],
  ['escpos+tcp://[::1]', { kind: 'escpos', transport: 'tcp', host: '::1', port: 9100 }, 'escpos+tcp://[::1]:9100'],
  ['escpos+usb://04b8:0202', { kind: 'escpos', transport: 'usb', vendorId: 0x04b8, productId: 0x0202 }, 'escpos+usb://04b8:0202'],
  ['escpos+usb://0x0416:5011', { kind: 'escpos', transport: 'usb', vendorId: 0x0416, productId: 0x5011 }, 'escpos+usb://0416:5011'],
  ['escpos+usb://1FC9:1', { kind: 'escpos', transport: 'usb', vendorId: 0x1fc9, productId: 1 }, 'escpos+usb://1fc9:0001'],
  ['escpos+serial:///dev/ttyUSB0?baud=19200', { kind: 'escpos', transport: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 }, 'escpos+serial:///dev/ttyUSB0?baud=19200'],
  ['escpos+serial:///dev/ttyS1', { kind: 'escpos', transport: 'serial', path: '/dev/ttyS1', baudRate: 9600 }, 'escpos+serial:///dev/ttyS1?baud=9600'],
  ['escpos+serial://COM3?baud=9600', { kind: 'escpos', transport: 'serial', path: 'COM3', baudRate: 9600 }, 'escpos+serial://COM3?baud=9600'],
  ['escpos+serial://com12?baud=115200', { kind: 'escpos', transport: 'serial', path: 'COM12', baudRate: 115200 }, 'escpos+serial://COM12?baud=115200'],
  [
    'escpos+serial:///dev/serial/by-id/usb-Prolific_PL2303-if00-port0?baud=38400',
    { kind: 'escpos', transport: 'serial', path: '/dev/serial/by-id/usb-Prolific_PL2303-if00-port0', baudRate: 38400 },
    'escpos+serial:///dev/serial/by-id/usb-Prolific_PL2303-if00-port0?baud=38400',
  ],
  ['escpos+spooler://EPSON TM-T82III Receipt', { kind: 'escpos', transport: 'spooler', name: 'EPSON TM-T82III Receipt' }, 'escpos+spooler://EPSON TM-T82III Receipt'],
  ['escpos+spooler://\\\\server\\Quầy 3', { kind: 'escpos', transport: 'spooler', name: '\\\\server\\Quầy 3' }, 'escpos+spooler://\\\\server\\Quầy 3'],
  ['escpos+spooler://Receipt%3F 50%25', { kind: 'escpos', transport: 'spooler', name: 'Receipt? 50%' }, 'escpos+spooler://Receipt%3F 50%25'],
  ['system:HP_LaserJet_M404', { kind: 'system', name: 'HP_LaserJet_M404' }, 'system:HP_LaserJet_M404'],
  ['system:Máy in A4 tầng 1', { kind: 'system', name: 'Máy in A4 tầng 1' }, 'system:Máy in A4 tầng 1'],
  ['pdf:/var/motcua/prints', { kind: 'pdf', dir: path.resolve('/var/motcua/prints') }, `pdf:${path.resolve('/var/motcua/prints')}`],
  ['pdf:prints/demo', { kind: 'pdf', dir: path.join(cwd, 'prints/demo') }, `pdf:${path.join(cwd, 'prints/demo')}`],
  ['  pdf:./out  ', { kind: 'pdf', dir: path.join(cwd, 'out') }, `pdf:${path.join(cwd, 'out')}`],
];

describe('printer URIs that parse', () => {
  it.each(good)('%s', (uri, address, canonical) => {
    expect(parsePrinterUri(uri, { cwd })).toEqual(address);
    expect(formatPrinterUri(address)).toBe(canonical);
    // The canonical form reads back to the same address.
    expect(parsePrinterUri(canonical, { cwd })).toEqual(address);
  });
});

/** [uri, a fragment the detail must contain] */
const badUris: Array<[string, string]> = [
  ['', 'empty address'],
  ['   ', 'empty address'],
  ['192.168.1.50:9100', 'no scheme'],
  ['printer', 'no scheme'],
  ['ipp://printer/ipp/print', 'unknown scheme "ipp:"'],
  ['escpos+bluetooth://00:11:22', 'unknown scheme "escpos+bluetooth:"'],
  ['escpos+tcp:192.168.1.50', 'must be followed by "//"'],
  ['escpos+tcp://', 'missing host'],
  ['escpos+tcp://:9100', 'missing host'],
  ['escpos+tcp://host:', 'empty port'],
  ['escpos+tcp://host:0', 'port 0 is out of range'],
  ['escpos+tcp://host:70000', 'port 70000 is out of range 1–65535'],
  ['escpos+tcp://host:91a0', 'port "91a0" is not a number'],
  ['escpos+tcp://host:-1', 'port "-1" is not a number'],
  ['escpos+tcp://256.1.1.1', '"256.1.1.1" is not an IPv4 address'],
  ['escpos+tcp://10.0.0', '"10.0.0" is not an IPv4 address'],
  ['escpos+tcp://bad host', '"bad host" is not a host name'],
  ['escpos+tcp://fd00::5', 'IPv6 address must be written in brackets'],
  ['escpos+tcp://[fd00::5', 'without its closing "]"'],
  ['escpos+tcp://[zz::1]:9100', 'is not an IPv6 address'],
  ['escpos+tcp://user@host', 'no user name or password'],
  ['escpos+tcp://host:9100/queue', 'unexpected path "/queue"'],
  ['escpos+tcp://host:9100?timeout=5', 'takes no parameters'],
  ['escpos+usb://04b8', 'expected VID:PID'],
  ['escpos+usb://04b8:0202:1', 'expected VID:PID'],
  ['escpos+usb://04g8:0202', 'vendor id "04g8" is not a 16-bit hex id'],
  ['escpos+usb://04b8:12345', 'product id "12345" is not a 16-bit hex id'],
  ['escpos+usb://04b8:', 'product id "" is not a 16-bit hex id'],
  ['escpos+usb://0000:0202', 'vendor id 0000 names no device'],
  ['escpos+serial://', 'missing port'],
  ['escpos+serial://?baud=9600', 'missing port'],
  ['escpos+serial://dev/ttyUSB0', 'neither an absolute device path'],
  ['escpos+serial://COM?baud=9600', 'neither an absolute device path'],
  ['escpos+serial:///dev/ttyUSB0?baud=12345', 'baud 12345 is not a standard rate'],
  ['escpos+serial:///dev/ttyUSB0?baud=fast', 'baud "fast" is not a number'],
  ['escpos+serial:///dev/ttyUSB0?baud=9600&parity=even', 'unknown parameter "parity"'],
  ['escpos+serial:///dev/ttyUSB0?baud=9600&baud=19200', 'parameter "baud" is given twice'],
  ['escpos+serial:///dev/%E0%A4%A', 'malformed %-escape in the port'],
  ['escpos+serial:///dev/', 'is a folder, not a device'],
  ['escpos+spooler://', 'missing Windows printer name'],
  ['escpos+spooler://a\u0007b', 'control characters'],
  ['escpos+spooler://50% off', 'malformed %-escape'],
  ['system:', 'missing printer name'],
  ['system:   ', 'missing printer name'],
  ['system://HP', 'without "//"'],
  [`system:${'x'.repeat(300)}`, 'longer than 256 characters'],
  ['pdf:', 'missing folder after "pdf:" (an absolute folder, or one relative to the working folder)'],
  ['pdf://server/share', 'relative to the working folder'],
];

describe('printer URIs that do not parse', () => {
  it.each(badUris)('%j → PRINT_BAD_URI (%s)', (uri, detail) => {
    let err: unknown = null;
    try {
      parsePrinterUri(uri, { cwd });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('PRINT_BAD_URI');
    expect((err as AppError).params.uri).toBe(uri);
    expect(String((err as AppError).params.detail)).toContain(detail);
  });
});
