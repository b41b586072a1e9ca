/**
 * A loopback ESC/POS printer for the tests (issue #16), and a decoder of ESC/POS bytes written from the Epson ESC/POS
 * command reference, independently of core/domain/printing/escpos.ts (so a wrong encoder fails the tests).
 *
 * STABLE API (other helpers' tests use it):
 *
 *   const printer = await startEscposPrinter({ status: 'online', processId: true });   // 127.0.0.1, port 0
 *   printer.uri            'escpos+tcp://127.0.0.1:<port>'   (printer.host, printer.port)
 *   printer.connections    one record per TCP connection, in order: { received, printed, statusQueries,
 *                          processIdRequests, closedByPrinter, ended } (received/printed are Buffers, live)
 *   printer.printed()      every connection's printed bytes, concatenated (what reached the paper)
 *   printer.set({...})     change the behaviour for what comes next (e.g. paper out, then online again)
 *   printer.settle(ms?)    resolves once every connection has been closed by either side (bounded, default 2 s)
 *   printer.reset()        forgets the connections captured so far
 *   printer.close()        closes the server and every connection (also done after each test via afterEach)
 *   await closedPort()     a port on 127.0.0.1 nobody listens on (a printer that refuses connections)
 *   await decodeEscpos(bytes) → DecodedEscpos: { initialised, jobs, completeJobs, items, errors, truncated, ... }
 *   await stackRasters(decoded.items | decoded) → one PNG of every raster item, top to bottom, white gaps (for OCR)
 *   await bitsToPng(bits, width, height) → a PNG of one 1-bit raster (core/domain/printing Raster layout)
 *   Items (DecodedItem): raster {width, height, bits, png, bands} · text {text, magnify, magnifyWidth, align} ·
 *   qr {payload, moduleDots, ec, model} · cut {mode} · drawer {pin} · processId {id: Buffer}. completeJobs counts
 *   jobs (ESC @ …) that reached their GS V cut; `errors` lists anything a well-formed job never has.
 *
 * The printer's behaviour (LoopbackOptions):
 *   status: 'online' | 'offline' | 'paper_out' | 'cover_open' | 'error' | 'garbage'  — answer to DLE EOT n
 *     (one byte per query; 'garbage' answers `garbageReply`, default 0xFF, which no status byte can be).
 *   processId: true → answers GS ( H fn 48 with 37 22 d1..d4 00 once every byte before it was received ("printed").
 *   silentStatus: true → reads everything, never answers DLE EOT (a printer without status, a busy or non-ESC/POS
 *     device on the port).
 *   deaf: true → accepts the connection and never reads a byte (a port that takes connections and nothing else).
 *   statusInData: true → also answers every 10 04 n (n 1–4) found inside other commands' data (raster bytes), as
 *     real printers do (queue-print.md items 8/9): stray status bytes the sender never asked for.
 *   asb: true → sends a 4-byte Automatic Status Back block (online) when the job's first byte arrives and just
 *     before each answer to a DLE EOT (a state change reported unasked, as a printer with ASB on does).
 *   closeAfterJobBytes: N → takes N bytes of the job, then closes the connection (printed = those N bytes).
 *   offlineAfterJobBytes: N → after N bytes of the job the printer goes offline: nothing more is printed, GS ( H is
 *     never answered, DLE EOT answers 'offline'. With offlineStopsReading it also stops reading the socket, so it
 *     answers nothing more (its receive buffer is full) and the sender's writes stall.
 *   "Bytes of the job" count from the first byte after the DLE EOT queries a connection opens with. Fault modes
 *   (closeAfter…, offlineAfter…, offlineStopsReading, deaf) apply to connections opened after set(); status, processId,
 *   silentStatus, statusInData and asb apply at once.
 *
 * The printer parses the stream command by command (so a 10 04 inside raster data is data, not a status query) and
 * answers real-time commands as they arrive, as an Epson TM does.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterEach } from 'vitest';

export type LoopbackStatus = 'online' | 'offline' | 'paper_out' | 'cover_open' | 'error' | 'garbage';

export interface LoopbackOptions {
  status: LoopbackStatus;
  /** Bytes sent for each status query when status is 'garbage'. */
  garbageReply: Buffer;
  processId: boolean;
  silentStatus: boolean;
  deaf: boolean;
  statusInData: boolean;
  asb: boolean;
  closeAfterJobBytes: number | null;
  offlineAfterJobBytes: number | null;
  offlineStopsReading: boolean;
}

export interface LoopbackConnection {
  /** Every byte received on this connection. */
  received: Buffer;
  /** The bytes that reached the paper (all of `received` unless a fault mode cut it short). */
  printed: Buffer;
  /** DLE EOT queries answered or ignored, by n, in order. */
  statusQueries: number[];
  /** GS ( H process IDs received (answered or not). */
  processIdRequests: Buffer[];
  /** The printer closed the connection (closeAfterJobBytes). */
  closedByPrinter: boolean;
  /** The connection is gone (either side). */
  ended: boolean;
}

export interface LoopbackPrinter {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly uri: string;
  readonly connections: readonly LoopbackConnection[];
  printed(): Buffer;
  set(o: Partial<LoopbackOptions>): void;
  settle(timeoutMs?: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

const DEFAULTS: LoopbackOptions = {
  status: 'online',
  garbageReply: Buffer.from([0xff]),
  processId: false,
  silentStatus: false,
  deaf: false,
  statusInData: false,
  asb: false,
  closeAfterJobBytes: null,
  offlineAfterJobBytes: null,
  offlineStopsReading: false,
};

const open = new Set<LoopbackPrinter>();
afterEach(async () => {
  const all = [...open];
  open.clear();
  await Promise.all(all.map((p) => p.close()));
});

// Status bytes (DLE EOT n): bits 1 and 4 are always 1, bits 0 and 7 always 0.
const FIXED = 0x12;
function statusByte(status: Exclude<LoopbackStatus, 'garbage'>, n: number): number {
  const offline = status !== 'online';
  switch (n) {
    case 1: // printer status: bit 3 offline
      return FIXED | (offline ? 0x08 : 0);
    case 2: // offline cause: bit 2 cover open, bit 5 stopped by paper end, bit 6 error
      return FIXED | (status === 'cover_open' ? 0x04 : 0) | (status === 'paper_out' ? 0x20 : 0) | (status === 'error' ? 0x40 : 0);
    case 3: // error cause: bit 6 auto-recoverable error
      return FIXED | (status === 'error' ? 0x40 : 0);
    case 4: // paper roll sensor: bits 5-6 paper end
      return FIXED | (status === 'paper_out' ? 0x6c : 0);
    default:
      return FIXED;
  }
}

/** Starts a loopback printer on 127.0.0.1 (port 0); closed after the test. */
export async function startEscposPrinter(options: Partial<LoopbackOptions> = {}): Promise<LoopbackPrinter> {
  let opts: LoopbackOptions = { ...DEFAULTS, ...options };
  let connections: LoopbackConnection[] = [];
  const sockets = new Set<net.Socket>();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const conn: LoopbackConnection = { received: Buffer.alloc(0), printed: Buffer.alloc(0), statusQueries: [], processIdRequests: [], closedByPrinter: false, ended: false };
    connections.push(conn);
    // Fault modes are fixed when the connection opens (a set() mid-job changes the next connection); the status
    // answers follow set() at once.
    const faults = { closeAfterJobBytes: opts.closeAfterJobBytes, offlineAfterJobBytes: opts.offlineAfterJobBytes, offlineStopsReading: opts.offlineStopsReading };
    let parsed = 0; // offset of the next command not yet acted on
    let jobStart: number | null = null; // offset of the first byte after the opening status queries
    let printLimit = Number.POSITIVE_INFINITY; // bytes of `received` that may reach the paper
    if (opts.deaf) socket.pause();

    const reply = (bytes: Buffer | number[]) => {
      if (!socket.destroyed) socket.write(Buffer.from(bytes));
    };

    // From here the connection's bytes belong to the job: fault limits count from it.
    const startJob = (at: number) => {
      jobStart = at;
      if (opts.asb) reply([0x10, 0x00, 0x00, 0x00]);
      if (faults.offlineAfterJobBytes !== null) printLimit = at + faults.offlineAfterJobBytes;
      if (faults.closeAfterJobBytes !== null) printLimit = Math.min(printLimit, at + faults.closeAfterJobBytes);
      capReceived();
    };
    // Bytes past the limit were never read when the printer closed the connection or stopped reading.
    const capReceived = () => {
      const stopsAt = faults.closeAfterJobBytes !== null || faults.offlineStopsReading;
      if (stopsAt && conn.received.length > printLimit) conn.received = conn.received.subarray(0, printLimit);
    };

    socket.on('data', (chunk: Buffer) => {
      if (conn.closedByPrinter) return;
      conn.received = Buffer.concat([conn.received, chunk]);
      if (jobStart !== null) capReceived();
      for (;;) {
        if (jobStart === null && parsed < conn.received.length && conn.received[parsed] !== 0x10) startJob(parsed);
        const cmd = nextCommand(conn.received, parsed);
        if (cmd === null) break;
        if (jobStart === null && cmd.type !== 'dle-eot') startJob(cmd.offset);
        parsed = cmd.end;
        if (cmd.type === 'dle-eot') {
          conn.statusQueries.push(cmd.n);
          if (opts.silentStatus) continue;
          // Real-time: answered as it arrives; from the limit on, the printer is offline.
          if (opts.asb) reply([0x10, 0x00, 0x00, 0x00]);
          if (cmd.offset >= printLimit) reply([statusByte('offline', cmd.n)]);
          else if (opts.status === 'garbage') reply(opts.garbageReply);
          else reply([statusByte(opts.status, cmd.n)]);
        } else if (cmd.type === 'process-id') {
          conn.processIdRequests.push(Buffer.from(cmd.id));
          // Answered once everything before it has printed.
          if (opts.processId && cmd.end <= printLimit) reply([0x37, 0x22, ...cmd.id, 0x00]);
        } else if (opts.statusInData && !opts.silentStatus && cmd.end <= printLimit) {
          // A real printer scans the stream for real-time commands, data included.
          for (let i = cmd.offset; i + 2 < cmd.end; i++) {
            const n = conn.received[i + 2]!;
            if (conn.received[i] === 0x10 && conn.received[i + 1] === 0x04 && n >= 1 && n <= 4) reply([statusByte(opts.status === 'garbage' ? 'online' : opts.status, n)]);
          }
        }
      }
      conn.printed = conn.received.subarray(0, Math.min(conn.received.length, printLimit));
      if (jobStart === null || conn.received.length < printLimit) return;
      if (faults.closeAfterJobBytes !== null && conn.received.length >= jobStart + faults.closeAfterJobBytes) {
        conn.closedByPrinter = true;
        socket.destroy();
      } else if (faults.offlineStopsReading) {
        socket.pause();
      }
    });
    const end = () => {
      conn.ended = true;
      sockets.delete(socket);
    };
    socket.on('close', end);
    socket.on('error', () => undefined);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closed = false;

  const printer: LoopbackPrinter = {
    host: '127.0.0.1',
    port,
    uri: `escpos+tcp://127.0.0.1:${port}`,
    get connections() {
      return connections;
    },
    printed: () => Buffer.concat(connections.map((c) => c.printed)),
    set(o) {
      opts = { ...opts, ...o };
    },
    async settle(timeoutMs = 2_000) {
      const until = Date.now() + timeoutMs;
      while (connections.some((c) => !c.ended) && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    },
    reset() {
      connections = [];
    },
    async close() {
      if (closed) return;
      closed = true;
      open.delete(printer);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  open.add(printer);
  return printer;
}

/** A port on 127.0.0.1 that refuses connections (bound for a moment, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------------------------------------------------------
// The decoder. Command lengths from the ESC/POS reference; unknown commands are reported in `errors`.

type Command =
  | { type: 'dle-eot'; offset: number; end: number; n: number }
  | { type: 'process-id'; offset: number; end: number; id: Buffer }
  | { type: 'other'; offset: number; end: number };

/** The command starting at `i`, or null when the bytes there are incomplete (or i is the end). */
function nextCommand(b: Buffer, i: number): Command | null {
  const len = commandLength(b, i);
  if (len === null || i + len > b.length) return null;
  const end = i + len;
  if (b[i] === 0x10 && b[i + 1] === 0x04) return { type: 'dle-eot', offset: i, end, n: b[i + 2] ?? 0 };
  if (b[i] === 0x1d && b[i + 1] === 0x28 && b[i + 2] === 0x48 && b[i + 5] === 0x30 && len >= 11) {
    return { type: 'process-id', offset: i, end, id: Buffer.from(b.subarray(i + 7, i + 11)) };
  }
  return { type: 'other', offset: i, end };
}

/** Length of the command at i; null when not enough bytes to know it. Unknown commands count as one byte. */
function commandLength(b: Buffer, i: number): number | null {
  const at = (k: number): number | null => (i + k < b.length ? (b[i + k] as number) : null);
  const c0 = at(0);
  if (c0 === null) return null;
  if (c0 !== 0x10 && c0 !== 0x1b && c0 !== 0x1c && c0 !== 0x1d) return 1;
  const c1 = at(1);
  if (c1 === null) return null;
  const need = (n: number) => (i + n <= b.length ? n : null);
  if (c0 === 0x10) {
    if (c1 === 0x04 || c1 === 0x05) return need(3);
    if (c1 === 0x14) return need(5);
    return 1;
  }
  if (c0 === 0x1c) {
    if (c1 === 0x2e || c1 === 0x26) return 2;
    if (c1 === 0x43) return need(3);
    return 1;
  }
  if (c0 === 0x1b) {
    switch (c1) {
      case 0x40: // ESC @
      case 0x32: // ESC 2
        return 2;
      case 0x70: // ESC p m t1 t2
        return need(5);
      case 0x63: // ESC c 5 n and similar
        return need(4);
      case 0x2a: {
        // ESC * m nL nH d…
        const m = at(2);
        const nL = at(3);
        const nH = at(4);
        if (m === null || nL === null || nH === null) return null;
        const n = nL + nH * 256;
        return 5 + (m === 32 || m === 33 ? 3 * n : n);
      }
      case 0x74: case 0x61: case 0x64: case 0x4a: case 0x45: case 0x2d: case 0x21: case 0x33: case 0x4d: case 0x47: case 0x52: case 0x56: case 0x7b: case 0x20: case 0x4b: case 0x55:
        return need(3);
      default:
        return 2; // unknown: ESC and its function byte
    }
  }
  // GS
  switch (c1) {
    case 0x76: {
      // GS v 0 m xL xH yL yH d…
      if (i + 8 > b.length) return null;
      const x = (b[i + 4] as number) + (b[i + 5] as number) * 256;
      const y = (b[i + 6] as number) + (b[i + 7] as number) * 256;
      return 8 + x * y;
    }
    case 0x28: {
      // GS ( fn pL pH …
      const pL = at(3);
      const pH = at(4);
      if (pL === null || pH === null) return null;
      return 5 + pL + pH * 256;
    }
    case 0x38: {
      // GS 8 L p1 p2 p3 p4 …
      if (i + 7 > b.length) return null;
      return 7 + b.readUInt32LE(i + 3);
    }
    case 0x56: {
      const m = at(2);
      if (m === null) return null;
      return [65, 66, 97, 98, 103, 104].includes(m) ? need(4) : need(3);
    }
    case 0x4c: case 0x57: case 0x50:
      return need(4);
    case 0x21: case 0x42: case 0x48: case 0x68: case 0x77: case 0x66: case 0x61: case 0x72: case 0x49: case 0x2f:
      return need(3);
    case 0x6b: {
      const m = at(2);
      if (m === null) return null;
      if (m <= 6) {
        const nul = b.indexOf(0, i + 3);
        return nul < 0 ? null : nul - i + 1;
      }
      const n = at(3);
      return n === null ? null : 4 + n;
    }
    default:
      return 2; // unknown: GS and its function byte
  }
}

export type DecodedItem =
  /** Consecutive GS v 0 bands of one width with nothing between them are one raster (as they look on paper). */
  | { kind: 'raster'; width: number; height: number; bits: Buffer; png: Buffer; bands: number }
  /** A printed line of the printer's own text; magnify is the height factor of GS ! (magnifyWidth the width's). */
  | { kind: 'text'; text: string; magnify: number; magnifyWidth: number; align: 'left' | 'center' | 'right' }
  | { kind: 'qr'; payload: string; moduleDots: number | null; ec: 'L' | 'M' | 'Q' | 'H' | null; model: number | null }
  | { kind: 'cut'; mode: 'full' | 'partial' }
  | { kind: 'drawer'; pin: number }
  | { kind: 'processId'; id: Buffer };

export interface DecodedEscpos {
  /** The stream starts (after any status queries) with ESC @. */
  initialised: boolean;
  /** ESC @ seen (each starts a job). */
  jobs: number;
  /** Jobs that reached their cut: a job printed to the end (a job with cut 'none' never counts). */
  completeJobs: number;
  /** ESC t n (the last one), null when never set. */
  codePage: number | null;
  items: DecodedItem[];
  /** Fed lines (ESC d) and dots (ESC J) in total. */
  feedLines: number;
  feedDots: number;
  /** DLE EOT queries found in the stream. */
  statusQueries: number;
  /** The stream ends inside a command. */
  truncated: boolean;
  /** Unknown or malformed commands, non-ASCII text bytes, QR print without data … (empty for a well-formed job). */
  errors: string[];
}

interface PendingRaster {
  width: number;
  rows: Buffer[];
  height: number;
  bands: number;
}

/** Decodes ESC/POS bytes into what would be on the paper. */
export async function decodeEscpos(bytes: Uint8Array): Promise<DecodedEscpos> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: DecodedEscpos = { initialised: false, jobs: 0, completeJobs: 0, codePage: null, items: [], feedLines: 0, feedDots: 0, statusQueries: 0, truncated: false, errors: [] };
  const items: (DecodedItem | PendingRaster)[] = [];
  let sawCommand = false;
  let align: 'left' | 'center' | 'right' = 'left';
  let magW = 1;
  let magH = 1;
  let line = '';
  let lineMag: [number, number, 'left' | 'center' | 'right'] | null = null;
  let qr: { payload: string | null; moduleDots: number | null; ec: 'L' | 'M' | 'Q' | 'H' | null; model: number | null } = { payload: null, moduleDots: null, ec: null, model: null };
  let pending: PendingRaster | null = null;
  let jobOpen = false;
  const hex = (o: number, n: number) => [...b.subarray(o, Math.min(b.length, o + n))].map((x) => x.toString(16).padStart(2, '0')).join(' ');

  const endRaster = () => {
    if (pending) items.push(pending);
    pending = null;
  };
  const flushLine = () => {
    if (line.length > 0 && lineMag) {
      endRaster();
      items.push({ kind: 'text', text: line, magnify: lineMag[1], magnifyWidth: lineMag[0], align: lineMag[2] });
    }
    line = '';
    lineMag = null;
  };
  const push = (item: DecodedItem) => {
    flushLine();
    endRaster();
    items.push(item);
  };

  let i = 0;
  while (i < b.length) {
    const len = commandLength(b, i);
    if (len === null || i + len > b.length) {
      out.truncated = true;
      break;
    }
    const c0 = b[i] as number;
    const c1 = b[i + 1];
    const isStatus = c0 === 0x10 && c1 === 0x04;
    if (!sawCommand && !isStatus) {
      sawCommand = true;
      out.initialised = c0 === 0x1b && c1 === 0x40;
    }
    if (c0 >= 0x20 && c0 <= 0x7e) {
      if (lineMag === null) lineMag = [magW, magH, align];
      line += String.fromCharCode(c0);
    } else if (c0 === 0x0a) {
      flushLine();
      out.feedLines += 0; // LF prints the line; it is not an extra feed
    } else if (c0 === 0x0d) {
      // CR: ignored (auto line feed off)
    } else if (c0 < 0x20 && c0 !== 0x10 && c0 !== 0x1b && c0 !== 0x1c && c0 !== 0x1d) {
      out.errors.push(`control byte ${hex(i, 1)} at ${i}`);
    } else if (c0 >= 0x7f) {
      out.errors.push(`non-ASCII byte ${hex(i, 1)} at ${i}`);
    } else if (isStatus) {
      out.statusQueries += 1;
    } else if (c0 === 0x1b) {
      switch (c1) {
        case 0x40:
          flushLine();
          endRaster();
          out.jobs += 1;
          jobOpen = true;
          align = 'left';
          magW = 1;
          magH = 1;
          break;
        case 0x74:
          out.codePage = b[i + 2] as number;
          break;
        case 0x61: {
          const n = (b[i + 2] as number) % 48;
          align = n === 1 ? 'center' : n === 2 ? 'right' : 'left';
          break;
        }
        case 0x64:
          flushLine();
          endRaster();
          out.feedLines += b[i + 2] as number;
          break;
        case 0x4a:
          flushLine();
          endRaster();
          out.feedDots += b[i + 2] as number;
          break;
        case 0x70:
          push({ kind: 'drawer', pin: (b[i + 2] as number) % 48 === 0 ? 2 : 5 });
          break;
        case 0x21: {
          const n = b[i + 2] as number;
          magW = n & 0x20 ? 2 : 1;
          magH = n & 0x10 ? 2 : 1;
          break;
        }
        case 0x32: case 0x33: case 0x45: case 0x2d: case 0x4d: case 0x47: case 0x52: case 0x56: case 0x7b: case 0x20: case 0x63:
          break;
        default:
          out.errors.push(`unknown command ${hex(i, 3)} at ${i}`);
      }
    } else if (c0 === 0x1c) {
      if (len === 1) out.errors.push(`unknown command ${hex(i, 3)} at ${i}`);
    } else if (c0 === 0x1d) {
      switch (c1) {
        case 0x21: {
          const n = b[i + 2] as number;
          magW = (n >> 4) + 1;
          magH = (n & 0x0f) + 1;
          if ((n >> 4) > 7 || (n & 0x0f) > 7) out.errors.push(`GS ! with a size out of range (${n}) at ${i}`);
          break;
        }
        case 0x76: {
          flushLine();
          if (b[i + 2] !== 0x30) out.errors.push(`GS v with function ${hex(i + 2, 1)} at ${i}`);
          const m = (b[i + 3] as number) % 48;
          const xBytes = (b[i + 4] as number) + (b[i + 5] as number) * 256;
          const y = (b[i + 6] as number) + (b[i + 7] as number) * 256;
          let data: Buffer = Buffer.from(b.subarray(i + 8, i + 8 + xBytes * y));
          let width = xBytes * 8;
          let height = y;
          if (m === 1 || m === 3) {
            data = scaleX2(data, xBytes, y);
            width *= 2;
          }
          if (m === 2 || m === 3) {
            data = scaleY2(data, width / 8, height);
            height *= 2;
          }
          if (xBytes === 0 || y === 0) out.errors.push(`empty raster at ${i}`);
          const p = pending as PendingRaster | null; // assigned in closures too
          if (p && p.width === width) {
            p.rows.push(data);
            p.height += height;
            p.bands += 1;
          } else {
            endRaster();
            pending = { width, rows: [data], height, bands: 1 };
          }
          break;
        }
        case 0x28: {
          const fnLetter = b[i + 2] as number;
          const p = (b[i + 3] as number) + (b[i + 4] as number) * 256;
          const body = b.subarray(i + 5, i + 5 + p);
          if (fnLetter === 0x6b) {
            // GS ( k cn fn …: cn 49 = QR
            const cn = body[0];
            const fn = body[1];
            if (cn !== 49) {
              out.errors.push(`GS ( k symbol ${cn} (not QR) at ${i}`);
            } else if (fn === 65) {
              qr.model = (body[2] ?? 0) - 48;
            } else if (fn === 67) {
              qr.moduleDots = body[2] ?? null;
            } else if (fn === 69) {
              qr.ec = (['L', 'M', 'Q', 'H'] as const)[(body[2] ?? 0) - 48] ?? null;
            } else if (fn === 80) {
              if (body[2] !== 48) out.errors.push(`QR store with m=${body[2]} at ${i}`);
              qr.payload = body.subarray(3).toString('latin1');
            } else if (fn === 81) {
              if (qr.payload === null) out.errors.push(`QR print with no stored data at ${i}`);
              else push({ kind: 'qr', payload: qr.payload, moduleDots: qr.moduleDots, ec: qr.ec, model: qr.model });
              qr = { ...qr, payload: null };
            } else {
              out.errors.push(`GS ( k fn ${fn} at ${i}`);
            }
          } else if (fnLetter === 0x48) {
            if (p === 6 && body[0] === 0x30 && body[1] === 0x30) push({ kind: 'processId', id: Buffer.from(body.subarray(2, 6)) });
            else out.errors.push(`GS ( H malformed at ${i}`);
          } else {
            out.errors.push(`GS ( ${String.fromCharCode(fnLetter)} not decoded at ${i}`);
          }
          break;
        }
        case 0x56: {
          const m = b[i + 2] as number;
          const full = [0, 48, 65, 97, 103].includes(m);
          const partial = [1, 49, 66, 98, 104].includes(m);
          if (!full && !partial) {
            out.errors.push(`GS V m=${m} at ${i}`);
            break;
          }
          push({ kind: 'cut', mode: full ? 'full' : 'partial' });
          if (jobOpen) out.completeJobs += 1;
          jobOpen = false;
          break;
        }
        case 0x4c: case 0x57: case 0x50: case 0x42: case 0x48: case 0x68: case 0x77: case 0x66: case 0x61: case 0x72: case 0x49: case 0x2f:
          break;
        default:
          out.errors.push(`unknown command ${hex(i, 3)} at ${i}`);
      }
    } else if (c0 === 0x10) {
      if (len === 1) out.errors.push(`unknown command ${hex(i, 3)} at ${i}`);
    }
    i += len;
  }
  if (!out.truncated) flushLine();
  else line = '';
  endRaster();

  for (const it of items) {
    if ('rows' in it) {
      const bits = Buffer.concat(it.rows);
      out.items.push({ kind: 'raster', width: it.width, height: it.height, bits, png: await bitsToPng(bits, it.width, it.height), bands: it.bands });
    } else {
      out.items.push(it);
    }
  }
  return out;
}

function scaleX2(data: Buffer, xBytes: number, y: number): Buffer {
  const out = Buffer.alloc(xBytes * 2 * y);
  for (let r = 0; r < y; r++) {
    for (let x = 0; x < xBytes * 8; x++) {
      if ((data[r * xBytes + (x >> 3)] as number) & (0x80 >> (x & 7))) {
        for (const xx of [2 * x, 2 * x + 1]) out[r * xBytes * 2 + (xx >> 3)] = (out[r * xBytes * 2 + (xx >> 3)] as number) | (0x80 >> (xx & 7));
      }
    }
  }
  return out;
}

function scaleY2(data: Buffer, rowBytes: number, y: number): Buffer {
  const out = Buffer.alloc(rowBytes * y * 2);
  for (let r = 0; r < y; r++) {
    data.copy(out, 2 * r * rowBytes, r * rowBytes, (r + 1) * rowBytes);
    data.copy(out, (2 * r + 1) * rowBytes, r * rowBytes, (r + 1) * rowBytes);
  }
  return out;
}

/** 1-bit rows (MSB first, 1 = black) → greyscale PNG. */
export async function bitsToPng(bits: Uint8Array, width: number, height: number): Promise<Buffer> {
  const grey = Buffer.alloc(width * height, 255);
  const rowBytes = width / 8;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((bits[y * rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) grey[y * width + x] = 0;
    }
  }
  return sharp(grey, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

/** Every raster item stacked top to bottom in one white PNG (gapDots of white between them), e.g. for OCR. */
export async function stackRasters(from: DecodedEscpos | readonly DecodedItem[], o: { gapDots?: number; marginDots?: number } = {}): Promise<Buffer> {
  const items = Array.isArray(from) ? (from as readonly DecodedItem[]) : (from as DecodedEscpos).items;
  const rasters = items.filter((it): it is Extract<DecodedItem, { kind: 'raster' }> => it.kind === 'raster');
  if (rasters.length === 0) throw new Error('stackRasters: no raster items');
  const gap = o.gapDots ?? 8;
  const margin = o.marginDots ?? 16;
  const width = Math.max(...rasters.map((r) => r.width)) + 2 * margin;
  const height = rasters.reduce((s, r) => s + r.height, 0) + gap * (rasters.length - 1) + 2 * margin;
  const grey = Buffer.alloc(width * height, 255);
  let top = margin;
  for (const r of rasters) {
    const rowBytes = r.width / 8;
    for (let y = 0; y < r.height; y++) {
      for (let x = 0; x < r.width; x++) {
        if ((r.bits[y * rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) grey[(top + y) * width + margin + x] = 0;
      }
    }
    top += r.height + gap;
  }
  return sharp(grey, { raw: { width, height, channels: 1 } }).png().toBuffer();
}
