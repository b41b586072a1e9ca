/**
 * ESC/POS over a serial port (RS-232, or the virtual COM port of a USB-serial printer) with the `serialport` package,
 * imported when first used so a machine whose native binding fails still starts. Two-way: status replies come back
 * on the same port. A write resolves once the OS has taken the bytes (write callback, counted) and sent them
 * (drain = tcdrain): at 9600 baud a 40 KB raster takes ~40 s, so callers size the write timeout from the baud rate.
 * The port is opened exclusively (lock), so two jobs never interleave on one printer.
 */
import { StreamLink } from '../stream-link';
import { hangUpAwareBinding } from './hangup-aware-binding';
import { PrinterLinkError, type EscposLink, type EscposPrinter, type LinkFailure } from '../types';
import type { Duplex } from 'node:stream';
import type * as SerialportModule from 'serialport';

export type SerialAddress = { kind: 'escpos'; transport: 'serial'; path: string; baudRate: number };

/** The part of serialport's SerialPort used here. */
export interface SerialPortLike extends Duplex {
  open(cb: (err: Error | null) => void): void;
  drain(cb: (err: Error | null) => void): void;
  close(cb?: (err: Error | null) => void): void;
  readonly isOpen: boolean;
}

export interface SerialApi {
  open(o: { path: string; baudRate: number }): SerialPortLike;
  list(): Promise<Array<{ path: string; manufacturer?: string; vendorId?: string; productId?: string; pnpId?: string }>>;
}

/** serialport behind SerialApi, imported on first use; a failure to load is 'unsupported'. */
export async function loadSerialport(): Promise<SerialApi> {
  let mod: typeof SerialportModule;
  try {
    mod = await import('serialport');
  } catch (e) {
    throw new PrinterLinkError('unsupported', 0, `serial ports are unavailable here (serialport did not load: ${(e as Error).message})`, { cause: e });
  }
  const { SerialPort } = mod;
  const binding = hangUpAwareBinding(SerialPort.binding);
  return {
    open: (o) => new SerialPort({ path: o.path, baudRate: o.baudRate, autoOpen: false, lock: true, binding }) as unknown as SerialPortLike,
    list: () => SerialPort.list(),
  };
}

/** Why a port did not open, from the binding's message (it carries no errno code). */
export function openFailure(message: string): LinkFailure {
  if (/No such file|ENOENT|cannot find|File not found|does not exist/i.test(message)) return 'not_found';
  if (/lock|busy|EBUSY|Access denied|in use/i.test(message)) return 'busy';
  return 'unreachable';
}

export interface SerialPrinterOptions {
  serial?: SerialApi | (() => Promise<SerialApi>);
}

export class SerialEscposPrinter implements EscposPrinter {
  readonly kind = 'escpos' as const;

  constructor(
    readonly address: SerialAddress,
    private readonly opts: SerialPrinterOptions = {},
  ) {}

  async open(timeoutMs: number): Promise<EscposLink> {
    const api = typeof this.opts.serial === 'function' ? await this.opts.serial() : (this.opts.serial ?? (await loadSerialport()));
    const label = `serial ${this.address.path} @${this.address.baudRate}`;
    const port = api.open({ path: this.address.path, baudRate: this.address.baudRate });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        port.destroy();
        reject(new PrinterLinkError('timeout', 0, `${label}: the port did not open within ${timeoutMs} ms`));
      }, timeoutMs);
      port.open((err) => {
        clearTimeout(timer);
        if (err) reject(new PrinterLinkError(openFailure(err.message), 0, `${label}: ${err.message}`, { cause: err }));
        else resolve();
      });
    });
    return new StreamLink(port, {
      label,
      drain: () => new Promise<void>((resolve, reject) => port.drain((e) => (e ? reject(e) : resolve()))),
      close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
    });
  }
}
