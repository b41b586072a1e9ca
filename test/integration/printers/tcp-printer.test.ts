/**
 * The TCP transport against the loopback ESC/POS printer (test/helpers/escpos-printer.ts) on 127.0.0.1: bytes arrive
 * whole and counted, replies are read back, and a printer that refuses, hangs up mid-job or stops reading ends in a
 * PrinterLinkError whose byte count never claims less than what reached the printer.
 */
import { describe, expect, it } from 'vitest';
import { parsePrinterUri } from '../../../native/printers/printer-uri';
import { TcpEscposPrinter, type TcpAddress } from '../../../native/printers/tcp/tcp-printer';
import { closedPort, startEscposPrinter } from '../../helpers/escpos-printer';
import { linkFailure as failureOf } from '../../helpers/printer-errors';

const printerAt = (uri: string): TcpEscposPrinter => new TcpEscposPrinter(parsePrinterUri(uri) as TcpAddress);

/** A job-sized payload without 0x10 (DLE) bytes, so the loopback printer takes it as job data. */
function payload(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) out[i] = 0x20 + (i % 90);
  return out;
}

describe('ESC/POS over TCP', () => {
  it('sends a job on one connection, counts every byte, reads the status reply and closes', async () => {
    const printer = await startEscposPrinter({ status: 'paper_out' });
    const link = await printerAt(printer.uri).open(2000);
    expect(link.duplex).toBe(true);
    expect(link.bytesWritten).toBe(0);
    await link.write(Uint8Array.of(0x10, 0x04, 0x04), 2000); // DLE EOT 4: paper roll sensor
    const reply = await link.read(1, 2000);
    expect([...reply]).toEqual([0x12 | 0x6c]);
    const job = payload(50_000);
    await link.write(job, 5000);
    expect(link.bytesWritten).toBe(3 + job.length);
    // Nothing more was sent: a read waits its time and returns what arrived (nothing).
    expect((await link.read(1, 100)).length).toBe(0);
    await link.close();
    await printer.settle();
    expect(printer.connections).toHaveLength(1);
    expect(printer.connections[0]!.ended).toBe(true);
    expect(Buffer.compare(printer.connections[0]!.received.subarray(3), Buffer.from(job))).toBe(0);
  });

  it('a refused connection is "unreachable" with nothing written', async () => {
    const e = await failureOf(printerAt(`escpos+tcp://127.0.0.1:${await closedPort()}`).open(2000));
    expect(e.failure).toBe('unreachable');
    expect(e.bytesWritten).toBe(0);
  });

  it('a printer that hangs up after taking part of the job: "closed", and the count covers what it took', async () => {
    const printer = await startEscposPrinter({ closeAfterJobBytes: 20_000 });
    const link = await printerAt(printer.uri).open(2000);
    const e = await failureOf(link.write(payload(8_000_000), 10_000));
    expect(e.failure).toBe('closed');
    await printer.settle();
    const took = printer.connections[0]!.received.length;
    expect(took).toBe(20_000);
    expect(e.bytesWritten).toBeGreaterThanOrEqual(took);
    // The link is dead: reads and writes say so, and close does not throw.
    expect((await failureOf(link.read(1, 100))).failure).toBe('closed');
    expect((await failureOf(link.write(payload(10), 100))).failure).toBe('closed');
    await link.close();
  });

  it('a printer that stops reading (paper out mid-job): the write times out, with the bytes it took counted', async () => {
    const printer = await startEscposPrinter({ offlineAfterJobBytes: 10_000, offlineStopsReading: true });
    const link = await printerAt(printer.uri).open(2000);
    const e = await failureOf(link.write(payload(64_000_000), 1500));
    expect(e.failure).toBe('timeout');
    expect(e.bytesWritten).toBeGreaterThanOrEqual(printer.connections[0]!.received.length);
    expect(e.bytesWritten).toBeGreaterThan(0);
    await link.close();
  });

  it('a printer that closes before anything is written: the write fails "closed" with 0 bytes', async () => {
    const printer = await startEscposPrinter();
    const link = await printerAt(printer.uri).open(2000);
    await printer.close();
    // The hang-up reaches the link; a read sees it first.
    expect((await failureOf(link.read(1, 2000))).failure).toBe('closed');
    const e = await failureOf(link.write(payload(100), 1000));
    expect(e.failure).toBe('closed');
    expect(e.bytesWritten).toBe(0);
  });
});
