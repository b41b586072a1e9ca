/**
 * An eSCL scanner on 127.0.0.1 (node:http, port 0), written for the tests and scripted per test: a normal ADF
 * batch, duplex, a jam mid-batch, a busy scanner (503 then pages), an empty feeder (409 + AdfEmpty), slow pages, a
 * connection cut mid-page, a malformed capabilities document. It follows the flow NAPS2.Escl.Server and
 * sane-airscan agree on (201 + Location, NextDocument until 404, DELETE), and records every request.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import { afterEach } from 'vitest';

export interface EsclScript {
  /** The batch's page images, in order (the duplex batch too: front, back, front …). */
  pages: Buffer[];
  mime?: string;
  /** Replaces the capabilities document (e.g. malformed XML). */
  capabilities?: string;
  /** Offer an ADF duplex input (default true) and the platen (default true). */
  duplex?: boolean;
  platen?: boolean;
  /** ScanJobs answers 503 this many times first, the status saying Processing. */
  postBusy?: number;
  /** ScanJobs refuses with this HTTP status, the status showing this AdfState. */
  postRefuse?: { status: number; adfState: string };
  /** NextDocument answers 503 (Retry-After: 0) this many times before each page. */
  notReady?: number;
  /** After this many pages the paper jams: NextDocument answers `jamHttpStatus` (default 503), AdfState ScannerAdfJam. */
  jamAfter?: number;
  jamHttpStatus?: number;
  /** This page (1-based) is cut off halfway: headers promise the whole page, the socket is destroyed mid-body. */
  cutPage?: number;
  /** Delay before each page's answer, in ms. */
  slowMs?: number;
  /** Location sent with a wrong host (a real device quirk): the client must keep the host it talks to. */
  wrongHostInLocation?: boolean;
}

export interface EsclServer {
  /** `http://127.0.0.1:<port>/eSCL` */
  url: string;
  requests: string[];
  /** ScanSettings documents received by POST ScanJobs. */
  settings: string[];
  deletes: number;
  close(): Promise<void>;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm"';

function inputCaps(tag: string, mime: string): string {
  return `<scan:${tag}>
      <scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth>
      <scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>4200</scan:MaxHeight>
      <scan:SettingProfiles><scan:SettingProfile>
        <scan:ColorModes><scan:ColorMode>BlackAndWhite1</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
        <scan:DocumentFormats><pwg:DocumentFormat>application/pdf</pwg:DocumentFormat><pwg:DocumentFormat>${mime}</pwg:DocumentFormat></scan:DocumentFormats>
        <scan:SupportedResolutions><scan:DiscreteResolutions>
          <scan:DiscreteResolution><scan:XResolution>150</scan:XResolution><scan:YResolution>150</scan:YResolution></scan:DiscreteResolution>
          <scan:DiscreteResolution><scan:XResolution>300</scan:XResolution><scan:YResolution>300</scan:YResolution></scan:DiscreteResolution>
          <scan:DiscreteResolution><scan:XResolution>600</scan:XResolution><scan:YResolution>600</scan:YResolution></scan:DiscreteResolution>
        </scan:DiscreteResolutions></scan:SupportedResolutions>
      </scan:SettingProfile></scan:SettingProfiles>
    </scan:${tag}>`;
}

export function capabilitiesXml(opts: { duplex?: boolean; platen?: boolean; mime?: string } = {}): string {
  const mime = opts.mime ?? 'image/png';
  const platen = opts.platen === false ? '' : `<scan:Platen>${inputCaps('PlatenInputCaps', mime)}</scan:Platen>`;
  const duplex = opts.duplex === false ? '' : inputCaps('AdfDuplexInputCaps', mime);
  return `${XML_HEAD}
<scan:ScannerCapabilities ${NS}>
  <pwg:Version>2.63</pwg:Version>
  <pwg:MakeAndModel>MotCua Test eSCL</pwg:MakeAndModel>
  ${platen}
  <scan:Adf>${inputCaps('AdfSimplexInputCaps', mime)}${duplex}<scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption></scan:AdfOptions></scan:Adf>
</scan:ScannerCapabilities>`;
}

function statusXml(state: string, adfState: string): string {
  return `${XML_HEAD}\n<scan:ScannerStatus ${NS}><pwg:Version>2.63</pwg:Version><pwg:State>${state}</pwg:State><scan:AdfState>${adfState}</scan:AdfState></scan:ScannerStatus>`;
}

export async function startEsclServer(script: EsclScript): Promise<EsclServer> {
  const mime = script.mime ?? 'image/png';
  const requests: string[] = [];
  const settings: string[] = [];
  let deletes = 0;
  let postBusyLeft = script.postBusy ?? 0;
  let state = 'Idle';
  let adfState = script.pages.length > 0 ? 'ScannerAdfLoaded' : 'ScannerAdfEmpty';
  const jobs = new Map<string, { next: number; notReadyLeft: number; platen: boolean; done: boolean }>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(`${req.method} ${url.pathname}`);
      const send = (status: number, body: string | Buffer = '', headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
        res.end(body);
      };
      const p = url.pathname;
      if (req.method === 'GET' && p === '/eSCL/ScannerCapabilities') return send(200, script.capabilities ?? capabilitiesXml({ duplex: script.duplex, platen: script.platen, mime }), { 'content-type': 'text/xml' });
      if (req.method === 'GET' && p === '/eSCL/ScannerStatus') return send(200, statusXml(state, adfState), { 'content-type': 'text/xml' });
      if (req.method === 'POST' && p === '/eSCL/ScanJobs') {
        const body = Buffer.concat(chunks).toString('utf8');
        settings.push(body);
        if (postBusyLeft > 0) {
          postBusyLeft -= 1;
          state = 'Processing';
          return send(503, '', { 'retry-after': '0' });
        }
        state = 'Idle';
        if (script.postRefuse) {
          adfState = script.postRefuse.adfState;
          return send(script.postRefuse.status);
        }
        const id = randomUUID();
        jobs.set(id, { next: 0, notReadyLeft: script.notReady ?? 0, platen: body.includes('>Platen<'), done: false });
        const location = script.wrongHostInLocation ? `http://192.0.2.1:9/eSCL/ScanJobs/${id}` : `/eSCL/ScanJobs/${id}`;
        return send(201, '', { location });
      }
      const m = /^\/eSCL\/ScanJobs\/([\w-]+)(\/NextDocument)?$/.exec(p);
      const job = m?.[1] ? jobs.get(m[1]) : undefined;
      if (!m || !job) return send(404);
      if (req.method === 'DELETE' && !m[2]) {
        deletes += 1;
        jobs.delete(m[1] ?? '');
        return send(200);
      }
      if (req.method !== 'GET' || !m[2]) return send(405);
      if (script.jamAfter !== undefined && job.next >= script.jamAfter) {
        adfState = 'ScannerAdfJam';
        return send(script.jamHttpStatus ?? 503, '', { 'retry-after': '0' });
      }
      if (job.done || job.next >= script.pages.length || (job.platen && job.next >= 1)) {
        if (job.next >= script.pages.length) adfState = 'ScannerAdfEmpty';
        return send(404);
      }
      if (job.notReadyLeft > 0) {
        job.notReadyLeft -= 1;
        return send(503, '', { 'retry-after': '0' });
      }
      const page = script.pages[job.next] ?? Buffer.alloc(0);
      const index = ++job.next;
      job.notReadyLeft = script.notReady ?? 0;
      const answer = () => {
        if (script.cutPage === index) {
          res.writeHead(200, { 'content-type': mime, 'content-length': String(page.length) });
          res.write(page.subarray(0, Math.floor(page.length / 2)), () => res.destroy());
          return;
        }
        send(200, page, { 'content-type': mime });
      };
      if (script.slowMs) setTimeout(answer, script.slowMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/eSCL`,
    requests,
    settings,
    get deletes() {
      return deletes;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real 8-bit grayscale PNG with a pHYs chunk; `mark` draws that many bars so pages differ. */
export function makePng(width: number, height: number, dpi: number, mark = 1): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const phys = Buffer.alloc(9);
  const ppm = Math.round(dpi / 0.0254);
  phys.writeUInt32BE(ppm, 0);
  phys.writeUInt32BE(ppm, 4);
  phys[8] = 1;
  const raw = Buffer.alloc((width + 1) * height, 255);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let b = 0; b < mark; b++) {
      const x = 4 + b * 6;
      if (x < width && y > 4 && y < height - 4) raw[y * (width + 1) + 1 + x] = 0;
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('pHYs', phys), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * For a test file: `const serve = esclServersPerTest();` at its top level gives a function that starts a loopback
 * eSCL server, and every server started in a test is closed after it.
 */
export function esclServersPerTest(): (script: EsclScript) => Promise<EsclServer> {
  const servers: EsclServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (script) => {
    const s = await startEsclServer(script);
    servers.push(s);
    return s;
  };
}
