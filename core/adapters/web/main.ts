/**
 * Starting web mode: the core on the data directory plus the web server; stops cleanly on SIGINT/SIGTERM.
 * Launchers (scripts/start-web.mjs, `motcua serve`) run this in a child process under supervisor.ts.
 */
import path from 'node:path';
import { createCore } from '../../app';
import { resolveDataDir } from '../../platform/data-dir';
import { installProcessHandlers } from '../../platform/logger';
import { REPO_ROOT } from '../../platform/paths';
import { startWebServer, type WebServer } from './server';
import { exitWithLauncher, isWebChild } from './supervisor';
import { tlsFilesOrExit } from './tls';

export interface WebModeOptions {
  host?: string | undefined;
  port?: number | undefined;
  dataDir?: string;
  rendererDir?: string;
}

export async function runWebMode(opts: WebModeOptions = {}): Promise<WebServer> {
  // HTTPS when MOTCUA_WEB_TLS_CERT/KEY are set: checked before the core opens (bad files: message and exit 2).
  const tls = tlsFilesOrExit();
  // The app's core: it reads scanned pages in the background (OCR queue).
  const core = await createCore({ dataDir: opts.dataDir ?? resolveDataDir(), echoLogs: true, ocr: { run: true }, printing: { run: true }, sync: { run: true } });
  installProcessHandlers(core.logger, { mode: 'web' });
  if (isWebChild()) exitWithLauncher();
  const host = opts.host ?? process.env.MOTCUA_WEB_HOST ?? '127.0.0.1';
  const port = opts.port ?? (process.env.MOTCUA_WEB_PORT ? Number(process.env.MOTCUA_WEB_PORT) : 5178);
  const rendererDir = opts.rendererDir ?? process.env.MOTCUA_RENDERER_DIR ?? path.join(REPO_ROOT, 'out', 'renderer');
  const server = await startWebServer(core, { host, port, rendererDir, tls });
  core.logger.info('web mode listening', { url: server.url, dataDir: core.layout.root });
  process.stdout.write(`MotCua Desk (web): ${server.url}  —  dữ liệu / data: ${core.layout.root}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    core.logger.info('stopping', { signal });
    void server.close().then(() => core.close()).finally(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return server;
}
