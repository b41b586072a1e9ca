/**
 * A HID POS barcode scanner read through node-hid. The glue is thin on purpose: finding the device, opening it
 * and feeding its input reports to the pure decoder (hid-pos-report.ts). node-hid is loaded lazily, so the app
 * still runs (and the clerk can type) on a machine where the native module is missing.
 */
import { AppError, isAppError } from '../../core/contract/errors';
import type * as NodeHidModule from 'node-hid';
import { DEFAULT_LAYOUT, HidPosAssembler, type HidPosLayout } from './hid-pos-report';

type NodeHid = typeof NodeHidModule;

export { decodeHidPosReports, decodeHidPosScan, HidPosAssembler } from './hid-pos-report';

/** Usage page 0x8C: Barcode Scanner (HID Point of Sale Usage Tables). */
export const HID_POS_USAGE_PAGE = 0x8c;

/**
 * Vendors whose scanners offer a HID POS mode. Used only when the HID backend does not report usage pages
 * (libusb).
 */
export const HID_POS_VENDORS: Readonly<Record<number, string>> = {
  0x0c2e: 'Honeywell',
  0x05e0: 'Zebra (Symbol)',
  0x05f9: 'Datalogic',
  0x1eab: 'Newland',
  0x065a: 'Opticon',
  0x067e: 'Intermec',
};

/** The fields of node-hid's device record that matter here. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  product?: string | undefined;
  manufacturer?: string | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

export interface HidHandle {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeAllListeners(): unknown;
  close(): void;
}

/** The part of node-hid this module uses; tests pass a fake. */
export interface HidApi {
  devices(): HidDeviceInfo[];
  open(path: string): HidHandle;
}

export interface ScanInfo {
  symbology: string;
  device: string;
}

/** A source of complete scanned texts. */
export interface BarcodeSource {
  start(onScan: (text: string, info: ScanInfo) => void, onError?: (error: AppError) => void): Promise<void>;
  stop(): Promise<void>;
}

/** HID POS candidates among the attached HID interfaces, those that declare usage page 0x8C first. */
export function listPosScanners(devices: readonly HidDeviceInfo[]): HidDeviceInfo[] {
  const declared = devices.filter((d) => d.usagePage === HID_POS_USAGE_PAGE);
  // Without a usage page (libusb backends) a known vendor is a candidate; a Generic Desktop interface is its
  // keyboard-mode side and never one.
  const byVendor = devices.filter((d) => (d.usagePage ?? 0) === 0 && HID_POS_VENDORS[d.vendorId] !== undefined);
  return [...declared, ...byVendor].filter((d) => d.path !== undefined && d.path !== '');
}

/** node-hid behind the HidApi interface, imported only when first needed. */
export async function loadNodeHid(): Promise<HidApi> {
  let mod: NodeHid;
  try {
    const imported = (await import('node-hid')) as NodeHid & { default?: NodeHid };
    mod = imported.default ?? imported;
  } catch (cause) {
    throw new AppError('CCCD_SCANNER_UNAVAILABLE', {}, { cause });
  }
  return {
    devices: () => mod.devices(),
    open: (path) => new mod.HID(path, { nonExclusive: true }),
  };
}

export interface PosScannerOptions {
  /** The HID API, or how to load it (default: node-hid, lazily). */
  hid?: HidApi | (() => Promise<HidApi>);
  /** Open this device path instead of the first candidate. */
  path?: string;
  layout?: HidPosLayout;
  /** Drop a barcode whose next report does not arrive within this time (default 1000 ms). */
  continuationTimeoutMs?: number;
}

function deviceLabel(d: HidDeviceInfo): string {
  return d.product ?? `${d.vendorId.toString(16).padStart(4, '0')}:${d.productId.toString(16).padStart(4, '0')}`;
}

/** A BarcodeSource over one HID POS scanner. */
export function createPosScanner(options: PosScannerOptions = {}): BarcodeSource {
  let handle: HidHandle | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeoutMs = options.continuationTimeoutMs ?? 1000;

  const clearTimer = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  return {
    async start(onScan, onError) {
      if (handle !== null) return;
      const hid = typeof options.hid === 'function' ? await options.hid() : (options.hid ?? (await loadNodeHid()));
      const all = hid.devices();
      const device = options.path !== undefined ? all.find((d) => d.path === options.path) : listPosScanners(all)[0];
      if (device?.path === undefined) throw new AppError('CCCD_SCANNER_NOT_FOUND', {});
      const label = deviceLabel(device);
      let opened: HidHandle;
      try {
        opened = hid.open(device.path);
      } catch (cause) {
        throw new AppError('CCCD_SCANNER_OPEN_FAILED', { device: label }, { cause });
      }
      handle = opened;
      const assembler = new HidPosAssembler(options.layout ?? DEFAULT_LAYOUT);
      const report = (e: unknown, code: string): void => {
        onError?.(isAppError(e) ? e : new AppError(code, { device: label }, { cause: e }));
      };
      opened.on('data', (data) => {
        clearTimer();
        try {
          const scan = assembler.push(data);
          if (scan !== null) onScan(scan.text, { symbology: scan.symbology, device: label });
        } catch (e) {
          report(e, 'CCCD_SCANNER_BAD_REPORT');
          return;
        }
        if (assembler.inProgress) {
          timer = setTimeout(() => {
            timer = null;
            assembler.reset();
            report(new AppError('CCCD_SCANNER_BAD_REPORT', { reason: 'timeout' }), 'CCCD_SCANNER_BAD_REPORT');
          }, timeoutMs);
        }
      });
      // node-hid reports an unplugged device as an error event.
      opened.on('error', (e) => report(e, 'CCCD_SCANNER_DISCONNECTED'));
    },
    async stop() {
      clearTimer();
      const h = handle;
      handle = null;
      if (h === null) return;
      h.removeAllListeners();
      h.close();
    },
  };
}
