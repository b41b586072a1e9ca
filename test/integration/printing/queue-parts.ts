/**
 * The print queue tests' core and printer pieces, without vitest (the kill -9 test's child process loads this):
 * the real TCP and pdf: printers, a core with printing, a clerk's connection.
 */
import { createCore, type Core, type CoreOptions } from '../../../core/app';
import type { Connection } from '../../../core/rpc/connection';
import type { PrintingParts } from '../../../core/services/printing/print-parts';
import type { Printer, PrinterAddress } from '../../../native/printers/types';
import { TcpEscposPrinter } from '../../../native/printers/tcp/tcp-printer';
import { PdfDirPrinter } from '../../../native/printers/pdf-dir/pdf-dir-printer';
import { TEST_HASH_COST } from '../../helpers/core';

/** Opens the real transports (TCP and the pdf: folder printer). */
export function openRealPrinter(a: PrinterAddress): Printer {
  if (a.kind === 'escpos' && a.transport === 'tcp') return new TcpEscposPrinter(a);
  if (a.kind === 'pdf') return new PdfDirPrinter(a);
  throw new Error(`no transport for ${a.kind} in the tests`);
}

export function testParts(extra: Partial<PrintingParts> = {}): Partial<PrintingParts> {
  return { openPrinter: openRealPrinter, ...extra };
}

export const FAST_TIMEOUTS = { connect: 1_000, write: 3_000, status: 500, confirm: 1_500 };

export async function openCore(dataDir: string, printing: CoreOptions['printing'] = {}): Promise<Core> {
  return createCore({ dataDir, logLevel: 'error', authPolicy: { hashCost: TEST_HASH_COST }, printing: { timeouts: FAST_TIMEOUTS, ...printing, parts: { ...testParts(), ...printing?.parts } } });
}

export function clerk(core: Core): Connection {
  return core.openConnection('cli', 'test', { name: 'test', role: 'admin' });
}
