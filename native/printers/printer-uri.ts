/**
 * Printer URIs (core/contract/printing.ts lists the forms) to addresses and back. Parsed by hand, not with URL: a
 * custom scheme gets WHATWG's opaque-host rules (no port check, case kept, "Invalid URL" for every fault), and the
 * clerk needs to be told exactly what is wrong. A bad URI is AppError PRINT_BAD_URI {uri, detail}.
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

function bad(uri: string, detail: string): AppError {
  return new AppError('PRINT_BAD_URI', { uri, detail });
}

function hasControl(s: string): boolean {
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** %XX escapes decoded (a name may need %3F for "?"); a malformed escape is an error, not a literal. */
function decode(uri: string, s: string, what: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw bad(uri, `malformed %-escape in the ${what}`);
  }
}

/** "baud=19200" style query → map; repeated or unknown keys are refused by the caller. */
function parseQuery(uri: string, q: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of q.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(uri, eq < 0 ? part : part.slice(0, eq), 'query').toLowerCase();
    const value = decode(uri, eq < 0 ? '' : part.slice(eq + 1), 'query');
    if (out.has(key)) throw bad(uri, `parameter "${key}" is given twice`);
    out.set(key, value);
  }
  return out;
}

function parsePort(uri: string, s: string): number {
  if (!/^\d{1,5}$/.test(s)) throw bad(uri, `port "${s}" is not a number`);
  const port = Number(s);
  if (port < 1 || port > 65535) throw bad(uri, `port ${port} is out of range 1–65535`);
  return port;
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62})?(?:\.[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62})?)*\.?$/;

function parseTcp(uri: string, rest: string): PrinterAddress {
  if (rest.includes('@')) throw bad(uri, 'a printer address takes no user name or password');
  const q = rest.search(/[?#]/);
  if (q >= 0) throw bad(uri, `unexpected "${rest.slice(q)}" (a TCP printer takes no parameters)`);
  const authority = rest.replace(/\/$/, '');
  if (authority.includes('/')) throw bad(uri, `unexpected path "${authority.slice(authority.indexOf('/'))}" after the host`);
  if (authority === '') throw bad(uri, 'missing host');
  let host: string;
  let portText: string | null = null;
  if (authority.startsWith('[')) {
    const end = authority.indexOf(']');
    if (end < 0) throw bad(uri, 'IPv6 address without its closing "]"');
    host = authority.slice(1, end);
    const after = authority.slice(end + 1);
    if (after !== '' && !after.startsWith(':')) throw bad(uri, `unexpected "${after}" after the IPv6 address`);
    if (after.startsWith(':')) portText = after.slice(1);
    if (!/^[0-9A-Fa-f:.]+$/.test(host) || !host.includes(':')) throw bad(uri, `"${host}" is not an IPv6 address`);
    host = host.toLowerCase();
  } else {
    const colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      if (authority.indexOf(':') !== colon) throw bad(uri, 'an IPv6 address must be written in brackets: escpos+tcp://[fd00::5]:9100');
      host = authority.slice(0, colon);
      portText = authority.slice(colon + 1);
    } else host = authority;
    if (host === '') throw bad(uri, 'missing host');
    if (/^[\d.]+$/.test(host)) {
      const parts = host.split('.');
      if (parts.length !== 4 || parts.some((p) => p === '' || Number(p) > 255 || (p.length > 1 && p.startsWith('0')))) {
        throw bad(uri, `"${host}" is not an IPv4 address`);
      }
    } else if (!HOSTNAME.test(host)) throw bad(uri, `"${host}" is not a host name`);
    host = host.toLowerCase().replace(/\.$/, '');
  }
  if (portText === '') throw bad(uri, 'empty port after ":"');
  const port = portText === null ? DEFAULT_TCP_PORT : parsePort(uri, portText);
  return { kind: 'escpos', transport: 'tcp', host, port };
}

function parseUsb(uri: string, rest: string): PrinterAddress {
  const m = /^([^:/?#]*):([^:/?#]*)\/?$/.exec(rest);
  if (!m) throw bad(uri, 'expected VID:PID in hex, e.g. escpos+usb://04b8:0202');
  const hex = (s: string, what: string): number => {
    const t = s.replace(/^0x/i, '');
    if (!/^[0-9A-Fa-f]{1,4}$/.test(t)) throw bad(uri, `${what} "${s}" is not a 16-bit hex id (1–4 hex digits)`);
    return parseInt(t, 16);
  };
  const vendorId = hex(m[1]!, 'vendor id');
  const productId = hex(m[2]!, 'product id');
  if (vendorId === 0) throw bad(uri, 'vendor id 0000 names no device');
  return { kind: 'escpos', transport: 'usb', vendorId, productId };
}

function parseSerial(uri: string, rest: string): PrinterAddress {
  const q = rest.indexOf('?');
  const rawPath = q < 0 ? rest : rest.slice(0, q);
  if (rawPath.includes('#')) throw bad(uri, 'unexpected "#" in the port');
  const params = parseQuery(uri, q < 0 ? '' : rest.slice(q + 1).replace(/#.*$/, ''));
  const portPath = decode(uri, rawPath, 'port');
  if (portPath === '') throw bad(uri, 'missing port: escpos+serial:///dev/ttyUSB0 or escpos+serial://COM3');
  if (hasControl(portPath)) throw bad(uri, 'control characters in the port');
  let serialPath: string;
  if (portPath.startsWith('/')) {
    if (portPath.endsWith('/')) throw bad(uri, `"${portPath}" is a folder, not a device`);
    serialPath = portPath;
  } else if (/^COM\d{1,3}$/i.test(portPath)) serialPath = portPath.toUpperCase();
  else throw bad(uri, `"${portPath}" is neither an absolute device path (/dev/ttyUSB0, three slashes) nor a Windows port (COM3)`);
  for (const key of params.keys()) if (key !== 'baud') throw bad(uri, `unknown parameter "${key}" (only baud)`);
  const baudText = params.get('baud');
  let baudRate = DEFAULT_BAUD_RATE;
  if (baudText !== undefined) {
    if (!/^\d{1,7}$/.test(baudText)) throw bad(uri, `baud "${baudText}" is not a number`);
    baudRate = Number(baudText);
    if (!BAUD_RATES.includes(baudRate)) throw bad(uri, `baud ${baudRate} is not a standard rate (${BAUD_RATES.join(', ')})`);
  }
  return { kind: 'escpos', transport: 'serial', path: serialPath, baudRate };
}

/** A printer name as Windows or CUPS shows it: printable, trimmed, at most 256 characters. */
function printerName(uri: string, raw: string, what: string): string {
  const name = decode(uri, raw, what).trim();
  if (name === '') throw bad(uri, `missing ${what}`);
  if (hasControl(name)) throw bad(uri, `control characters in the ${what}`);
  if (name.length > 256) throw bad(uri, `${what} is longer than 256 characters`);
  return name;
}

function parsePdf(uri: string, rest: string, cwd: string): PrinterAddress {
  const dir = rest.trim();
  if (dir === '') throw bad(uri, 'missing folder after "pdf:" (an absolute folder, or one relative to the working folder)');
  if (hasControl(dir)) throw bad(uri, 'control characters in the folder');
  // "pdf://x" reads as a URL with a host; a folder is written pdf:/abs/path or pdf:relative/path.
  if (/^\/\/[^/]/.test(dir)) throw bad(uri, 'write the folder without "//": pdf:/absolute/folder or pdf:folder (relative to the working folder)');
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
  if (text === '') throw bad(uri, 'empty address');
  const lower = text.toLowerCase();
  const scheme = SCHEMES.find((s) => lower.startsWith(s));
  if (scheme === undefined) {
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
    if (!m) throw bad(uri, 'no scheme (escpos+tcp://, escpos+usb://, escpos+serial://, escpos+spooler://, system:, pdf:)');
    const s = m[1]!.toLowerCase();
    if (['escpos+tcp', 'escpos+usb', 'escpos+serial', 'escpos+spooler'].includes(s)) throw bad(uri, `"${s}:" must be followed by "//"`);
    throw bad(uri, `unknown scheme "${s}:"`);
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
      return { kind: 'escpos', transport: 'spooler', name: printerName(uri, rest, 'Windows printer name') };
    case 'system:': {
      if (rest.startsWith('//')) throw bad(uri, 'write the printer name without "//": system:NAME');
      return { kind: 'system', name: printerName(uri, rest, 'printer name') };
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
