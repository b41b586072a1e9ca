/**
 * ESC/POS bytes (issue #16): a thermal job from its pieces, and the printer's status and process-ID replies.
 * PLACEHOLDER (skeleton): the owner replaces the bodies; the signatures are what the queue codes against.
 */
import type { PrinterProfile, PrinterStatus, ThermalPiece } from './types';

/** The whole job: ESC @, the pieces, feed and cut (profile), drawer kick, then GS ( H with processId when given. */
export function encodeThermalJob(pieces: readonly ThermalPiece[], profile: PrinterProfile, o: { processId?: Uint8Array; drawerKick?: boolean } = {}): Uint8Array {
  void pieces;
  void profile;
  void o;
  throw new Error('encodeThermalJob: not built yet');
}

/** DLE EOT n (real-time status): 1 printer, 2 offline cause, 3 error cause, 4 paper roll sensor. */
export function statusQuery(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

/** The status from the replies to DLE EOT 1, 2 and 4 (one byte each, in that order); 'garbled' when they are not status bytes. */
export function decodeStatus(replies: Uint8Array): PrinterStatus | 'garbled' {
  void replies;
  throw new Error('decodeStatus: not built yet');
}

/** GS ( H fn 48: the printer answers 37 22 d1..d4 00 once everything before it has printed. */
export function processIdRequest(id: Uint8Array): Uint8Array {
  return Uint8Array.of(0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, ...id);
}

/** Whether `received` holds the process-ID reply for `id`. */
export function hasProcessIdReply(received: Uint8Array, id: Uint8Array): boolean {
  void received;
  void id;
  throw new Error('hasProcessIdReply: not built yet');
}
