/**
 * A4 PDFs printed through Chromium, for the Electron app (issue #16): the PDF is shown in a hidden window and
 * webContents.print({ silent: true, deviceName }) sends it to the named printer with the OS's own driver: the
 * same path on Windows, macOS and Linux, no helper program. Silent printing of Chromium's PDF viewer works from
 * Electron 36 on (electron/electron#47378, backported); this app uses 45.
 *
 * Only the main process can open windows, while the core runs in a utility process: the main process exposes this
 * to the core host (or uses it for a "print" button) through createElectronPdfPrinter, a DocumentPrinter like
 * native/printers/system/. It is not wired in yet; the core uses CUPS / pdf-to-printer meanwhile.
 *
 * The window gets an in-memory session of its own that can load exactly one thing: the job's temporary file (and the
 * PDF viewer's built-in pages). Every session is hardened by the app (electron/main/harden.ts refuses file:); this
 * one's request filter replaces that, for this file only. The file is removed after the job.
 * Electron itself is handed in (createPdfPrinting({ BrowserWindow, session })) by the main process's wiring: files
 * outside it stay plain Node (test/unit/electron/import-boundaries.test.ts), and tests can drive this one.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Electron from 'electron';
import { PrinterLinkError, type DocumentPrinter, type DocumentPrinterState } from '../../native/printers/types';
import { withTimeout as boundInTime } from '../../native/printers/with-timeout';

export interface PrintPdfOptions {
  /** The printer's system name (webContents.getPrintersAsync()[].name), not its friendly name. */
  deviceName: string;
  copies?: number;
  /** Bound for the whole job (load, spool); default 120 s. */
  timeoutMs?: number;
}

/** URLs the print window may load: its one file, and what Chromium's PDF viewer is made of (no network, no other file). */
export function isPrintWindowRequestAllowed(url: string, fileUrl: string): boolean {
  return url === fileUrl || /^(chrome-extension|chrome|data|blob):/i.test(url);
}

/** The parts of Electron used here (the main process passes its own). */
export type ElectronPrinting = Pick<typeof Electron, 'BrowserWindow' | 'session'>;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return boundInTime(p, ms, () => new PrinterLinkError('timeout', 0, `${what} took longer than ${ms} ms`));
}

export interface PdfPrinting {
  /** The printers Chromium sees (system names). */
  listPrinters(): Promise<string[]>;
  /** Prints a PDF silently on `deviceName`; rejects with PrinterLinkError (not_found, timeout, io). */
  printPdf(pdf: Uint8Array, o: PrintPdfOptions): Promise<void>;
  /** A DocumentPrinter over printPdf, for a system printer by name. */
  printer(name: string): DocumentPrinter;
}

export function createPdfPrinting(electron: ElectronPrinting): PdfPrinting {
  const { BrowserWindow, session } = electron;

  /** The printers Chromium sees (system names). */
  async function listChromiumPrinters(): Promise<string[]> {
    const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    try {
      return (await win.webContents.getPrintersAsync()).map((p) => p.name);
    } finally {
      win.destroy();
    }
  }

  /** Prints a PDF silently on `deviceName`; rejects with PrinterLinkError (not_found, timeout, io). */
  async function printPdf(pdf: Uint8Array, o: PrintPdfOptions): Promise<void> {
    if (pdf.length === 0) throw new PrinterLinkError('io', 0, 'the PDF has 0 bytes');
    const timeoutMs = o.timeoutMs ?? 120_000;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-print-'));
    const file = path.join(dir, 'document.pdf');
    const fileUrl = pathToFileURL(file).href;
    await writeFile(file, pdf);
    // No "persist:" prefix: the session lives in memory and leaves nothing on disk.
    const ses = session.fromPartition(`motcua-print-${randomUUID()}`, { cache: false });
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPrintWindowRequestAllowed(details.url, fileUrl) }));
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    const win = new BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, webSecurity: true, devTools: false },
    });
    let bytesSent = 0;
    try {
      const printers = await win.webContents.getPrintersAsync();
      if (!printers.some((p) => p.name === o.deviceName)) throw new PrinterLinkError('not_found', 0, `no printer named "${o.deviceName}" (Chromium sees: ${printers.map((p) => p.name).join(', ') || 'none'})`);
      await withTimeout(win.loadURL(fileUrl), timeoutMs, 'loading the PDF');
      bytesSent = pdf.length; // from here the spooler may receive the job
      await withTimeout(
        new Promise<void>((resolve, reject) => {
          win.webContents.print({ silent: true, deviceName: o.deviceName, copies: Math.max(1, Math.trunc(o.copies ?? 1)), printBackground: true, usePrinterDefaultPageSize: true }, (success, failureReason) =>
            success ? resolve() : reject(new PrinterLinkError('io', bytesSent, `printing on "${o.deviceName}" failed: ${failureReason}`)),
          );
        }),
        timeoutMs,
        `printing on "${o.deviceName}"`,
      ).catch((e: unknown) => {
        throw e instanceof PrinterLinkError && e.failure === 'timeout' ? new PrinterLinkError('timeout', bytesSent, e.message) : e;
      });
    } finally {
      if (!win.isDestroyed()) win.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** A DocumentPrinter over printPdf, for a system printer by name. */
  function createElectronPdfPrinter(name: string): DocumentPrinter {
    return {
      kind: 'document',
      address: { kind: 'system', name },
      async state(): Promise<DocumentPrinterState> {
        const names = await listChromiumPrinters();
        return names.includes(name) ? { ready: true, reason: null, detail: null } : { ready: false, reason: 'not_found', detail: `no printer named "${name}"` };
      },
      async print(pdf, o) {
        await printPdf(pdf, { deviceName: name, copies: o.copies });
        return { ref: null };
      },
    };
  }

  return { listPrinters: listChromiumPrinters, printPdf, printer: createElectronPdfPrinter };
}
