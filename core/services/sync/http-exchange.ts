/**
 * One HTTP request/response with the central server, bounded every way a weak link or a lying server can hang it:
 * a connect limit, an idle limit (no byte either way), a whole-call limit, and a cap on the reply's size. It never
 * throws: it returns the status and body, or why there is none and whether the request may have reached the server.
 *
 * Why node:http and not fetch (undici): the client must pace the socket writes of an upload (the shared token bucket),
 * know whether any request byte left before a failure (maybeApplied), tell a connect timeout from an idle one, and cut
 * a reply off at a byte cap while it streams in; fetch hides the socket and its body streaming does none of that
 * precisely. A keep-alive agent keeps the bytes on the wire close to the payload (no handshake per chunk).
 */
import http from 'node:http';
import https from 'node:https';
import type { RetryCode } from './central-client';
import type { TokenBucket } from './throttle';

export interface ExchangeRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Paces the body's socket writes (uploads); null: written at once. */
  bucket?: TokenBucket | null;
  agent: http.Agent;
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  timeoutMs: number;
  maxReplyBytes: number;
  /** Try once more when a kept-alive socket was reset before any reply (default true; uploads say false: a reset
   *  mid-chunk is reported, and the next attempt goes on from the server's offset). */
  retryReusedReset?: boolean;
}

export type ExchangeResult =
  | { ok: true; status: number; body: Buffer }
  | { ok: false; code: RetryCode; detail: string; maybeApplied: boolean };

/** Errors that mean no byte of the request can have reached a server. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ERR_INVALID_URL']);

export async function exchange(r: ExchangeRequest): Promise<ExchangeResult> {
  const first = await exchangeOnce(r);
  // A keep-alive socket the server closed while it sat idle fails at once, before any reply: every route is
  // idempotent (central-api.ts), so it is tried once more on a fresh socket (Node's documented advice).
  if (!first.ok && first.reusedSocketReset && r.retryReusedReset !== false) return exchangeOnce(r);
  return first.ok ? first : { ok: false, code: first.code, detail: first.detail, maybeApplied: first.maybeApplied };
}

type OnceResult =
  | { ok: true; status: number; body: Buffer }
  | { ok: false; code: RetryCode; detail: string; maybeApplied: boolean; reusedSocketReset: boolean };

function exchangeOnce(r: ExchangeRequest): Promise<OnceResult> {
  return new Promise((resolve) => {
    let settled = false;
    /** A socket is connected: from here on request bytes may have left, so a failure may have been applied. */
    let connected = false;
    let replyStarted = false;
    let connectTimer: NodeJS.Timeout | undefined;
    const body = r.body ?? Buffer.alloc(0);
    const mod = r.url.protocol === 'https:' ? https : http;

    const finish = (res: OnceResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(whole);
      clearTimeout(connectTimer);
      resolve(res);
    };
    const fail = (code: RetryCode, detail: string, extra: { reusedSocketReset?: boolean } = {}): void =>
      finish({ ok: false, code, detail, maybeApplied: connected, reusedSocketReset: extra.reusedSocketReset ?? false });

    let req: http.ClientRequest;
    try {
      req = mod.request(r.url, { method: r.method, agent: r.agent, headers: { ...r.headers, 'content-length': String(body.length) } });
    } catch (e) {
      resolve({ ok: false, code: 'SYNC_NETWORK', detail: (e as Error).message, maybeApplied: false, reusedSocketReset: false });
      return;
    }
    // The whole-call limit does not count time spent waiting for the upload cap (other uploads share the bucket):
    // a paced chunk is given as long as the cap makes it take.
    const startedAt = Date.now();
    let pacedMs = 0;
    const onWholeLimit = (): void => {
      const left = startedAt + r.timeoutMs + pacedMs - Date.now();
      if (left > 0) {
        whole = setTimeout(onWholeLimit, left);
        return;
      }
      // Headers in but the body never ends: an endless reply. Sent and no answer: a timeout after sending.
      if (replyStarted) fail('SYNC_BAD_REPLY', `reply not complete within ${r.timeoutMs} ms`);
      else if (connected) fail('SYNC_TIMEOUT', `no reply within ${r.timeoutMs} ms`);
      else fail('SYNC_NETWORK', `not connected within ${r.timeoutMs} ms`);
      req.destroy();
    };
    let whole = setTimeout(onWholeLimit, r.timeoutMs);

    req.on('socket', (socket) => {
      const connectEvent = r.url.protocol === 'https:' ? 'secureConnect' : 'connect';
      if (!socket.connecting && !(socket as { pending?: boolean }).pending) {
        connected = true;
        return;
      }
      connectTimer = setTimeout(() => {
        fail('SYNC_NETWORK', `connect timeout after ${r.connectTimeoutMs} ms`);
        req.destroy();
      }, r.connectTimeoutMs);
      socket.once(connectEvent, () => {
        clearTimeout(connectTimer);
        connected = true;
      });
    });
    req.setTimeout(r.idleTimeoutMs, () => {
      if (replyStarted) fail('SYNC_BAD_REPLY', `reply stalled for ${r.idleTimeoutMs} ms`);
      else fail(connected ? 'SYNC_TIMEOUT' : 'SYNC_NETWORK', `idle for ${r.idleTimeoutMs} ms`);
      req.destroy();
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? '';
      if (!connected || NEVER_SENT.has(code)) {
        connected = false;
        fail('SYNC_NETWORK', `${code || 'error'}: ${e.message}`);
        return;
      }
      const reusedReset = req.reusedSocket && !replyStarted && (code === 'ECONNRESET' || code === 'EPIPE');
      fail(code === 'ETIMEDOUT' ? 'SYNC_TIMEOUT' : 'SYNC_NETWORK', `${code || 'error'}: ${e.message}`, { reusedSocketReset: reusedReset });
    });
    req.on('response', (res) => {
      replyStarted = true;
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > r.maxReplyBytes) {
        fail('SYNC_BAD_REPLY', `reply of ${declared} bytes is over the ${r.maxReplyBytes}-byte cap`);
        req.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      res.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > r.maxReplyBytes) {
          fail('SYNC_BAD_REPLY', `reply over the ${r.maxReplyBytes}-byte cap`);
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        // The server answered before reading the whole body (e.g. a 409 on a chunk): the socket is not reusable.
        if (!req.writableFinished) req.destroy();
        finish({ ok: true, status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
      });
      res.on('aborted', () => fail('SYNC_NETWORK', 'connection closed in the middle of the reply'));
      res.on('error', (e) => fail('SYNC_NETWORK', `reply: ${e.message}`));
    });

    void writeBody(req, body, r.bucket ?? null, () => settled || replyStarted, (ms) => (pacedMs += ms));
  });
}

async function writeBody(req: http.ClientRequest, body: Buffer, bucket: TokenBucket | null, stop: () => boolean, paced: (ms: number) => void): Promise<void> {
  if (!bucket || body.length === 0) {
    req.end(body);
    return;
  }
  const slice = bucket.sliceBytes(64 * 1024);
  for (let off = 0; off < body.length; off += slice) {
    const part = body.subarray(off, Math.min(body.length, off + slice));
    await bucket.take(part.length, paced);
    if (stop() || req.destroyed) return;
    if (!req.write(part)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          req.off('drain', done);
          req.off('close', done);
          resolve();
        };
        req.on('drain', done);
        req.on('close', done);
      });
    }
  }
  if (!stop() && !req.destroyed) req.end();
}
