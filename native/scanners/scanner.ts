/**
 * The one scanner interface every backend (SANE, eSCL, folder; WIA/TWAIN later) implements, after NAPS2's
 * one-driver-per-backend model: list devices, read their capabilities, and scan as an async stream of pages that a
 * caller can cancel. A stream that fails after N pages has already yielded those N pages, so nothing received is lost.
 */
import { AppError, type ErrorParams } from '../../core/contract/errors';

export type SourceKind = 'flatbed' | 'adf' | 'adf-duplex';
export const SOURCE_KINDS: readonly SourceKind[] = ['flatbed', 'adf', 'adf-duplex'];

export type ColorMode = 'bw' | 'gray' | 'color';
export const COLOR_MODES: readonly ColorMode[] = ['bw', 'gray', 'color'];

export type BackendKind = 'sane' | 'escl' | 'folder' | 'wia' | 'twain';

/** Paper sizes a counter meets, in millimetres (portrait). */
export const PAGE_SIZES = {
  a5: { widthMm: 148, heightMm: 210 },
  a4: { widthMm: 210, heightMm: 297 },
  letter: { widthMm: 215.9, heightMm: 279.4 },
  legal: { widthMm: 215.9, heightMm: 355.6 },
  a3: { widthMm: 297, heightMm: 420 },
} as const;
export type PageSizeName = keyof typeof PAGE_SIZES;

export interface ScannerDevice {
  /** `sane:<name>`, `escl:http://host:port/eSCL`, `folder:<dir>` … (see device-uri.ts). */
  uri: string;
  name: string;
  kind: BackendKind;
}

export interface ScannerCapabilities {
  sources: SourceKind[];
  /** Resolutions offered, in dpi, ascending; empty when the device does not say (folder). */
  resolutions: number[];
  colorModes: ColorMode[];
  /** Named sizes that fit the largest scan area; empty when unknown. */
  pageSizes: PageSizeName[];
  /** The largest scan area in millimetres, when the device says. */
  maxAreaMm?: { widthMm: number; heightMm: number };
}

export interface ScanSettings {
  source: SourceKind;
  dpi?: number;
  color?: ColorMode;
  pageSize?: PageSizeName;
  /**
   * Extra device options passed as they are (SANE: `--read-return-value SANE_STATUS_JAMMED` of the test backend,
   * `--filename` of the pnm backend). For tests and support only; each must start with `--`.
   */
  backendOptions?: readonly string[];
}

export interface ScannedPage {
  /** 1-based, in arrival order. */
  index: number;
  /** The image as received; `file` instead when a backend hands over a file it owns. */
  bytes?: Buffer;
  file?: string;
  mime: 'image/png' | 'image/jpeg' | 'image/tiff';
  widthPx: number;
  heightPx: number;
  dpi: number;
}

export interface ScannerBackend {
  readonly kind: BackendKind;
  /** Devices this backend can see now; an unavailable backend answers []. */
  list(): Promise<ScannerDevice[]>;
  /** `id` is the part of the URI after `<kind>:`. */
  capabilities(id: string, signal?: AbortSignal): Promise<ScannerCapabilities>;
  scan(id: string, settings: ScanSettings, signal: AbortSignal): AsyncIterable<ScannedPage>;
}

export const SCAN_ERROR_CODES = [
  'SCAN_JAMMED',
  'SCAN_FEEDER_EMPTY',
  'SCAN_COVER_OPEN',
  'SCAN_BUSY',
  'SCAN_DEVICE_GONE',
  'SCAN_FAILED',
  'SCAN_CANCELLED',
  // Not device states: the URI names no backend, the backend cannot run here, the device lacks the setting asked for.
  'SCAN_BAD_DEVICE_URI',
  'SCAN_BACKEND_UNAVAILABLE',
  'SCAN_UNSUPPORTED_SETTING',
  // A folder scanner asked through the core that Settings has not enabled (the CLI operator may scan any folder).
  'SCAN_FOLDER_NOT_ENABLED',
] as const;
export type ScanErrorCode = (typeof SCAN_ERROR_CODES)[number];

/** The device stopped (the clerk acts on the machine, then continues): as opposed to a failure or bad input. */
export const DEVICE_STOP_CODES: ReadonlySet<ScanErrorCode> = new Set(['SCAN_JAMMED', 'SCAN_FEEDER_EMPTY', 'SCAN_COVER_OPEN', 'SCAN_BUSY', 'SCAN_DEVICE_GONE']);

/** A device or backend error with a stable code; the text comes from the catalogue (`errors.SCAN_*`). */
export class ScanError extends AppError {
  declare readonly code: ScanErrorCode;
  constructor(code: ScanErrorCode, params: ErrorParams = {}, opts: { cause?: unknown } = {}) {
    super(code, params, opts);
    this.name = 'ScanError';
  }
}

export function isScanError(e: unknown): e is ScanError {
  return e instanceof ScanError;
}

/** `detail` is a short technical reason (stderr line, HTTP status) kept for logs and the message's tail. */
export function scanError(code: ScanErrorCode, detail: string, params: ErrorParams = {}): ScanError {
  return new ScanError(code, { ...params, detail: detail.slice(0, 300) });
}

/** The paper area to ask for: the size named (A4 by default) clamped to what the device can take. */
export function scanAreaMm(settings: ScanSettings, caps: ScannerCapabilities): { widthMm: number; heightMm: number } {
  const want = PAGE_SIZES[settings.pageSize ?? 'a4'];
  const max = caps.maxAreaMm;
  if (!max) return { widthMm: want.widthMm, heightMm: want.heightMm };
  return { widthMm: Math.min(want.widthMm, max.widthMm), heightMm: Math.min(want.heightMm, max.heightMm) };
}

export function fittingPageSizes(maxWidthMm: number, maxHeightMm: number): PageSizeName[] {
  // Half a millimetre of slack: devices round their extents.
  return (Object.keys(PAGE_SIZES) as PageSizeName[]).filter((k) => PAGE_SIZES[k].widthMm <= maxWidthMm + 0.5 && PAGE_SIZES[k].heightMm <= maxHeightMm + 0.5);
}

/** Settings checked against the device before any paper moves, so a bad choice is not found mid-batch. */
export function checkSettings(settings: ScanSettings, caps: ScannerCapabilities): void {
  if (caps.sources.length > 0 && !caps.sources.includes(settings.source)) {
    throw new ScanError('SCAN_UNSUPPORTED_SETTING', { setting: 'source', value: settings.source, offered: caps.sources.join(', ') });
  }
  if (settings.color && caps.colorModes.length > 0 && !caps.colorModes.includes(settings.color)) {
    throw new ScanError('SCAN_UNSUPPORTED_SETTING', { setting: 'color', value: settings.color, offered: caps.colorModes.join(', ') });
  }
  for (const o of settings.backendOptions ?? []) {
    // Device options only: never ones that move output elsewhere or change the batch the backend relies on.
    if (!o.startsWith('--') || /^--(batch|output|format|device|help|list|all-options)/.test(o)) {
      throw new ScanError('SCAN_UNSUPPORTED_SETTING', { setting: 'backendOptions', value: o, offered: '--<device option>=<value>' });
    }
  }
}

/** The resolution to ask for: the one wanted if offered, else the nearest offered (300 dpi by default). */
export function pickResolution(wanted: number | undefined, offered: readonly number[]): number {
  const want = wanted ?? 300;
  if (offered.length === 0 || offered.includes(want)) return want;
  return offered.reduce((best, r) => (Math.abs(r - want) < Math.abs(best - want) ? r : best), offered[0] ?? want);
}
