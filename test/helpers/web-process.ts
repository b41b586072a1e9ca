import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO } from './temp';

export interface WebProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the "listening" line. */
  readyMs: number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts web mode as a real child process (scripts/start-web.mjs) on a free port. */
export function startWebProcess(dataDir: string, extraEnv: Record<string, string> = {}): Promise<WebProcess> {
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(REPO, 'scripts', 'start-web.mjs'), '--port', '0'], {
    cwd: REPO,
    env: { ...process.env, MOTCUA_DATA_DIR: dataDir, MOTCUA_SKIP_RENDERER_BUILD: '1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web mode did not start in 30 s\n${out}\n${err}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web mode exited early (${code})\n${out}\n${err}`));
    });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /MotCua Desk \(web\): (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({
          child,
          url: m[1]!,
          readyMs: Date.now() - started,
          stop: (signal = 'SIGTERM') =>
            new Promise((res) => {
              if (child.exitCode !== null || child.signalCode !== null) return res(child.exitCode);
              child.once('exit', (code) => res(code));
              child.kill(signal);
            }),
        });
      }
    });
  });
}
