/**
 * Decoding the Scanned Data Report of a USB HID Point-of-Sale barcode scanner (HID POS Usage Tables 1.02,
 * usage page 0x8C "Barcode Scanner", usage 0x12 Scanned Data Report). In HID POS mode the scanner sends the
 * barcode's own bytes, so a CCCD QR arrives as exact UTF-8, with no keyboard layout in between.
 *
 * The report, as sent by scanners in HID POS mode (Honeywell, Zebra, Datalogic, Newland ...):
 *   [report ID 0x02]  only when the device numbers its reports (hidapi then returns it as byte 0)
 *   [length]          number of valid Decoded Data bytes in this report
 *   [sym1 sym2 sym3]  Symbology Identifier 1–3 (usages 0xFB–0xFD): the AIM identifier, "]Q1" for a QR code
 *   [data × N]        Decoded Data (usage 0xFE), zero-padded; N = report size − 7 (56 in a 64-byte report)
 *   [vendor vendor]   two vendor-specific bytes (Honeywell: its own code ID)
 *   [flags]           bit 0 = Decoded Data Continued (usage 0xFF): more of this barcode follows in the next report
 * A barcode longer than N bytes (any CCCD QR) spans several reports; the last one has the continued bit clear.
 */
import { AppError } from '../../core/contract/errors';

export interface HidPosLayout {
  /** ID of the Scanned Data Report, or null when reports carry no ID byte. */
  reportId: number | null;
}

/** Numbered reports with ID 0x02, as HID POS scanners declare them. */
export const DEFAULT_LAYOUT: HidPosLayout = { reportId: 0x02 };

const HEADER = 4; // length + three symbology bytes
const TRAILER = 3; // two vendor bytes + flags

export interface ScannedDataReport {
  symbology: string;
  data: Uint8Array;
  continued: boolean;
}

function badReport(reason: string): AppError {
  return new AppError('CCCD_SCANNER_BAD_REPORT', { reason });
}

/** Is this report a Scanned Data Report under this layout (other reports: trigger, status ...)? */
export function isScannedDataReport(report: Uint8Array, layout: HidPosLayout = DEFAULT_LAYOUT): boolean {
  return layout.reportId === null || report[0] === layout.reportId;
}

/** Parse one Scanned Data Report. Throws CCCD_SCANNER_BAD_REPORT when it is not one or is inconsistent. */
export function parseScannedDataReport(report: Uint8Array, layout: HidPosLayout = DEFAULT_LAYOUT): ScannedDataReport {
  if (!isScannedDataReport(report, layout)) throw badReport('report_id');
  const body = layout.reportId === null ? report : report.subarray(1);
  const capacity = body.length - HEADER - TRAILER;
  if (capacity <= 0) throw badReport('too_short');
  const length = body[0] ?? 0;
  if (length > capacity) throw badReport('length');
  const symbology = String.fromCharCode(...body.subarray(1, HEADER)).replace(/\0+$/, '');
  const flags = body[body.length - 1] ?? 0;
  return { symbology, data: body.subarray(HEADER, HEADER + length), continued: (flags & 0x01) === 0x01 };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode the reports of one barcode (all continued but the last) into its text and AIM symbology. */
export function decodeHidPosScan(reports: readonly Uint8Array[], layout: HidPosLayout = DEFAULT_LAYOUT): { text: string; symbology: string } {
  if (reports.length === 0) throw badReport('empty');
  const parsed = reports.map((r) => parseScannedDataReport(r, layout));
  parsed.forEach((p, i) => {
    const last = i === parsed.length - 1;
    if (p.continued === last) throw badReport(last ? 'unfinished' : 'ended_early');
  });
  const total = parsed.reduce((n, p) => n + p.data.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parsed) {
    bytes.set(p.data, at);
    at += p.data.length;
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch (cause) {
    throw new AppError('CCCD_SCANNER_NOT_UTF8', {}, { cause });
  }
  return { text, symbology: parsed[0]?.symbology ?? '' };
}

/** Decode the reports of one barcode into its UTF-8 text. */
export function decodeHidPosReports(reports: readonly Uint8Array[], layout: HidPosLayout = DEFAULT_LAYOUT): string {
  return decodeHidPosScan(reports, layout).text;
}

/** Collects reports as they arrive and yields each complete barcode; ignores reports of other IDs. */
export class HidPosAssembler {
  private pending: Uint8Array[] = [];

  constructor(private readonly layout: HidPosLayout = DEFAULT_LAYOUT) {}

  /** True while a barcode has started and its final report has not come. */
  get inProgress(): boolean {
    return this.pending.length > 0;
  }

  /** Feed one input report; returns the barcode when this report completes it. Throws (and resets) on bad data. */
  push(report: Uint8Array): { text: string; symbology: string } | null {
    if (!isScannedDataReport(report, this.layout)) return null;
    let parsed: ScannedDataReport;
    try {
      parsed = parseScannedDataReport(report, this.layout);
    } catch (e) {
      this.reset();
      throw e;
    }
    this.pending.push(Uint8Array.from(report));
    if (parsed.continued) return null;
    const reports = this.pending;
    this.pending = [];
    return decodeHidPosScan(reports, this.layout);
  }

  reset(): void {
    this.pending = [];
  }
}
