/**
 * ESC/POS bytes (issue #16): a thermal job from its pieces, and the printer's status and process-ID replies.
 * Written here rather than with a library: the job is a handful of commands (ESC @, GS v 0, GS ! text, GS ( k QR,
 * GS V, ESC p, GS ( H), and receiptline / node-thermal-printer neither band rasters for small buffers nor add the
 * process-ID request and status decoding the delivery needs (their status readers are known to be unreliable).
 */
import { DOTS_PER_LINE } from './types';
import type { PrinterProfile, PrinterStatus, Raster, ThermalPiece } from './types';

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

/** Rows per GS v 0 command: printers with a small receive buffer take a tall image as several bands. */
export const RASTER_BAND_ROWS = 256;
/** Lines fed after the last piece when the profile does not cut (so the paper can be torn off past the text). */
export const TEAR_FEED_LINES = 4;
/** Longest QR payload the printer stores at error correction M (model 2, version 40, byte mode). */
export const MAX_QR_PAYLOAD = 2331;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The whole job: ESC @, the pieces, feed and cut (profile), drawer kick, then GS ( H with processId when given. */
export function encodeThermalJob(pieces: readonly ThermalPiece[], profile: PrinterProfile, o: { processId?: Uint8Array; drawerKick?: boolean } = {}): Uint8Array {
  const out: number[][] = [];
  const put = (...bytes: number[]) => out.push(bytes);
  put(ESC, 0x40);
  if (profile.codePage !== null) put(ESC, 0x74, profile.codePage);
  const dots = DOTS_PER_LINE[profile.paperWidthMm];
  for (const piece of pieces) {
    switch (piece.kind) {
      case 'raster':
        out.push(...rasterBands(piece.raster, dots));
        break;
      case 'text':
        out.push(nativeText(piece.text, piece.magnify));
        break;
      case 'qr':
        out.push(nativeQr(piece.payload, piece.moduleDots));
        break;
      case 'feed':
        out.push(...feedLines(piece.lines));
        break;
    }
  }
  // GS V 65/66 n: feed to the cutting position (+ n) and cut; without a cutter, feed past the tear bar.
  if (profile.cut === 'full') put(GS, 0x56, 65, 0);
  else if (profile.cut === 'partial') put(GS, 0x56, 66, 0);
  else out.push(...feedLines(TEAR_FEED_LINES));
  // ESC p 0 t1 t2: pulse on pin 2, 50 ms on, 500 ms off.
  if (o.drawerKick) put(ESC, 0x70, 0, 25, 250);
  if (o.processId) out.push([...processIdRequest(o.processId)]);
  const total = out.reduce((s, c) => s + c.length, 0);
  const job = new Uint8Array(total);
  let at = 0;
  for (const c of out) {
    job.set(c, at);
    at += c.length;
  }
  return job;
}

function rasterBands(r: Raster, dotsPerLine: number): number[][] {
  if (!Number.isInteger(r.width) || r.width <= 0 || r.width % 8 !== 0) throw new Error(`raster width ${r.width} is not a positive multiple of 8`);
  if (r.width > dotsPerLine) throw new Error(`raster width ${r.width} is wider than the paper (${dotsPerLine} dots)`);
  if (!Number.isInteger(r.height) || r.height <= 0) throw new Error(`raster height ${r.height} is not a positive integer`);
  const rowBytes = r.width / 8;
  if (r.bits.length !== rowBytes * r.height) throw new Error(`raster has ${r.bits.length} bytes, expected ${rowBytes * r.height}`);
  // Left-aligned: a narrower raster keeps its own left margin (the renderer centres by padding).
  const cmds: number[][] = [[ESC, 0x61, 0]];
  for (let top = 0; top < r.height; top += RASTER_BAND_ROWS) {
    const rows = Math.min(RASTER_BAND_ROWS, r.height - top);
    const band = r.bits.subarray(top * rowBytes, (top + rows) * rowBytes);
    cmds.push([GS, 0x76, 0x30, 0, rowBytes & 0xff, rowBytes >> 8, rows & 0xff, rows >> 8, ...band]);
  }
  return cmds;
}

function nativeText(text: string, magnify: number): number[] {
  if (!PRINTABLE_ASCII.test(text)) throw new Error(`native text must be printable ASCII (Vietnamese goes as raster): ${JSON.stringify(text)}`);
  if (text.length === 0) throw new Error('native text is empty');
  if (!Number.isInteger(magnify) || magnify < 1 || magnify > 8) throw new Error(`text magnification ${magnify} is not 1..8`);
  const size = ((magnify - 1) << 4) | (magnify - 1);
  return [ESC, 0x61, 1, GS, 0x21, size, ...Buffer.from(text, 'latin1'), LF, GS, 0x21, 0, ESC, 0x61, 0];
}

function nativeQr(payload: string, moduleDots: number): number[] {
  if (!PRINTABLE_ASCII.test(payload) || payload.length === 0) throw new Error(`QR payload must be non-empty printable ASCII: ${JSON.stringify(payload)}`);
  if (payload.length > MAX_QR_PAYLOAD) throw new Error(`QR payload of ${payload.length} characters is longer than ${MAX_QR_PAYLOAD}`);
  if (!Number.isInteger(moduleDots) || moduleDots < 1 || moduleDots > 16) throw new Error(`QR module size ${moduleDots} is not 1..16`);
  const store = payload.length + 3;
  return [
    ESC, 0x61, 1,
    GS, 0x28, 0x6b, 4, 0, 49, 65, 50, 0, // model 2
    GS, 0x28, 0x6b, 3, 0, 49, 67, moduleDots, // module size
    GS, 0x28, 0x6b, 3, 0, 49, 69, 49, // error correction M
    GS, 0x28, 0x6b, store & 0xff, store >> 8, 49, 80, 48, ...Buffer.from(payload, 'latin1'), // store
    GS, 0x28, 0x6b, 3, 0, 49, 81, 48, // print
    LF,
    ESC, 0x61, 0,
  ];
}

function feedLines(lines: number): number[][] {
  if (!Number.isInteger(lines) || lines < 0) throw new Error(`feed of ${lines} lines is not a whole number`);
  const cmds: number[][] = [];
  for (let left = lines; left > 0; left -= 255) cmds.push([ESC, 0x64, Math.min(255, left)]);
  return cmds;
}

/** DLE EOT n (real-time status): 1 printer, 2 offline cause, 3 error cause, 4 paper roll sensor. */
export function statusQuery(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

/** A status byte has bits 1 and 4 set and bits 0 and 7 clear; anything else is not an ESC/POS status reply. */
function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/**
 * The answer to one DLE EOT query among the bytes read after it: the first byte that is not part of an Automatic
 * Status Back block (4 bytes, the first with bits 4 set and 0, 1, 7 clear: a printer with ASB on sends them when its
 * state changes, unasked). 'more' while only whole or partial ASB blocks were read.
 */
export function statusAnswer(bytes: Uint8Array): number | 'more' {
  let i = 0;
  while (i < bytes.length && (bytes[i]! & 0x93) === 0x10) {
    if (i + 4 > bytes.length) return 'more';
    i += 4;
  }
  return i < bytes.length ? bytes[i]! : 'more';
}

/** The status from the replies to DLE EOT 1, 2 and 4 (one byte each, in that order); 'garbled' when they are not status bytes. */
export function decodeStatus(replies: Uint8Array): PrinterStatus | 'garbled' {
  if (replies.length !== 3) return 'garbled';
  const [printer, offlineCause, paper] = replies as unknown as [number, number, number];
  if (![printer, offlineCause, paper].every(isStatusByte)) return 'garbled';
  return {
    online: (printer & 0x08) === 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    // Paper end: the roll sensor (n=4 bits 5-6) or printing stopped at paper end (n=2 bit 5).
    paperOut: (paper & 0x60) !== 0 || (offlineCause & 0x20) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    error: (offlineCause & 0x40) !== 0,
  };
}

/** GS ( H fn 48: the printer answers 37 22 d1..d4 00 once everything before it has printed. */
export function processIdRequest(id: Uint8Array): Uint8Array {
  if (id.length !== 4) throw new Error(`a process ID is 4 bytes, got ${id.length}`);
  for (const d of id) if (d < 0x20 || d > 0x7e) throw new Error('process ID bytes must be printable ASCII (32..126)');
  return Uint8Array.of(0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, ...id);
}

/** Whether `received` holds the process-ID reply for `id`. */
export function hasProcessIdReply(received: Uint8Array, id: Uint8Array): boolean {
  const reply = [0x37, 0x22, ...id, 0x00];
  outer: for (let i = 0; i + reply.length <= received.length; i++) {
    for (let k = 0; k < reply.length; k++) if (received[i + k] !== reply[k]) continue outer;
    return true;
  }
  return false;
}

/** A process ID for a job: four ASCII digits (Epson takes 32..126 for d1..d4), from any number (e.g. the job's seq). */
export function processIdFor(n: number): Uint8Array {
  const s = String(Math.abs(Math.trunc(n)) % 10_000).padStart(4, '0');
  return Uint8Array.from(Buffer.from(s, 'latin1'));
}
