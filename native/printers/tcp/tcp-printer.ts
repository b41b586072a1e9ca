/**
 * ESC/POS over TCP (the printer's raw port, 9100 by default; "JetDirect"/AppSocket). One connection per job: the
 * printer's buffer and status belong to that job, and a connection left open would block the next one (most
 * thermal printers serve a single client). Keep-alive stays off (a job is seconds long; a half-dead connection is
 * found by the write timeout), Nagle's algorithm off (the first byte should not wait for a full segment).
 */
import net from 'node:net';
import { StreamLink } from '../stream-link';
import { PrinterLinkError, type EscposLink, type EscposPrinter, type LinkFailure } from '../types';

export type TcpAddress = { kind: 'escpos'; transport: 'tcp'; host: string; port: number };

/** Why a connection could not be made: nothing was sent in any of these cases. */
function connectFailure(code: string | undefined): LinkFailure {
  // Refused, unreachable, unknown host: all say "not there now"; the queue waits and tries again.
  return code === 'ETIMEDOUT' ? 'timeout' : 'unreachable';
}

export class TcpEscposPrinter implements EscposPrinter {
  readonly kind = 'escpos' as const;

  constructor(readonly address: TcpAddress) {}

  private get label(): string {
    const host = this.address.host.includes(':') ? `[${this.address.host}]` : this.address.host;
    return `tcp ${host}:${this.address.port}`;
  }

  open(timeoutMs: number): Promise<EscposLink> {
    const label = this.label;
    return new Promise<EscposLink>((resolve, reject) => {
      const socket = net.connect({ host: this.address.host, port: this.address.port, noDelay: true, keepAlive: false });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrinterLinkError('timeout', 0, `${label}: no connection within ${timeoutMs} ms`));
      }, timeoutMs);
      const onError = (e: NodeJS.ErrnoException): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(new PrinterLinkError(connectFailure(e.code), 0, `${label}: ${e.code ?? e.message}`, { cause: e }));
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', onError);
        socket.setKeepAlive(false);
        resolve(new StreamLink(socket, { label }));
      });
    });
  }
}
