/**
 * A timing ESC/POS printer for the print benchmark: it stamps when each connection's first byte, first job byte
 * (the first after the DLE EOT status queries a sender opens with) and last byte arrived, counts the job's bytes, and
 * answers DLE EOT n "online" and GS ( H process-ID requests where they stand as commands (not inside raster data).
 * Why not test/helpers/escpos-printer.ts: that loopback printer registers vitest hooks at import, and benchmarks run
 * as plain scripts (bin/bench.mjs); its decoder stays the tests' reference, this only reads command lengths.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SinkConnection {
  openedAt: number;
  firstByteAt: number | null;
  firstJobByteAt: number | null;
  lastByteAt: number | null;
  /** Bytes after the opening status queries (the job, and any confirmation query after it). */
  jobBytes: number;
  received: number;
  cuts: number;
  ended: boolean;
}

export interface PrintSink {
  uri: string;
  connections: SinkConnection[];
  /** Resolves with the next connection that has ended after carrying a cut (bounded). */
  nextJob(timeoutMs?: number): Promise<SinkConnection>;
  close(): Promise<void>;
}

// Status byte for "online, no fault" (bits 1 and 4 are fixed to 1).
const ONLINE = 0x12;

/** Length of the command at i, or null when more bytes are needed to know it. Unknown bytes count as one. */
function commandLength(b: Buffer, i: number): number | null {
  const avail = b.length - i;
  const c0 = b[i]!;
  if (c0 !== 0x10 && c0 !== 0x1b && c0 !== 0x1d) return 1;
  if (avail < 2) return null;
  const c1 = b[i + 1]!;
  const fixed = (n: number): number | null => (avail >= n ? n : null);
  if (c0 === 0x10) return c1 === 0x04 || c1 === 0x05 ? fixed(3) : c1 === 0x14 ? fixed(5) : 1;
  if (c0 === 0x1b) {
    if (c1 === 0x40 || c1 === 0x32) return 2;
    if (c1 === 0x70) return fixed(5);
    if (c1 === 0x63) return fixed(4);
    if (c1 === 0x2a) {
      if (avail < 5) return null;
      const n = b[i + 3]! + b[i + 4]! * 256;
      return 5 + (b[i + 2] === 32 || b[i + 2] === 33 ? 3 * n : n);
    }
    return [0x74, 0x61, 0x64, 0x4a, 0x45, 0x2d, 0x21, 0x33, 0x4d, 0x47, 0x52, 0x56, 0x7b, 0x20, 0x4b, 0x55].includes(c1) ? fixed(3) : 1;
  }
  switch (c1) {
    case 0x76: // GS v 0 m xL xH yL yH d…
      return avail < 8 ? null : 8 + (b[i + 4]! + b[i + 5]! * 256) * (b[i + 6]! + b[i + 7]! * 256);
    case 0x28: // GS ( fn pL pH …
      return avail < 5 ? null : 5 + b[i + 3]! + b[i + 4]! * 256;
    case 0x38: // GS 8 L p1..p4 …
      return avail < 7 ? null : 7 + b.readUInt32LE(i + 3);
    case 0x56:
      return avail < 3 ? null : [65, 66, 97, 98, 103, 104].includes(b[i + 2]!) ? fixed(4) : 3;
    case 0x4c:
    case 0x57:
    case 0x50:
      return fixed(4);
    case 0x6b: {
      if (avail < 3) return null;
      if (b[i + 2]! <= 6) {
        const nul = b.indexOf(0, i + 3);
        return nul < 0 ? null : nul - i + 1;
      }
      return avail < 4 ? null : 4 + b[i + 3]!;
    }
    default:
      return [0x21, 0x42, 0x48, 0x68, 0x77, 0x66, 0x61, 0x72, 0x49, 0x2f].includes(c1) ? fixed(3) : 1;
  }
}

export async function startPrintSink(): Promise<PrintSink> {
  const connections: SinkConnection[] = [];
  const sockets = new Set<net.Socket>();
  const waiters: Array<() => void> = [];
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const c: SinkConnection = { openedAt: performance.now(), firstByteAt: null, firstJobByteAt: null, lastByteAt: null, jobBytes: 0, received: 0, cuts: 0, ended: false };
    connections.push(c);
    let pending: Buffer = Buffer.alloc(0);
    let inJob = false;
    socket.on('data', (chunk: Buffer) => {
      const now = performance.now();
      c.firstByteAt ??= now;
      c.lastByteAt = now;
      c.received += chunk.length;
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let i = 0;
      for (;;) {
        if (i >= pending.length) break;
        const len = commandLength(pending, i);
        if (len === null || i + len > pending.length) break;
        const isStatus = pending[i] === 0x10 && pending[i + 1] === 0x04;
        if (!isStatus && !inJob) {
          inJob = true;
          c.firstJobByteAt = now;
        }
        if (inJob) c.jobBytes += len;
        if (isStatus) socket.write(Buffer.from([ONLINE]));
        else if (pending[i] === 0x1d && pending[i + 1] === 0x28 && pending[i + 2] === 0x48 && len === 11) socket.write(Buffer.from([0x37, 0x22, ...pending.subarray(i + 7, i + 11), 0x00]));
        else if (pending[i] === 0x1d && pending[i + 1] === 0x56) c.cuts += 1;
        i += len;
      }
      pending = pending.subarray(i);
    });
    socket.on('close', () => {
      c.ended = true;
      sockets.delete(socket);
      for (const w of waiters.splice(0)) w();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let taken = 0;
  return {
    uri: `escpos+tcp://127.0.0.1:${port}`,
    connections,
    async nextJob(timeoutMs = 30_000) {
      const until = performance.now() + timeoutMs;
      for (;;) {
        const i = connections.findIndex((c, k) => k >= taken && c.ended && c.cuts > 0);
        if (i >= 0) {
          taken = i + 1;
          return connections[i]!;
        }
        const left = until - performance.now();
        if (left <= 0) throw new Error('print sink: no job arrived in time');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 200));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
