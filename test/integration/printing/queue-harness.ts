/**
 * What the print queue tests share: a core with printing, a connection, and the printer pieces. The renderer,
 * transports, URI parser, ESC/POS encoder and delivery are the real ones; openPrinter opens the real TCP and pdf: printers
 * (native/printers), and `watch` lets a test look at the database at the moment a printer is opened and its first
 * byte written. A gate is a fixed 127.0.0.1 port where a printer can be absent and later come back.
 */
import net from 'node:net';
import type { PrintingParts } from '../../../core/services/printing/print-parts';
import type { EscposLink, EscposPrinter } from '../../../native/printers/types';
import { closedPort } from '../../helpers/escpos-printer';
import { openRealPrinter } from './queue-parts';

export { until } from '../ocr/queue-harness';
export { FAST_TIMEOUTS, clerk, openCore, openRealPrinter, testParts } from './queue-parts';

export interface Watch {
  /** Called when the queue opens a link, and before a link's first write. */
  onOpen?: () => void;
  onFirstWrite?: () => void;
}

/** openPrinter with hooks around the real ESC/POS links. */
export function watchedOpen(w: Watch): PrintingParts['openPrinter'] {
  return (a) => {
    const p = openRealPrinter(a);
    if (p.kind !== 'escpos') return p;
    const inner: EscposPrinter = p;
    return {
      kind: 'escpos',
      address: inner.address,
      async open(timeoutMs) {
        w.onOpen?.();
        const link = await inner.open(timeoutMs);
        let first = true;
        const wrapped: EscposLink = {
          get duplex() {
            return link.duplex;
          },
          get bytesWritten() {
            return link.bytesWritten;
          },
          write(data, ms) {
            // Status queries go first; the job's first byte is the first write after onWriting (ESC @).
            if (first && data[0] === 0x1b && data[1] === 0x40) {
              first = false;
              w.onFirstWrite?.();
            }
            return link.write(data, ms);
          },
          read: (min, ms) => link.read(min, ms),
          close: () => link.close(),
        };
        return wrapped;
      },
    } satisfies EscposPrinter;
  };
}

/** A fixed port where a printer is absent until `up` forwards it to `target` (the same printer coming back). */
export async function gate(): Promise<{ uri: string; up(targetPort: number): Promise<void>; down(): Promise<void> }> {
  const port = await closedPort();
  let server: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  return {
    uri: `escpos+tcp://127.0.0.1:${port}`,
    up: (targetPort) =>
      new Promise<void>((resolve, reject) => {
        server = net.createServer((c) => {
          const u = net.connect(targetPort, '127.0.0.1');
          sockets.add(c).add(u);
          c.pipe(u);
          u.pipe(c);
          const end = () => (c.destroy(), u.destroy());
          c.on('error', end).on('close', end);
          u.on('error', end).on('close', end);
        });
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    down: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      server = null;
    },
  };
}

