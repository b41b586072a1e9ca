/**
 * Printer URIs (core/contract/printing.ts lists the forms) to addresses and back. Parsed by hand, not with URL: a
 * custom scheme gets WHATWG's opaque-host rules (no port check, case kept, "Invalid URL" for every fault), and the
 * clerk needs to be told exactly what is wrong. A bad URI is AppError PRINT_BAD_URI {uri, reason, value?}: the reason is a
 * key whose words are in the catalogue (printUri.reasons.*), so the Vietnamese message is Vietnamese throughout.
 *
 *   escpos+tcp://host[:port]            port default 9100; host a name, IPv4 or [IPv6]
 *   escpos+usb://VID:PID                hex, 1–4 digits each (04b8:0202)
 *   escpos+serial:///dev/ttyUSB0?baud=N a device path (absolute) or a Windows port (COM3); baud default 9600
 *   escpos+spooler://<Windows name>     RAW through the Windows spooler (the name may hold spaces and backslashes)
 *   system:<printer name>               CUPS queue (Linux, macOS) or Windows printer
 *   pdf:<folder>                        virtual printer; a relative folder is resolved from the working folder now,
 *                                       so a job retried later by another process still goes to the same place
 */
import path from 'node:path';
import { AppError } from '../../core/contract/errors';
import type { PrinterAddress } from './types';

export const DEFAULT_TCP_PORT = 9100;
export const DEFAULT_BAUD_RATE = 9600;
/** The rates serial receipt printers offer (DIP switches or utility); anything else is a typo. */
export const BAUD_RATES: readonly number[] = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400];

const SCHEMES = ['escpos+tcp://', 'escpos+usb://', 'escpos+serial://', 'escpos+spooler://', 'system:', 'pdf:'];

/** Why a URI is refused; each has a text in both languages under printUri.reasons (a test checks every one). */
export const URI_REASONS = [
  'empty', 'no_scheme', 'scheme', 'slashes', 'escape', 'repeated', 'control',
  'userinfo', 'tcp_params', 'tcp_path', 'host', 'hostname', 'ipv4', 'ipv6', 'ipv6_bracket', 'ipv6_trailing', 'ipv6_unbracketed', 'port_empty', 'port_number', 'port',
  'usb_id', 'usb_vendor', 'usb_product', 'usb_vendor_zero',
  'serial_missing', 'serial_fragment', 'serial_folder', 'serial_path', 'serial_param', 'baud_number', 'baud',
  'name_missing', 'name_long', 'system_slashes', 'pdf_folder', 'pdf_slashes',
] as const;
export type UriReason = (typeof URI_REASONS)[number];

/** The longest piece of the clerk's input a message repeats: enough to recognise it, not a wall of text. */
export const MAX_ECHO_CHARS = 80;

/** A piece of input as a message may quote it: control characters shown as "?", cut to MAX_ECHO_CHARS with "…". */
export function echo(s: string, max = MAX_ECHO_CHARS): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f]/g, '?');
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

function bad(uri: string, reason: UriReason, value?: string | number, extra: Record<string, string> = {}): AppError {
  return new AppError('PRINT_BAD_URI', { uri: echo(uri), reason, ...(value === undefined ? {} : { value: echo(String(value)) }), ...extra });
}

function hasControl(s: string): boolean {
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** %XX escapes decoded (a name may need %3F for "?"); a malformed escape is an error, not a literal. */
function decode(uri: string, s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw bad(uri, 'escape');
  }
}

/** "baud=19200" style query → map; repeated or unknown keys are refused by the caller. */
function parseQuery(uri: string, q: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of q.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(uri, eq < 0 ? part : part.slice(0, eq)).toLowerCase();
    const value = decode(uri, eq < 0 ? '' : part.slice(eq + 1));
    if (out.has(key)) throw bad(uri, 'repeated', key);
    out.set(key, value);
  }
  return out;
}

function parsePort(uri: string, s: string): number {
  if (!/^\d{1,5}$/.test(s)) throw bad(uri, 'port_number', s);
  const port = Number(s);
  if (port < 1 || port > 65535) throw bad(uri, 'port', port);
  return port;
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62})?(?:\.[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62})?)*\.?$/;

function parseTcp(uri: string, rest: string): PrinterAddress {
  if (rest.includes('@')) throw bad(uri, 'userinfo');
  const q = rest.search(/[?#]/);
  if (q >= 0) throw bad(uri, 'tcp_params', rest.slice(q));
  const authority = rest.replace(/\/$/, '');
  if (authority.includes('/')) throw bad(uri, 'tcp_path', authority.slice(authority.indexOf('/')));
  if (authority === '') throw bad(uri, 'host');
  let host: string;
  let portText: string | null = null;
  if (authority.startsWith('[')) {
    const end = authority.indexOf(']');
    if (end < 0) throw bad(uri, 'ipv6_bracket');
    host = authority.slice(1, end);
    const after = authority.slice(end + 1);
    if (after !== '' && !after.startsWith(':')) throw bad(uri, 'ipv6_trailing', after);
    if (after.startsWith(':')) portText = after.slice(1);
    if (!/^[0-9A-Fa-f:.]+$/.test(host) || !host.includes(':')) throw bad(uri, 'ipv6', host);
    host = host.toLowerCase();
  } else {
    const colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      if (authority.indexOf(':') !== colon) throw bad(uri, 'ipv6_unbracketed');
      host = authority.slice(0, colon);
      portText = authority.slice(colon + 1);
    } else host = authority;
    if (host === '') throw bad(uri, 'host');
    if (/^[\d.]+$/.test(host)) {
      const parts = host.split('.');
      if (parts.length !== 4 || parts.some((p) => p === '' || Number(p) > 255 || (p.length > 1 && p.startsWith('0')))) {
        throw bad(uri, 'ipv4', host);
      }
    } else if (!HOSTNAME.test(host)) throw bad(uri, 'hostname', host);
    host = host.toLowerCase().replace(/\.$/, '');
  }
  if (portText === '') throw bad(uri, 'port_empty');
  const port = portText === null ? DEFAULT_TCP_PORT : parsePort(uri, portText);
  return { kind: 'escpos', transport: 'tcp', host, port };
}

function parseUsb(uri: string, rest: string): PrinterAddress {
  const m = /^([^:/?#]*):([^:/?#]*)\/?$/.exec(rest);
  if (!m) throw bad(uri, 'usb_id');
  const hex = (s: string, reason: 'usb_vendor' | 'usb_product'): number => {
    const t = s.replace(/^0x/i, '');
    if (!/^[0-9A-Fa-f]{1,4}$/.test(t)) throw bad(uri, reason, s);
    return parseInt(t, 16);
  };
  const vendorId = hex(m[1]!, 'usb_vendor');
  const productId = hex(m[2]!, 'usb_product');
  if (vendorId === 0) throw bad(uri, 'usb_vendor_zero');
  return { kind: 'escpos', transport: 'usb', vendorId, productId };
}

function parseSerial(uri: string, rest: string): PrinterAddress {
  const q = rest.indexOf('?');
  const rawPath = q < 0 ? rest : rest.slice(0, q);
  if (rawPath.includes('#')) throw bad(uri, 'serial_fragment');
  const params = parseQuery(uri, q < 0 ? '' : rest.slice(q + 1).replace(/#.*$/, ''));
  const portPath = decode(uri, rawPath);
  if (portPath === '') throw bad(uri, 'serial_missing');
  if (hasControl(portPath)) throw bad(uri, 'control');
  let serialPath: string;
  if (portPath.startsWith('/')) {
    if (portPath.endsWith('/')) throw bad(uri, 'serial_folder', portPath);
    serialPath = portPath;
  } else if (/^COM\d{1,3}$/i.test(portPath)) serialPath = portPath.toUpperCase();
  else throw bad(uri, 'serial_path', portPath);
  for (const key of params.keys()) if (key !== 'baud') throw bad(uri, 'serial_param', key);
  const baudText = params.get('baud');
  let baudRate = DEFAULT_BAUD_RATE;
  if (baudText !== undefined) {
    if (!/^\d{1,7}$/.test(baudText)) throw bad(uri, 'baud_number', baudText);
    baudRate = Number(baudText);
    if (!BAUD_RATES.includes(baudRate)) throw bad(uri, 'baud', baudRate, { rates: BAUD_RATES.join(', ') });
  }
  return { kind: 'escpos', transport: 'serial', path: serialPath, baudRate };
}

/** A printer name as Windows or CUPS shows it: printable, trimmed, at most 256 characters. */
function printerName(uri: string, raw: string): string {
  const name = decode(uri, raw).trim();
  if (name === '') throw bad(uri, 'name_missing');
  if (hasControl(name)) throw bad(uri, 'control');
  if (name.length > 256) throw bad(uri, 'name_long');
  return name;
}

function parsePdf(uri: string, rest: string, cwd: string): PrinterAddress {
  const dir = rest.trim();
  if (dir === '') throw bad(uri, 'pdf_folder');
  if (hasControl(dir)) throw bad(uri, 'control');
  // "pdf://x" reads as a URL with a host; a folder is written pdf:/abs/path or pdf:relative/path.
  if (/^\/\/[^/]/.test(dir)) throw bad(uri, 'pdf_slashes');
  const windowsAbsolute = /^[A-Za-z]:[\\/]/.test(dir) || dir.startsWith('\\\\');
  const absolute = windowsAbsolute || path.isAbsolute(dir);
  return { kind: 'pdf', dir: absolute ? (windowsAbsolute ? dir : path.resolve(dir)) : path.resolve(cwd, dir) };
}

export interface ParseOptions {
  /** Where a relative pdf: folder starts (default process.cwd()). */
  cwd?: string;
}

/** Throws AppError PRINT_BAD_URI (input) naming what is wrong. */
export function parsePrinterUri(uri: string, opts: ParseOptions = {}): PrinterAddress {
  const text = uri.trim();
  if (text === '') throw bad(uri, 'empty');
  const lower = text.toLowerCase();
  const scheme = SCHEMES.find((s) => lower.startsWith(s));
  if (scheme === undefined) {
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
    if (!m) throw bad(uri, 'no_scheme');
    const s = m[1]!.toLowerCase();
    if (['escpos+tcp', 'escpos+usb', 'escpos+serial', 'escpos+spooler'].includes(s)) throw bad(uri, 'slashes', `${s}:`);
    throw bad(uri, 'scheme', `${s}:`);
  }
  const rest = text.slice(scheme.length);
  switch (scheme) {
    case 'escpos+tcp://':
      return parseTcp(uri, rest);
    case 'escpos+usb://':
      return parseUsb(uri, rest);
    case 'escpos+serial://':
      return parseSerial(uri, rest);
    case 'escpos+spooler://':
      return { kind: 'escpos', transport: 'spooler', name: printerName(uri, rest) };
    case 'system:': {
      if (rest.startsWith('//')) throw bad(uri, 'system_slashes');
      return { kind: 'system', name: printerName(uri, rest) };
    }
    default:
      return parsePdf(uri, rest, opts.cwd ?? process.cwd());
  }
}

/** Escapes what would otherwise end or change the part ("%", "?", "#"), nothing else: names stay readable. */
function escapePart(s: string): string {
  return s.replace(/[%?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** The canonical URI of an address; parsePrinterUri(formatPrinterUri(a)) equals a. */
export function formatPrinterUri(a: PrinterAddress): string {
  switch (a.kind) {
    case 'system':
      return `system:${escapePart(a.name)}`;
    case 'pdf':
      return `pdf:${a.dir}`;
    case 'escpos':
      switch (a.transport) {
        case 'tcp':
          return `escpos+tcp://${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`;
        case 'usb':
          return `escpos+usb://${hex4(a.vendorId)}:${hex4(a.productId)}`;
        case 'serial':
          return `escpos+serial://${escapePart(a.path)}?baud=${a.baudRate}`;
        case 'spooler':
          return `escpos+spooler://${escapePart(a.name)}`;
      }
  }
}
