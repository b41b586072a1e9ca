import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saneScanArgs } from '../../../native/scanners/sane/sane-backend';
import { batchOutcome, capabilitiesFromOptions, parseDeviceList, parseOptions } from '../../../native/scanners/sane/scanimage-output';

/** `scanimage -d test:0 -A` (sane-backends 1.2.1), the lines that matter. */
const TEST_BACKEND = `
All options specific to device \`test:0':
  Scan Mode:
    --mode Gray|Color [Gray]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --depth 1|8|16 [8]
        Number of bits per sample, typical values are 1 for "line-art" and 8
        for multibit scans.
    --hand-scanner[=(yes|no)] [no]
        Simulate a hand-scanner.
    --three-pass[=(yes|no)] [inactive]
        Simulate a three-pass scanner.
    --resolution 1..1200dpi (in steps of 1) [0.000762939]
        Sets the resolution of the scanned image.
    --source Flatbed|Automatic Document Feeder [Flatbed]
        If Automatic Document Feeder is selected, the feeder will be 'empty'
        after 10 scans.
  Special Options:
    --read-return-value Default|SANE_STATUS_UNSUPPORTED|SANE_STATUS_JAMMED [Default]
        Select the return-value of sane_read().
  Geometry:
    -l 0..200mm (in steps of 1) [0]
        Top-left x position of scan area.
    -t 0..200mm (in steps of 1) [0]
        Top-left y position of scan area.
    -x 0..200mm (in steps of 1) [80]
        Width of scan-area.
    -y 0..200mm (in steps of 1) [100]
        Height of scan-area.
`;

/** A sheet-fed scanner in the shape the fujitsu backend prints. */
const SHEETFED = `
All options specific to device \`fujitsu:fi-7160:1234':
  Standard:
    --source ADF Front|ADF Back|ADF Duplex [ADF Front]
        Selects the scan source (such as a document-feeder).
    --mode Lineart|Halftone|Gray|Color [Lineart]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --resolution 50..600dpi (in steps of 1) [600]
        Sets the horizontal resolution of the scanned image.
  Geometry:
    -l 0..224.846mm (in steps of 0.0211639) [0]
        Top-left x position of scan area.
    -t 0..863.489mm (in steps of 0.0211639) [0]
        Top-left y position of scan area.
    -x 0..224.846mm (in steps of 0.0211639) [215.872]
        Width of scan-area.
    -y 0..863.489mm (in steps of 0.0211639) [279.364]
        Height of scan-area.
`;

/** `scanimage -d pnm:0 -A`: no source, a resolution list with an empty entry. */
const PNM = `
  Source Selection:
    --filename <string> [/tmp/input.ppm]
        The filename of the image to be loaded.
    --resolution auto||75|90|100|150|300dpi [75]
        Sets the resolution of the scanned image.
`;

describe('scanimage -f listing', () => {
  it('splits fields from the right, so names keep their colons and bars', () => {
    expect(parseDeviceList('test:0|Noname|frontend-tester|virtual device\nairscan:e0:HP M28w|HP|LaserJet MFP M28w|eSCL network scanner\n\n')).toEqual([
      { name: 'test:0', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' },
      { name: 'airscan:e0:HP M28w', vendor: 'HP', model: 'LaserJet MFP M28w', type: 'eSCL network scanner' },
    ]);
    expect(parseDeviceList('')).toEqual([]);
  });
});

describe('scanimage -A options into capabilities', () => {
  it('reads the test backend: flatbed and ADF, gray and colour (and black and white via depth 1), 200 mm area', () => {
    const opts = parseOptions(TEST_BACKEND);
    expect(opts.get('--source')?.values).toEqual(['Flatbed', 'Automatic Document Feeder']);
    expect(opts.get('--resolution')?.range).toEqual({ min: 1, max: 1200 });
    expect(opts.get('--three-pass')?.inactive).toBe(true);
    const caps = capabilitiesFromOptions(opts);
    expect(caps).toMatchObject({ sources: ['flatbed', 'adf'], colorModes: ['bw', 'gray', 'color'], maxAreaMm: { widthMm: 200, heightMm: 200 }, pageSizes: [] });
    expect(caps.resolutions).toEqual([75, 100, 150, 200, 240, 300, 400, 600, 1200]);
  });

  it('reads a sheet-fed scanner: ADF and duplex, no flatbed, A4 and legal fit', () => {
    const caps = capabilitiesFromOptions(parseOptions(SHEETFED));
    expect(caps.sources).toEqual(['adf', 'adf-duplex']);
    expect(caps.colorModes).toEqual(['bw', 'gray', 'color']);
    expect(caps.resolutions).toEqual([75, 100, 150, 200, 240, 300, 400, 600]);
    expect(caps.pageSizes).toEqual(expect.arrayContaining(['a4', 'letter', 'legal']));
    expect(caps.pageSizes).not.toContain('a3');
  });

  it('reads a device without a source option as a flatbed, and a resolution list', () => {
    const caps = capabilitiesFromOptions(parseOptions(PNM));
    expect(caps.sources).toEqual(['flatbed']);
    expect(caps.resolutions).toEqual([75, 90, 100, 150, 300]);
  });

  it('builds batch arguments: the vendor source string, one page only for the flatbed', () => {
    const opts = parseOptions(SHEETFED);
    const caps = capabilitiesFromOptions(opts);
    const dir = path.join('work', 'batch');
    const duplex = saneScanArgs('fujitsu:fi-7160:1234', { source: 'adf-duplex', dpi: 300, color: 'gray' }, opts, caps, dir);
    expect(duplex).toEqual(['-d', 'fujitsu:fi-7160:1234', '--format=png', `--batch=${path.join(dir, 'p%04d.png')}`, '--batch-print', '--source', 'ADF Duplex', '--resolution', '300', '--mode', 'Gray', '-x', '210', '-y', '297']);
    expect(duplex).not.toContain('--batch-count=1');
    const testOpts = parseOptions(TEST_BACKEND);
    const flatbed = saneScanArgs('test:0', { source: 'flatbed', color: 'bw', dpi: 250 }, testOpts, capabilitiesFromOptions(testOpts), dir);
    expect(flatbed).toContain('--batch-count=1');
    expect(flatbed.join(' ')).toContain('--source Flatbed --resolution 250 --mode Gray --depth 1 -x 200 -y 200');
  });
});

describe('batch end (exit code and stderr) into our codes', () => {
  const stderr = (line: string, pages = 1) => `Scanning infinity pages, incrementing by 1, numbering from 1\nScanning page ${pages}\nscanimage: ${line}\nBatch terminated, ${pages - 1} pages scanned\n`;
  it.each([
    [6, 'sane_read: Document feeder jammed', 0, 'SCAN_JAMMED'],
    [6, 'sane_read: Document feeder jammed', 4, 'SCAN_JAMMED'],
    [0, 'sane_start: Document feeder out of documents', 0, 'SCAN_FEEDER_EMPTY'],
    [7, 'sane_start: Document feeder out of documents', 0, 'SCAN_FEEDER_EMPTY'],
    [8, 'sane_read: Scanner cover is open', 2, 'SCAN_COVER_OPEN'],
    [3, 'sane_start: Device busy', 0, 'SCAN_BUSY'],
    [1, 'open of device test:9 failed: Invalid argument', 0, 'SCAN_DEVICE_GONE'],
    [4, 'sane_read: Invalid argument', 3, 'SCAN_DEVICE_GONE'],
    [9, 'sane_read: Error during device I/O', 3, 'SCAN_DEVICE_GONE'],
    [1, 'setting of option --source failed (Invalid argument)', 0, 'SCAN_UNSUPPORTED_SETTING'],
    [11, 'sane_start: Access to resource has been denied', 0, 'SCAN_FAILED'],
    [10, 'sane_read: Out of memory', 2, 'SCAN_FAILED'],
  ])('exit %i, "%s" after %i pages → %s', (exit, line, pages, code) => {
    expect(batchOutcome(exit, stderr(line, pages + 1), pages)?.code).toBe(code);
  });

  it('an ADF that runs out after some pages is the normal end, with or without a count', () => {
    expect(batchOutcome(0, stderr('sane_start: Document feeder out of documents', 11), 10)).toBeNull();
    expect(batchOutcome(7, stderr('sane_start: Document feeder out of documents', 11), 10)).toBeNull();
    expect(batchOutcome(0, 'Scanned page 1. (scanner status = 5)\nBatch terminated, 1 page scanned\n', 1)).toBeNull();
  });

  it('keeps the device wording as the detail, and does not call a silent empty batch a success', () => {
    expect(batchOutcome(6, stderr('sane_read: Document feeder jammed'), 0)?.params.detail).toBe('sane_read: Document feeder jammed');
    expect(batchOutcome(0, '', 0)?.code).toBe('SCAN_FAILED');
    expect(batchOutcome(null, '', 2)?.code).toBe('SCAN_FAILED');
  });
});
