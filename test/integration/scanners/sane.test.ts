/**
 * The SANE backend against the real `scanimage` with SANE's own `test` and `pnm` backends, enabled through a
 * private SANE_CONFIG_DIR (the stock dll.conf leaves them commented out). Needs sane-utils (scanimage; the
 * backends ship in libsane1, which it depends on): skipped locally without it, a failure under CI=true.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageFormatError, imageInfo } from '../../../native/scanners/image-info';
import { SaneBackend } from '../../../native/scanners/sane/sane-backend';
import { type ScanError, type ScannedPage, type ScanSettings } from '../../../native/scanners/scanner';
import { tempDir } from '../../helpers/temp';
import { requireTools } from '../../helpers/tools';
import { drain } from '../../helpers/scan-pages';

const tools = requireTools('scanimage');

let tmp: ReturnType<typeof tempDir>;
let work: string;
let backend: SaneBackend;
let saneEnv: NodeJS.ProcessEnv;

beforeAll(() => {
  tmp = tempDir('motcua-sane-test-');
  const config = path.join(tmp.dir, 'sane.d');
  work = path.join(tmp.dir, 'work');
  mkdirSync(config);
  mkdirSync(work);
  writeFileSync(path.join(config, 'dll.conf'), 'test\npnm\n');
  saneEnv = { ...process.env, SANE_CONFIG_DIR: config };
  backend = new SaneBackend({ env: saneEnv, tempRoot: work, killGraceMs: 1_000 });
});
afterAll(() => tmp?.cleanup());


/** 100 dpi keeps the batch quick (the test backend's area is at most 200×200 mm). */
const small = (s: Partial<ScanSettings> = {}): ScanSettings => ({ source: 'adf', dpi: 100, color: 'gray', ...s });
const signal = () => new AbortController().signal;

describe.skipIf(tools.skip)('SANE backend through scanimage (test and pnm backends)', () => {
  it('lists the devices of the private configuration', async () => {
    const uris = (await backend.list()).map((d) => d.uri);
    expect(uris).toEqual(expect.arrayContaining(['sane:test:0', 'sane:pnm:0']));
  });

  it('reads capabilities from -A: sources, resolutions, colour modes', async () => {
    const caps = await backend.capabilities('test:0');
    expect(caps.sources).toEqual(['flatbed', 'adf']);
    expect(caps.colorModes).toEqual(expect.arrayContaining(['gray', 'color']));
    expect(caps.resolutions).toEqual(expect.arrayContaining([75, 150, 300, 600]));
    expect(caps.maxAreaMm).toEqual({ widthMm: 200, heightMm: 200 });
  });

  it('streams the ten pages of the test ADF, in order, and leaves no file behind', async () => {
    const { pages, error } = await drain(backend.scan('test:0', small(), signal()));
    expect(error).toBeNull();
    expect(pages.map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const p of pages) expect(p).toMatchObject({ mime: 'image/png', dpi: 100 });
    expect(pages[0]?.widthPx).toBeGreaterThan(0);
    expect(readdirSync(work)).toEqual([]);
  });

  it('takes pages while scanimage is still scanning: a cancel after page 2 stops the feeder and removes partial files', async () => {
    const ac = new AbortController();
    const pages: ScannedPage[] = [];
    const err = await (async () => {
      // Each page is slowed in the driver, so the batch is far from done when page 2 arrives.
      for await (const p of backend.scan('test:0', small({ backendOptions: ['--read-delay=yes', '--read-delay-duration=100000'] }), ac.signal)) {
        pages.push(p);
        if (p.index === 2) ac.abort();
      }
    })().catch((e: unknown) => e);
    expect((err as ScanError).code).toBe('SCAN_CANCELLED');
    expect(pages.length).toBeLessThan(10);
    expect(readdirSync(work)).toEqual([]);
  });

  it('takes exactly one page from the flatbed (a flatbed batch without a count never ends)', async () => {
    const { pages, error } = await drain(backend.scan('test:0', small({ source: 'flatbed' }), signal()));
    expect(error).toBeNull();
    expect(pages).toHaveLength(1);
  });

  it('scans black and white as Gray at depth 1 on a device without a lineart mode', async () => {
    const { pages, error } = await drain(backend.scan('test:0', small({ color: 'bw' }), signal()));
    expect(error).toBeNull();
    expect(pages).toHaveLength(10);
  });

  it.each([
    ['SANE_STATUS_JAMMED', 'SCAN_JAMMED'],
    ['SANE_STATUS_NO_DOCS', 'SCAN_FEEDER_EMPTY'],
    ['SANE_STATUS_COVER_OPEN', 'SCAN_COVER_OPEN'],
    ['SANE_STATUS_DEVICE_BUSY', 'SCAN_BUSY'],
    ['SANE_STATUS_IO_ERROR', 'SCAN_DEVICE_GONE'],
  ])('maps a driver that returns %s to %s, with no page and no file left', async (status, code) => {
    const { pages, error } = await drain(backend.scan('test:0', small({ backendOptions: [`--read-return-value=${status}`] }), signal()));
    expect(pages).toHaveLength(0);
    expect(error?.code).toBe(code);
    expect(readdirSync(work)).toEqual([]);
  });

  it('a device that is not there is SCAN_DEVICE_GONE', async () => {
    const { error } = await drain(backend.scan('test:9', small(), signal()));
    expect(error?.code).toBe('SCAN_DEVICE_GONE');
  });

  it('refuses a source the device does not have before scanning', async () => {
    const { error } = await drain(backend.scan('pnm:0', { source: 'adf' }, signal()));
    expect(error?.code).toBe('SCAN_UNSUPPORTED_SETTING');
  });

  it('feeds a real A4 page image through the pnm backend, size kept', async () => {
    // A4 at 150 dpi, with text-like bars so it is not blank.
    const w = 1240;
    const h = 1754;
    const pixels = Buffer.alloc(w * h, 255);
    for (let y = 150; y < h - 150; y += 40) for (let x = 150; x < w - 150; x++) if ((x >> 4) % 3) pixels.fill(0, y * w + x, y * w + x + 1);
    const file = path.join(tmp.dir, 'a4-page.pgm');
    writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${w} ${h}\n255\n`), pixels]));
    const { pages, error } = await drain(backend.scan('pnm:0', { source: 'flatbed', dpi: 150, backendOptions: [`--filename=${file}`] }, signal()));
    expect(error).toBeNull();
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ mime: 'image/png', widthPx: w, heightPx: h });
  });
});

describe.skipIf(tools.skip)('image headers of what scanimage writes', () => {
  it.each([
    ['jpeg', ['--mode', 'Color', '--test-picture', 'Color pattern'], 'image/jpeg'],
    ['tiff', ['--mode', 'Gray'], 'image/tiff'],
    ['tiff', ['--mode', 'Gray', '--depth', '1'], 'image/tiff'],
    ['png', ['--mode', 'Gray', '--depth', '1'], 'image/png'],
  ])('reads size and dpi of %s %j, and sees it truncated', (format, extra, mime) => {
    const file = path.join(tmp.dir, `page.${format}`);
    execFileSync('scanimage', ['-d', 'test:0', '--resolution', '150', ...extra, `--format=${format}`, '-o', file], { env: saneEnv, timeout: 30_000 });
    const bytes = readFileSync(file);
    const info = imageInfo(bytes);
    expect(info).toMatchObject({ mime, dpi: 150 });
    // The test backend's default area is 80×100 mm: at 150 dpi that is 472×590 pixels.
    expect([info.widthPx, info.heightPx]).toEqual([472, 590]);
    expect(() => imageInfo(bytes.subarray(0, bytes.length - 100))).toThrow(ImageFormatError);
  });
});

describe('SANE backend without scanimage', () => {
  it('lists nothing and answers SCAN_BACKEND_UNAVAILABLE for a scan', async () => {
    const missing = new SaneBackend({ program: 'scanimage-not-installed-here' });
    expect(await missing.list()).toEqual([]);
    const err = await drain(missing.scan('test:0', { source: 'adf' }, new AbortController().signal));
    expect(err.error?.code).toBe('SCAN_BACKEND_UNAVAILABLE');
  });
});
