/**
 * eSCL (AirScan, Mopria) over HTTP with Node's fetch: ScannerCapabilities, ScannerStatus, POST ScanJobs
 * (201 + Location), NextDocument until 404, DELETE at the end or on cancel. Every request is bounded in time;
 * retries on 503 are bounded in count. After a refusal or an error the scanner's status names the cause (jam, open
 * door, empty feeder), as sane-airscan and NAPS2 do. Devices come from URLs an admin typed (mDNS comes later).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { imageInfo, ImageFormatError } from '../image-info';
import { checkSettings, pickResolution, scanAreaMm, scanError, ScanError, type ScannedPage, type ScannerBackend, type ScannerCapabilities, type ScannerDevice, type ScanSettings } from '../scanner';
import { esclColorMode, parseCapabilities, parseStatus, scanSettingsXml, statusProblem, type EsclCapabilities, type EsclStatus } from './escl-xml';

export interface EsclBackendOptions {
  /** eSCL roots typed by an admin (`http://host:port/eSCL`), listed by list(). */
  urls?: readonly string[];
  /** Bound for capabilities, status, POST and DELETE. Default 10 s. */
  requestTimeoutMs?: number;
  /** Bound for one NextDocument (headers and body): a high-resolution page takes a while. Default 120 s. */
  pageTimeoutMs?: number;
  /** 503 answers tolerated for ScanJobs (default 10) and for each NextDocument (default 30), as sane-airscan. */
  maxJobRetries?: number;
  maxPageRetries?: number;
  /** Wait after a 503 without Retry-After (default 1000 ms); a Retry-After is honoured within [100 ms, 5 s]. */
  retryDelayMs?: number;
}

type Problem = ReturnType<typeof statusProblem>;

const PROBLEM_CODES: Record<Exclude<Problem, null>, ScanError['code']> = {
  jam: 'SCAN_JAMMED',
  cover: 'SCAN_COVER_OPEN',
  empty: 'SCAN_FEEDER_EMPTY',
  busy: 'SCAN_BUSY',
  down: 'SCAN_DEVICE_GONE',
};

/** Preferred page formats: lossless first (the page pipeline recompresses), JPEG as most devices offer. */
const FORMATS = ['image/png', 'image/jpeg', 'image/tiff'] as const;

export class EsclBackend implements ScannerBackend {
  readonly kind = 'escl' as const;
  private readonly urls: readonly string[];
  private readonly requestTimeoutMs: number;
  private readonly pageTimeoutMs: number;
  private readonly maxJobRetries: number;
  private readonly maxPageRetries: number;
  private readonly retryDelayMs: number;

  constructor(opts: EsclBackendOptions = {}) {
    this.urls = opts.urls ?? [];
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 10_000;
    this.pageTimeoutMs = opts.pageTimeoutMs ?? 120_000;
    this.maxJobRetries = opts.maxJobRetries ?? 10;
    this.maxPageRetries = opts.maxPageRetries ?? 30;
    this.retryDelayMs = opts.retryDelayMs ?? 1_000;
  }

  /** A fetch bounded in time and tied to the caller's signal; network failures become SCAN_DEVICE_GONE. */
  private async request(url: string, init: RequestInit, timeoutMs: number, signal?: AbortSignal): Promise<Response> {
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
    try {
      return await fetch(url, { ...init, signal: AbortSignal.any(signals), redirect: 'error' });
    } catch (e) {
      if (signal?.aborted) throw new ScanError('SCAN_CANCELLED');
      throw scanError('SCAN_DEVICE_GONE', `${init.method ?? 'GET'} ${url}: ${describe(e)}`);
    }
  }

  private async readText(res: Response, what: string, signal?: AbortSignal): Promise<string> {
    try {
      return await res.text();
    } catch (e) {
      if (signal?.aborted) throw new ScanError('SCAN_CANCELLED');
      throw scanError('SCAN_DEVICE_GONE', `${what}: ${describe(e)}`);
    }
  }

  async list(): Promise<ScannerDevice[]> {
    const out: ScannerDevice[] = [];
    for (const base of this.urls) {
      let name = base;
      try {
        name = (await this.readCapabilities(base)).makeAndModel || base;
      } catch {
        // A configured scanner that is off is still listed; scanning it will say why it fails.
      }
      out.push({ uri: `escl:${base}`, name, kind: 'escl' });
    }
    return out;
  }

  private async readCapabilities(base: string, signal?: AbortSignal): Promise<EsclCapabilities> {
    const res = await this.request(`${base}/ScannerCapabilities`, {}, this.requestTimeoutMs, signal);
    const body = await this.readText(res, 'ScannerCapabilities', signal);
    if (res.status !== 200) throw scanError('SCAN_FAILED', `ScannerCapabilities: HTTP ${res.status}`);
    return parseCapabilities(body);
  }

  async capabilities(id: string, signal?: AbortSignal): Promise<ScannerCapabilities> {
    return (await this.readCapabilities(id, signal)).capabilities;
  }

  /** The status, or null when it cannot be read (the caller keeps its own diagnosis then). */
  private async status(base: string, signal: AbortSignal): Promise<EsclStatus | null> {
    try {
      const res = await this.request(`${base}/ScannerStatus`, {}, this.requestTimeoutMs, signal);
      const body = await this.readText(res, 'ScannerStatus', signal);
      return res.status === 200 ? parseStatus(body) : null;
    } catch (e) {
      if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
      if (e instanceof ScanError && e.code === 'SCAN_DEVICE_GONE') throw e;
      return null;
    }
  }

  /** After a refusal: the status's problem as our code, or `fallback`. */
  private async diagnose(base: string, signal: AbortSignal, fallback: ScanError['code'], detail: string, pages: number): Promise<ScanError | 'end'> {
    const st = await this.status(base, signal);
    const problem = st ? statusProblem(st) : null;
    if (problem === 'empty' && pages > 0) return 'end';
    if (problem) return scanError(PROBLEM_CODES[problem], `${detail}; status ${st?.state}/${st?.adfState}`);
    return scanError(fallback, detail);
  }

  private delayFor(res: Response): number {
    const header = res.headers.get('retry-after');
    const seconds = header === null ? NaN : Number(header);
    if (!Number.isFinite(seconds)) return this.retryDelayMs;
    return Math.min(5_000, Math.max(100, seconds * 1000));
  }

  async *scan(id: string, settings: ScanSettings, signal: AbortSignal): AsyncIterable<ScannedPage> {
    const caps = await this.readCapabilities(id, signal);
    checkSettings(settings, caps.capabilities);
    const input = caps.inputs[settings.source];
    if (!input) throw new ScanError('SCAN_UNSUPPORTED_SETTING', { setting: 'source', value: settings.source, offered: caps.capabilities.sources.join(', ') });
    const color = settings.color ?? (input.colorModes.some((c) => c.startsWith('Grayscale')) ? 'gray' : 'color');
    const colorMode = esclColorMode(color, input.colorModes);
    if (!colorMode) throw new ScanError('SCAN_UNSUPPORTED_SETTING', { setting: 'color', value: color, offered: input.colorModes.join(', ') });
    const format = FORMATS.find((f) => input.formats.includes(f));
    if (!format) throw new ScanError('SCAN_UNSUPPORTED_SETTING', { setting: 'format', value: 'image/png|jpeg|tiff', offered: input.formats.join(', ') });
    const dpi = pickResolution(settings.dpi, input.resolutions);
    const area = scanAreaMm(settings, caps.capabilities);
    const toUnits = (mm: number, max: number | null) => Math.min((mm / 25.4) * 300, max ?? Infinity);
    const body = scanSettingsXml({ source: settings.source, colorMode, dpi, format, formatExt: false, width: toUnits(area.widthMm, input.maxWidth), height: toUnits(area.heightMm, input.maxHeight) });

    const job = await this.createJob(id, body, signal);
    let pages = 0;
    try {
      // The platen gives one image per job (sane-airscan); asking again may start a second scan.
      while (!(settings.source === 'flatbed' && pages === 1)) {
        const page = await this.nextDocument(id, job, signal, pages, settings.source !== 'flatbed');
        if (page === 'end') break;
        pages += 1;
        yield { ...page, index: pages, dpi: page.dpi || dpi };
      }
    } finally {
      await this.deleteJob(job);
    }
  }

  private async createJob(base: string, body: string, signal: AbortSignal): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const res = await this.request(`${base}/ScanJobs`, { method: 'POST', body, headers: { 'content-type': 'text/xml' } }, this.requestTimeoutMs, signal);
      await res.arrayBuffer().catch(() => undefined);
      if (res.status === 201) {
        const location = res.headers.get('location');
        if (!location) throw scanError('SCAN_FAILED', 'ScanJobs: 201 without Location');
        return jobUrl(base, location);
      }
      const diagnosis = await this.diagnose(base, signal, res.status === 503 ? 'SCAN_BUSY' : 'SCAN_FAILED', `ScanJobs: HTTP ${res.status}`, 0);
      const error = diagnosis === 'end' ? scanError('SCAN_FEEDER_EMPTY', 'ScanJobs refused') : diagnosis;
      // A busy scanner is waited for, a bounded number of times; a jam, open door or empty feeder stops at once.
      if (error.code === 'SCAN_BUSY' && attempt < this.maxJobRetries) {
        await sleep(this.delayFor(res), undefined, { signal }).catch(() => undefined);
        if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
        continue;
      }
      throw error;
    }
  }

  private async nextDocument(base: string, job: string, signal: AbortSignal, pages: number, feeder: boolean): Promise<Omit<ScannedPage, 'index'> | 'end'> {
    const url = `${job}/NextDocument`;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        // The bound covers the body too: fetch's signal also aborts the body stream.
        res = await this.request(url, {}, this.pageTimeoutMs, signal);
      } catch (e) {
        if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
        const detail = e instanceof ScanError ? String(e.params.detail ?? e.code) : describe(e);
        throw await this.orEnd(base, signal, 'SCAN_DEVICE_GONE', `page ${pages + 1}: ${detail}`, pages);
      }
      if (res.status === 200) {
        let bytes: Buffer;
        try {
          bytes = Buffer.from(await res.arrayBuffer());
        } catch (e) {
          // The connection was cut mid-page: the pages before it are kept; the status may say why.
          if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
          throw await this.orEnd(base, signal, 'SCAN_DEVICE_GONE', `page ${pages + 1} cut off: ${describe(e)}`, pages);
        }
        try {
          const info = imageInfo(bytes);
          return { bytes, mime: info.mime, widthPx: info.widthPx, heightPx: info.heightPx, dpi: info.dpi ?? 0 };
        } catch (e) {
          if (!(e instanceof ImageFormatError)) throw e;
          throw scanError('SCAN_FAILED', `page ${pages + 1}: ${e.message}`);
        }
      }
      await res.arrayBuffer().catch(() => undefined);
      if (res.status === 404 || res.status === 410) {
        // The end of the batch, unless the status says the paper stopped (some devices answer 404 on a jam).
        const st = await this.status(base, signal);
        const problem = st ? statusProblem(st) : null;
        if (problem === 'jam' || problem === 'cover') throw scanError(PROBLEM_CODES[problem], `NextDocument: HTTP ${res.status}; status ${st?.adfState}`);
        if (pages === 0) throw scanError(feeder ? 'SCAN_FEEDER_EMPTY' : 'SCAN_FAILED', `NextDocument: HTTP ${res.status} before any page`);
        return 'end';
      }
      if (res.status === 503 && attempt < this.maxPageRetries) {
        // Not ready yet (a slow page, a warming lamp): wait unless the status shows a stop.
        const st = await this.status(base, signal);
        const problem = st ? statusProblem(st) : null;
        if (problem === 'jam' || problem === 'cover' || problem === 'down') throw scanError(PROBLEM_CODES[problem], `NextDocument: HTTP 503; status ${st?.state}/${st?.adfState}`);
        await sleep(this.delayFor(res), undefined, { signal }).catch(() => undefined);
        if (signal.aborted) throw new ScanError('SCAN_CANCELLED');
        continue;
      }
      // A refusal (409, 500 …) with an empty feeder after some pages is how some devices end a batch.
      const d = await this.diagnose(base, signal, res.status === 503 ? 'SCAN_BUSY' : 'SCAN_FAILED', `NextDocument: HTTP ${res.status}`, pages);
      if (d === 'end') return 'end';
      throw d;
    }
  }

  /** A diagnosis that may turn out to be the normal end (an empty feeder after some pages): thrown as 'end' is not. */
  private async orEnd(base: string, signal: AbortSignal, fallback: ScanError['code'], detail: string, pages: number): Promise<ScanError> {
    let d: ScanError | 'end';
    try {
      d = await this.diagnose(base, signal, fallback, detail, pages);
    } catch (e) {
      if (e instanceof ScanError && e.code === 'SCAN_CANCELLED') throw e;
      return scanError(fallback, detail);
    }
    // An empty feeder after an error mid-page is still an error for that page: keep the fallback code.
    return d === 'end' ? scanError(fallback, detail) : d;
  }

  /** Always attempted, bounded, errors ignored: the job must not keep the scanner reserved. */
  private async deleteJob(job: string): Promise<void> {
    try {
      const res = await fetch(job, { method: 'DELETE', signal: AbortSignal.timeout(this.requestTimeoutMs), redirect: 'error' });
      await res.arrayBuffer().catch(() => undefined);
    } catch {
      // The device is gone or refused: nothing more to do.
    }
  }
}

/** The job URL from Location, rebuilt on the host we talk to (devices put wrong hosts in Location, sane-airscan). */
export function jobUrl(base: string, location: string): string {
  const baseUrl = new URL(base.endsWith('/') ? base : `${base}/`);
  const loc = new URL(location, baseUrl);
  return `${baseUrl.origin}${loc.pathname.replace(/\/+$/, '')}`;
}

function describe(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err?.cause ? ` (${err.cause.code ?? err.cause.message ?? ''})` : '';
  return `${err?.message ?? String(e)}${cause}`;
}
