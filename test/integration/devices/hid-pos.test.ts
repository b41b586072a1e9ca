import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createPosScanner, type HidApi, type HidHandle } from '../../../native/hid/pos-scanner';
import { call, startCore, withAdmin, type TestCore } from '../../helpers/core';
import { NGUYEN_THI_HUYNH, qrOf } from '../../helpers/people';
import { reportsFor } from '../../unit/hid/reports';

/** A HID POS scanner as node-hid presents it: an enumerated device whose handle emits input reports. */
class FakeScanner extends EventEmitter implements HidHandle {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

function fakeHid(handle: FakeScanner, present = true): HidApi {
  return {
    devices: () => (present ? [{ vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw7', product: 'Honeywell Xenon 1950g', usagePage: 0x8c, usage: 0x02 }] : []),
    open: () => handle,
  };
}

let t: TestCore | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('HID POS barcode scanner through the contract', () => {
  it('delivers a CCCD QR scanned in HID POS mode as exact UTF-8, to a long-polling client', async () => {
    const device = new FakeScanner();
    t = await startCore({ barcodeSource: createPosScanner({ hid: fakeHid(device) }) });
    const admin = await withAdmin(t.core);
    const waiting = call(t.core, admin, 'devices.waitScan', { afterSeq: 0, timeoutMs: 5000 });
    await new Promise((r) => setTimeout(r, 50));
    for (const report of reportsFor(qrOf(NGUYEN_THI_HUYNH))) device.emit('data', report);
    const scan = await waiting;
    expect(scan).toMatchObject({ seq: 1, text: qrOf(NGUYEN_THI_HUYNH), device: 'Honeywell Xenon 1950g' });
    const parsed = await call(t.core, admin, 'applicants.parseQr', { text: scan!.text });
    expect(parsed.fullName).toBe('Huỳnh Thị Ngọc Ánh');
    // A later poll from the same point gets the buffered scan at once; a poll after it waits and times out.
    expect((await call(t.core, admin, 'devices.waitScan', { afterSeq: 0, timeoutMs: 0 }))?.seq).toBe(1);
    expect(await call(t.core, admin, 'devices.waitScan', { afterSeq: 1, timeoutMs: 100 })).toBeNull();
    expect((await call(t.core, admin, 'devices.barcodeStatus', {})).state).toBe('listening');
  });

  it('reports a missing or unplugged scanner in Vietnamese without failing the caller', async () => {
    t = await startCore({ barcodeSource: createPosScanner({ hid: fakeHid(new FakeScanner(), false) }) });
    const admin = await withAdmin(t.core);
    expect(await call(t.core, admin, 'devices.waitScan', { afterSeq: 0, timeoutMs: 50 })).toBeNull();
    const status = await call(t.core, admin, 'devices.barcodeStatus', {});
    expect(status.state).toBe('error');
    expect(status.error?.code).toBe('CCCD_SCANNER_NOT_FOUND');
    expect(status.error?.message).toMatch(/máy quét/i);

    const device = new FakeScanner();
    const t2 = await startCore({ barcodeSource: createPosScanner({ hid: fakeHid(device) }) });
    const a2 = await withAdmin(t2.core);
    expect((await call(t2.core, a2, 'devices.barcodeStatus', {})).state).toBe('listening');
    device.emit('error', new Error('could not read from HID device'));
    const after = await call(t2.core, a2, 'devices.barcodeStatus', {});
    expect(after).toMatchObject({ state: 'error', error: { code: 'CCCD_SCANNER_DISCONNECTED' } });
    expect(device.closed).toBe(true);
    await t2.close();
  });
});
