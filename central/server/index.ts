/**
 * The reference central server (issue #17): node:http and PostgreSQL, routes from CENTRAL_ROUTES, files in a
 * content-addressed BlobStore. startCentralServer runs the migrations, then listens; tests and benchmarks start it
 * in-process, `npm run central -- --port P` from the command line (central/cli.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FsBlobStore } from '../blobs/fs-blob-store';
import type { BlobStore } from '../blobs/blob-store';
import { CentralError } from '../errors';
import { errorMessage } from '../../core/i18n/translate';
import { createPool } from '../store/db';
import { migrateCentral } from '../store/migrate';
import { HANDLERS, type CentralLogger, type HandlerDeps } from './handlers';
import { sendJson } from './http-io';
import { matchRoute } from './router';

export interface CentralServerOptions {
  databaseUrl: string;
  blobDir: string;
  port: number;
  host?: string;
  logger?: CentralLogger;
  /** Another BlobStore (an object store); default: FsBlobStore on blobDir. */
  blobs?: BlobStore;
  /** Slow-client limits, ms (defaults below; tests shorten them). */
  limits?: Partial<ServerLimits>;
}

export interface ServerLimits {
  /** The request line and headers must arrive within this. */
  headersTimeoutMs: number;
  /** A whole request, body included: a 256 KiB chunk on a weak postal link fits well inside. */
  requestTimeoutMs: number;
  /** A connection with no byte either way for this long is closed. */
  idleTimeoutMs: number;
}

export interface CentralServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const silent: CentralLogger = { info: () => {}, error: () => {} };

/** Limits so a slow or stalled client cannot hold a connection for ever. */
const DEFAULT_LIMITS: ServerLimits = { headersTimeoutMs: 20_000, requestTimeoutMs: 120_000, idleTimeoutMs: 60_000 };

async function handle(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://central');
  const method = req.method ?? 'GET';
  const found = matchRoute(method, url.pathname);
  try {
    if (found.kind === 'none') throw new CentralError(404, 'ROUTE_UNKNOWN', { method, path: url.pathname });
    if (found.kind === 'method') {
      res.setHeader('allow', found.allowed.join(', '));
      throw new CentralError(405, 'METHOD_NOT_ALLOWED', { method, path: url.pathname });
    }
    const key = `${found.match.route[0]} ${found.match.route[1]}` as keyof typeof HANDLERS;
    const reply = await HANDLERS[key]({ req, params: found.match.params, query: url.searchParams, deps });
    sendJson(res, reply.status, reply.body);
  } catch (e) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (e instanceof CentralError) {
      // A refused body may still be arriving: the connection is closed rather than read to its end.
      if (e.status === 413 || !req.readableEnded) res.setHeader('connection', 'close');
      sendJson(res, e.status, e.reply());
      return;
    }
    deps.logger.error(`${method} ${url.pathname} failed`, e);
    res.setHeader('connection', 'close');
    sendJson(res, 500, { code: 'INTERNAL', message: errorMessage('INTERNAL') });
  }
}

export async function startCentralServer(opts: CentralServerOptions): Promise<CentralServer> {
  const logger = opts.logger ?? silent;
  const db = createPool(opts.databaseUrl);
  try {
    const applied = await migrateCentral(db);
    if (applied.length) logger.info(`migrations applied: ${applied.join(', ')}`);
  } catch (e) {
    await db.end();
    throw e;
  }
  const deps: HandlerDeps = { db, blobs: opts.blobs ?? new FsBlobStore(opts.blobDir), logger };
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks those two limits on this interval (30 s by default, longer than a short limit).
      connectionsCheckingInterval: Math.min(5_000, Math.ceil(limits.headersTimeoutMs / 4)),
    },
    (req, res) => void handle(deps, req, res),
  );
  server.keepAliveTimeout = 5_000;
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
  const host = opts.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await db.end();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.end();
    },
  };
}
