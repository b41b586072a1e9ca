/**
 * The serial transport for real, against a pseudo-terminal pair made by socat (one end is the "printer", opened with
 * serialport too): the job arrives whole and counted, a status reply comes back, a missing port is not_found, a port
 * already in use is busy, and a printer that goes away ends the link as closed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePrinterUri } from '../../../native/printers/printer-uri';
import { loadSerialport, SerialEscposPrinter, type SerialAddress, type SerialPortLike } from '../../../native/printers/serial/serial-printer';
import { PrinterLinkError } from '../../../native/printers/types';
import { requireTools } from '../../helpers/tools';

const tools = requireTools('socat');

interface PtyPair {
  host: string;
  printer: string;
  socat: ChildProcess;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.kill('SIGKILL');
});

/** `socat -d -d pty,raw,echo=0 pty,raw,echo=0` and the two device paths it prints ("PTY is /dev/pts/N"). */
async function ptyPair(): Promise<PtyPair> {
  const socat = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  running.push(socat);
  const paths: string[] = [];
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socat gave no pty pair: ${log}`)), 10_000);
    socat.stderr!.setEncoding('utf8').on('data', (d: string) => {
      log += d;
      for (const m of d.matchAll(/PTY is (\S+)/g)) paths.push(m[1]!);
      // Both ends exist once "starting data transfer loop" is printed.
      if (paths.length >= 2 && /starting data transfer loop/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { host: paths[0]!, printer: paths[1]!, socat };
}

async function openPeer(path: string): Promise<SerialPortLike> {
  const api = await loadSerialport();
  const port = api.open({ path, baudRate: 19200 });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  return port;
}

function received(port: SerialPortLike, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let got = 0;
    const timer = setTimeout(() => reject(new Error(`the printer end got ${got} of ${n} bytes`)), 15_000);
    port.on('data', (c: Buffer) => {
      chunks.push(c);
      got += c.length;
      if (got >= n) {
        clearTimeout(timer);
        resolve(Buffer.concat(chunks));
      }
    });
  });
}

const job = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7) % 256);

describe.skipIf(tools.skip)(`ESC/POS over a serial port (socat pty pair)${tools.skip ? ` — skipped: ${tools.reason}` : ''}`, () => {
  it('sends the job whole, counts it, and reads the printer’s status reply', async () => {
    const pair = await ptyPair();
    const peer = await openPeer(pair.printer);
    const printer = new SerialEscposPrinter(parsePrinterUri(`escpos+serial://${pair.host}?baud=19200`) as SerialAddress);
    const link = await printer.open(5000);
    expect(link.duplex).toBe(true);
    const data = job(20_000);
    const arrived = received(peer, data.length);
    await link.write(data, 15_000);
    expect(link.bytesWritten).toBe(data.length);
    expect(Buffer.compare(await arrived, Buffer.from(data))).toBe(0);
    peer.write(Buffer.from([0x12]));
    expect([...(await link.read(1, 5000))]).toEqual([0x12]);
    await link.close();
    await new Promise<void>((r) => peer.close(() => r()));
  });

  it('a port that does not exist is not_found; one already open elsewhere is busy; nothing is written', async () => {
    const missing = new SerialEscposPrinter({ kind: 'escpos', transport: 'serial', path: '/dev/motcua-no-such-tty', baudRate: 9600 });
    const e1 = await missing.open(5000).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(PrinterLinkError);
    expect((e1 as PrinterLinkError).failure).toBe('not_found');
    expect((e1 as PrinterLinkError).bytesWritten).toBe(0);

    const pair = await ptyPair();
    const first = await new SerialEscposPrinter({ kind: 'escpos', transport: 'serial', path: pair.host, baudRate: 9600 }).open(5000);
    const e2 = await new SerialEscposPrinter({ kind: 'escpos', transport: 'serial', path: pair.host, baudRate: 9600 }).open(5000).catch((e: unknown) => e);
    expect((e2 as PrinterLinkError).failure).toBe('busy');
    await first.close();
  });

  it('a printer that goes away (the other end of the line disappears): the link reads as closed', async () => {
    const pair = await ptyPair();
    const link = await new SerialEscposPrinter({ kind: 'escpos', transport: 'serial', path: pair.host, baudRate: 9600 }).open(5000);
    pair.socat.kill('SIGKILL');
    const e = await link.read(1, 10_000).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(PrinterLinkError);
    expect((e as PrinterLinkError).failure).toBe('closed');
    await link.close();
  });
});
