/**
 * Tickets on paper (issue #18): issued tickets go through the print queue to the counter's ticket printer (or the
 * kiosk's own), with a QR that follows the ticket; a print that cannot be queued keeps the ticket and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairedDevice } from '../../../core/contract/pairing';
import type { Connection } from '../../../core/rpc/connection';
import { call, startCore, type TestCore } from '../../helpers/core';
import { decodeEscpos, startEscposPrinter, type DecodedEscpos } from '../../helpers/escpos-printer';

async function printedQrs(printer: { printed(): Buffer }, jobs: number): Promise<string[]> {
  const end = Date.now() + 20_000;
  for (;;) {
    const d: DecodedEscpos = await decodeEscpos(printer.printed());
    if (d.completeJobs >= jobs) return d.items.flatMap((i) => (i.kind === 'qr' ? [i.payload] : []));
    if (Date.now() > end) throw new Error(`the printer got ${d.completeJobs} of ${jobs} tickets`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('queue tickets printed', () => {
  let t: TestCore;
  let c: Connection;

  beforeAll(async () => {
    t = await startCore();
    c = t.core.openConnection('cli', 'test', { name: 'test', role: 'admin' });
    await call(t.core, c, 'queue.saveGroup', { code: 'P', name: 'Cấp giấy phép', prefix: 'P', hours: { mode: 'always' } });
  });
  afterAll(async () => t.close());

  it("prints on the counter's ticket printer: the QR is the tracking id, or the tracking page once the address is known", async () => {
    const printer = await startEscposPrinter({ status: 'online' });
    await call(t.core, c, 'printing.configure', { receipt: null, ticket: { uri: printer.uri }, a4: null, receiptCopies: 1 });
    const first = await call(t.core, c, 'queue.issue', { service: 'P' });
    expect(first.printError).toBeNull();
    expect(first.printJobId).toEqual(expect.any(String));
    expect(await printedQrs(printer, 1)).toEqual([first.trackingId]);

    await call(t.core, c, 'settings.set', { key: 'queue.publicOrigin', value: 'http://192.168.1.10:5178' });
    const second = await call(t.core, c, 'queue.issue', { service: 'P' });
    expect((await printedQrs(printer, 2))[1]).toBe(`http://192.168.1.10:5178/#/track/${second.trackingId}`);
    const jobs = await call(t.core, c, 'printing.jobs', { states: ['queued', 'sending', 'printed'] });
    expect(jobs.jobs.map((j) => j.ticketNumber).sort()).toEqual([first.number, second.number].sort());
  });

  it("a kiosk's ticket goes to the kiosk's own printer", async () => {
    const kioskPrinter = await startEscposPrinter({ status: 'online' });
    const device: PairedDevice = { id: 'kiosk-1', kind: 'kiosk', name: 'Ki-ốt sảnh', printerUri: kioskPrinter.uri };
    // The handler as the dispatcher calls it for a paired kiosk (pairing itself is tested with the devices).
    const issued = await t.core.services.queue.handlers.issue(
      { service: 'P', print: true },
      { conn: c, user: null, device, actor: { kind: 'system', name: 'kiosk:Ki-ốt sảnh#kiosk-1', role: 'clerk' } },
    );
    expect(issued.printError).toBeNull();
    expect(await printedQrs(kioskPrinter, 1)).toHaveLength(1);
  });

  it('a ticket whose print cannot be queued stands, with the reason', async () => {
    await call(t.core, c, 'printing.configure', { receipt: null, ticket: null, a4: null, receiptCopies: 1 });
    const r = await call(t.core, c, 'queue.issue', { service: 'P' });
    expect(r.printJobId).toBeNull();
    expect(r.printError).toMatchObject({ code: 'PRINT_NO_PRINTER', message: expect.stringMatching(/\S/) });
    const waiting = await call(t.core, c, 'queue.tickets', { states: ['waiting'] });
    expect(waiting.map((x) => x.id)).toContain(r.id);
  });
});
