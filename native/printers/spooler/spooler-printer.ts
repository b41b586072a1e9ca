/**
 * ESC/POS through the Windows spooler in RAW mode (escpos+spooler://<printer name>): for a thermal printer installed
 * with its vendor's Windows driver (USB001 port, shared printer), which raw USB cannot open. One job is one
 * PowerShell process running raw-print-script.ts: the job's bytes go to its stdin, the spooler's count comes back
 * after each WritePrinter, and close() ends the document (EndDocPrinter) so the spooler releases it to the printer.
 * One-way: a spooler does not pass the printer's replies back, so there is no status query or process-ID
 * confirmation on this link. Only Windows has it; elsewhere open() is 'unsupported'.
 */
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PrinterLinkError, type EscposLink, type EscposPrinter, type LinkFailure } from '../types';
import { rawPrintArgs, SPOOLER_PRINTER_ENV, SPOOLER_TITLE_ENV } from './raw-print-script';

export type SpoolerAddress = { kind: 'escpos'; transport: 'spooler'; name: string };

type SpawnLike = (command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; stdio: ['pipe', 'pipe', 'pipe']; windowsHide: boolean }) => ChildProcess;

export interface SpoolerPrinterOptions {
  platform?: NodeJS.Platform;
  /** Default powershell.exe (Windows PowerShell 5.1). */
  powershell?: string;
  spawn?: SpawnLike;
  env?: NodeJS.ProcessEnv;
  /** The document name the spooler shows (default "MotCua Desk"). */
  title?: string;
  /** How long close() waits for the spooler to take the end of the document (default 30 s). */
  closeTimeoutMs?: number;
}

type Line = { type: 'open'; job: number } | { type: 'written'; total: number } | { type: 'done'; total: number; job: number } | { type: 'error'; stage: string; code: number; message: string };

/** The Win32 error of a failed step, as a link failure (1801 invalid printer name, 5 access denied …). */
export function spoolerFailure(stage: string, code: number): LinkFailure {
  if (code === 1801 || code === 2 || code === 1799) return 'not_found';
  if (code === 5) return 'unreachable';
  if (stage === 'open' || stage === 'start') return 'unreachable';
  return 'io';
}

function parseLine(s: string): Line | null {
  try {
    const v = JSON.parse(s) as Line;
    return typeof v === 'object' && v !== null && typeof v.type === 'string' ? v : null;
  } catch {
    return null; // PowerShell's own chatter
  }
}

export class SpoolerEscposPrinter implements EscposPrinter {
  readonly kind = 'escpos' as const;

  constructor(
    readonly address: SpoolerAddress,
    private readonly opts: SpoolerPrinterOptions = {},
  ) {}

  open(timeoutMs: number): Promise<EscposLink> {
    const platform = this.opts.platform ?? process.platform;
    const label = `Windows spooler "${this.address.name}"`;
    if (platform !== 'win32') {
      return Promise.reject(new PrinterLinkError('unsupported', 0, `${label}: the Windows spooler exists only on Windows; on ${platform} use escpos+tcp://, escpos+usb:// or escpos+serial://`));
    }
    const env = { ...(this.opts.env ?? process.env), [SPOOLER_PRINTER_ENV]: this.address.name, [SPOOLER_TITLE_ENV]: this.opts.title ?? 'MotCua Desk' };
    const child = (this.opts.spawn ?? (nodeSpawn as unknown as SpawnLike))(this.opts.powershell ?? 'powershell.exe', rawPrintArgs(), { env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const link = new SpoolerLink(child, label, this.opts.closeTimeoutMs ?? 30_000);
    return link.opened(timeoutMs).then(() => link);
  }
}

class SpoolerLink implements EscposLink {
  readonly duplex = false;
  /** What the spooler reported taking (WritePrinter's count). */
  private acknowledged = 0;
  /** What was handed to the script's stdin. */
  private piped = 0;
  private state: 'opening' | 'open' | 'done' | 'failed' = 'opening';
  private failure: PrinterLinkError | null = null;
  private listeners: Array<() => void> = [];
  private stderr = '';
  private closing: Promise<void> | null = null;

  constructor(
    private readonly child: ChildProcess,
    private readonly label: string,
    private readonly closeTimeoutMs: number,
  ) {
    child.stdin!.on('error', () => undefined); // the script exited: its last line or exit says why
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr = (this.stderr + d).slice(-4000)));
    createInterface({ input: child.stdout! }).on('line', (s) => this.onLine(parseLine(s.trim())));
    child.on('error', (e: NodeJS.ErrnoException) =>
      this.fail(new PrinterLinkError(e.code === 'ENOENT' ? 'unsupported' : 'io', this.piped, `${this.label}: powershell.exe could not run (${e.message})`, { cause: e })),
    );
    // 'close', not 'exit': the script's last lines are read before its end is judged.
    child.on('close', (code) => {
      if (this.state === 'done') return;
      const why = this.stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${code}`;
      this.fail(new PrinterLinkError(this.state === 'opening' ? 'unreachable' : 'closed', this.piped, `${this.label}: the spooler helper ended (${why})`));
    });
  }

  get bytesWritten(): number {
    return this.acknowledged;
  }

  private notify(): void {
    for (const l of this.listeners.splice(0)) l();
  }

  private fail(e: PrinterLinkError): void {
    if (this.state === 'failed' || this.state === 'done') return;
    this.state = 'failed';
    this.failure = e;
    this.notify();
  }

  private onLine(line: Line | null): void {
    if (line === null) return;
    if (line.type === 'open') this.state = 'open';
    else if (line.type === 'written') this.acknowledged = Math.max(this.acknowledged, line.total);
    else if (line.type === 'done') {
      this.acknowledged = Math.max(this.acknowledged, line.total);
      this.state = 'done';
    } else if (line.type === 'error') {
      // Bytes piped but not yet acknowledged may have been written before the failure: counted, never dropped.
      this.fail(new PrinterLinkError(spoolerFailure(line.stage, line.code), line.stage === 'open' || line.stage === 'start' ? 0 : this.piped, `${this.label}: ${line.stage} failed (Win32 ${line.code}: ${line.message})`));
    }
    this.notify();
  }

  /** Waits until `done()` holds, the link fails, or timeoutMs passes (then `onTimeout`). */
  private until(done: () => boolean, timeoutMs: number, onTimeout: () => PrinterLinkError): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (done()) {
          clearTimeout(timer);
          resolve();
        } else if (this.failure) {
          clearTimeout(timer);
          reject(this.failure);
        } else this.listeners.push(check);
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(onTimeout());
      }, timeoutMs);
      check();
    });
  }

  async opened(timeoutMs: number): Promise<void> {
    try {
      await this.until(() => this.state === 'open' || this.state === 'done', timeoutMs, () => new PrinterLinkError('timeout', 0, `${this.label}: the spooler did not open the printer within ${timeoutMs} ms`));
    } catch (e) {
      this.child.kill();
      throw e;
    }
  }

  async write(data: Uint8Array, timeoutMs: number): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.closing || this.state !== 'open') throw new PrinterLinkError('closed', this.piped, `${this.label}: the link is closed`);
    this.piped += data.length;
    const target = this.piped;
    this.child.stdin!.write(Buffer.from(data.buffer, data.byteOffset, data.length));
    await this.until(
      () => this.acknowledged >= target,
      timeoutMs,
      () => new PrinterLinkError('timeout', this.piped, `${this.label}: the spooler took ${this.acknowledged} of ${target} bytes within ${timeoutMs} ms`),
    );
  }

  read(): Promise<Uint8Array> {
    return Promise.reject(new PrinterLinkError('unsupported', this.acknowledged, `${this.label}: the Windows spooler passes no replies back (one-way link)`));
  }

  /** Ends the document; rejects when the spooler did not complete it (the bytes may still be in its queue). */
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = (async () => {
        if (this.state === 'failed' || this.state === 'done') return;
        this.child.stdin!.end();
        try {
          await this.until(() => this.state === 'done', this.closeTimeoutMs, () => new PrinterLinkError('timeout', this.piped, `${this.label}: the spooler did not finish the document within ${this.closeTimeoutMs} ms`));
        } catch (e) {
          this.child.kill();
          throw e;
        }
      })();
    }
    return this.closing;
  }
}
