import { describe, expect, it } from 'vitest';
import { decodeStatus, hasProcessIdReply, statusAnswer, statusQuery } from '../../../core/domain/printing/escpos';

describe('decodeStatus (DLE EOT 1, 2, 4)', () => {
  it('reads a printer that is online with paper', () => {
    expect(decodeStatus(Uint8Array.of(0x12, 0x12, 0x12))).toEqual({ online: true, coverOpen: false, paperOut: false, paperNearEnd: false, error: false });
    expect([...statusQuery(4)]).toEqual([0x10, 0x04, 4]);
  });

  it('reads offline, cover open, paper out, near end and error from their bits', () => {
    expect(decodeStatus(Uint8Array.of(0x1a, 0x12, 0x12))).toMatchObject({ online: false, coverOpen: false, paperOut: false });
    expect(decodeStatus(Uint8Array.of(0x1a, 0x16, 0x12))).toMatchObject({ online: false, coverOpen: true });
    expect(decodeStatus(Uint8Array.of(0x1a, 0x32, 0x72))).toMatchObject({ online: false, paperOut: true });
    // The roll sensor alone (n=4 bits 5-6) says paper out, as does printing stopped at the paper end (n=2 bit 5).
    expect(decodeStatus(Uint8Array.of(0x1a, 0x12, 0x72))).toMatchObject({ paperOut: true });
    expect(decodeStatus(Uint8Array.of(0x1a, 0x12, 0x32))).toMatchObject({ paperOut: true });
    // Paper stopped at the end (n=2 bit 5) alone also means paper out.
    expect(decodeStatus(Uint8Array.of(0x1a, 0x32, 0x12))).toMatchObject({ paperOut: true });
    expect(decodeStatus(Uint8Array.of(0x12, 0x12, 0x1e))).toMatchObject({ online: true, paperNearEnd: true, paperOut: false });
    expect(decodeStatus(Uint8Array.of(0x1a, 0x52, 0x12))).toMatchObject({ online: false, error: true });
  });

  it('calls anything that breaks the fixed bits, or the wrong number of bytes, garbled', () => {
    expect(decodeStatus(Uint8Array.of(0xff, 0x12, 0x12))).toBe('garbled'); // bit 7 set
    expect(decodeStatus(Uint8Array.of(0x12, 0x13, 0x12))).toBe('garbled'); // bit 0 set
    expect(decodeStatus(Uint8Array.of(0x12, 0x12, 0x02))).toBe('garbled'); // bit 4 clear
    expect(decodeStatus(Uint8Array.of(0x12, 0x12, 0x10))).toBe('garbled'); // bit 1 clear
    expect(decodeStatus(Buffer.from('HTT'))).toBe('garbled');
    expect(decodeStatus(Uint8Array.of(0x12, 0x12))).toBe('garbled');
    expect(decodeStatus(Uint8Array.of(0x12, 0x12, 0x12, 0x12))).toBe('garbled');
    expect(decodeStatus(new Uint8Array(0))).toBe('garbled');
  });
});

describe('hasProcessIdReply', () => {
  const id = Buffer.from('0042');
  it('finds 37 22 d1..d4 00 anywhere in what was received', () => {
    expect(hasProcessIdReply(Buffer.from([0x37, 0x22, ...id, 0x00]), id)).toBe(true);
    expect(hasProcessIdReply(Buffer.from([0x12, 0x12, 0x37, 0x22, ...id, 0x00, 0x12]), id)).toBe(true);
  });
  it('does not take another job\'s reply, a cut-short reply or a missing NUL', () => {
    expect(hasProcessIdReply(Buffer.from([0x37, 0x22, ...Buffer.from('0041'), 0x00]), id)).toBe(false);
    expect(hasProcessIdReply(Buffer.from([0x37, 0x22, ...id]), id)).toBe(false);
    expect(hasProcessIdReply(Buffer.from([0x37, 0x22, ...id, 0x01]), id)).toBe(false);
    expect(hasProcessIdReply(new Uint8Array(0), id)).toBe(false);
  });
});

describe('statusAnswer (one DLE EOT answer among the bytes read)', () => {
  it('skips whole ASB blocks, waits for the rest of a partial one, takes the first other byte', () => {
    expect(statusAnswer(Uint8Array.of(0x12))).toBe(0x12);
    expect(statusAnswer(Uint8Array.of(0x10, 0x00, 0x00, 0x00, 0x1a, 0x12))).toBe(0x1a);
    expect(statusAnswer(Uint8Array.of(0x10, 0x00))).toBe('more');
    expect(statusAnswer(Uint8Array.of(0x10, 0x00, 0x00, 0x00))).toBe('more');
    expect(statusAnswer(Uint8Array.of())).toBe('more');
    // Not a status byte, not ASB: the caller sees it is garbage.
    expect(statusAnswer(Uint8Array.of(0xff))).toBe(0xff);
  });
});
