/**
 * A fault-injecting proxy on 127.0.0.1 between a counter and the central server (issue #17's acceptance tests and the
 * sync benchmarks). Two layers, so each fault is made where it happens on a real link:
 *  - the link (TCP): bytes counted on the wire both ways (headers included), an optional rate limit per direction
 *    (bytes/s, shared by every connection, as one weak line is), and outages (connections reset or refused);
 *  - HTTP: each request matched against the planned rules and forwarded, cut, answered without forwarding, forwarded
 *    with its reply dropped, forwarded twice, or held and sent later.
 * Requests are never rewritten, so what the server sees is what the counter sent, or a prefix of it.
 */
import http from 'node:http';
import net from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';

export interface ProxyRequest {
  /** 1, 2, … in the order the proxy received them. */
  n: number;
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: http.IncomingHttpHeaders;
}

export type FaultAction =
  /** Pass it on (the default for a request no rule matches). `onForwarded`: called once the whole request has been
   *  written to the server, before its reply (to kill the server mid-commit). */
  | { kind: 'forward'; onForwarded?: (r: ProxyRequest) => void }
  /** Forward the head and the first `bytes` body bytes, then drop both connections (a link lost mid-upload). */
  | { kind: 'cutRequest'; bytes: number }
  /** Answer this without forwarding (default 500 with an ErrorReply; a lie when the body is not what the route sends). */
  | { kind: 'reply'; status?: number; body?: string; contentType?: string }
  /** Forward it, let the server answer completely (it committed), then drop the counter's connection unanswered.
   *  `hang`: keep the connection open and silent instead, so only the counter's own time limit ends it. */
  | { kind: 'dropReply'; hang?: boolean }
  /** Forward it twice (the second after the first's reply, or both at once); the counter gets the first reply. */
  | { kind: 'duplicate'; concurrent?: boolean }
  /** Take the whole request, drop the counter's connection, keep the request: releaseHeld() sends it later (a late
   *  duplicate that arrives after the requests the counter made since). */
  | { kind: 'hold' };

export interface FaultRule {
  /** Which requests (default: any). A string matches the method and path as "PUT /v1/dossiers/…" by prefix. */
  match?: string | RegExp | ((r: ProxyRequest) => boolean);
  action: FaultAction;
  /** How many matching requests it applies to (default 1; Infinity for all). */
  times?: number;
}

export interface ProxyLogEntry extends ProxyRequest {
  action: FaultAction['kind'];
  /** The status the server answered (the first copy for a duplicate); undefined when none came back. */
  upstreamStatus?: number;
  /** Statuses the server gave the extra copies (duplicate, hold). */
  laterStatuses: number[];
  requestBodyBytes: number;
  /** When the request arrived and when the server's (first) reply was complete (performance.now(), ms). */
  arrivedAt: number;
  answeredAt?: number;
}

export interface WireStats {
  /** Bytes on the wire counter → proxy (request lines, headers and bodies). */
  up: number;
  /** Bytes on the wire proxy → counter. */
  down: number;
  connections: number;
}

export interface FaultProxy {
  /** The URL the counter uses instead of the central's. */
  url: string;
  port: number;
  plan(...rules: FaultRule[]): void;
  /** Rules not used up yet. */
  pending(): number;
  /** Every request so far. */
  log: ProxyLogEntry[];
  /** 'reset': accept and drop at once (ECONNRESET); 'refuse': stop listening (ECONNREFUSED). Existing connections
   *  are dropped either way. */
  outage(on: boolean, mode?: 'reset' | 'refuse'): Promise<void>;
  /** Link capacity in bytes per second each way (null: unlimited). */
  setRate(bytesPerSecond: number | null): void;
  wire(): WireStats;
  resetWire(): void;
  /** Sends the held requests to the server, in the order they were held; resolves when the server has answered all. */
  releaseHeld(): Promise<number[]>;
  heldCount(): number;
  close(): Promise<void>;
}

/** One direction of the link: a shared token bucket, so all connections together get at most `rate` bytes/s. */
class Lane {
  rate: number | null = null;
  bytes = 0;
  private nextFree = 0;

  /** When `n` more bytes may leave (ms since the epoch of performance.now()). */
  reserve(n: number): number {
    this.bytes += n;
    if (this.rate === null) return 0;
    const now = performance.now();
    const start = Math.max(now, this.nextFree);
    this.nextFree = start + (n * 1000) / this.rate;
    return this.nextFree;
  }
}

const SLICE = 16 * 1024;

function throttle(lane: Lane): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      let at = 0;
      const next = (): void => {
        if (at >= chunk.length) return done();
        const piece = chunk.subarray(at, at + SLICE);
        at += piece.length;
        const until = lane.reserve(piece.length);
        const wait = until - performance.now();
        // Bytes leave when the line would have carried them (timers for the bench's throttle, not for tests).
        if (wait > 1) {
          setTimeout(() => {
            this.push(piece);
            next();
          }, wait);
        } else {
          this.push(piece);
          next();
        }
      };
      next();
    },
  });
}

function matches(rule: FaultRule, r: ProxyRequest): boolean {
  const m = rule.match;
  if (m === undefined) return true;
  if (typeof m === 'function') return m(r);
  const line = `${r.method} ${r.path}`;
  return typeof m === 'string' ? line.startsWith(m) : m.test(line);
}

const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

function forwardHeaders(h: http.IncomingHttpHeaders, host: string): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(h)) if (!HOP.has(k) && v !== undefined) out[k] = v;
  out.host = host;
  return out;
}

function readAll(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('aborted')));
  });
}

/** Starts a proxy to `target` (the central's base URL) on 127.0.0.1. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const rules: (FaultRule & { left: number })[] = [];
  const log: ProxyLogEntry[] = [];
  const held: { req: ProxyRequest; body: Buffer; entry: ProxyLogEntry }[] = [];
  const up = new Lane();
  const down = new Lane();
  let connections = 0;
  let down_ = false;
  let n = 0;
  const links = new Set<{ client: net.Socket; inner: net.Socket }>();
  const hanging = new Set<net.Socket>();

  /** Sends one request upstream; resolves with the status and the whole reply (or rejects on a network failure). */
  function send(r: ProxyRequest, body: Buffer, onForwarded?: () => void): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const out = http.request(
        { host: upstream.hostname, port: upstream.port, method: r.method, path: r.path, headers: forwardHeaders(r.headers, upstream.host), agent },
        (res) => {
          readAll(res).then((b) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: b }), reject);
        },
      );
      out.on('error', reject);
      if (onForwarded) out.once('finish', onForwarded);
      out.end(body);
    });
  }

  function answer(res: http.ServerResponse, status: number, headers: http.IncomingHttpHeaders | http.OutgoingHttpHeaders, body: Buffer): void {
    const h: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(headers)) if (!HOP.has(k) && v !== undefined) h[k] = v;
    h['content-length'] = body.length;
    res.writeHead(status, h);
    res.end(body);
  }

  const httpServer = http.createServer({ keepAlive: true }, (req, res) => {
    const r: ProxyRequest = { n: ++n, method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers };
    const rule = rules.find((x) => x.left > 0 && matches(x, r));
    if (rule) rule.left -= 1;
    const action: FaultAction = rule?.action ?? { kind: 'forward' };
    const entry: ProxyLogEntry = { ...r, action: action.kind, laterStatuses: [], requestBodyBytes: 0, arrivedAt: performance.now() };
    log.push(entry);
    const drop = (): void => {
      req.socket.destroy();
    };
    void (async () => {
      switch (action.kind) {
        case 'cutRequest': {
          // Stream the first bytes through, then cut both sides: the server sees a body that stops short.
          const out = http.request({ host: upstream.hostname, port: upstream.port, method: r.method, path: r.path, headers: forwardHeaders(r.headers, upstream.host), agent: false });
          out.on('error', () => {});
          out.on('response', (x) => {
            entry.upstreamStatus = x.statusCode;
            x.resume();
          });
          let sent = 0;
          let cut = false;
          let written: Promise<void> = Promise.resolve();
          const finish = (): void => {
            if (cut) return;
            cut = true;
            drop();
            // The bytes already written reach the server before its connection goes (none written: it never hears).
            void written.then(() => out.destroy());
          };
          req.on('data', (c: Buffer) => {
            if (cut) return;
            const take = c.subarray(0, Math.max(0, action.bytes - sent));
            sent += take.length;
            entry.requestBodyBytes = sent;
            if (take.length) written = new Promise((resolve) => out.write(take, () => resolve()));
            if (sent >= action.bytes) finish();
          });
          req.on('end', finish);
          return;
        }
        case 'reply': {
          const body = await readAll(req).catch(() => null);
          if (!body) return;
          entry.requestBodyBytes = body.length;
          const status = action.status ?? 500;
          const text = action.body ?? JSON.stringify({ code: 'PROXY_FAULT', message: 'Lỗi máy chủ (giả lập).' });
          answer(res, status, { 'content-type': action.contentType ?? 'application/json' }, Buffer.from(text));
          return;
        }
        default:
          break;
      }
      const body = await readAll(req).catch(() => null);
      if (!body) return;
      entry.requestBodyBytes = body.length;
      try {
        if (action.kind === 'hold') {
          held.push({ req: r, body, entry });
          drop();
          return;
        }
        if (action.kind === 'duplicate' && action.concurrent) {
          const [a, b] = await Promise.allSettled([send(r, body), send(r, body)]);
          if (b.status === 'fulfilled') entry.laterStatuses.push(b.value.status);
          if (a.status === 'rejected') return drop();
          entry.upstreamStatus = a.value.status;
          return answer(res, a.value.status, a.value.headers, a.value.body);
        }
        const first = await send(r, body, action.kind === 'forward' && action.onForwarded ? () => action.onForwarded!(r) : undefined);
        entry.upstreamStatus = first.status;
        entry.answeredAt = performance.now();
        if (action.kind === 'duplicate') {
          const second = await send(r, body).catch(() => null);
          if (second) entry.laterStatuses.push(second.status);
        }
        if (action.kind === 'dropReply') {
          if (action.hang) {
            hanging.add(req.socket);
            req.socket.once('close', () => hanging.delete(req.socket));
          } else drop();
          return;
        }
        answer(res, first.status, first.headers, first.body);
      } catch {
        drop(); // the server is unreachable: the counter sees the link fail
      }
    })();
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const innerPort = (httpServer.address() as net.AddressInfo).port;

  // The link layer the counter connects to: counts and throttles bytes, makes outages.
  const onConnection = (client: net.Socket): void => {
    if (down_) {
      client.destroy();
      return;
    }
    connections += 1;
    const inner = net.connect(innerPort, '127.0.0.1');
    const link = { client, inner };
    links.add(link);
    const end = (): void => {
      links.delete(link);
      client.destroy();
      inner.destroy();
    };
    client.on('error', end).on('close', end);
    inner.on('error', end).on('close', end);
    client.pipe(throttle(up)).pipe(inner);
    inner.pipe(throttle(down)).pipe(client);
  };
  let linkServer = net.createServer(onConnection);
  await new Promise<void>((resolve) => linkServer.listen(0, '127.0.0.1', resolve));
  const port = (linkServer.address() as net.AddressInfo).port;
  let listening = true;

  const dropAll = (): void => {
    for (const l of links) {
      l.client.destroy();
      l.inner.destroy();
    }
    links.clear();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    plan(...more) {
      for (const r of more) rules.push({ ...r, left: r.times ?? 1 });
    },
    pending: () => rules.reduce((s, r) => s + (r.left > 0 ? 1 : 0), 0),
    async outage(on, mode = 'reset') {
      down_ = on;
      if (on) {
        dropAll();
        if (mode === 'refuse' && listening) {
          listening = false;
          await new Promise<void>((resolve) => linkServer.close(() => resolve()));
        }
      } else if (!listening) {
        linkServer = net.createServer(onConnection);
        await new Promise<void>((resolve, reject) => {
          linkServer.once('error', reject);
          linkServer.listen(port, '127.0.0.1', resolve);
        });
        listening = true;
      }
    },
    setRate(bps) {
      up.rate = bps;
      down.rate = bps;
    },
    wire: () => ({ up: up.bytes, down: down.bytes, connections }),
    resetWire() {
      up.bytes = 0;
      down.bytes = 0;
      connections = 0;
    },
    async releaseHeld() {
      const statuses: number[] = [];
      for (const h of held.splice(0)) {
        const got = await send(h.req, h.body).catch(() => null);
        const status = got ? got.status : 0;
        h.entry.laterStatuses.push(status);
        statuses.push(status);
      }
      return statuses;
    },
    heldCount: () => held.length,
    async close() {
      dropAll();
      for (const s of hanging) s.destroy();
      if (listening) await new Promise<void>((resolve) => linkServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      agent.destroy();
    },
  };
}
