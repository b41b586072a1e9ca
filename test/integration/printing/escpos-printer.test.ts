/** The loopback ESC/POS printer itself, driven over a raw socket (so the printer is checked apart from the delivery). */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { closedPort, decodeEscpos, startEscposPrinter } from '../../helpers/escpos-printer';

/** A raw client: sends, collects the replies. */
async function connect(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let got = Buffer.alloc(0);
  let closed = false;
  socket.on('data', (d: Buffer) => (got = Buffer.concat([got, d])));
  socket.on('close', () => (closed = true));
  socket.on('error', () => undefined);
  const until = async (ok: () => boolean) => {
    for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  };
  return {
    send: (b: number[] | Buffer) => socket.write(Buffer.from(b)),
    replies: async (n: number) => {
      await until(() => got.length >= n || closed);
      return got;
    },
    closed: async () => {
      await until(() => closed);
      return closed;
    },
    end: () => socket.end(),
  };
}

const JOB = Buffer.concat([Buffer.from([0x1b, 0x40]), Buffer.from('HELLO\n'), Buffer.from([0x1d, 0x56, 0x42, 0x00])]);
const PID = [0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, 0x31, 0x32, 0x33, 0x34];

describe('loopback ESC/POS printer', () => {
  it('answers DLE EOT with the configured status and captures the job', async () => {
    const printer = await startEscposPrinter({ status: 'paper_out' });
    const c = await connect(printer.port);
    c.send([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4]);
    expect([...(await c.replies(3))]).toEqual([0x1a, 0x32, 0x7e]);
    printer.set({ status: 'online' });
    c.send([0x10, 0x04, 1]);
    expect([...(await c.replies(4))].slice(3)).toEqual([0x12]);
    c.send(JOB);
    c.end();
    await printer.settle();
    expect(printer.connections[0]!.statusQueries).toEqual([1, 2, 4, 1]);
    const d = await decodeEscpos(printer.printed());
    expect(d.completeJobs).toBe(1);
    expect(d.items[0]).toMatchObject({ kind: 'text', text: 'HELLO' });
  });

  it('answers GS ( H only when it supports it, and garbage when told', async () => {
    const printer = await startEscposPrinter({ processId: true });
    const c = await connect(printer.port);
    c.send([...JOB, ...PID]);
    expect([...(await c.replies(7))]).toEqual([0x37, 0x22, 0x31, 0x32, 0x33, 0x34, 0x00]);
    printer.set({ processId: false, status: 'garbage' });
    const c2 = await connect(printer.port);
    c2.send([...JOB, ...PID, 0x10, 0x04, 1]);
    expect([...(await c2.replies(1))]).toEqual([0xff]);
  });

  it('treats 10 04 inside raster data as data', async () => {
    const printer = await startEscposPrinter();
    const c = await connect(printer.port);
    // GS v 0: 1 byte wide, 3 rows: 10 04 01 as pixels.
    c.send([0x1b, 0x40, 0x1d, 0x76, 0x30, 0, 1, 0, 3, 0, 0x10, 0x04, 0x01]);
    c.end();
    await printer.settle();
    expect(printer.connections[0]!.statusQueries).toEqual([]);
  });

  it('closes the connection after N bytes of the job (status queries before it not counted)', async () => {
    const printer = await startEscposPrinter({ closeAfterJobBytes: 5 });
    const c = await connect(printer.port);
    c.send([0x10, 0x04, 1]);
    await c.replies(1);
    c.send(JOB);
    expect(await c.closed()).toBe(true);
    await printer.settle();
    const conn = printer.connections[0]!;
    expect(conn.closedByPrinter).toBe(true);
    expect([...conn.printed]).toEqual([0x10, 0x04, 1, ...JOB.subarray(0, 5)]);
  });

  it('goes offline after N bytes: prints no more, answers offline and no process ID', async () => {
    const printer = await startEscposPrinter({ offlineAfterJobBytes: 4, processId: true });
    const c = await connect(printer.port);
    c.send([...JOB, ...PID, 0x10, 0x04, 1]);
    expect([...(await c.replies(1))]).toEqual([0x1a]);
    c.end();
    await printer.settle();
    expect(printer.connections[0]!.printed.length).toBe(4);
    expect(printer.connections[0]!.received.length).toBe(JOB.length + PID.length + 3);
  });

  it('refuses connections on a closed port', async () => {
    const port = await closedPort();
    const err = await new Promise<NodeJS.ErrnoException>((resolve) => net.connect(port, '127.0.0.1').once('error', resolve));
    expect(err.code).toBe('ECONNREFUSED');
  });
});
