import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import { BAUD_RATES, URI_REASONS, echo, formatPrinterUri, parsePrinterUri, type UriReason } from '../../../native/printers/printer-uri';
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

/** [uri, the reason key, the part of the input the message quotes (absent: none)] */
const badUris: Array<[string, UriReason, string?]> = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['192.168.1.50:9100', 'no_scheme'],
  ['printer', 'no_scheme'],
  ['ipp://printer/ipp/print', 'scheme', 'ipp:'],
  ['escpos+bluetooth://00:11:22', 'scheme', 'escpos+bluetooth:'],
  ['escpos+tcp:192.168.1.50', 'slashes', 'escpos+tcp:'],
  ['escpos+tcp://', 'host'],
  ['escpos+tcp://:9100', 'host'],
  ['escpos+tcp://host:', 'port_empty'],
  ['escpos+tcp://host:0', 'port', '0'],
  ['escpos+tcp://host:70000', 'port', '70000'],
  ['escpos+tcp://host:91a0', 'port_number', '91a0'],
  ['escpos+tcp://host:-1', 'port_number', '-1'],
  ['escpos+tcp://256.1.1.1', 'ipv4', '256.1.1.1'],
  ['escpos+tcp://10.0.0', 'ipv4', '10.0.0'],
  ['escpos+tcp://bad host', 'hostname', 'bad host'],
  ['escpos+tcp://fd00::5', 'ipv6_unbracketed'],
  ['escpos+tcp://[fd00::5', 'ipv6_bracket'],
  ['escpos+tcp://[fd00::5]x', 'ipv6_trailing', 'x'],
  ['escpos+tcp://[zz::1]:9100', 'ipv6', 'zz::1'],
  ['escpos+tcp://user@host', 'userinfo'],
  ['escpos+tcp://host:9100/queue', 'tcp_path', '/queue'],
  ['escpos+tcp://host:9100?timeout=5', 'tcp_params', '?timeout=5'],
  ['escpos+usb://04b8', 'usb_id'],
  ['escpos+usb://04b8:0202:1', 'usb_id'],
  ['escpos+usb://04g8:0202', 'usb_vendor', '04g8'],
  ['escpos+usb://04b8:12345', 'usb_product', '12345'],
  ['escpos+usb://04b8:', 'usb_product', ''],
  ['escpos+usb://0000:0202', 'usb_vendor_zero'],
  ['escpos+serial://', 'serial_missing'],
  ['escpos+serial://?baud=9600', 'serial_missing'],
  ['escpos+serial:///dev/tty#1', 'serial_fragment'],
  ['escpos+serial://dev/ttyUSB0', 'serial_path', 'dev/ttyUSB0'],
  ['escpos+serial://COM?baud=9600', 'serial_path', 'COM'],
  ['escpos+serial:///dev/ttyUSB0?baud=12345', 'baud', '12345'],
  ['escpos+serial:///dev/ttyUSB0?baud=fast', 'baud_number', 'fast'],
  ['escpos+serial:///dev/ttyUSB0?baud=9600&parity=even', 'serial_param', 'parity'],
  ['escpos+serial:///dev/ttyUSB0?baud=9600&baud=19200', 'repeated', 'baud'],
  ['escpos+serial:///dev/%E0%A4%A', 'escape'],
  ['escpos+serial:///dev/', 'serial_folder', '/dev/'],
  ['escpos+serial:///dev/tty%07', 'control'],
  ['escpos+spooler://', 'name_missing'],
  ['escpos+spooler://a\u0007b', 'control'],
  ['escpos+spooler://50% off', 'escape'],
  ['system:', 'name_missing'],
  ['system:   ', 'name_missing'],
  ['system://HP', 'system_slashes'],
  [`system:${'x'.repeat(300)}`, 'name_long'],
  ['pdf:', 'pdf_folder'],
  ['pdf:/tmp/a\u0001b', 'control'],
  ['pdf://server/share', 'pdf_slashes'],
];

describe('printer URIs that do not parse', () => {
  it.each(badUris)('%j → PRINT_BAD_URI (%s %s)', (uri, reason, value) => {
    let err: unknown = null;
    try {
      parsePrinterUri(uri, { cwd });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('PRINT_BAD_URI');
    expect((err as AppError).params).toEqual({ uri: echo(uri), reason, ...(value === undefined ? {} : { value }), ...(reason === 'baud' ? { rates: BAUD_RATES.join(', ') } : {}) });
  });

  it('every reason is reached by some URI above', () => {
    expect(new Set(badUris.map(([, r]) => r))).toEqual(new Set(URI_REASONS));
  });
});
