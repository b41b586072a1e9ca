/**
 * Sending one job to one printer, and knowing what happened (issue #16). The rule that keeps a receipt from printing
 * twice: resend on its own only when no byte reached the printer; once bytes were written, confirm with the printer
 * (GS ( H process-ID reply where the profile has it, DLE EOT status otherwise) and, still unsure, ask the clerk.
 * PLACEHOLDER (skeleton): the owner replaces the bodies; the queue codes against these signatures.
 */
import type { ErrorParams } from '../../contract/errors';
import type { PrinterProfile } from '../../domain/printing/types';
import type { DocumentPrinter, EscposPrinter } from '../../../native/printers/types';

export interface DeliveryError {
  code: string;
  params: ErrorParams;
}

export type DeliveryOutcome =
  /** The printer took the job; how we know. */
  | { outcome: 'printed'; confirmedBy: 'process_id' | 'status' | 'written' | 'spooler' | 'folder'; bytesWritten: number; ref: string | null }
  /** Nothing reached the printer (could not connect, or its status said offline / no paper / cover open): safe to resend. */
  | { outcome: 'unavailable'; error: DeliveryError }
  /** Bytes may have reached the printer and it could not confirm that the job printed: the clerk is asked. */
  | { outcome: 'uncertain'; error: DeliveryError; bytesWritten: number };

export interface DeliveryTimeouts {
  connect: number;
  write: number;
  status: number;
  /** Waiting for the process-ID reply after the last byte. */
  confirm: number;
}

export const DEFAULT_DELIVERY_TIMEOUTS: DeliveryTimeouts = { connect: 3_000, write: 30_000, status: 1_500, confirm: 20_000 };

/**
 * Sends a stored ESC/POS job. `onWriting` is called (synchronously) just before the first byte is written, so the
 * queue can record durably that bytes may reach the printer (a crash after it makes the job uncertain, not queued).
 */
export async function deliverEscpos(
  printer: EscposPrinter,
  job: Uint8Array,
  profile: PrinterProfile,
  o: { processId: Uint8Array; timeouts: DeliveryTimeouts; onWriting: () => void },
): Promise<DeliveryOutcome> {
  void printer;
  void job;
  void profile;
  void o;
  throw new Error('deliverEscpos: not built yet');
}

/** Hands a PDF to a document printer (CUPS, spooler, folder). */
export async function deliverDocument(
  printer: DocumentPrinter,
  pdf: Uint8Array,
  o: { title: string; copies: number; jobKey: string; onWriting: () => void },
): Promise<DeliveryOutcome> {
  void printer;
  void pdf;
  void o;
  throw new Error('deliverDocument: not built yet');
}
