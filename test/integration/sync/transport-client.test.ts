/**
 * The central client against a central that lies: one node:http peer on 127.0.0.1 whose behaviour each test sets.
 * Every failure must come back as a CallOutcome with the right kind, code and maybeApplied — never a throw, never
 * a "success" for a reply that is not one.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCentralClient, MAX_OFFSET_RESTARTS, type CallOutcome, type ClosableCentralClient } from '../../../core/services/sync/central-client';
import { sharedUploadBucket } from '../../../core/services/sync/throttle';
import type { DossierEvent } from '../../../core/services/sync/central-types';
import { tempDir } from '../../helpers/temp';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void;

let handler: Handler;
/** Called as soon as the request's headers arrive (before its body), for peers that cut the upload off. */
let onRequest: ((req: http.IncomingMessage, res: http.ServerResponse) => boolean) | null = null;
let server: http.Server;
let base: string;
const seen: { method: string; url: string; auth: string | undefined; headers: http.IncomingHttpHeaders; bytes: number }[] = [];
const tmp = tempDir('motcua-transport-');
const clients: ClosableCentralClient[] = [];

function client(opts: Partial<Parameters<typeof createCentralClient>[0]> = {}): ClosableCentralClient {
  const c = createCentralClient({ baseUrl: base, deviceToken: 'dev-token-123', timeoutMs: 2_000, ...opts });
  clients.push(c);
  return c;
}
function json(res: http.ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.length });
  res.end(bytes);
}
function retryOf<T>(o: CallOutcome<T>): { code: string; maybeApplied: boolean } {
  if (o.ok || o.kind !== 'retry') throw new Error(`expected a retry outcome, got ${JSON.stringify(o)}`);
  return { code: o.code, maybeApplied: o.maybeApplied };
}

const EVENT: DossierEvent = {
  idempotencyKey: 'd1:1',
  kind: 'transition',
  at: '2026-12-07T01:00:00.000Z',
  state: 'received',
  dossier: {
    MaHoSo: 'H01-261207-0001',
    MaTTHC: '1.001',
    TenTTHC: 'Thủ tục',
    ChuHoSo: 'Nguyễn Văn A',
    LoaiDoiTuong: '1',
    NgayTiepNhan: '20261207080000',
    NgayHenTra: null,
    TrangThaiHoSo: '2',
    HinhThuc: '0',
    DonViXuLy: 'UBND',
    MaDonVi: 'H01',
    TaiLieuNop: [],
    DanhSachLePhi: [],
    ThanhPhanHoSo: [],
    BienLai: [],
  },
  data: {},
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, headers: req.headers, bytes: 0 });
    if (onRequest?.(req, res)) return;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      chunks.push(c);
      seen[seen.length - 1]!.bytes += c.length;
    });
    req.on('end', () => handler(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});
afterAll(async () => {
  for (const c of clients) c.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  tmp.cleanup();
});
beforeEach(() => {
  seen.length = 0;
  onRequest = null;
});

describe('JSON calls', () => {
  it('sends the Bearer token on every call but enrol and health, under the base path', async () => {
    handler = (req, res) => {
      if (req.url === '/api/v1/health') return json(res, 200, { ok: true, serverId: 's', time: 't', apiVersion: 'v1' });
      if (req.url === '/api/v1/enrol') return json(res, 201, { counterId: 'Q03', deviceId: 'd', deviceToken: 'x', serverId: 's' });
      return json(res, 200, { seq: 1, duplicate: false });
    };
    const c = client();
    expect((await c.health()).ok).toBe(true);
    expect((await c.enrol({ token: 'token-123456', deviceName: 'm', appVersion: '1' })).ok).toBe(true);
    expect(await c.putEvent('d 1', 1, EVENT)).toEqual({ ok: true, value: { seq: 1, duplicate: false } });
    expect(seen.map((s) => [s.method, s.url, s.auth])).toEqual([
      ['GET', '/api/v1/health', undefined],
      ['POST', '/api/v1/enrol', undefined],
      ['PUT', '/api/v1/dossiers/d%201/events/1', 'Bearer dev-token-123'],
    ]);
  });

  it('a 500 is a server error to retry, maybe applied', async () => {
    handler = (_q, res) => json(res, 500, { code: 'INTERNAL', message: 'lỗi' });
    const o = await client().putEvent('d1', 1, EVENT);
    expect(retryOf(o)).toEqual({ code: 'SYNC_SERVER_ERROR', maybeApplied: true });
  });

  it('malformed JSON and a 200 with a wrong body are bad replies, never a success', async () => {
    handler = (_q, res) => json(res, 200, '{"seq": 1, "dup');
    expect(retryOf(await client().putEvent('d1', 1, EVENT))).toEqual({ code: 'SYNC_BAD_REPLY', maybeApplied: true });
    handler = (_q, res) => json(res, 200, { ok: true });
    expect(retryOf(await client().putEvent('d1', 1, EVENT))).toEqual({ code: 'SYNC_BAD_REPLY', maybeApplied: true });
    handler = (_q, res) => json(res, 200, { start: 5, end: 'x' });
    expect(retryOf(await client().reserveBlock({ requestId: 'req-12345678', agencyCode: 'H01', day: '2026-12-07', size: 5 }))).toMatchObject({ code: 'SYNC_BAD_REPLY' });
  });

  it('a 4xx with {code, message} is a rejection with the server reason; without one, SYNC_REJECTED_UNKNOWN', async () => {
    handler = (_q, res) => json(res, 409, { code: 'EVENT_OUT_OF_ORDER', message: 'sai thứ tự', expectedSeq: 3 });
    expect(await client().putEvent('d1', 5, EVENT)).toEqual({ ok: false, kind: 'rejected', status: 409, error: { code: 'EVENT_OUT_OF_ORDER', message: 'sai thứ tự', expectedSeq: 3 } });
    handler = (_q, res) => {
      res.writeHead(403, { 'content-type': 'text/html' });
      res.end('<h1>Forbidden</h1>');
    };
    const o = await client().putEvent('d1', 5, EVENT);
    expect(o).toMatchObject({ ok: false, kind: 'rejected', status: 403, error: { code: 'SYNC_REJECTED_UNKNOWN' } });
    if (!o.ok && o.kind === 'rejected') expect(o.error.message).toContain('403');
  });

  it('404 with an error body is "none" for lookups; a 404 without one (a wrong URL) is a rejection', async () => {
    handler = (_q, res) => json(res, 404, { code: 'DOSSIER_UNKNOWN', message: 'không có' });
    expect(await client().lookupDossier('d1')).toEqual({ ok: true, value: null });
    expect(await client().blobStatus('a'.repeat(64))).toEqual({ ok: true, value: null });
    handler = (_q, res) => {
      res.writeHead(404);
      res.end('Not Found');
    };
    expect(await client().lookupDossier('d1')).toMatchObject({ ok: false, kind: 'rejected', error: { code: 'SYNC_REJECTED_UNKNOWN' } });
  });

  it('an endless fast reply is cut at the cap; an endless slow one at the whole-call limit: both bad replies', async () => {
    const flood = Buffer.alloc(1024 * 1024, 0x20);
    handler = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"seq":');
      const pump = (): void => {
        while (!res.destroyed && res.write(flood));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    };
    // Limits far off: only the 4 MiB cap can end this one.
    const cut = await client({ timeoutMs: 30_000, idleTimeoutMs: 30_000 }).putEvent('d1', 1, EVENT);
    expect(retryOf(cut)).toEqual({ code: 'SYNC_BAD_REPLY', maybeApplied: true });
    expect(cut).toMatchObject({ detail: expect.stringContaining('4194304-byte cap') });

    handler = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 20);
      res.on('close', () => clearInterval(timer));
    };
    expect(retryOf(await client({ timeoutMs: 400, idleTimeoutMs: 300 }).putEvent('d1', 1, EVENT))).toEqual({ code: 'SYNC_BAD_REPLY', maybeApplied: true });
  });

  it('a declared Content-Length over the cap is refused before reading it', async () => {
    handler = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(5 * 1024 * 1024) });
      res.write('{');
    };
    const o = await client({ timeoutMs: 30_000, idleTimeoutMs: 30_000 }).health();
    expect(retryOf(o)).toEqual({ code: 'SYNC_BAD_REPLY', maybeApplied: true });
    expect(o).toMatchObject({ detail: expect.stringContaining('over the') });
  });

  it('a reply that never starts after the request was sent is a timeout that may have been applied', async () => {
    handler = () => {
      /* read the whole request, never answer: the central committed and the reply was lost */
    };
    const o = await client({ timeoutMs: 300 }).putEvent('d1', 1, EVENT);
    expect(retryOf(o)).toEqual({ code: 'SYNC_TIMEOUT', maybeApplied: true });
    expect(seen).toHaveLength(1);
  });

  it('a connection dropped after the request is a network error that may have been applied', async () => {
    handler = (req) => req.socket.destroy();
    expect(retryOf(await client().putEvent('d1', 1, EVENT))).toEqual({ code: 'SYNC_NETWORK', maybeApplied: true });
  });

  it('connection refused is a network error that cannot have been applied', async () => {
    const other = http.createServer();
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const port = (other.address() as AddressInfo).port;
    await new Promise((r) => other.close(r));
    const o = await client({ baseUrl: `http://127.0.0.1:${port}` }).putEvent('d1', 1, EVENT);
    expect(retryOf(o)).toEqual({ code: 'SYNC_NETWORK', maybeApplied: false });
  });

  it('keeps the connection alive between calls (one socket for several calls)', async () => {
    const sockets = new Set<unknown>();
    handler = (req, res) => {
      sockets.add(req.socket);
      json(res, 200, { ok: true, serverId: 's', time: 't', apiVersion: 'v1' });
    };
    const c = client();
    for (let i = 0; i < 4; i++) expect((await c.health()).ok).toBe(true);
    expect(sockets.size).toBe(1);
  });
});

/** An in-memory blob endpoint with the protocol's offsets; `cut` drops the connection once a PATCH has sent that many bytes. */
function blobPeer(total: Buffer, sha: string, opts: { cutAfter?: number; holds?: number } = {}) {
  const held: Buffer[] = opts.holds ? [total.subarray(0, opts.holds)] : [];
  let offset = opts.holds ?? 0;
  let cut = opts.cutAfter;
  const patches: number[] = [];
  const status = () => ({ sha256: sha, offset, length: total.length, complete: offset === total.length });
  onRequest = (req, res) => {
    if (req.method !== 'PATCH') return false;
    const at = Number(req.headers['upload-offset']);
    patches.push(at);
    if (at !== offset) {
      req.resume();
      json(res, 409, { code: 'BLOB_OFFSET_MISMATCH', message: 'lệch', offset });
      return true;
    }
    req.on('data', (c: Buffer) => {
      if (cut !== undefined && offset + c.length > cut) {
        const keep = c.subarray(0, cut - offset);
        held.push(keep);
        offset += keep.length;
        cut = undefined;
        req.socket.destroy();
        return;
      }
      held.push(c);
      offset += c.length;
    });
    req.on('end', () => json(res, 200, status()));
    return true;
  };
  handler = (req, res) => (offset === 0 && held.length === 0 ? json(res, 404, { code: 'BLOB_UNKNOWN', message: 'không có' }) : json(res, 200, status()));
  return { patches, bytes: () => Buffer.concat(held), status };
}

describe('uploadBlob', () => {
  const bytes = Buffer.alloc(700 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 9)) & 0xff;
  const sha = createHash('sha256').update(bytes).digest('hex');
  const file = path.join(tmp.dir, 'page.bin');
  writeFileSync(file, bytes);
  const src = { path: file, sha256: sha, length: bytes.length };

  it('a connection reset mid-upload, then a resume from the server offset, gives the file byte for byte', async () => {
    const peer = blobPeer(bytes, sha, { cutAfter: 300 * 1024 });
    const c = client({ chunkBytes: 256 * 1024 });
    const progress: number[] = [];
    const first = await c.uploadBlob(src, 0, (o) => progress.push(o));
    expect(retryOf(first)).toEqual({ code: 'SYNC_NETWORK', maybeApplied: true });
    expect(progress).toEqual([256 * 1024]);
    const st = await c.blobStatus(sha);
    expect(st).toEqual({ ok: true, value: { sha256: sha, offset: 300 * 1024, length: bytes.length, complete: false } });
    const second = await c.uploadBlob(src, 300 * 1024, (o) => progress.push(o));
    expect(second).toEqual({ ok: true, value: { sha256: sha, offset: bytes.length, length: bytes.length, complete: true } });
    expect(peer.bytes().equals(bytes)).toBe(true);
    expect(peer.patches).toEqual([0, 256 * 1024, 300 * 1024, 556 * 1024]);
    const patch = seen.find((s) => s.method === 'PATCH')!;
    expect(patch.headers['upload-length']).toBe(String(bytes.length));
    expect(patch.headers['content-type']).toBe('application/offset+octet-stream');
    expect(patch.auth).toBe('Bearer dev-token-123');
  });

  it('409 BLOB_OFFSET_MISMATCH: goes on from the server offset, not from the counter one', async () => {
    // The server already holds the first 400 KiB (an earlier attempt's reply was lost); the counter starts at 0.
    const peer = blobPeer(bytes, sha, { holds: 400 * 1024 });
    const progress: number[] = [];
    const o = await client({ chunkBytes: 256 * 1024 }).uploadBlob(src, 0, (x) => progress.push(x));
    expect(o).toMatchObject({ ok: true, value: { complete: true, offset: bytes.length } });
    expect(peer.patches).toEqual([0, 400 * 1024, 656 * 1024]);
    expect(progress).toEqual([400 * 1024, 656 * 1024, bytes.length]);
    expect(peer.bytes().equals(bytes)).toBe(true);
  });

  it('gives up after a bounded number of offset restarts (a central whose offset keeps moving)', async () => {
    let n = 0;
    onRequest = (req, res) => {
      if (req.method !== 'PATCH') return false;
      req.resume();
      json(res, 409, { code: 'BLOB_OFFSET_MISMATCH', message: 'lệch', offset: (++n % 3) * 1024 });
      return true;
    };
    const o = await client().uploadBlob(src, 0);
    expect(retryOf(o)).toEqual({ code: 'SYNC_BAD_REPLY', maybeApplied: true });
    expect(n).toBe(MAX_OFFSET_RESTARTS + 1);
  });

  it('a 422 hash mismatch is a rejection returned as is', async () => {
    onRequest = (req, res) => {
      if (req.method !== 'PATCH') return false;
      req.resume();
      req.on('end', () => json(res, 422, { code: 'BLOB_HASH_MISMATCH', message: 'sai mã băm' }));
      return true;
    };
    expect(await client({ chunkBytes: 1024 * 1024 }).uploadBlob(src, 0)).toMatchObject({ ok: false, kind: 'rejected', status: 422, error: { code: 'BLOB_HASH_MISMATCH' } });
  });

  it('a file whose size changed is refused before any byte is sent', async () => {
    await expect(client().uploadBlob({ ...src, length: bytes.length + 1 }, 0)).rejects.toMatchObject({ code: 'SYNC_UPLOAD_SOURCE_CHANGED' });
    await expect(client().uploadBlob({ ...src, path: path.join(tmp.dir, 'gone.bin') }, 0)).rejects.toMatchObject({ code: 'SYNC_UPLOAD_SOURCE_UNREADABLE' });
    expect(seen).toHaveLength(0);
  });

  it('with a cap, every body byte goes through the process-wide bucket, slice by slice', async () => {
    const peer = blobPeer(bytes, sha);
    const sockets = new Set<Socket>();
    const count = (so: Socket): void => void sockets.add(so);
    server.on('connection', count);
    const rate = 50 * 1024 * 1024;
    const bucket = sharedUploadBucket(rate)!;
    expect(sharedUploadBucket(rate)).toBe(bucket);
    const take = vi.spyOn(bucket, 'take');
    let slices: number[];
    try {
      expect((await client({ bytesPerSecond: rate }).uploadBlob(src, 0)).ok).toBe(true);
      slices = take.mock.calls.map((c) => c[0]);
    } finally {
      take.mockRestore();
      server.off('connection', count);
    }
    expect(slices.reduce((a, b) => a + b, 0)).toBe(bytes.length);
    expect(Math.max(...slices)).toBeLessThanOrEqual(64 * 1024);
    expect(peer.bytes().equals(bytes)).toBe(true);
    // Bytes on the wire: the body plus small headers per 256 KiB chunk, on one kept-alive socket.
    const wire = [...sockets].reduce((a, so) => a + so.bytesRead, 0);
    expect(wire).toBeGreaterThan(bytes.length);
    expect(wire).toBeLessThanOrEqual(1.05 * bytes.length);
    expect(sockets.size).toBe(1);
  });

  it('time spent waiting for the cap does not count against the whole-call limit', async () => {
    const small = Buffer.from('x'.repeat(1_500));
    const smallSha = createHash('sha256').update(small).digest('hex');
    const smallFile = path.join(tmp.dir, 'small.bin');
    writeFileSync(smallFile, small);
    const peer = blobPeer(small, smallSha);
    // 2 000 B/s: about 0.65 s of pacing for 1 500 bytes, well past the 250 ms whole-call limit.
    const o = await client({ bytesPerSecond: 2_000, timeoutMs: 250, idleTimeoutMs: 2_000 }).uploadBlob({ path: smallFile, sha256: smallSha, length: small.length }, 0);
    expect(o).toMatchObject({ ok: true, value: { complete: true } });
    expect(peer.bytes().equals(small)).toBe(true);
  });
});
