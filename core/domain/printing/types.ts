/**
 * Printing's pure shapes (issue #16): a 1-bit raster at the printer's dots per line, and a thermal job as pieces —
 * raster for everything Vietnamese, the printer's own large text and QR where its profile says they work.
 */
import type { PrinterProfile } from '../../contract/printing';

export type { PrinterProfile };

/** Dots per line at 203 dpi: 58 mm paper prints 48 mm (384 dots), 80 mm prints 72 mm (576 dots). */
export const DOTS_PER_LINE: Record<58 | 80, number> = { 58: 384, 80: 576 };
export const THERMAL_DPI = 203;

/** A 1-bit image: rows of width/8 bytes (width a multiple of 8), most significant bit first, 1 = black dot. */
export interface Raster {
  width: number;
  height: number;
  bits: Uint8Array;
}

/** A thermal job, top to bottom. */
export type ThermalPiece =
  | { kind: 'raster'; raster: Raster }
  /** ASCII drawn by the printer itself (a ticket number), centred, magnified 1..8 times. */
  | { kind: 'text'; text: string; magnify: number }
  /** A QR code (ASCII payload) drawn by the printer (GS ( k, model 2), module size in dots, error correction M. */
  | { kind: 'qr'; payload: string; moduleDots: number }
  | { kind: 'feed'; lines: number };

/** The ticket as the kiosk or the CLI asks for it, with the place and time filled in. */
export interface TicketData {
  number: string;
  service: string | null;
  /** The office, from settings (forms.place / the agency), printed at the top. */
  place: string | null;
  /** Local time "HH:mm dd/MM/yyyy". */
  issuedAt: string;
  ahead: number | null;
  waitMinutes: number | null;
  qr: string | null;
  /** "BẢN IN LẠI" across the top, with the time of the reprint. */
  reprint: { at: string } | null;
}

/** DLE EOT replies decoded (n = 1, 2, 4). null: not asked or not answered. */
export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  /** An error the printer reports (cutter, unrecoverable, auto-recoverable). */
  error: boolean;
}
