/**
 * The eSCL client against a real HTTP peer on 127.0.0.1 (test/helpers/escl-server.ts): pages stream in order, and
 * every way a batch stops (jam, busy, empty feeder, slow or cut pages, bad capabilities) gives its stable code
 * with the pages before it kept. Bounded: retries are few and fast (Retry-After: 0), every request has a timeout.
 */
import { describe, expect, it } from 'vitest';
import { EsclBackend } from '../../../native/scanners/escl/escl-backend';
import { ScanError, type ScannedPage, type ScanSettings } from '../../../native/scanners/scanner';
import { makePng, esclServersPerTest } from '../../helpers/escl-server';
import { drain } from '../../helpers/scan-pages';

const serve = esclServersPerTest();

const pagesOf = (n: number) => Array.from({ length: n }, (_, i) => makePng(120, 170, 150, i + 1));

const backend = (opts: ConstructorParameters<typeof EsclBackend>[0] = {}) => new EsclBackend({ retryDelayMs: 20, requestTimeoutMs: 5_000, pageTimeoutMs: 10_000, ...opts });

const adf: ScanSettings = { source: 'adf', dpi: 300, color: 'gray' };

describe('eSCL backend against a loopback eSCL server', () => {
  it('streams an ADF batch in order, byte for byte, asks for what was chosen, and deletes the job', async () => {
    const sent = pagesOf(5);
    const s = await serve({ pages: sent });
    const { pages, error } = await drain(backend().scan(s.url, adf, new AbortController().signal));
    expect(error).toBeNull();
    expect(pages.map((p) => p.index)).toEqual([1, 2, 3, 4, 5]);
    pages.forEach((p, i) => expect(p.bytes?.equals(sent[i] ?? Buffer.alloc(0))).toBe(true));
    expect(pages[0]).toMatchObject({ mime: 'image/png', widthPx: 120, heightPx: 170, dpi: 150 });
    expect(s.settings[0]).toMatch(/<pwg:InputSource>Feeder<\/pwg:InputSource>/);
    expect(s.settings[0]).toMatch(/<scan:Duplex>false<\/scan:Duplex>/);
    expect(s.settings[0]).toMatch(/<scan:ColorMode>Grayscale8<\/scan:ColorMode>/);
    expect(s.settings[0]).toMatch(/<scan:XResolution>300<\/scan:XResolution>/);
    expect(s.settings[0]).toMatch(/<pwg:DocumentFormat>image\/png<\/pwg:DocumentFormat>/);
    expect(s.deletes).toBe(1);
  });

  it('reads capabilities: sources, resolutions, colour modes, page sizes', async () => {
    const s = await serve({ pages: [] });
    const caps = await backend().capabilities(s.url);
    expect(caps).toMatchObject({ sources: ['flatbed', 'adf', 'adf-duplex'], resolutions: [150, 300, 600], colorModes: ['bw', 'gray', 'color'] });
    expect(caps.pageSizes).toContain('a4');
    expect(caps.pageSizes).not.toContain('a3');
    expect((await backend({ urls: [s.url] }).list())[0]).toMatchObject({ uri: `escl:${s.url}`, name: 'MotCua Test eSCL', kind: 'escl' });
  });

  it('scans duplex through the feeder with Duplex true', async () => {
    const s = await serve({ pages: pagesOf(4) });
    const { pages, error } = await drain(backend().scan(s.url, { source: 'adf-duplex', color: 'color' }, new AbortController().signal));
    expect(error).toBeNull();
    expect(pages).toHaveLength(4);
    expect(s.settings[0]).toMatch(/<scan:Duplex>true<\/scan:Duplex>/);
    expect(s.settings[0]).toMatch(/<scan:ColorMode>RGB24<\/scan:ColorMode>/);
  });

  it('refuses duplex on a device without it, before any job is made', async () => {
    const s = await serve({ pages: pagesOf(2), duplex: false });
    const { error } = await drain(backend().scan(s.url, { source: 'adf-duplex' }, new AbortController().signal));
    expect(error?.code).toBe('SCAN_UNSUPPORTED_SETTING');
    expect(s.settings).toHaveLength(0);
  });

  it('a jam mid-batch stops with SCAN_JAMMED after the pages before it (503 + AdfJam)', async () => {
    const s = await serve({ pages: pagesOf(6), jamAfter: 3 });
    const { pages, error } = await drain(backend().scan(s.url, adf, new AbortController().signal));
    expect(pages.map((p) => p.index)).toEqual([1, 2, 3]);
    expect(error?.code).toBe('SCAN_JAMMED');
    // A jam stops at once: no retrying of a 503 once the status shows it.
    expect(s.requests.filter((r) => r.endsWith('/NextDocument'))).toHaveLength(4);
    expect(s.deletes).toBe(1);
  });

  it('a jam answered with 409 is named from the status too', async () => {
    const s = await serve({ pages: pagesOf(6), jamAfter: 2, jamHttpStatus: 409 });
    const { pages, error } = await drain(backend().scan(s.url, adf, new AbortController().signal));
    expect(pages).toHaveLength(2);
    expect(error?.code).toBe('SCAN_JAMMED');
  });

  it('waits for a busy scanner (503 on ScanJobs, then 503 before each page) and gets every page', async () => {
    const s = await serve({ pages: pagesOf(3), postBusy: 2, notReady: 2 });
    const { pages, error } = await drain(backend().scan(s.url, adf, new AbortController().signal));
    expect(error).toBeNull();
    expect(pages).toHaveLength(3);
    expect(s.requests.filter((r) => r === 'POST /eSCL/ScanJobs')).toHaveLength(3);
  });

  it('gives up on a scanner busy for longer than the bound with SCAN_BUSY', async () => {
    const s = await serve({ pages: pagesOf(3), postBusy: 50 });
    const { pages, error } = await drain(backend({ maxJobRetries: 2 }).scan(s.url, adf, new AbortController().signal));
    expect(pages).toHaveLength(0);
    expect(error?.code).toBe('SCAN_BUSY');
    expect(s.requests.filter((r) => r === 'POST /eSCL/ScanJobs')).toHaveLength(3);
  });

  it('an empty feeder refused with 409 + ScannerAdfEmpty is SCAN_FEEDER_EMPTY', async () => {
    const s = await serve({ pages: pagesOf(2), postRefuse: { status: 409, adfState: 'ScannerAdfEmpty' } });
    const { pages, error } = await drain(backend().scan(s.url, adf, new AbortController().signal));
    expect(pages).toHaveLength(0);
    expect(error?.code).toBe('SCAN_FEEDER_EMPTY');
  });

  it('a feeder that gives no page (404 at once) is SCAN_FEEDER_EMPTY, not a silent empty batch', async () => {
    const s = await serve({ pages: [] });
    const { pages, error } = await drain(backend().scan(s.url, adf, new AbortController().signal));
    expect(pages).toHaveLength(0);
    expect(error?.code).toBe('SCAN_FEEDER_EMPTY');
    expect(s.deletes).toBe(1);
  });

  it('an open door (409 + ScannerAdfDoorOpen) is SCAN_COVER_OPEN', async () => {
    const s = await serve({ pages: pagesOf(2), postRefuse: { status: 409, adfState: 'ScannerAdfDoorOpen' } });
    expect((await drain(backend().scan(s.url, adf, new AbortController().signal))).error?.code).toBe('SCAN_COVER_OPEN');
  });

  it('slow pages arrive, in order', async () => {
    const s = await serve({ pages: pagesOf(3), slowMs: 300 });
    const { pages, error } = await drain(backend().scan(s.url, adf, new AbortController().signal));
    expect(error).toBeNull();
    expect(pages.map((p) => p.index)).toEqual([1, 2, 3]);
  });

  it('a page slower than the bound stops the batch with a code, naming the page and the timeout', async () => {
    const s = await serve({ pages: pagesOf(3), slowMs: 1_500 });
    const { pages, error } = await drain(backend({ pageTimeoutMs: 300 }).scan(s.url, adf, new AbortController().signal));
    expect(pages).toHaveLength(0);
    expect(error?.code).toBe('SCAN_DEVICE_GONE');
    expect(String(error?.params.detail)).toMatch(/page 1: .*timeout/i);
  });

  it('a connection cut mid-page keeps the pages before it and says the connection was lost', async () => {
    const sent = pagesOf(5);
    const s = await serve({ pages: sent, cutPage: 3 });
    const { pages, error } = await drain(backend().scan(s.url, adf, new AbortController().signal));
    expect(pages.map((p) => p.index)).toEqual([1, 2]);
    expect(pages[1]?.bytes?.equals(sent[1] ?? Buffer.alloc(0))).toBe(true);
    expect(error?.code).toBe('SCAN_DEVICE_GONE');
    expect(String(error?.params.detail)).toMatch(/page 3/);
  });

  it('a malformed capabilities document is SCAN_FAILED with the reason, never a crash; the device is still listed', async () => {
    const s = await serve({ pages: pagesOf(1), capabilities: '<?xml version="1.0"?><scan:ScannerCapabilities><scan:Platen>' });
    const err = await backend().capabilities(s.url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanError);
    expect((err as ScanError).code).toBe('SCAN_FAILED');
    expect(String((err as ScanError).params.detail)).toMatch(/malformed/i);
    expect((await drain(backend().scan(s.url, adf, new AbortController().signal))).error?.code).toBe('SCAN_FAILED');
    expect(await backend({ urls: [s.url] }).list()).toHaveLength(1);
    const notEscl = await serve({ pages: [], capabilities: '<html><body>router login</body></html>' });
    expect(((await backend().capabilities(notEscl.url).catch((e: unknown) => e)) as ScanError).code).toBe('SCAN_FAILED');
  });

  it('keeps talking to the host it knows when Location names another', async () => {
    const s = await serve({ pages: pagesOf(2), wrongHostInLocation: true });
    const { pages, error } = await drain(backend().scan(s.url, adf, new AbortController().signal));
    expect(error).toBeNull();
    expect(pages).toHaveLength(2);
  });

  it('takes one page from the platen and does not ask for another', async () => {
    const s = await serve({ pages: pagesOf(3) });
    const { pages, error } = await drain(backend().scan(s.url, { source: 'flatbed' }, new AbortController().signal));
    expect(error).toBeNull();
    expect(pages).toHaveLength(1);
    expect(s.settings[0]).toMatch(/<pwg:InputSource>Platen<\/pwg:InputSource>/);
    expect(s.requests.filter((r) => r.endsWith('/NextDocument'))).toHaveLength(1);
  });

  it('cancelling mid-batch stops with SCAN_CANCELLED, keeps the pages taken, and deletes the job', async () => {
    const s = await serve({ pages: pagesOf(5), slowMs: 200 });
    const ac = new AbortController();
    const pages: ScannedPage[] = [];
    const err = await (async () => {
      for await (const p of backend().scan(s.url, adf, ac.signal)) {
        pages.push(p);
        if (p.index === 2) ac.abort();
      }
    })().catch((e: unknown) => e);
    expect(pages).toHaveLength(2);
    expect((err as ScanError).code).toBe('SCAN_CANCELLED');
    expect(s.deletes).toBe(1);
  });

  it('a scanner that is not there is SCAN_DEVICE_GONE', async () => {
    const s = await serve({ pages: [] });
    const url = s.url;
    await s.close();
    expect((await drain(backend().scan(url, adf, new AbortController().signal))).error?.code).toBe('SCAN_DEVICE_GONE');
  });
});
