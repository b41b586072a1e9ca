/**
 * deliverEscpos against the loopback ESC/POS printer through the real TCP transport: the outcome, what reached the
 * paper (decoded), and whether onWriting was called. Timeouts are short and passed in, so every case is bounded.
 */
import { describe, expect, it } from 'vitest';
import { encodeThermalJob, processIdFor } from '../../../core/domain/printing/escpos';
import type { PrinterProfile, Raster } from '../../../core/domain/printing/types';
import { errorMessage, hasMessage } from '../../../core/i18n/translate';
import { DELIVERY_ERROR_CODES, deliverEscpos, type DeliveryOutcome, type DeliveryTimeouts } from '../../../core/services/printing/delivery';
import { TcpEscposPrinter } from '../../../native/printers/tcp/tcp-printer';
import { PrinterLinkError, type EscposLink, type EscposPrinter } from '../../../native/printers/types';
import { closedPort, decodeEscpos, startEscposPrinter, type LoopbackPrinter } from '../../helpers/escpos-printer';
import { testProfile as profile } from '../../helpers/printer-profile';

const TIMEOUTS: DeliveryTimeouts = { connect: 1_000, write: 2_000, status: 150, confirm: 300 };

/** A receipt-sized job: a 576×400 raster (about 29 KB), the number as text, a QR. */
function receiptJob(p: PrinterProfile, o: { processId?: Uint8Array } = {}): Uint8Array {
  const width = 576;
  const height = 400;
  const bits = new Uint8Array((width / 8) * height);
  for (let i = 0; i < bits.length; i++) bits[i] = (i * 37) & 0xff;
  const raster: Raster = { width, height, bits };
  return encodeThermalJob(
    [
      { kind: 'raster', raster },
      { kind: 'text', text: '1023', magnify: 4 },
      { kind: 'qr', payload: 'MC-1023', moduleDots: 6 },
    ],
    p,
    o,
  );
}

const tcp = (printer: LoopbackPrinter | { port: number }) => new TcpEscposPrinter({ kind: 'escpos', transport: 'tcp', host: '127.0.0.1', port: printer.port });

async function deliver(target: EscposPrinter, job: Uint8Array, p: PrinterProfile, id = processIdFor(7)) {
  let writing = 0;
  const outcome = await deliverEscpos(target, job, p, { processId: id, timeouts: TIMEOUTS, onWriting: () => (writing += 1) });
  return { outcome, writing };
}

const codeOf = (o: DeliveryOutcome) => (o.outcome === 'printed' ? null : o.error.code);

describe('deliverEscpos over TCP to the loopback printer', () => {
  it('prints and is confirmed by the process-ID reply (GS ( H appended once, after the cut)', async () => {
    const printer = await startEscposPrinter({ processId: true });
    const p = profile({ processIdReply: true });
    const job = receiptJob(p);
    const { outcome, writing } = await deliver(tcp(printer), job, p, processIdFor(42));
    expect(outcome).toEqual({ outcome: 'printed', confirmedBy: 'process_id', bytesWritten: job.length + 11, ref: null });
    expect(writing).toBe(1);
    await printer.settle();
    expect(printer.connections).toHaveLength(1);
    expect(printer.connections[0]!.statusQueries).toEqual([1, 2, 4]);
    const d = await decodeEscpos(printer.printed());
    expect(d.errors).toEqual([]);
    expect(d.completeJobs).toBe(1);
    expect(d.items.map((i) => i.kind)).toEqual(['raster', 'text', 'qr', 'cut', 'processId']);
    expect(d.items.at(-1)).toEqual({ kind: 'processId', id: Buffer.from('0042') });

    // A job encoded with its process ID already is not given a second request.
    printer.reset();
    const withId = receiptJob(p, { processId: processIdFor(43) });
    const again = await deliver(tcp(printer), withId, p, processIdFor(43));
    expect(again.outcome).toMatchObject({ outcome: 'printed', confirmedBy: 'process_id', bytesWritten: withId.length });
    await printer.settle();
    expect(printer.connections[0]!.processIdRequests).toEqual([Buffer.from('0043')]);
  });

  it('prints and is confirmed by the status after the job when the profile has no process ID', async () => {
    const printer = await startEscposPrinter();
    const p = profile();
    const job = receiptJob(p);
    const { outcome, writing } = await deliver(tcp(printer), job, p);
    expect(outcome).toEqual({ outcome: 'printed', confirmedBy: 'status', bytesWritten: job.length, ref: null });
    expect(writing).toBe(1);
    await printer.settle();
    expect(printer.connections[0]!.statusQueries).toEqual([1, 2, 4, 1, 2, 4]);
    const d = await decodeEscpos(printer.printed());
    expect(d.completeJobs).toBe(1);
    expect(d.items.some((i) => i.kind === 'processId')).toBe(false);
  });

  it.each([
    ['offline', 'PRINTER_OFFLINE'],
    ['paper_out', 'PRINTER_PAPER_OUT'],
    ['cover_open', 'PRINTER_COVER_OPEN'],
    ['error', 'PRINTER_ERROR'],
  ] as const)('a printer %s before the job is unavailable (%s) and gets not one byte of it', async (status, code) => {
    const printer = await startEscposPrinter({ status, processId: true });
    const { outcome, writing } = await deliver(tcp(printer), receiptJob(profile()), profile({ processIdReply: true }));
    expect(outcome.outcome).toBe('unavailable');
    expect(codeOf(outcome)).toBe(code);
    expect(writing).toBe(0);
    await printer.settle();
    // Only the three status queries reached the printer.
    expect([...printer.printed()]).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4]);
  });

  it('the connection closed after half the bytes: uncertain, bytes counted, onWriting called, nothing resent', async () => {
    const p = profile({ processIdReply: true });
    const job = receiptJob(p);
    const half = Math.floor(job.length / 2);
    const printer = await startEscposPrinter({ processId: true, closeAfterJobBytes: half });
    const { outcome, writing } = await deliver(tcp(printer), job, p);
    expect(outcome.outcome).toBe('uncertain');
    expect(codeOf(outcome)).toBe('PRINTER_NOT_CONFIRMED');
    expect(writing).toBe(1);
    if (outcome.outcome !== 'uncertain') return;
    expect(outcome.bytesWritten).toBeGreaterThanOrEqual(half);
    expect(outcome.error.params).toMatchObject({ total: job.length + 11 });
    await printer.settle();
    expect(printer.connections).toHaveLength(1);
    expect(printer.connections[0]!.printed.length).toBe(9 + half);
    const d = await decodeEscpos(printer.printed());
    expect(d.completeJobs).toBe(0);
    expect(d.truncated).toBe(true);
  });

  it('the whole job taken, then the connection dropped before the status: uncertain, not printed', async () => {
    const p = profile();
    const job = receiptJob(p);
    const printer = await startEscposPrinter({ closeAfterJobBytes: job.length });
    const { outcome, writing } = await deliver(tcp(printer), job, p);
    expect(outcome).toMatchObject({ outcome: 'uncertain', bytesWritten: job.length, error: { code: 'PRINTER_NOT_CONFIRMED' } });
    expect(writing).toBe(1);
  });

  it('offline mid-job: uncertain with the reason, with or without the process-ID profile', async () => {
    for (const processIdReply of [true, false]) {
      const p = profile({ processIdReply });
      const job = receiptJob(p);
      const printer = await startEscposPrinter({ processId: true, offlineAfterJobBytes: 1000 });
      const { outcome, writing } = await deliver(tcp(printer), job, p);
      expect(outcome.outcome).toBe('uncertain');
      expect(codeOf(outcome)).toBe('PRINTER_INTERRUPTED_OFFLINE');
      expect(writing).toBe(1);
      await printer.settle();
      const d = await decodeEscpos(printer.printed());
      expect(d.completeJobs).toBe(0);
      expect(printer.connections[0]!.printed.length).toBe(9 + 1000);
      await printer.close();
    }
  });

  it('offline mid-job and no longer reading: uncertain, never printed', async () => {
    const p = profile({ processIdReply: true });
    const printer = await startEscposPrinter({ processId: true, offlineAfterJobBytes: 1000, offlineStopsReading: true });
    const { outcome, writing } = await deliver(tcp(printer), receiptJob(p), p);
    expect(outcome).toMatchObject({ outcome: 'uncertain', error: { code: 'PRINTER_NOT_CONFIRMED' } });
    expect(writing).toBe(1);
  });

  it('a garbage answer to the status query: unavailable PRINTER_STATUS_GARBLED, the message says the check can be turned off', async () => {
    const printer = await startEscposPrinter({ status: 'garbage', garbageReply: Buffer.from('HTTP/1.1 400 Bad Request\r\n') });
    const { outcome, writing } = await deliver(tcp(printer), receiptJob(profile()), profile());
    expect(outcome.outcome).toBe('unavailable');
    expect(codeOf(outcome)).toBe('PRINTER_STATUS_GARBLED');
    expect(writing).toBe(0);
    await printer.settle();
    expect(printer.connections[0]!.printed.every((b, i) => [0x10, 0x04].includes(b) || i % 3 === 2)).toBe(true);
    expect((await decodeEscpos(printer.printed())).jobs).toBe(0);
    if (outcome.outcome !== 'unavailable') return;
    const vi = errorMessage(outcome.error.code, outcome.error.params, 'vi');
    expect(vi).toContain('Hỏi tình trạng máy in');
    expect(vi).toContain('48 54 54 50'); // the reply, in hex
    expect(errorMessage(outcome.error.code, outcome.error.params, 'en')).toContain('ESC/POS-compliant');

    // One wrong byte is garbage too (bit 7 set).
    const one = await startEscposPrinter({ status: 'garbage' });
    expect(codeOf((await deliver(tcp(one), receiptJob(profile()), profile())).outcome)).toBe('PRINTER_STATUS_GARBLED');
  });

  it('a printer that does not answer the status query (busy, deaf port, not ESC/POS): unavailable, nothing of the job sent', async () => {
    // Reads every byte, never answers DLE EOT.
    const silent = await startEscposPrinter({ silentStatus: true });
    const job = receiptJob(profile());
    const { outcome, writing } = await deliver(tcp(silent), job, profile());
    expect(outcome).toEqual({ outcome: 'unavailable', error: { code: 'PRINTER_NO_STATUS_REPLY', params: { printer: silent.uri } } });
    expect(writing).toBe(0);
    // The process-ID profile does not change that: nothing is sent without knowing the printer is there.
    const withPid = await deliver(tcp(silent), job, profile({ processIdReply: true }));
    expect(withPid.outcome).toMatchObject({ outcome: 'unavailable', error: { code: 'PRINTER_NO_STATUS_REPLY' } });
    await silent.settle();
    expect(silent.connections.map((c) => c.statusQueries)).toEqual([[1], [1]]);
    expect((await decodeEscpos(silent.printed())).jobs).toBe(0);
    const vi = errorMessage('PRINTER_NO_STATUS_REPLY', { printer: silent.uri }, 'vi');
    expect(vi).toContain('không trả lời câu hỏi tình trạng');
    expect(vi).toContain('kiểm tra trạng thái');
    expect(vi).toContain('Hỏi tình trạng máy in'); // the setting's own label in Cài đặt → Máy in

    // Accepts the connection and never reads a byte.
    const deaf = await startEscposPrinter({ deaf: true });
    const d = await deliver(tcp(deaf), job, profile());
    expect(d.outcome).toMatchObject({ outcome: 'unavailable', error: { code: 'PRINTER_NO_STATUS_REPLY' } });
    expect(d.writing).toBe(0);

    // A model without status, run with the status check off: written bytes count as printed.
    const off = profile({ statusQuery: false });
    const ok = await deliver(tcp(silent), receiptJob(off), off);
    expect(ok.outcome).toEqual({ outcome: 'printed', confirmedBy: 'written', bytesWritten: receiptJob(off).length, ref: null });
  });

  it('status bytes nobody asked for (answers to DLE EOT inside raster data, an ASB block) do not garble the status after the job', async () => {
    const printer = await startEscposPrinter({ statusInData: true, asb: true });
    // A raster whose rows carry DLE EOT 1, 2, 4 sequences: a real printer answers them as they pass.
    const width = 576;
    const bits = new Uint8Array((width / 8) * 64);
    for (let i = 0; i + 9 <= bits.length; i += 24) bits.set([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4], i);
    const job = encodeThermalJob([{ kind: 'raster', raster: { width, height: 64, bits } }], profile());
    const { outcome } = await deliver(tcp(printer), job, profile());
    expect(outcome).toEqual({ outcome: 'printed', confirmedBy: 'status', bytesWritten: job.length, ref: null });
    await printer.settle();
    expect((await decodeEscpos(printer.printed())).completeJobs).toBe(1);
    // Asked before and after the job, one byte each.
    expect(printer.connections[0]!.statusQueries).toEqual([1, 2, 4, 1, 2, 4]);
  });

  it('a process-ID profile on a printer that does not answer GS ( H: uncertain, status fine', async () => {
    const printer = await startEscposPrinter({ processId: false });
    const p = profile({ processIdReply: true });
    const { outcome } = await deliver(tcp(printer), receiptJob(p), p);
    expect(outcome).toMatchObject({ outcome: 'uncertain', error: { code: 'PRINTER_NOT_CONFIRMED' } });
    await printer.settle();
    // The job printed whole (the clerk will say so); it was sent once.
    expect((await decodeEscpos(printer.printed())).completeJobs).toBe(1);
  });

  it('an unreachable printer is unavailable and onWriting is not called', async () => {
    const port = await closedPort();
    const { outcome, writing } = await deliver(tcp({ port }), receiptJob(profile()), profile());
    expect(outcome.outcome).toBe('unavailable');
    expect(codeOf(outcome)).toBe('PRINTER_UNREACHABLE');
    expect(writing).toBe(0);
  });

  it('a one-way link: no status asked, all bytes written → printed (written)', async () => {
    const printer = await startEscposPrinter();
    const real = tcp(printer);
    const oneWay: EscposPrinter = {
      kind: 'escpos',
      address: real.address,
      async open(ms) {
        const link = await real.open(ms);
        const wrapped: EscposLink = {
          duplex: false,
          get bytesWritten() {
            return link.bytesWritten;
          },
          write: (d, t) => link.write(d, t),
          read: () => Promise.reject(new Error('one-way')),
          close: () => link.close(),
        };
        return wrapped;
      },
    };
    const p = profile({ processIdReply: true });
    const job = receiptJob(p);
    const { outcome } = await deliver(oneWay, job, p);
    expect(outcome).toEqual({ outcome: 'printed', confirmedBy: 'written', bytesWritten: job.length, ref: null });
    await printer.settle();
    expect(printer.connections[0]!.statusQueries).toEqual([]);
    expect(printer.connections[0]!.processIdRequests).toEqual([]);
  });

  it('with the status check off, nothing is asked and written bytes count as printed', async () => {
    const printer = await startEscposPrinter({ status: 'paper_out' });
    const p = profile({ statusQuery: false });
    const job = receiptJob(p);
    const { outcome } = await deliver(tcp(printer), job, p);
    expect(outcome).toEqual({ outcome: 'printed', confirmedBy: 'written', bytesWritten: job.length, ref: null });
    await printer.settle();
    expect(printer.connections[0]!.statusQueries).toEqual([]);
  });

  it('when the queue cannot record that bytes may go (onWriting throws), not one byte of the job is sent', async () => {
    const printer = await startEscposPrinter();
    const err = await deliverEscpos(tcp(printer), receiptJob(profile()), profile(), {
      processId: processIdFor(1),
      timeouts: TIMEOUTS,
      onWriting: () => {
        throw new Error('disk full');
      },
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ message: 'disk full' });
    await printer.settle();
    expect([...printer.printed()]).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4]);
  });

  it('a link that fails before the first job byte leaves is unavailable (safe to resend); an unknown failure is uncertain', async () => {
    const printer = await startEscposPrinter();
    const real = tcp(printer);
    const failing = (fail: (link: EscposLink) => Error): EscposPrinter => ({
      kind: 'escpos',
      address: real.address,
      async open(ms) {
        const link = await real.open(ms);
        return {
          duplex: true,
          get bytesWritten() {
            return link.bytesWritten;
          },
          // Status queries (3 bytes) go through; the job's write fails before anything is handed to the OS.
          write: (d, t) => (d.length > 3 ? Promise.reject(fail(link)) : link.write(d, t)),
          read: (m, t) => link.read(m, t),
          close: () => link.close(),
        };
      },
    });
    const nothingLeft = await deliver(failing((l) => new PrinterLinkError('closed', l.bytesWritten, 'reset by peer')), receiptJob(profile()), profile());
    expect(nothingLeft.outcome).toMatchObject({ outcome: 'unavailable', error: { code: 'PRINTER_UNREACHABLE' } });
    expect(nothingLeft.writing).toBe(1);
    const unknown = await deliver(failing(() => new Error('transport bug')), receiptJob(profile()), profile());
    expect(unknown.outcome).toMatchObject({ outcome: 'uncertain', bytesWritten: 0, error: { code: 'PRINTER_NOT_CONFIRMED' } });
    await printer.settle();
    expect((await decodeEscpos(printer.printed())).jobs).toBe(0);
  });

  it('every delivery code has a Vietnamese and an English text', () => {
    for (const code of DELIVERY_ERROR_CODES) {
      expect(hasMessage(`errors.${code}`, 'vi'), code).toBe(true);
      expect(hasMessage(`errors.${code}`, 'en'), code).toBe(true);
    }
    expect(errorMessage('PRINTER_PAPER_OUT', { printer: 'escpos+tcp://10.0.0.5:9100' }, 'vi')).toContain('Hãy thay cuộn giấy; phiếu sẽ tự in khi máy in sẵn sàng.');
  });
});
