/**
 * The USB transport. With the real `usb` package: a device that is not connected is not_found, with nothing sent
 * (this machine has no such printer; a machine without a USB bus at all answers the same). With a device double
 * shaped as the package's WebUSB device: the printer-class interface is chosen and taken from usblp, bulk OUT is
 * counted chunk by chunk, bulk IN makes the link duplex, and a printer unplugged mid-job fails as closed with the
 * chunk in flight counted.
 */
import { describe, expect, it } from 'vitest';
import { parsePrinterUri } from '../../../native/printers/printer-uri';
import { pickInterface, UsbEscposPrinter, type UsbAddress, type UsbConfigurationLike, type UsbDeviceLike } from '../../../native/printers/usb/usb-printer';
import { linkFailure as failure } from '../../helpers/printer-errors';

const bulk = (endpointNumber: number, direction: 'in' | 'out') => ({ endpointNumber, direction, type: 'bulk' as const, packetSize: 64 });

/** An Epson-like printer: interface 0 vendor-specific (interrupt only), interface 1 printer class with bulk OUT 2 and IN 1. */
function epsonConfig(withIn = true): UsbConfigurationLike {
  return {
    configurationValue: 1,
    interfaces: [
      { interfaceNumber: 0, alternate: { interfaceClass: 0xff, endpoints: [{ endpointNumber: 3, direction: 'in', type: 'interrupt', packetSize: 8 }] } },
      { interfaceNumber: 1, alternate: { interfaceClass: 7, endpoints: withIn ? [bulk(2, 'out'), bulk(1, 'in')] : [bulk(2, 'out')] } },
    ],
  };
}

function fakeDevice(o: { config?: UsbConfigurationLike; unplugAfter?: number; replies?: number[] } = {}) {
  const log: string[] = [];
  const received: number[] = [];
  const replies = [...(o.replies ?? [])];
  let configured: UsbConfigurationLike | null = null;
  const config = o.config ?? epsonConfig();
  const device: UsbDeviceLike = {
    vendorId: 0x04b8,
    productId: 0x0202,
    get configuration() {
      return configured;
    },
    configurations: [config],
    open: async () => void log.push('open'),
    close: async () => void log.push('close'),
    selectConfiguration: async (v) => {
      log.push(`config ${v}`);
      configured = config;
    },
    claimInterface: async (n) => void log.push(`claim ${n}`),
    releaseInterface: async (n) => void log.push(`release ${n}`),
    detachKernelDriver: async (n) => void log.push(`detach ${n}`),
    attachKernelDriver: async (n) => void log.push(`attach ${n}`),
    transferOut: async (ep, data) => {
      if (o.unplugAfter !== undefined && received.length >= o.unplugAfter) throw new Error('transferOut error: device disconnected');
      // The device takes at most 1000 bytes per transfer: short writes must be resent, not lost.
      const n = Math.min(1000, data.length);
      received.push(...data.subarray(0, n));
      log.push(`out ${ep}`);
      return { bytesWritten: n, status: 'ok' };
    },
    transferIn: async (ep) => {
      log.push(`in ${ep}`);
      if (replies.length === 0) throw new Error('transferIn error: timed out');
      return { data: new DataView(Uint8Array.of(replies.shift()!).buffer), status: 'ok' };
    },
  };
  return { device, log, received };
}

const address = parsePrinterUri('escpos+usb://04b8:0202') as UsbAddress;

describe('ESC/POS over USB', () => {
  it('the real usb package: a printer that is not connected is not_found, nothing sent', async () => {
    const e = await failure(new UsbEscposPrinter(parsePrinterUri('escpos+usb://1d6b:fff3') as UsbAddress).open(3000));
    expect(e.failure).toBe('not_found');
    expect(e.bytesWritten).toBe(0);
    expect(e.message).toContain('1d6b:fff3');
  });

  it('claims the printer-class interface (taken from usblp), sends on bulk OUT resending short writes, reads on bulk IN', async () => {
    const fake = fakeDevice({ replies: [0x12] });
    const link = await new UsbEscposPrinter(address, { usb: { findDeviceByIds: async () => fake.device, getDevices: async () => [fake.device] } }).open(3000);
    expect(link.duplex).toBe(true);
    expect(fake.log.slice(0, 4)).toEqual(['open', 'config 1', 'detach 1', 'claim 1']);
    const job = Uint8Array.from({ length: 10_000 }, (_, i) => i % 251);
    await link.write(job, 5000);
    expect(link.bytesWritten).toBe(10_000);
    expect(Buffer.from(fake.received).equals(Buffer.from(job))).toBe(true);
    expect(fake.log.filter((l) => l === 'out 2')).toHaveLength(10);
    expect([...(await link.read(1, 1000))]).toEqual([0x12]);
    // Nothing more to read: the transfer times out and the read returns empty.
    expect((await link.read(1, 200)).length).toBe(0);
    await link.close();
    expect(fake.log.slice(-3)).toEqual(['release 1', 'attach 1', 'close']);
  });

  it('without a bulk IN endpoint the link is one-way and a read says unsupported', async () => {
    const fake = fakeDevice({ config: epsonConfig(false) });
    const link = await new UsbEscposPrinter(address, { usb: { findDeviceByIds: async () => fake.device, getDevices: async () => [] } }).open(3000);
    expect(link.duplex).toBe(false);
    expect((await failure(link.read(1, 100))).failure).toBe('unsupported');
    await link.close();
  });

  it('a printer unplugged mid-job: closed, counting what it took and the chunk in flight', async () => {
    const fake = fakeDevice({ unplugAfter: 5_000 });
    const link = await new UsbEscposPrinter(address, { usb: { findDeviceByIds: async () => fake.device, getDevices: async () => [] } }).open(3000);
    const e = await failure(link.write(new Uint8Array(20_000), 5000));
    expect(e.failure).toBe('closed');
    expect(fake.received.length).toBe(5_000);
    expect(link.bytesWritten).toBe(5_000);
    expect(e.bytesWritten).toBeGreaterThan(5_000); // the failed transfer may have put some bytes out
    expect((await failure(link.write(Uint8Array.of(1), 100))).failure).toBe('closed');
    await link.close();
  });

  it('a device with no bulk OUT endpoint is not a printer', () => {
    expect(pickInterface({ configurationValue: 1, interfaces: [{ interfaceNumber: 0, alternate: { interfaceClass: 3, endpoints: [bulk(1, 'in')] } }] })).toBeNull();
    expect(pickInterface(epsonConfig())?.iface.interfaceNumber).toBe(1);
  });
});
