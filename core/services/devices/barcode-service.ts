/**
 * Barcodes from a HID POS scanner (USB HID usage page 0x8C). Unlike keyboard-wedge mode the text arrives as
 * UTF-8 bytes, so Vietnamese names survive. The scanner is opened on first use; scans are numbered and kept
 * briefly so every client (Electron window, browser tab) receives them by long-polling waitScan: no push channel
 * is needed on any transport.
 */
import { AppError, isAppError } from '../../contract/errors';
import { errorMessage } from '../../i18n/translate';
import type { Logger } from '../../platform/logger';
import type { BarcodeSource } from '../../../native/hid/pos-scanner';

export interface Scan {
  seq: number;
  text: string;
  device: string;
  symbology: string;
  at: string;
}

const KEEP = 20;
/** After a failure (no scanner, unplugged), wait this long before trying to open one again. */
const RETRY_MS = 10_000;

export class BarcodeService {
  private readonly scans: Scan[] = [];
  private seq = 0;
  private state: 'off' | 'listening' | 'error' = 'off';
  private device: string | null = null;
  private lastError: AppError | null = null;
  private lastAttempt = 0;
  private starting: Promise<void> | null = null;
  private readonly waiters = new Set<(s: Scan) => void>();

  constructor(private readonly source: BarcodeSource, private readonly logger: Logger, private readonly now: () => Date = () => new Date()) {}

  status(): { state: 'off' | 'listening' | 'error'; device: string | null; error: { code: string; message: string } | null; lastSeq: number } {
    return {
      state: this.state,
      device: this.device,
      error: this.lastError ? { code: this.lastError.code, message: errorMessage(this.lastError.code, this.lastError.params) } : null,
      lastSeq: this.seq,
    };
  }

  /** Opens the scanner unless it is open, being opened, or failed less than RETRY_MS ago. */
  ensureStarted(): Promise<void> {
    if (this.state === 'listening') return Promise.resolve();
    if (this.starting) return this.starting;
    if (this.state === 'error' && this.now().getTime() - this.lastAttempt < RETRY_MS) return Promise.resolve();
    this.lastAttempt = this.now().getTime();
    this.starting = this.source
      .start(
        (text, info) => {
          this.device = info.device;
          this.push({ seq: ++this.seq, text, device: info.device, symbology: info.symbology, at: this.now().toISOString() });
        },
        (err) => this.fail(err),
      )
      .then(() => {
        this.state = 'listening';
        this.lastError = null;
        this.logger.info('HID POS scanner listening');
      })
      .catch((err: unknown) => this.fail(err))
      .finally(() => {
        this.starting = null;
      });
    return this.starting;
  }

  private fail(err: unknown): void {
    const e = isAppError(err) ? err : new AppError('CCCD_SCANNER_UNAVAILABLE', {}, { cause: err });
    const wasListening = this.state === 'listening';
    this.state = 'error';
    this.lastError = e;
    this.logger[wasListening ? 'warn' : 'info']('HID POS scanner not available', { code: e.code });
    if (wasListening && e.code === 'CCCD_SCANNER_DISCONNECTED') void this.source.stop();
  }

  private push(scan: Scan): void {
    this.scans.push(scan);
    if (this.scans.length > KEEP) this.scans.shift();
    for (const w of this.waiters) w(scan);
    this.waiters.clear();
  }

  async waitScan(afterSeq: number, timeoutMs: number): Promise<Scan | null> {
    await this.ensureStarted();
    const ready = this.scans.find((s) => s.seq > afterSeq);
    if (ready || timeoutMs === 0) return ready ?? null;
    return new Promise((resolve) => {
      const done = (s: Scan | null) => {
        clearTimeout(timer);
        this.waiters.delete(onScan);
        resolve(s);
      };
      const onScan = (s: Scan) => done(s);
      const timer = setTimeout(() => done(null), timeoutMs);
      this.waiters.add(onScan);
    });
  }

  async close(): Promise<void> {
    for (const w of this.waiters) w({ seq: -1, text: '', device: '', symbology: '', at: '' });
    this.waiters.clear();
    if (this.state === 'listening') await this.source.stop();
    this.state = 'off';
  }
}
