/**
 * One printer interface, one folder per transport (issue #16). Two kinds of printer:
 * - ESC/POS printers take a byte stream over a link (tcp/, usb/, serial/, spooler/ — the Windows spooler in RAW
 *   mode). A two-way link (TCP, serial, raw USB with an IN endpoint) also reads the printer's replies: DLE EOT
 *   status and Epson's GS ( H process-ID reply, which is how a job is confirmed without printing it twice.
 * - Document printers take a whole PDF: system/ (CUPS `lp` on Linux and macOS, the spooler on Windows; in Electron
 *   webContents.print), and pdf-dir/ (a virtual printer writing each job into a folder).
 * native/printers/index.ts opens the right one from a parsed URI (printer-uri.ts).
 */

/** A parsed printer URI (see core/contract/printing.ts for the written forms). */
export type PrinterAddress =
  | { kind: 'escpos'; transport: 'tcp'; host: string; port: number }
  | { kind: 'escpos'; transport: 'usb'; vendorId: number; productId: number }
  | { kind: 'escpos'; transport: 'serial'; path: string; baudRate: number }
  | { kind: 'escpos'; transport: 'spooler'; name: string }
  | { kind: 'system'; name: string }
  | { kind: 'pdf'; dir: string };

/** Why a link failed; `bytesWritten` says whether anything may have reached the printer. */
export type LinkFailure = 'unreachable' | 'timeout' | 'closed' | 'io' | 'busy' | 'not_found' | 'unsupported';

export class PrinterLinkError extends Error {
  constructor(
    readonly failure: LinkFailure,
    /** Bytes the OS had accepted on this link before it failed (0: nothing can have been printed). */
    readonly bytesWritten: number,
    message: string,
    opts?: { cause?: unknown },
  ) {
    super(message, opts);
    this.name = 'PrinterLinkError';
  }
}

/** An open byte link to an ESC/POS printer. One job per link: open, write, (read replies), close. */
export interface EscposLink {
  /** True when replies can be read (status, process ID). */
  readonly duplex: boolean;
  /** Bytes the OS has accepted on this link so far. */
  readonly bytesWritten: number;
  /** Resolves when the OS took all of `data` (drained); rejects with PrinterLinkError. */
  write(data: Uint8Array, timeoutMs: number): Promise<void>;
  /**
   * Bytes the printer sent since the last read, waiting up to timeoutMs for at least `min` of them; resolves with
   * what arrived (possibly fewer, possibly empty on timeout). Rejects (PrinterLinkError 'closed') when the link is gone.
   * A one-way link rejects with 'unsupported'.
   */
  read(min: number, timeoutMs: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface EscposPrinter {
  readonly kind: 'escpos';
  readonly address: PrinterAddress & { kind: 'escpos' };
  /** Opens a link; rejects with PrinterLinkError ('unreachable', 'not_found', 'busy', 'timeout'): nothing was sent. */
  open(timeoutMs: number): Promise<EscposLink>;
}

/** What a document printer says about itself before a job. */
export interface DocumentPrinterState {
  ready: boolean;
  /** Stable reason when not ready: 'not_found' (no such queue), 'disabled' (paused/rejecting), 'unreachable'. */
  reason: 'not_found' | 'disabled' | 'unreachable' | null;
  detail: string | null;
}

export interface DocumentPrinter {
  readonly kind: 'document';
  readonly address: PrinterAddress & { kind: 'system' | 'pdf' };
  state(): Promise<DocumentPrinterState>;
  /**
   * Hands a PDF over; resolves once the spooler (or the folder, durably) has it, with the spooler's job id or the
   * file written. Rejects with PrinterLinkError ('unreachable', 'not_found', 'io').
   */
  print(pdf: Uint8Array, o: { title: string; copies: number; jobKey: string }): Promise<{ ref: string | null }>;
}

export type Printer = EscposPrinter | DocumentPrinter;

export interface DiscoveredPrinterInfo {
  uri: string;
  name: string;
  transport: 'tcp' | 'usb' | 'serial' | 'spooler' | 'system' | 'pdf';
  detail: string | null;
}
