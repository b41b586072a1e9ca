/**
 * Web mode: the built renderer over HTTP and the contract over one WebSocket (/rpc) per browser tab.
 * Binds 127.0.0.1 unless told to serve the LAN (kiosks, display boards, supervisors' browsers).
 * Wire format, one JSON object per message: request {id, method, input} → reply {id, ok, value | error}.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../../app';
import type { CallResult } from '../../contract/bridge';
import { AppError } from '../../contract/errors';
import { toWireError } from '../../rpc/dispatch';
import { createHostAllowList, parseAllowedHostsEnv, type HostAllowList } from './allowed-hosts';
import { loadStatic, WEB_CSP } from './static-files';

export interface WebServerOptions {
  host?: string;
  port?: number;
  rendererDir: string;
  /** Largest message accepted, bytes. */
  maxPayload?: number;
  /** Extra Host names to answer (`name` or `name:port`); default MOTCUA_WEB_ALLOWED_HOSTS, comma-separated. */
  allowedHosts?: readonly string[];
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

type Reply = { id: string | number | null } & CallResult;

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

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!trusted(req)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden host\n');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      if (req.url === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const f = await loadStatic(opts.rendererDir, req.url ?? '/');
      res.writeHead(f.status, {
        'content-type': f.type,
        'content-security-policy': WEB_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': f.type.startsWith('text/html') ? 'no-store' : 'public, max-age=3600',
      });
      res.end(req.method === 'HEAD' ? undefined : f.body);
    })().catch((err: unknown) => {
      core.logger.error('static serve failed', { err, url: req.url });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayload ?? 32 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/rpc' || !trusted(req)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket, req: http.IncomingMessage) => {
    const conn = core.openConnection('web', `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`);
    const send = (r: Reply) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(r));
    };
    ws.on('message', (data, isBinary) => {
      void (async () => {
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
        send({ id: req.id, ...result });
      })().catch((err: unknown) => core.logger.error('ws message failed', { err }));
    });
    ws.on('error', (err) => core.logger.warn('ws error', { err, conn: conn.id }));
    ws.on('close', () => core.closeConnection(conn));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 5178, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = createHostAllowList({ bindHost: host, port, extra: opts.allowedHosts ?? parseAllowedHostsEnv(process.env.MOTCUA_WEB_ALLOWED_HOSTS) });
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    async close() {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
