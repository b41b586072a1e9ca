/**
 * ESC/POS over raw USB with the `usb` package (v3: the WebUSB API over the Rust nusb library, no libusb needed),
 * imported on first use so a machine where it cannot load still starts. The printer is found by VID:PID; its
 * printer-class interface (class 7; else the first with a bulk OUT endpoint: some POS printers are vendor-class) is
 * claimed, taking it from the kernel's usblp driver on Linux for the job and giving it back after. Bulk OUT carries
 * the job; a bulk IN endpoint, when the printer has one, carries the status replies (then the link is duplex).
 * On Windows the device needs the WinUSB driver (Zadig); printers on the vendor's driver go through escpos+spooler.
 */
import { PrinterLinkError, type EscposLink, type EscposPrinter, type LinkFailure } from '../types';
import { WRITE_CHUNK_BYTES } from '../stream-link';

export type UsbAddress = { kind: 'escpos'; transport: 'usb'; vendorId: number; productId: number };

export const USB_CLASS_PRINTER = 7;

export interface UsbEndpointLike {
  endpointNumber: number;
  direction: 'in' | 'out';
  type: 'bulk' | 'interrupt' | 'isochronous';
  packetSize: number;
}
export interface UsbInterfaceLike {
  interfaceNumber: number;
  alternate: { interfaceClass: number; endpoints: UsbEndpointLike[] };
}
export interface UsbConfigurationLike {
  configurationValue: number;
  interfaces: UsbInterfaceLike[];
}

/** The part of the usb package's device (WebUSB USBDevice plus its Linux extensions) used here. */
export interface UsbDeviceLike {
  vendorId: number;
  productId: number;
  manufacturerName?: string | null;
  productName?: string | null;
  serialNumber?: string | null;
  configuration?: UsbConfigurationLike | null;
  configurations: UsbConfigurationLike[];
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(n: number): Promise<void>;
  releaseInterface(n: number): Promise<void>;
  detachKernelDriver?(n: number): Promise<void>;
  attachKernelDriver?(n: number): Promise<void>;
  transferOut(endpoint: number, data: Uint8Array, timeoutMs?: number): Promise<{ bytesWritten: number; status: string }>;
  transferIn(endpoint: number, length: number, timeoutMs?: number): Promise<{ data?: DataView; status: string }>;
}

export interface UsbApi {
  findDeviceByIds(vendorId: number, productId: number): Promise<UsbDeviceLike | undefined>;
  getDevices(): Promise<UsbDeviceLike[]>;
}

/** The usb package behind UsbApi, imported on first use; a failure to load is 'unsupported'. */
export async function loadUsb(): Promise<UsbApi> {
  try {
    const mod = (await import('usb')) as unknown as { usb: UsbApi; default?: { usb: UsbApi } };
    return mod.usb ?? mod.default!.usb;
  } catch (e) {
    throw new PrinterLinkError('unsupported', 0, `USB printers are unavailable here (the usb package did not load: ${(e as Error).message})`, { cause: e });
  }
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** A machine without a USB bus (a container, a VM) has no such device either. */
function isNoBus(message: string): boolean {
  return /not found|No such file|ENOENT|errno 2\b/i.test(message);
}

function failureOf(message: string): LinkFailure {
  if (/disconnect|no device|not found|NotFound|ENODEV/i.test(message)) return 'closed';
  if (/timed? ?out|ETIMEDOUT/i.test(message)) return 'timeout';
  return 'io';
}

/** The interface to print on: class 7 first, else any with a bulk OUT endpoint. */
export function pickInterface(config: UsbConfigurationLike): { iface: UsbInterfaceLike; out: UsbEndpointLike; in: UsbEndpointLike | null } | null {
  const bulk = (i: UsbInterfaceLike, dir: 'in' | 'out'): UsbEndpointLike | undefined => i.alternate.endpoints.find((e) => e.type === 'bulk' && e.direction === dir);
  const candidates = [...config.interfaces.filter((i) => i.alternate.interfaceClass === USB_CLASS_PRINTER), ...config.interfaces.filter((i) => i.alternate.interfaceClass !== USB_CLASS_PRINTER)];
  for (const iface of candidates) {
    const out = bulk(iface, 'out');
    if (out) return { iface, out, in: bulk(iface, 'in') ?? null };
  }
  return null;
}

/** Whether a device offers a printer-class interface (discovery lists only those). */
export function isPrinterDevice(d: UsbDeviceLike): boolean {
  return d.configurations.some((c) => c.interfaces.some((i) => i.alternate.interfaceClass === USB_CLASS_PRINTER));
}

export interface UsbPrinterOptions {
  usb?: UsbApi | (() => Promise<UsbApi>);
}

export class UsbEscposPrinter implements EscposPrinter {
  readonly kind = 'escpos' as const;

  constructor(
    readonly address: UsbAddress,
    private readonly opts: UsbPrinterOptions = {},
  ) {}

  async open(timeoutMs: number): Promise<EscposLink> {
    const id = `${hex4(this.address.vendorId)}:${hex4(this.address.productId)}`;
    const label = `usb ${id}`;
    const api = typeof this.opts.usb === 'function' ? await this.opts.usb() : (this.opts.usb ?? (await loadUsb()));
    let device: UsbDeviceLike | undefined;
    try {
      device = await api.findDeviceByIds(this.address.vendorId, this.address.productId);
    } catch (e) {
      const msg = (e as Error).message;
      throw new PrinterLinkError(isNoBus(msg) ? 'not_found' : 'unreachable', 0, `${label}: ${msg}`, { cause: e });
    }
    if (!device) throw new PrinterLinkError('not_found', 0, `${label}: no USB device ${id} is connected`);
    const d = device;
    const deadline = Date.now() + timeoutMs;
    try {
      await d.open();
    } catch (e) {
      const msg = (e as Error).message;
      throw new PrinterLinkError(/busy|in use/i.test(msg) ? 'busy' : 'unreachable', 0, `${label}: cannot open the device (${msg}; on Linux a udev rule must give this user access)`, { cause: e });
    }
    try {
      if (!d.configuration) await d.selectConfiguration(d.configurations[0]?.configurationValue ?? 1);
      const config = d.configuration ?? d.configurations[0];
      const picked = config ? pickInterface(config) : null;
      if (!picked) throw new PrinterLinkError('not_found', 0, `${label}: the device has no interface with a bulk OUT endpoint (not a printer?)`);
      // usblp holds a printer-class interface on Linux; it is taken for the job and given back on close.
      let detached = false;
      if (d.detachKernelDriver) {
        try {
          await d.detachKernelDriver(picked.iface.interfaceNumber);
          detached = true;
        } catch {
          /* no kernel driver bound (or not Linux): nothing to take over */
        }
      }
      try {
        await d.claimInterface(picked.iface.interfaceNumber);
      } catch (e) {
        throw new PrinterLinkError('busy', 0, `${label}: the printer interface is in use (${(e as Error).message})`, { cause: e });
      }
      if (Date.now() > deadline) throw new PrinterLinkError('timeout', 0, `${label}: opening took longer than ${timeoutMs} ms`);
      return new UsbLink(d, picked.iface.interfaceNumber, picked.out, picked.in, detached, label);
    } catch (e) {
      await d.close().catch(() => undefined);
      if (e instanceof PrinterLinkError) throw e;
      throw new PrinterLinkError('unreachable', 0, `${label}: ${(e as Error).message}`, { cause: e });
    }
  }
}

class UsbLink implements EscposLink {
  readonly duplex: boolean;
  private written = 0;
  private inFlight = 0;
  private gone: PrinterLinkError | null = null;
  private closed: Promise<void> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly device: UsbDeviceLike,
    private readonly iface: number,
    private readonly out: UsbEndpointLike,
    private readonly inEp: UsbEndpointLike | null,
    private readonly detached: boolean,
    private readonly label: string,
  ) {
    this.duplex = inEp !== null;
  }

  get bytesWritten(): number {
    return this.written;
  }

  private fail(failure: LinkFailure, message: string, cause?: unknown): PrinterLinkError {
    return new PrinterLinkError(failure, this.written + this.inFlight, `${this.label}: ${message}`, cause === undefined ? undefined : { cause });
  }

  write(data: Uint8Array, timeoutMs: number): Promise<void> {
    const run = this.writing.then(() => this.writeNow(data, timeoutMs));
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async writeNow(data: Uint8Array, timeoutMs: number): Promise<void> {
    if (this.closed) throw this.fail('closed', 'the link was closed');
    if (this.gone) throw this.fail(this.gone.failure, this.gone.message);
    const deadline = Date.now() + timeoutMs;
    for (let off = 0; off < data.length; ) {
      const chunk = data.subarray(off, Math.min(off + WRITE_CHUNK_BYTES, data.length));
      const left = deadline - Date.now();
      if (left <= 0) throw this.fail('timeout', `the printer took no data for ${timeoutMs} ms`);
      this.inFlight = chunk.length;
      let r: { bytesWritten: number; status: string };
      try {
        r = await this.device.transferOut(this.out.endpointNumber, chunk, left);
      } catch (e) {
        const msg = (e as Error).message;
        this.gone = this.fail(failureOf(msg), msg, e);
        throw this.gone;
      }
      this.inFlight = 0;
      if (r.status !== 'ok' || r.bytesWritten < 0) {
        this.gone = this.fail('io', `bulk OUT ${r.status}`);
        throw this.gone;
      }
      // A short write (the device took part of the chunk) is counted as such and the rest sent next.
      this.written += r.bytesWritten;
      off += r.bytesWritten;
      if (r.bytesWritten === 0 && Date.now() >= deadline) throw this.fail('timeout', `the printer took no data for ${timeoutMs} ms`);
    }
  }

  async read(min: number, timeoutMs: number): Promise<Uint8Array> {
    if (!this.inEp) throw this.fail('unsupported', 'this printer has no bulk IN endpoint: it cannot answer status queries');
    if (this.closed) throw this.fail('closed', 'the link was closed');
    const deadline = Date.now() + timeoutMs;
    const parts: Uint8Array[] = [];
    let got = 0;
    do {
      const left = deadline - Date.now();
      if (left <= 0) break;
      let r: { data?: DataView; status: string };
      try {
        r = await this.device.transferIn(this.inEp.endpointNumber, Math.max(this.inEp.packetSize, 64), left);
      } catch (e) {
        const msg = (e as Error).message;
        if (failureOf(msg) === 'timeout') break; // nothing arrived in time: what was read so far
        if (got > 0) break;
        throw this.fail(failureOf(msg) === 'io' ? 'io' : 'closed', msg, e);
      }
      if (r.data && r.data.byteLength > 0) {
        parts.push(new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength).slice());
        got += r.data.byteLength;
      } else if (r.status !== 'ok') break;
    } while (got < min);
    const out = new Uint8Array(got);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = this.writing.then(async () => {
        await this.device.releaseInterface(this.iface).catch(() => undefined);
        if (this.detached && this.device.attachKernelDriver) await this.device.attachKernelDriver(this.iface).catch(() => undefined);
        await this.device.close().catch(() => undefined);
      });
    }
    return this.closed;
  }
}
