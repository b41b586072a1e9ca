/**
 * Web mode's launcher: the server runs as a child process (this same command with MOTCUA_WEB_CHILD=1), and a
 * child that dies (out of memory, a native crash, kill -9) is logged with its exit code or signal and started
 * again on the same port, with growing delays and a limit (core/platform/restart-policy.ts). SIGTERM/SIGINT
 * stop the child cleanly, then the launcher. If the launcher itself dies, the child notices (its IPC channel
 * closes) and stops too, so no server is left running without its launcher.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolveDataDir, ensureDataLayout } from '../../platform/data-dir';
import { FileLogger } from '../../platform/logger';
import { DEFAULT_RESTART_POLICY, RestartPolicy, type RestartPolicyOptions } from '../../platform/restart-policy';
import { tlsFilesOrExit } from './tls';

export const CHILD_ENV = 'MOTCUA_WEB_CHILD';
const URL_LINE = /MotCua Desk \(web\): https?:\/\/[^\s/]+:(\d+)/;

export function isWebChild(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[CHILD_ENV] === '1';
}

/** In the child: stop at once when the launcher is gone (its IPC channel closed). */
export function exitWithLauncher(): void {
  if (!process.send) return;
  process.on('disconnect', () => {
    // The launcher died without stopping us: end as abruptly as it did (every acknowledged write is on disk).
    process.kill(process.pid, 'SIGKILL');
  });
}

/** argv with `--port N` replaced (a restart keeps the port the first child got, even when asked for 0). */
function withPort(args: string[], port: number | null): string[] {
  if (port === null) return args;
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--port') i++;
    else if (args[i]!.startsWith('--port=')) continue;
    else out.push(args[i]!);
  }
  return [...out, '--port', String(port)];
}

export interface SuperviseOptions {
  /** The script and arguments the child runs (default: this process's own). */
  args?: string[];
  policy?: RestartPolicyOptions;
  /** Milliseconds a child gets to stop after SIGTERM before it is killed. */
  stopTimeoutMs?: number;
}

/** Runs until stopped by a signal (exit 0) or until the child crashes past the limit (exit 1). */
export function superviseWebMode(opts: SuperviseOptions = {}): Promise<never> {
  // Bad HTTPS files are the operator's to fix: told once here (exit 2), not a child crashing and restarting.
  tlsFilesOrExit();
  const layout = ensureDataLayout(resolveDataDir());
  const log = new FileLogger({ dir: layout.logs, level: 'info', echo: false, baseName: 'launcher' });
  const policy = new RestartPolicy(opts.policy ?? DEFAULT_RESTART_POLICY);
  const baseArgs = opts.args ?? [...process.execArgv, ...process.argv.slice(1)];
  let port: number | null = null;
  let child: ChildProcess | null = null;
  let stopping = false;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;

  const start = () => {
    const c = spawn(process.execPath, withPort(baseArgs, port), {
      env: { ...process.env, [CHILD_ENV]: '1' },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child = c;
    log.info('web server started', { pid: c.pid, port });
    process.stderr.write(`[motcua] máy chủ web đã chạy / web server started (pid ${c.pid})\n`);
    createInterface({ input: c.stdout! }).on('line', (line) => {
      const m = URL_LINE.exec(line);
      if (m && port === null) port = Number(m[1]);
      process.stdout.write(`${line}\n`);
    });
    c.on('exit', (code, signal) => {
      child = null;
      if (stopping) return;
      if (code === 0) process.exit(0);
      // The child refused its configuration (exit 2, e.g. a TLS file changed since): restarting would refuse it again.
      if (code === 2) process.exit(2);
      const decision = policy.onCrash();
      if (!decision.restart) {
        log.error('web server keeps crashing; giving up', { code, signal, crashes: decision.crashes });
        process.stderr.write(`[motcua] máy chủ web dừng đột ngột ${decision.crashes} lần liên tiếp; không khởi động lại. Xem nhật ký trong ${layout.logs} / web server crashed too often; not restarting\n`);
        process.exit(1);
      }
      log.error('web server crashed; restarting', { code, signal, attempt: decision.attempt, delayMs: decision.delayMs });
      process.stderr.write(`[motcua] máy chủ web dừng đột ngột (mã ${code ?? '-'}, tín hiệu ${signal ?? '-'}); khởi động lại sau ${decision.delayMs} ms / web server crashed (code ${code}, signal ${signal}); restarting\n`);
      restartTimer = setTimeout(() => {
        restartTimer = null;
        start();
      }, decision.delayMs);
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (restartTimer) clearTimeout(restartTimer);
    log.info('stopping', { signal });
    const c = child;
    if (!c) process.exit(0);
    const force = setTimeout(() => c.kill('SIGKILL'), opts.stopTimeoutMs ?? 10_000);
    c.once('exit', () => {
      clearTimeout(force);
      process.exit(0);
    });
    c.kill('SIGTERM');
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  start();
  return new Promise<never>(() => {});
}
