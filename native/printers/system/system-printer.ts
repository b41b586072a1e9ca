/**
 * A4 printers the OS knows by name. Linux and macOS: CUPS (`lp -d NAME -t TITLE -n COPIES`, the PDF on stdin, so no
 * temporary copy of a dossier's form is left behind; state from `lpstat -p NAME -a NAME`). Windows: the
 * `pdf-to-printer` package (SumatraPDF in silent mode, shipped inside the package), imported only there and only
 * when first used. In the Electron app a PDF can also go through Chromium (electron/printing/print-pdf.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors';
import { t } from '../../../core/i18n/translate';
import { PrinterLinkError, type DocumentPrinter, type DocumentPrinterState } from '../types';
import { isSchedulerDown, isUnknownDestination, parseQueueState, parseRequestId, runProgram } from './cups';

export type SystemAddress = { kind: 'system'; name: string };

export interface SystemPrinterOptions {
  /** Default `lp` and `lpstat` on PATH. */
  lp?: string;
  lpstat?: string;
  /** Bound for each command (default 60 s: a large PDF to a remote CUPS server takes a while). */
  timeoutMs?: number;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** Windows: how pdf-to-printer is loaded (tests). */
  loadWindows?: () => Promise<WindowsPrinting>;
}

/** The part of pdf-to-printer used here. */
export interface WindowsPrinting {
  print(file: string, o: { printer: string; copies: number; silent: boolean }): Promise<void>;
  getPrinters(): Promise<Array<{ name: string }>>;
}

async function loadPdfToPrinter(): Promise<WindowsPrinting> {
  const m = (await import('pdf-to-printer')) as unknown as WindowsPrinting & { default?: WindowsPrinting };
  return m.default ?? m;
}

/** A job title CUPS and the spooler show as given: one line, printable, not too long. */
function cleanTitle(title: string): string {
  let out = '';
  for (const ch of title) out += ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? ' ' : ch;
  return out.trim().slice(0, 200) || 'MotCua Desk';
}

export class SystemPrinter implements DocumentPrinter {
  readonly kind = 'document' as const;
  private readonly o: Required<Omit<SystemPrinterOptions, 'env' | 'loadWindows'>> & Pick<SystemPrinterOptions, 'env' | 'loadWindows'>;

  constructor(
    readonly address: SystemAddress,
    opts: SystemPrinterOptions = {},
  ) {
    this.o = { lp: 'lp', lpstat: 'lpstat', timeoutMs: 60_000, platform: process.platform, ...opts };
  }

  private get windows(): boolean {
    return this.o.platform === 'win32';
  }

  /** `detail` is a reason key (printingReasons in core/i18n/messages/printing-escpos.ts), not prose. */
  async state(): Promise<DocumentPrinterState> {
    const name = this.address.name;
    if (this.windows) {
      try {
        const printers = await (this.o.loadWindows ?? loadPdfToPrinter)().then((w) => w.getPrinters());
        return printers.some((p) => p.name === name) ? { ready: true, reason: null, detail: null } : { ready: false, reason: 'not_found', detail: 'no_windows_printer' };
      } catch {
        return { ready: false, reason: 'unreachable', detail: 'windows_unlisted' };
      }
    }
    const r = await runProgram(this.o.lpstat, ['-p', name, '-a', name], { timeoutMs: this.o.timeoutMs, env: this.o.env });
    if (r.missing) return { ready: false, reason: 'unreachable', detail: 'lpstat_missing' };
    if (r.timedOut) return { ready: false, reason: 'unreachable', detail: 'lpstat_timeout' };
    const s = parseQueueState(name, r.stdout);
    if (!s.found) {
      if (isUnknownDestination(r.stderr) || !isSchedulerDown(r.stderr)) return { ready: false, reason: 'not_found', detail: 'no_queue' };
      return { ready: false, reason: 'unreachable', detail: 'scheduler_down' };
    }
    if (!s.enabled || !s.accepting) {
      // CUPS's own reason text (English, e.g. "Paused") is not shown: the clerk gets the state in their language.
      return { ready: false, reason: 'disabled', detail: !s.enabled && !s.accepting ? 'paused_rejecting' : !s.enabled ? 'paused' : 'rejecting' };
    }
    return { ready: true, reason: null, detail: null };
  }

  async print(pdf: Uint8Array, o: { title: string; copies: number; jobKey: string }): Promise<{ ref: string | null }> {
    if (pdf.length === 0) throw new AppError('PRINT_BAD_PDF', { detail: t('printQueue.pdf.empty') });
    const copies = Math.max(1, Math.min(99, Math.trunc(o.copies)));
    return this.windows ? this.printWindows(pdf, o.title, copies) : this.printCups(pdf, o.title, copies);
  }

  private async printCups(pdf: Uint8Array, title: string, copies: number): Promise<{ ref: string | null }> {
    const name = this.address.name;
    const args = ['-d', name, '-t', cleanTitle(title), '-n', String(copies)];
    const r = await runProgram(this.o.lp, args, { input: pdf, timeoutMs: this.o.timeoutMs, env: this.o.env });
    const label = `CUPS queue "${name}"`;
    if (r.missing) throw new PrinterLinkError('unsupported', 0, 'lp is not installed (CUPS client: apt-get install cups-client)');
    // Killed after taking the whole PDF: CUPS may hold the job. Say so with the count, so nobody resends blindly.
    if (r.timedOut) throw new PrinterLinkError('timeout', r.inputTaken ? pdf.length : 0, `${label}: lp did not finish within ${this.o.timeoutMs} ms`);
    if (r.code === 0) return { ref: parseRequestId(r.stdout) };
    // lp failed: CUPS made no job of it, so nothing can print and the job may be sent again (unreachable, 0 bytes).
    const detail = r.stderr.trim() || `lp exited with ${r.code}`;
    if (isUnknownDestination(r.stderr)) throw new PrinterLinkError('not_found', 0, `${label} does not exist`);
    throw new PrinterLinkError('unreachable', 0, `${label}: ${detail}`);
  }

  private async printWindows(pdf: Uint8Array, title: string, copies: number): Promise<{ ref: string | null }> {
    let windows: WindowsPrinting;
    try {
      windows = await (this.o.loadWindows ?? loadPdfToPrinter)();
    } catch (e) {
      throw new PrinterLinkError('unsupported', 0, `printing PDFs on Windows needs pdf-to-printer: ${(e as Error).message}`, { cause: e });
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-print-'));
    // SumatraPDF shows the file name as the job name: the title, made safe for a file name.
    const file = path.join(dir, `${cleanTitle(title).replace(/[<>:"/\\|?*]+/g, '_')}.pdf`);
    try {
      await writeFile(file, pdf);
      const printers = await windows.getPrinters();
      if (!printers.some((p) => p.name === this.address.name)) throw new PrinterLinkError('not_found', 0, `no Windows printer named "${this.address.name}"`);
      try {
        await windows.print(file, { printer: this.address.name, copies, silent: true });
      } catch (e) {
        // SumatraPDF read the file and may have spooled part of it before failing.
        throw new PrinterLinkError('io', pdf.length, `Windows printer "${this.address.name}": ${(e as Error).message}`, { cause: e });
      }
      return { ref: null };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
