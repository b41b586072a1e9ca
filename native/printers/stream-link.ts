/**
 * An EscposLink over a Node duplex stream (a TCP socket, a serial port). What matters for "never print twice" is the
 * byte count: data goes out in chunks, one at a time, and a chunk counts only once the OS's write callback said it
 * took it. When the link fails while a chunk is in flight, the error counts that chunk too (part of it may have left),
 * so an error with bytesWritten 0 really means nothing can have reached the printer.
 */
import type { Duplex } from 'node:stream';
import { PrinterLinkError, type EscposLink, type LinkFailure } from './types';
import { withTimeout } from './with-timeout';

/** Small enough that a failure leaves little in doubt, large enough not to slow a 200 KB raster down. */
export const WRITE_CHUNK_BYTES = 4096;

export interface StreamLinkHooks {
  /** What the link is, for messages ("tcp 10.0.0.5:9100"). */
  label: string;
  /** After the OS took every chunk: wait until it has sent them (serial: tcdrain). */
  drain?: (timeoutMs: number) => Promise<void>;
  /** Ends the link gracefully (pending bytes go out); the default ends the stream and waits for 'close'. */
  close?: () => Promise<void>;
}

const CLOSED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'ENOTCONN']);

export function failureOf(e: unknown): LinkFailure {
  const code = (e as { code?: string } | null)?.code ?? '';
  return CLOSED_CODES.has(code) ? 'closed' : 'io';
}

export class StreamLink implements EscposLink {
  readonly duplex = true;
  private written = 0;
  private inFlight = 0;
  private inbox: Buffer[] = [];
  private inboxBytes = 0;
  /** Set once the stream is gone: why. */
  private gone: { failure: LinkFailure; message: string } | null = null;
  private wake: Array<() => void> = [];
  private writing: Promise<void> = Promise.resolve();
  private closing: Promise<void> | null = null;

  constructor(
    private readonly stream: Duplex,
    private readonly hooks: StreamLinkHooks,
  ) {
    stream.on('data', (chunk: Buffer) => {
      this.inbox.push(chunk);
      this.inboxBytes += chunk.length;
      this.notify();
    });
    // Without a listener an 'error' would be thrown; the failure is reported by the write or read that meets it.
    stream.on('error', (e: Error) => this.markGone(failureOf(e), `${hooks.label}: ${e.message}`));
    stream.on('close', () => this.markGone('closed', `${hooks.label}: the printer closed the connection`));
    stream.on('end', () => this.markGone('closed', `${hooks.label}: the printer ended the connection`));
  }

  get bytesWritten(): number {
    return this.written;
  }

  private notify(): void {
    for (const w of this.wake.splice(0)) w();
  }

  /** A method, not a field read: TypeScript would keep a null narrowed across the awaits. */
  private goneFailure(): LinkFailure | null {
    return this.gone?.failure ?? null;
  }

  private markGone(failure: LinkFailure, message: string): void {
    if (this.gone === null) this.gone = { failure, message };
    this.notify();
  }

  private error(failure: LinkFailure, message: string, cause?: unknown): PrinterLinkError {
    return new PrinterLinkError(failure, this.written + this.inFlight, message, cause === undefined ? undefined : { cause });
  }

  write(data: Uint8Array, timeoutMs: number): Promise<void> {
    // One write at a time: counting depends on the order the OS took the chunks in.
    const run = this.writing.then(() => this.writeNow(data, timeoutMs));
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async writeNow(data: Uint8Array, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    if (this.closing !== null) throw this.error('closed', `${this.hooks.label}: the link was closed`);
    for (let off = 0; off < data.length; off += WRITE_CHUNK_BYTES) {
      if (this.gone !== null) throw this.error(this.gone.failure, this.gone.message);
      const chunk = Buffer.from(data.buffer, data.byteOffset + off, Math.min(WRITE_CHUNK_BYTES, data.length - off));
      this.inFlight = chunk.length;
      try {
        await this.writeChunk(chunk, deadline);
      } catch (e) {
        const err = e instanceof PrinterLinkError ? e : this.error(this.goneFailure() ?? failureOf(e), `${this.hooks.label}: ${(e as Error).message}`, e);
        // A link that failed mid-write is in an unknown state: nothing more goes on it.
        this.stream.destroy();
        this.inFlight = 0;
        throw err;
      }
      this.written += chunk.length;
      this.inFlight = 0;
    }
    if (this.hooks.drain) {
      try {
        await withTimeout(this.hooks.drain(Math.max(1, deadline - Date.now())), deadline - Date.now(), () =>
          this.error('timeout', `${this.hooks.label}: the data did not drain within ${timeoutMs} ms`),
        );
      } catch (e) {
        if (e instanceof PrinterLinkError) throw e;
        throw this.error(failureOf(e), `${this.hooks.label}: ${(e as Error).message}`, e);
      }
    }
  }

  private writeChunk(chunk: Buffer, deadline: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (err: PrinterLinkError | Error | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.wake = this.wake.filter((w) => w !== onGone);
        if (err) reject(err);
        else resolve();
      };
      const onGone = (): void => {
        if (this.gone !== null) finish(this.error(this.gone.failure, this.gone.message));
        else this.wake.push(onGone);
      };
      const timer = setTimeout(
        () => finish(this.error('timeout', `${this.hooks.label}: the printer took no data for too long (paper out, cover open, or offline)`)),
        Math.max(1, deadline - Date.now()),
      );
      this.wake.push(onGone);
      this.stream.write(chunk, (err) => finish(err ?? null));
    });
  }

  async read(min: number, timeoutMs: number): Promise<Uint8Array> {
    const deadline = Date.now() + timeoutMs;
    while (this.inboxBytes < min) {
      if (this.gone !== null) break;
      const left = deadline - Date.now();
      if (left <= 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.wake.push(done);
      });
    }
    if (this.inboxBytes === 0 && this.gone !== null) throw this.error('closed', this.gone.message);
    const out = Buffer.concat(this.inbox, this.inboxBytes);
    this.inbox = [];
    this.inboxBytes = 0;
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  }

  close(): Promise<void> {
    if (this.closing === null) {
      this.closing = this.writing.then(async () => {
        if (this.stream.destroyed) return;
        const graceful = this.hooks.close
          ? this.hooks.close()
          : new Promise<void>((resolve) => {
              this.stream.once('close', () => resolve());
              this.stream.end();
            });
        await withTimeout(graceful, 3000, () => new Error('close timed out')).catch(() => undefined);
        if (!this.stream.destroyed) this.stream.destroy();
      });
    }
    return this.closing;
  }
}
