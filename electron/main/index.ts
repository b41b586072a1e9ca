/**
 * Electron main process: a thin shell. It owns windows, the app:// protocol, permissions and the IPC gate;
 * all data work happens in the core, hosted in a utility process (out/main/core-host.js).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, Menu, protocol, safeStorage, session, utilityProcess, webContents, type BrowserWindow } from 'electron';
import type { WireError } from '../../core/contract/errors';
import { resolveDataDir, dataLayout } from '../../core/platform/data-dir';
import { resolveKeyDir } from '../../core/platform/audit-key-store';
import type { HostAuditSecret } from '../shared/audit-secret';
import { loadOrCreateMasterSecret } from './audit-secret';
import { FileLogger, installProcessHandlers, type LogLevel } from '../../core/platform/logger';
import { errorMessage } from '../../core/i18n/translate';
import { hostArgv, parseLogLevel } from '../shared/host-control';
import { APP_SCHEME } from './app-origin';
import { hardenSession, hardenWebContents } from './harden';
import { HostClient } from './host-client';
import { registerCallHandler } from './ipc';
import { appMenuTemplate } from './menu';
import { appOrigins, devRendererUrl } from './navigation';
import { createEventForwarder } from './push';
import { serveRendererRequest } from './serve';
import { voiceClipRequest } from './voice';
import { securityHeaders } from './security';
import { createDisplayBoardWindow, createMainWindow, type WindowEnv } from './windows';

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const PRELOAD_PATH = path.join(here, '..', 'preload', 'index.cjs');
const RENDERER_DIR = path.join(here, '..', 'renderer');
const CORE_HOST_PATH = path.join(here, 'core-host.js');

// Must happen before 'ready': app:// behaves like https (standard, secure origin, fetch allowed).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.enableSandbox();
// The display board announces calls with no click on its screen (a TV on the wall); the app plays no other media.
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
// Chromium's profile (cache, local storage) goes to a subfolder, apart from the counter's own data files.
app.setPath('sessionData', path.join(app.getPath('userData'), 'electron-session'));

if (!app.requestSingleInstanceLock()) {
  // A second start just focuses the running app (see 'second-instance').
  app.quit();
} else {
  void run().catch((err: unknown) => {
    process.stderr.write(`MotCua Desk failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    app.exit(1);
  });
}

function logLevel(): LogLevel {
  return parseLogLevel(process.env.MOTCUA_LOG_LEVEL) ?? 'info';
}

function makeError(code: string): WireError {
  return { code, message: errorMessage(code), params: {} };
}

async function run(): Promise<void> {
  const isDev = !app.isPackaged;
  const devUrl = devRendererUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  const origins = appOrigins(devUrl);
  const dataDir = resolveDataDir(process.env);
  const logger = new FileLogger({ dir: dataLayout(dataDir).logs, baseName: 'electron-main', level: logLevel(), echo: true });
  installProcessHandlers(logger, { process: 'electron-main' });
  const warn = (msg: string, fields?: Record<string, unknown>): void => logger.warn(msg, fields);

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origins, warn));
  app.on('session-created', (ses) => hardenSession(ses, origins));

  await app.whenReady();
  hardenSession(session.defaultSession, origins);
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
  protocol.handle(APP_SCHEME, (request) => {
    // The board's voice clips come from resources/voice, everything else from the built renderer.
    const voice = voiceClipRequest(resourcesDir, request.url);
    if (voice === 'renderer') return serveRendererRequest(RENDERER_DIR, request.method, request.url);
    if (voice === 'refused') return new Response('Not Found', { status: 404, headers: securityHeaders() });
    return serveRendererRequest(voice.root, request.method, voice.url);
  });

  // The audit keys' master secret stays in main (safeStorage); each core process gets it as its first message.
  const masterSecret = loadOrCreateMasterSecret(resolveKeyDir(process.env), safeStorage);
  const ourIds = new Set<number>();
  const push = createEventForwarder({ ourWebContentsIds: ourIds, lookup: (id) => webContents.fromId(id), warn });
  const host = new HostClient({
    makeError,
    onEvent: (key, message) => push.forward(key, message),
    onRestarted: () => push.lostAll(),
    log: (level, msg, fields) => logger[level](msg, fields),
    spawn: (events) => {
      const child = utilityProcess.fork(
        CORE_HOST_PATH,
        hostArgv({
          dataDir,
          resourcesDir,
          logLevel: logLevel(),
        }),
        { serviceName: 'MotCua Desk core', stdio: 'inherit' },
      );
      child.postMessage({ type: 'auditSecret', secret: masterSecret?.toString('base64') ?? null } satisfies HostAuditSecret);
      child.on('message', (data: unknown) => events.message(data));
      child.on('exit', (code) => events.exit(code));
      return { postMessage: (m) => child.postMessage(m), kill: () => void child.kill() };
    },
  });
  host.start();

  registerCallHandler({ host, ourWebContentsIds: ourIds, allowedOrigins: origins, makeError, warn });

  const env: WindowEnv = { preloadPath: PRELOAD_PATH, devTools: isDev, devUrl };
  const track = (win: BrowserWindow): BrowserWindow => {
    const id = win.webContents.id;
    ourIds.add(id);
    win.webContents.once('destroyed', () => {
      ourIds.delete(id);
      host.disconnect(String(id));
    });
    win.webContents.on('render-process-gone', (_event, details) => {
      logger.error('renderer process gone', { webContentsId: id, reason: details.reason, exitCode: details.exitCode });
    });
    return win;
  };

  let mainWindow: BrowserWindow | null = null;
  let displayBoard: BrowserWindow | null = null;
  const openDisplayBoard = (): void => {
    if (displayBoard !== null && !displayBoard.isDestroyed()) {
      displayBoard.focus();
      return;
    }
    displayBoard = track(createDisplayBoardWindow(env));
    displayBoard.on('closed', () => {
      displayBoard = null;
    });
  };

  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ openDisplayBoard, isDev })));
  mainWindow = track(createMainWindow(env));
  // Closing the clerk's window ends the app, display board included.
  mainWindow.on('closed', () => {
    mainWindow = null;
    app.quit();
  });

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  let hostStopped = false;
  app.on('will-quit', (event) => {
    if (hostStopped) return;
    // Let the core close SQLite cleanly before the process goes away.
    event.preventDefault();
    void host.stop().finally(() => {
      hostStopped = true;
      app.quit();
    });
  });
  logger.info('main process ready', { dataDir, dev: isDev, origins });
}
