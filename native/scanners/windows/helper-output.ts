/**
 * What the Windows helpers print, read here: the WIA script's JSON lines (devices, capabilities, pages, the device's
 * HRESULT) and NAPS2.Console's device list and error text. Device errors become our stable codes.
 */
import { z } from 'zod';
import { fittingPageSizes, scanError, ScanError, type ScanErrorCode, type ScannerCapabilities, type SourceKind } from '../scanner';

/** WIA HRESULTs (WiaDef.h, facility 0x21). */
export const WIA_HRESULT = {
  GENERAL_ERROR: 0x80210001,
  PAPER_JAM: 0x80210002,
  PAPER_EMPTY: 0x80210003,
  PAPER_PROBLEM: 0x80210004,
  OFFLINE: 0x80210005,
  BUSY: 0x80210006,
  WARMING_UP: 0x80210007,
  USER_INTERVENTION: 0x80210008,
  ITEM_DELETED: 0x80210009,
  DEVICE_COMMUNICATION: 0x8021000a,
  DEVICE_LOCKED: 0x8021000d,
  NO_DEVICE_AVAILABLE: 0x80210015,
  COVER_OPEN: 0x80210016,
  LAMP_OFF: 0x80210017,
  MULTI_FEED: 0x80210020,
} as const;

const WIA_CODES: ReadonlyMap<number, ScanErrorCode> = new Map<number, ScanErrorCode>([
  [WIA_HRESULT.PAPER_JAM, 'SCAN_JAMMED'],
  // A double feed or a paper problem stops the feeder the same way: the clerk clears the paper path.
  [WIA_HRESULT.MULTI_FEED, 'SCAN_JAMMED'],
  [WIA_HRESULT.PAPER_PROBLEM, 'SCAN_JAMMED'],
  [WIA_HRESULT.PAPER_EMPTY, 'SCAN_FEEDER_EMPTY'],
  [WIA_HRESULT.COVER_OPEN, 'SCAN_COVER_OPEN'],
  [WIA_HRESULT.BUSY, 'SCAN_BUSY'],
  [WIA_HRESULT.DEVICE_LOCKED, 'SCAN_BUSY'],
  [WIA_HRESULT.WARMING_UP, 'SCAN_BUSY'],
  [WIA_HRESULT.OFFLINE, 'SCAN_DEVICE_GONE'],
  [WIA_HRESULT.DEVICE_COMMUNICATION, 'SCAN_DEVICE_GONE'],
  [WIA_HRESULT.ITEM_DELETED, 'SCAN_DEVICE_GONE'],
  [WIA_HRESULT.NO_DEVICE_AVAILABLE, 'SCAN_DEVICE_GONE'],
]);

/** "0x80210002", "80210002", or the signed decimal COM uses (-2145320958) → the unsigned HRESULT; NaN when none. */
export function parseHresult(text: string | number): number {
  if (typeof text === 'number') return Number.isInteger(text) ? text >>> 0 : Number.NaN;
  const t = text.trim();
  if (/^(0x)?[0-9a-f]{8}$/i.test(t)) return Number.parseInt(t.replace(/^0x/i, ''), 16) >>> 0;
  if (/^-?\d{1,10}$/.test(t)) return Number(t) >>> 0;
  return Number.NaN;
}

export function wiaErrorCode(hresult: number): ScanErrorCode {
  return WIA_CODES.get(hresult >>> 0) ?? 'SCAN_FAILED';
}

const hex = (h: number): string => `0x${(h >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

/**
 * The outcome of a WIA error after `pages` pages: the feeder running out after at least one page is how a batch
 * ends (null: completed); on the first page it is an empty feeder. Everything else stops the batch with its code.
 */
export function wiaStop(hresult: number, message: string, pages: number, source: SourceKind): ScanError | null {
  if (hresult >>> 0 === WIA_HRESULT.PAPER_EMPTY && pages > 0 && source !== 'flatbed') return null;
  const code = wiaErrorCode(hresult);
  return scanError(code, `WIA ${Number.isNaN(hresult) ? 'error' : hex(hresult)}: ${message}`.trim(), { hresult: Number.isNaN(hresult) ? '' : hex(hresult) });
}

const helperLine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('device'), id: z.string().min(1), name: z.string() }),
  z.object({
    type: z.literal('caps'),
    sources: z.array(z.enum(['flatbed', 'adf', 'adf-duplex'])),
    resolutions: z.array(z.number().int().positive()),
    colorModes: z.array(z.enum(['bw', 'gray', 'color'])),
    maxWidthMm: z.number().positive().optional(),
    maxHeightMm: z.number().positive().optional(),
  }),
  z.object({ type: z.literal('page'), index: z.number().int().positive(), file: z.string().min(1) }),
  z.object({ type: z.literal('error'), hresult: z.union([z.string(), z.number()]), message: z.string().default('') }),
  z.object({ type: z.literal('done'), pages: z.number().int().min(0) }),
]);

export type WiaHelperEvent =
  | { type: 'device'; id: string; name: string }
  | { type: 'caps'; capabilities: ScannerCapabilities }
  | { type: 'page'; index: number; file: string }
  | { type: 'error'; hresult: number; message: string }
  | { type: 'done'; pages: number };

/**
 * One line of the WIA helper's output; null for anything else (a blank line, PowerShell's own chatter). PowerShell
 * 5.1 may end lines with CR and begin the output with a byte-order mark: both are dropped.
 */
export function parseWiaLine(line: string): WiaHelperEvent | null {
  const text = line.replace(/^\uFEFF/, '').trim();
  if (!text.startsWith('{')) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const r = helperLine.safeParse(json);
  if (!r.success) return null;
  const e = r.data;
  switch (e.type) {
    case 'caps': {
      const area = e.maxWidthMm && e.maxHeightMm ? { widthMm: Math.round(e.maxWidthMm * 10) / 10, heightMm: Math.round(e.maxHeightMm * 10) / 10 } : undefined;
      const capabilities: ScannerCapabilities = {
        sources: e.sources,
        resolutions: [...new Set(e.resolutions)].sort((a, b) => a - b),
        colorModes: e.colorModes,
        pageSizes: area ? fittingPageSizes(area.widthMm, area.heightMm) : [],
        ...(area ? { maxAreaMm: area } : {}),
      };
      return { type: 'caps', capabilities };
    }
    case 'error':
      return { type: 'error', hresult: parseHresult(e.hresult), message: e.message };
    default:
      return e;
  }
}

/** NAPS2.Console --listdevices: one device name a line. */
export function parseNaps2Devices(stdout: string): string[] {
  return [
    ...new Set(
      stdout
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * NAPS2's device messages (SdkResources, in English and in its Vietnamese translation, the two a counter runs) →
 * our codes. Text NAPS2 prints in another language falls to SCAN_FAILED with the text kept as detail.
 */
const NAPS2_MESSAGES: readonly [RegExp, ScanErrorCode][] = [
  [/paper jam|kẹt giấy/i, 'SCAN_JAMMED'],
  [/no pages are in the feeder|không trang sau nằm trong máng/i, 'SCAN_FEEDER_EMPTY'],
  [/cover is open|nắp máy quét mở/i, 'SCAN_COVER_OPEN'],
  [/scanner is busy|warming up|đang bận|đang ấm/i, 'SCAN_BUSY'],
  [/is offline|could not be found|communication with the scanning device was interrupted|no scanning device was found|đang ẩn|không thể được tìm thấy|không thấy thiết bị/i, 'SCAN_DEVICE_GONE'],
  [/does not support using (a feeder|duplex)|không hỗ trợ sử dụng/i, 'SCAN_UNSUPPORTED_SETTING'],
];

/** How a NAPS2 run ended: null when it completed; else the error its output names (pages already saved are kept). */
export function naps2Outcome(output: string, exitCode: number | null, source: SourceKind): ScanError | null {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  for (const [re, code] of NAPS2_MESSAGES) {
    const line = lines.find((l) => re.test(l));
    if (!line) continue;
    if (code === 'SCAN_UNSUPPORTED_SETTING') return new ScanError(code, { setting: 'source', value: source, offered: 'NAPS2', detail: line.slice(0, 300) });
    return scanError(code, `NAPS2: ${line}`);
  }
  if (exitCode === 0) return null;
  return scanError('SCAN_FAILED', `NAPS2 exit ${exitCode ?? 'killed'}: ${lines.slice(-3).join(' | ') || 'no output'}`);
}
