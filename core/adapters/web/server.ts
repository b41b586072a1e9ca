/**
 * Web mode: the built renderer over HTTP and the contract over one WebSocket (/rpc) per browser tab.
 * Binds 127.0.0.1 unless told to serve the LAN (kiosks, display boards, supervisors' browsers).
 * Wire format, one JSON object per message: request {id, method, input} → reply {id, ok, value | error}; push-channel
 * events the connection subscribed to (events.subscribe) come as {event, data}, with no id.
 * A client that falls behind (more than maxEventBacklog bytes waiting to go out) has its events dropped, and once it
 * has caught up it gets one {"event":"events.lost","data":{"reason":"backpressure"}} so it re-reads what it shows.
 * Replies are never dropped.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../../app';
import type { CallResult } from '../../contract/bridge';
import { EVENTS_LOST, type EventMessage, type EventsLostMessage } from '../../contract/events';
import { AppError } from '../../contract/errors';
import { MAX_ANONYMOUS_MESSAGE_BYTES, MAX_MESSAGE_BYTES } from '../../contract/limits';
import { toWireError } from '../../rpc/dispatch';
import { createHostAllowList, parseAllowedHostsEnv, type HostAllowList } from './allowed-hosts';
import { loadStatic, loadVoiceClip, SECURITY_HEADERS } from './static-files';
import type { TlsFiles } from './tls';

export interface WebServerOptions {
  host?: string;
  port?: number;
  rendererDir: string;
  /** Largest message a logged-in connection may send, bytes (default MAX_MESSAGE_BYTES). */
  maxPayload?: number;
  /** Largest message before login, bytes (default MAX_ANONYMOUS_MESSAGE_BYTES). */
  maxAnonymousPayload?: number;
  /** A connection not logged in this long after opening (or after logout) is closed, ms. Default 30 s. */
  anonymousTimeoutMs?: number;
  /** Open WebSocket connections allowed from one remote address. Default 32. */
  maxConnectionsPerPeer?: number;
  /** Open WebSocket connections allowed in all. Default 512. */
  maxConnections?: number;
  /** Extra Host names to answer (`name` or `name:port`); default MOTCUA_WEB_ALLOWED_HOSTS, comma-separated. */
  allowedHosts?: readonly string[];
  /** Bytes waiting to be sent to a client past which its events are dropped (default DEFAULT_EVENT_BACKLOG_BYTES). */
  maxEventBacklog?: number;
  /** Serve HTTPS (and wss) with this certificate and key (tls.ts checks them); absent: plain HTTP. */
  tls?: TlsFiles | null;
}

/** 4 MiB: hundreds of thumbnails' worth of progress events; a client this far behind re-reads instead. */
export const DEFAULT_EVENT_BACKLOG_BYTES = 4 * 1024 * 1024;
/** How often a client whose events were dropped is checked for having caught up, ms. */
const DRAIN_CHECK_MS = 100;

export interface WebServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

type Reply = { id: string | number | null } & CallResult;

/** Close codes (RFC 6455): 1008 policy violation (no login in time), 1009 message too big. */
const CLOSE_LOGIN_TIMEOUT = 1008;
const CLOSE_TOO_BIG = 1009;

/**
 * ws checks a frame's declared length against the receiver's limit as soon as the header arrives, before buffering
 * the payload; the limit is per server, so the receiver's copy is lowered until login (ws 8 keeps it in
 * `_receiver._maxPayload`). If a later ws moves it, the size check on each message below still closes the socket.
 */
function setFrameLimit(ws: WebSocket, bytes: number): void {
  const receiver = (ws as unknown as { _receiver?: { _maxPayload?: number } })._receiver;
  if (receiver && typeof receiver._maxPayload === 'number') receiver._maxPayload = bytes;
}

function refuseUpgrade(socket: Duplex, status: string): void {
  const headers = Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n${headers}\r\n`);
  socket.destroy();
}

function parseRequest(raw: string): { id: string | number | null; method: unknown; input: unknown } {
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    throw new AppError('RPC_MALFORMED');
  }
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) throw new AppError('RPC_MALFORMED');
  const m = msg as Record<string, unknown>;
  const id = typeof m.id === 'string' || typeof m.id === 'number' ? m.id : null;
  if (id === null || typeof m.method !== 'string') {
    const err = new AppError('RPC_MALFORMED');
    (err as AppError & { replyId?: unknown }).replyId = id;
    throw err;
  }
  return { id, method: m.method, input: m.input };
}

export async function startWebServer(core: Core, opts: WebServerOptions): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1';
  // Made once the port is known (port 0 picks one); nothing is answered before listen() returns.
  let hosts: HostAllowList | null = null;
  const trusted = (req: http.IncomingMessage) =>
    hosts !== null && hosts.allowsHost(req.headers.host) && hosts.allowsOrigin(req.headers.origin);

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Every response, refusals and errors included, carries the same security headers.
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    void (async () => {
      if (!trusted(req)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden host\n');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      if (req.url === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end('{"ok":true}');
        return;
      }
      const f = (await loadVoiceClip(core.resourcesDir, req.url ?? '/')) ?? (await loadStatic(opts.rendererDir, req.url ?? '/'));
      res.writeHead(f.status, {
        'content-type': f.type,
        'cache-control': f.status !== 200 || f.type.startsWith('text/html') ? 'no-store' : 'public, max-age=3600',
      });
      res.end(req.method === 'HEAD' ? undefined : f.body);
    })().catch((err: unknown) => {
      core.logger.error('static serve failed', { err, url: req.url });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  // Same handlers either way; over HTTPS the WebSocket upgrade below is wss.
  const server = opts.tls ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, onRequest) : http.createServer(onRequest);

  const maxPayload = opts.maxPayload ?? MAX_MESSAGE_BYTES;
  const maxAnonymous = Math.min(maxPayload, opts.maxAnonymousPayload ?? MAX_ANONYMOUS_MESSAGE_BYTES);
  const anonymousTimeoutMs = opts.anonymousTimeoutMs ?? 30_000;
  const maxPerPeer = opts.maxConnectionsPerPeer ?? 32;
  const maxTotal = opts.maxConnections ?? 512;
  const maxEventBacklog = opts.maxEventBacklog ?? DEFAULT_EVENT_BACKLOG_BYTES;
  /** Open and opening connections per remote address (the port says nothing about who is connecting). */
  const perPeer = new Map<string, number>();
  let total = 0;

  // No compression: a small compressed frame must not inflate past the limits.
  const wss = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/rpc' || !trusted(req)) {
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    const peer = req.socket.remoteAddress ?? '?';
    const fromPeer = perPeer.get(peer) ?? 0;
    if (total >= maxTotal || fromPeer >= maxPerPeer) {
      core.logger.warn('ws connection refused: too many connections', { peer, fromPeer, total });
      refuseUpgrade(socket, '503 Service Unavailable');
      return;
    }
    // Counted from here, so a burst of upgrades cannot all slip past the cap before any completes.
    total += 1;
    perPeer.set(peer, fromPeer + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      total -= 1;
      const n = (perPeer.get(peer) ?? 1) - 1;
      if (n <= 0) perPeer.delete(peer);
      else perPeer.set(peer, n);
    };
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket, req: http.IncomingMessage) => {
    // The peer is the remote address: login throttling counts per machine, not per port.
    const peer = req.socket.remoteAddress ?? '?';
    const conn = core.openConnection('web', peer);
    const send = (r: Reply) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(r));
    };
    // Until login: small messages only, and a deadline; after logout, the same again.
    let loginTimer: NodeJS.Timeout | null = null;
    // A paired kiosk or board (pairing.resume) stays connected like a logged-in user (issue #18).
    const loggedIn = () => conn.sessionToken !== null || conn.deviceToken !== null;
    const refreshLoginState = () => {
      setFrameLimit(ws, loggedIn() ? maxPayload : maxAnonymous);
      if (loggedIn() && loginTimer) {
        clearTimeout(loginTimer);
        loginTimer = null;
      } else if (!loggedIn() && !loginTimer) {
        loginTimer = setTimeout(() => {
          if (loggedIn()) return;
          core.logger.info('ws closed: no login in time', { peer, conn: conn.id });
          ws.close(CLOSE_LOGIN_TIMEOUT, 'login timeout');
          setTimeout(() => ws.terminate(), 2_000).unref();
        }, anonymousTimeoutMs);
        loginTimer.unref();
      }
    };
    refreshLoginState();

    // Push channel. Once one event is dropped, later ones are too until the buffer is down to half the bound, then
    // the lost notice goes first: the client never sees an event after a gap without being told of the gap.
    let dropping = false;
    let drainTimer: NodeJS.Timeout | null = null;
    const stopDrainCheck = () => {
      if (drainTimer) clearInterval(drainTimer);
      drainTimer = null;
    };
    const sendPush = (msg: EventMessage | EventsLostMessage) => ws.send(JSON.stringify(msg));
    conn.sink = (msg) => {
      if (ws.readyState !== ws.OPEN) return;
      if (!dropping && ws.bufferedAmount <= maxEventBacklog) {
        sendPush(msg);
        return;
      }
      if (dropping) return;
      dropping = true;
      core.logger.warn('ws client behind: events dropped until it catches up', { peer, conn: conn.id, buffered: ws.bufferedAmount });
      drainTimer = setInterval(() => {
        if (ws.readyState !== ws.OPEN) return stopDrainCheck();
        if (ws.bufferedAmount > maxEventBacklog / 2) return;
        stopDrainCheck();
        dropping = false;
        sendPush({ event: EVENTS_LOST, data: { reason: 'backpressure' } });
      }, DRAIN_CHECK_MS);
      drainTimer.unref();
    };
    ws.on('message', (data, isBinary) => {
      void (async () => {
        const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer | ArrayBuffer).byteLength;
        if (size > (loggedIn() ? maxPayload : maxAnonymous)) {
          core.logger.warn('ws closed: message too big', { peer, conn: conn.id, size, loggedIn: loggedIn() });
          ws.close(CLOSE_TOO_BIG, 'message too big');
          return;
        }
        if (isBinary) {
          send({ id: null, ok: false, error: toWireError(new AppError('RPC_MALFORMED')) });
          return;
        }
        let req: ReturnType<typeof parseRequest>;
        try {
          req = parseRequest(data.toString());
        } catch (e) {
          send({ id: ((e as { replyId?: string | number }).replyId ?? null), ok: false, error: toWireError(e) });
          return;
        }
        const result = await core.dispatch(conn, req.method as string, req.input);
        refreshLoginState();
        send({ id: req.id, ...result });
      })().catch((err: unknown) => core.logger.error('ws message failed', { err }));
    });
    ws.on('error', (err) => core.logger.warn('ws error', { err, conn: conn.id }));
    ws.on('close', () => {
      if (loginTimer) clearTimeout(loginTimer);
      stopDrainCheck();
      core.closeConnection(conn);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 5178, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = createHostAllowList({ bindHost: host, port, extra: opts.allowedHosts ?? parseAllowedHostsEnv(process.env.MOTCUA_WEB_ALLOWED_HOSTS) });
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    port,
    async close() {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
