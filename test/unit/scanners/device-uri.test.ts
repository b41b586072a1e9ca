import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeviceUri } from '../../../native/scanners/device-uri';
import { ScanError } from '../../../native/scanners/scanner';
import { createScannerRegistry } from '../../../native/scanners/index';

const code = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof ScanError ? e.code : 'OTHER';
  }
};

describe('device URIs', () => {
  it('keeps SANE names whole, colons and spaces included', () => {
    expect(parseDeviceUri('sane:test:0')).toEqual({ kind: 'sane', id: 'test:0' });
    expect(parseDeviceUri('sane:airscan:e0:HP LaserJet MFP M28w')).toEqual({ kind: 'sane', id: 'airscan:e0:HP LaserJet MFP M28w' });
    expect(parseDeviceUri('SANE:epson2:libusb:001:004')).toEqual({ kind: 'sane', id: 'epson2:libusb:001:004' });
  });

  it('takes eSCL roots over http and https, without a trailing slash', () => {
    expect(parseDeviceUri('escl:http://192.168.1.20:8080/eSCL/')).toEqual({ kind: 'escl', id: 'http://192.168.1.20:8080/eSCL' });
    expect(parseDeviceUri('escl:https://scanner.local/eSCL')).toEqual({ kind: 'escl', id: 'https://scanner.local/eSCL' });
    expect(code(() => parseDeviceUri('escl:ftp://h/eSCL'))).toBe('SCAN_BAD_DEVICE_URI');
    expect(code(() => parseDeviceUri('escl:not a url'))).toBe('SCAN_BAD_DEVICE_URI');
    expect(code(() => parseDeviceUri('escl:http://user:pw@h/eSCL'))).toBe('SCAN_BAD_DEVICE_URI');
  });

  it('resolves folders, relative ones from the working directory', () => {
    expect(parseDeviceUri('folder:/srv/scans')).toEqual({ kind: 'folder', id: path.resolve('/srv/scans') });
    expect(parseDeviceUri('folder:inbox')).toEqual({ kind: 'folder', id: path.resolve('inbox') });
  });

  it('parses wia: and twain:, which answer SCAN_BACKEND_UNAVAILABLE here', async () => {
    expect(parseDeviceUri('wia:{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000')).toMatchObject({ kind: 'wia' });
    expect(parseDeviceUri('twain:Canon DR-C225')).toEqual({ kind: 'twain', id: 'Canon DR-C225' });
    const registry = createScannerRegistry();
    const err = await registry.capabilities('twain:Canon DR-C225').catch((e: unknown) => e);
    expect((err as ScanError).code).toBe('SCAN_BACKEND_UNAVAILABLE');
  });

  it('refuses what names no backend', () => {
    for (const bad of ['', 'test:0x', 'usb:1', ':x', 'sane:', 'folder:', 'sane:a\nb', 'http://h/eSCL']) {
      expect(code(() => parseDeviceUri(bad)), bad).toBe('SCAN_BAD_DEVICE_URI');
    }
  });
});

describe('settings checked against the device before paper moves', () => {
  const caps = { sources: ['adf' as const], resolutions: [300], colorModes: ['gray' as const], pageSizes: [] };
  it('refuses a source or colour the device lacks, and backend options that are not device options', async () => {
    const { checkSettings } = await import('../../../native/scanners/scanner');
    expect(code(() => checkSettings({ source: 'adf', color: 'gray', backendOptions: ['--read-return-value=SANE_STATUS_JAMMED'] }, caps))).toBeNull();
    expect(code(() => checkSettings({ source: 'flatbed' }, caps))).toBe('SCAN_UNSUPPORTED_SETTING');
    expect(code(() => checkSettings({ source: 'adf', color: 'color' }, caps))).toBe('SCAN_UNSUPPORTED_SETTING');
    for (const o of ['-o', '--batch=/elsewhere/p%d.png', '--output-file=x', '--format=pdf', '--device-name=x', 'SANE_STATUS_JAMMED']) {
      expect(code(() => checkSettings({ source: 'adf', backendOptions: [o] }, caps)), o).toBe('SCAN_UNSUPPORTED_SETTING');
    }
  });
});
