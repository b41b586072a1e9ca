/**
 * Printer URIs (core/contract/printing.ts lists the forms) to addresses and back.
 * PLACEHOLDER (skeleton): the owner replaces the bodies.
 */
import type { PrinterAddress } from './types';

/** Throws AppError PRINT_BAD_URI (input) naming what is wrong. */
export function parsePrinterUri(uri: string): PrinterAddress {
  void uri;
  throw new Error('parsePrinterUri: not built yet');
}

export function formatPrinterUri(a: PrinterAddress): string {
  void a;
  throw new Error('formatPrinterUri: not built yet');
}
