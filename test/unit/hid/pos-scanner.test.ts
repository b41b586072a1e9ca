import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../core/contract/errors';
import {
  createPosScanner,
  HID_POS_USAGE_PAGE,
  listPosScanners,
  loadNodeHid,
  type HidApi,
  type HidDeviceInfo,
  type HidHandle,
} from '../../../native/hid/pos-scanner';
import { reportsFor } from './reports';

class FakeHandle extends EventEmitter implements HidHandle {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

function fakeHid(devices: HidDeviceInfo[], fail = false): HidApi & { opened: Map<string, FakeHandle> } {
  const opened = new Map<string, FakeHandle>();
  return {
    opened,
    devices: () => devices,
    open(path) {
      if (fail) throw new Error('EBUSY');
      const h = new FakeHandle();
      opened.set(path, h);
      return h;
    },
  };
}

const KEYBOARD: HidDeviceInfo = { vendorId: 0x0c2e, productId: 0x0b61, path: 'kbd', usagePage: 0x01, usage: 0x06, product: 'Keyboard side' };
const POS: HidDeviceInfo = { vendorId: 0x1234, productId: 0x0001, path: 'pos', usagePage: HID_POS_USAGE_PAGE, usage: 0x02, product: 'Scanner' };
const HONEYWELL_NO_PAGE: HidDeviceInfo = { vendorId: 0x0c2e, productId: 0x0b6a, path: 'hw' };
const MOUSE: HidDeviceInfo = { vendorId: 0x046d, productId: 0xc077, path: 'mouse', usagePage: 0x01, usage: 0x02 };

async function expectAppError(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toBeInstanceOf(AppError);
  await p.catch((e: AppError) => expect(e.code).toBe(code));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('listPosScanners', () => {
  it('prefers interfaces declaring usage page 0x8C, then known vendors without usage data', () => {
    expect(listPosScanners([MOUSE, HONEYWELL_NO_PAGE, KEYBOARD, POS]).map((d) => d.path)).toEqual(['pos', 'hw']);
  });
  it('never picks a keyboard interface, a device without a path, or anything when none is attached', () => {
    expect(listPosScanners([KEYBOARD, MOUSE, { ...POS, path: undefined }])).toEqual([]);
    expect(listPosScanners([])).toEqual([]);
  });
});

describe('createPosScanner', () => {
  it('opens the scanner and emits each complete scan', async () => {
    const hid = fakeHid([KEYBOARD, POS]);
    const scanner = createPosScanner({ hid });
    const scans: Array<[string, string, string]> = [];
    await scanner.start((text, info) => scans.push([text, info.symbology, info.device]));
    const handle = hid.opened.get('pos');
    expect(handle).toBeDefined();
    for (const r of reportsFor('Nguyễn Văn An|xyz'.repeat(8))) handle?.emit('data', r);
    expect(scans).toEqual([['Nguyễn Văn An|xyz'.repeat(8), ']Q1', 'Scanner']]);
    await scanner.stop();
    expect(handle?.closed).toBe(true);
    expect(handle?.listenerCount('data')).toBe(0);
  });

  it('uses an asynchronous loader and an explicit path', async () => {
    const hid = fakeHid([POS, HONEYWELL_NO_PAGE]);
    const scanner = createPosScanner({ hid: async () => hid, path: 'hw' });
    await scanner.start(() => undefined);
    expect([...hid.opened.keys()]).toEqual(['hw']);
    await scanner.stop();
  });

  it('refuses when no scanner is attached or it cannot be opened', async () => {
    await expectAppError(createPosScanner({ hid: fakeHid([KEYBOARD]) }).start(() => undefined), 'CCCD_SCANNER_NOT_FOUND');
    await expectAppError(createPosScanner({ hid: fakeHid([POS], true) }).start(() => undefined), 'CCCD_SCANNER_OPEN_FAILED');
  });

  it('reports bad reports, a barcode that never finishes, and an unplugged device without throwing', async () => {
    vi.useFakeTimers();
    const hid = fakeHid([POS]);
    const errors: string[] = [];
    const scanner = createPosScanner({ hid, continuationTimeoutMs: 500 });
    await scanner.start(() => undefined, (e) => errors.push(`${e.code}:${String(e.params.reason ?? '')}`));
    const handle = hid.opened.get('pos');
    const bad = reportsFor('x')[0] ?? Buffer.alloc(0);
    bad[1] = 99;
    handle?.emit('data', bad);
    handle?.emit('data', reportsFor('y'.repeat(100))[0]);
    vi.advanceTimersByTime(600);
    handle?.emit('error', new Error('device disconnected'));
    expect(errors).toEqual(['CCCD_SCANNER_BAD_REPORT:length', 'CCCD_SCANNER_BAD_REPORT:timeout', 'CCCD_SCANNER_DISCONNECTED:']);
    await scanner.stop();
  });
});

describe('loadNodeHid', () => {
  it('loads node-hid lazily; with no scanner attached there is nothing to open', async () => {
    const hid = await loadNodeHid();
    const devices = hid.devices();
    expect(Array.isArray(devices)).toBe(true);
    expect(listPosScanners(devices).every((d) => d.usagePage === HID_POS_USAGE_PAGE || d.usagePage === undefined || d.usagePage === 0)).toBe(true);
  });
});
